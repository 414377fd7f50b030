"""What a question asks for (who / target / when / tasks / general), and whether a passage holds
a value of that kind.

Search ranks by it (``answer_type_bonus``): among passages that match the question about equally,
the one holding what a how-many question asks for (a number) or a when-question asks for (a date, a
month, a quarter, a year, a period, a recurrence) is the one the user wants first. Measured on the
tuning questions (questions.dev, the odd lines of questions.blind, ALQAC dev), a bonus of 0.1 in
the fused score over the top 10 lifted hit@1 .82 -> .84 (dev) and .836 -> .873 (blind odd), with no
question moved down on any set, the held-back half included. Who-questions are left out: "a unit
is named" is true of most plan passages and moved held-back answers down.

The answer engine reads the question's kind from here too (one home). Matching is done on the
folded (diacritics-free, lower-case) question, so "ai chiu trach nhiem" and "Ai chịu trách nhiệm"
are the same, and English questions have their own cues.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.extract.deadlines import PATTERNS as SCHEDULE_PATTERNS
from indexer.extract.numbers import NUMBER_RE
from indexer.text import folded_words

QUESTION_KINDS = ("who", "target", "when", "tasks", "general")

_WHEN = re.compile(r"\b(?:khi nao|bao gio|thoi han|han chot|han khi nao|truoc ngay nao|ngay nao|"
                   r"thang nao|nam nao|quy nao|giai doan nao|thoi gian nao|thoi diem nao|luc nao|tien do|"
                   r"bao lau|chu ky nao|thoi hieu|(?:what|which) cycle|"
                   r"deadline|by when|what date|which date|which period|what period|time ?frame|due|"
                   r"which year|what year|target year|how long|how often|within how many|"
                   # "What is the date of Decision 238?": the date a document bears
                   r"(?<=^ )(?:what|which) (?:is|was|s) the date|"
                   # the time noun a which/what asks for ("in which month", "tháng mấy")
                   r"(?:which|what) (?:month|day|quarter|time)|(?:ngay|thang|quy|nam|gio) may|"
                   # the date counted ("ký ngày bao nhiêu"), not a rate per day ("mỗi ngày bao nhiêu lượt")
                   r"(?<!moi )(?<!hang )(?<!mot )ngay bao nhieu|"
                   # the hour of a day ("trước mấy giờ"), a document's date ("the date of Decision
                   # 238"), a time limit named as a length ("the maximum length of a secondment")
                   r"may gio|gio nao|what time|the date of|(?:length|duration) of|"
                   r"(?:maximum|minimum|how much) time|time limit|"
                   # a time counted in days or months ("trong bao nhiêu ngày", "mấy tháng"), not an
                   # age ("mấy tháng tuổi"); years are often a count ("sơ kết mấy năm thực hiện")
                   r"(?:bao nhieu|may) (?:ngay|thang)(?! tuoi)|"
                   r"nhiem ky nao|thoi ky nao|which term|what term|"
                   # a year reached ("tầm nhìn đến năm bao nhiêu", "tới năm mấy"): a horizon, no count
                   r"(?:den|toi|la|vao) nam (?:bao nhieu|may)|"
                   # a milestone asked ("đến mốc nào", "mốc thời gian nào", "mốc năm")
                   # (not "đến mốc năm 2030, … bao nhiêu": a year given, a count asked)
                   r"moc (?:nao|thoi gian|nam)(?! (?:19|20)\d\d)|"
                   r"how many (?:working )?(?:days|weeks|months|years|hours))\b|"
                   # English asking a time limit in other words: "how soon must it correct it", "the
                   # statute of limitations for filing a lawsuit" (thời hiệu), "how far in advance"
                   r"\bhow (?:soon|quickly|early|far in advance|far ahead|long before)\b|\bhow much (?:(?:advance|prior|written) )*notice\b|"
                   r"\bhow much in advance\b|\bstatutes? of limitations?\b|"
                   r"\blimitation periods?\b|\bwithin what (?:time|period)\b|"
                   # a frequency ("how frequently", "how many times a year": answered only by a
                   # recurrence, passages.is_frequency_question) and the date a law takes effect.
                   # (Not a period named by what it is for, "the validity period of a licence": the
                   # laws' transitional "trong thời hạn 12 tháng kể từ ngày Luật này có hiệu lực"
                   # then answers questions about another period.)
                   r"\bhow frequently\b|\btan suat\b|\bat what frequency\b|\bhow many times (?:a|per|each|every) (?:year|month|week|quarter|day)\b|"
                   r"\beffective date\b|"
                   # a date named by what it dates ("the issuance date of Resolution 06", "its cut-off
                   # date", "ngày ban hành nào", "trước hôm nào") and the years a work is set for ("in
                   # which years is it to be built")
                   # (not "what years of experience", a count; nor "hôm nào cũng", any day)
                   r"\b(?:issuance|issue|issuing|signing|adoption|cut ?off|submission) dates?\b|\b(?:which|what) years\b(?! of\b)|"
                   r"\bngay (?:ban hanh|ky|thong qua) nao\b|\bhom nao\b(?! cung\b)|"
                   r"^when (?:is|are|was|were|will|must|does|do|did|should|can|has|have)\b|"
                   r"(?<!^)\bwhen\b(?! (?:investigat|\w+ing\b))")
_TASKS = re.compile(r"\b(?:nhiem vu gi|lam gi|phai lam|co nhiem vu|nhiem vu cua|trach nhiem gi|"
                    r"what (?:tasks|duties|must|should|does)|tasks? of|duties of|what is .* responsible for)\b")
# The English nouns of a kind of body a "which" asks for ("which provincial body", "which state
# agency"); fit_who reads the same phrase out of a question.
EN_BODY_NOUNS = (r"agency|agencies|body|bodies|unit|units|office|organi[sz]ation|department|committee|authority|"
                 r"authorities|ministry|party body|organ|organs|level|offices|organi[sz]ations|departments|"
                 r"committees|ministries|councils?|courts?|forces?|(?:party )?cells?|party committees?|officials?|"
                 r"officers?|persons?|individuals?|entit(?:y|ies)|part(?:y|ies)|ministers?")
# The words of a duty, which ask who bears it (``_WHO``) unless a count of staff names them (``_COUNTED_DUTY``).
_DUTY = r"chiu trach nhiem|chu tri|phu trach|responsible|in charge"
# The Vietnamese who-words of a body (one home: ``_WHO`` and ``_VI_LEAD_WHO`` read them).
_VI_BODY_WHO = (r"ai|nhung ai|co quan nao|don vi nao|to chuc nao|ban nao|cap nao|ben nao|bo nao|bo phan nao|"
                # ("qua đầu mối nào", through which focal point: a body)
                r"dau moi nao|"
                # a body of a kind the laws and plans name ("tòa nào", "lực lượng nào", "cấp chính
                # quyền nào"). Not "chủ thể nào", which asks the parties a law lists ("trái phiếu xanh
                # do những chủ thể nào phát hành"), nor "người nào", a law's "whoever" ("Người nào vi
                # phạm … thì bị phạt bao nhiêu"), nor "đoàn thể nào", folded as "dự đoán thế nào"
                r"toa (?:an )?nao|luc luong nao|(?:cap|ben) chinh quyen nao")
_WHO = re.compile(rf"(?:^|\s)(?:{_VI_BODY_WHO}|voi ai|"
                  # an office holder asked by title ("Chủ tịch Quốc hội nào ký …", "Bộ trưởng nào …")
                  # (the office's body said or not, nothing else: "Chủ tịch nước có quyền nào" asks a power)
                  r"(?:chu tich|pho chu tich|bo truong|thu tuong)(?: quoc hoi| nuoc| chinh phu| ubnd| hdnd|"
                  r" uy ban nhan dan| hoi dong nhan dan)?(?: cap)?(?: tinh| huyen| xa| phuong)? nao|"
                  # ("which provincial body", "which state agency": a word or two may describe it)
                  rf"{_DUTY}|who|whom|whose|which (?:\w+ ){{0,2}}?(?:{EN_BODY_NOUNS}))(?:\s|$|\?)")
# A Vietnamese question that opens with a kind of body described by a few words and then "nào"
# asks which body: "Tổ chức phối hợp liên ngành nào tư vấn giúp Thủ tướng …", "Cơ quan nhà nước nào
# …", "Hội đồng nào …" (the who-words above need "nào" right after the head). What follows "nào" is
# then the body's predicate; a preposition or a time there says the head was a verb and its words
# the thing done ("Tổ chức hoạt động nào trong Tháng hành động …": which activity is organised).
# (the words after "nào" that say it was no body's: a preposition, a time, a passive, a particle)
_NOT_A_BODYS_PREDICATE = (r"(?:trong|tai|vao|cho|o|de|khi|nam|thang|ngay|tuan|dip|duoc|bi|nhu|va|hoac|"
                          r"nhat|hon|thi|ma|vay|the|a|ha|khong|chua|roi)\b")
_WHO_CLASS_LEAD = re.compile(r"^ (?:co quan|to chuc|don vi|hoi dong|uy ban|luc luong)(?: [a-z]+){1,4} nao "
                             rf"(?!cua\b|{_NOT_A_BODYS_PREDICATE})")
# … and one that names such a body anywhere, described by a word or three ("cơ quan Trung ương nào",
# "ban chuyên trách nào của Tỉnh ủy", "tổ chức nòng cốt nào", "tập thể lãnh đạo nào", "cấp ủy nào"),
# when nothing else says what it asks (read last, before "general"). Not "có quan hệ", "có quan điểm"
# (folded like "cơ quan"), "văn bản", "ban hành" (the verb issue), "tổ chức vào …" (the verb
# organise), "đơn vị tính" (a unit of measure), "lực lượng lao động" (the workforce), nor a time after
# "nào" (``_NOT_A_BODYS_PREDICATE``; "của" may follow: "ban chuyên trách nào của Tỉnh ủy").
_WHO_CLASS_ANY = re.compile(r"(?:^|\s)(?:co quan(?! (?:he|diem|tam)\b)|to chuc(?= (?:dang|nong cot|chinh tri|xa hoi|doan the)\b)|"
                            r"(?<!van )ban(?! (?:hanh|do|than|dau)\b)|van phong|cap uy|tap the|hoi dong|uy ban|"
                            r"luc luong(?! lao dong\b)|don vi(?! (?:tinh|do)\b))(?: (?!nao\b)[a-z]+){1,4}(?<! the) nao "
                            rf"(?!{_NOT_A_BODYS_PREDICATE})"
                            # (in English, bodies ``EN_BODY_NOUNS`` leaves out, or an office named by more
                            # words than it reads: "which institutions confer …", "which senior prosecutor
                            # attends …", "which Nông Tiến ward office convenes …"; no verb between: not
                            # "which rights do unions have", "which provisions of the agency's charter")
                            r"|\bwhich (?:(?!(?:do|does|did|must|should|shall|can|may|will|is|are|of|to|for|"
                            r"apply|applies)\b)\w+ ){0,3}?(?:institutions?|associations?|unions?|prosecutors?|offices?|"
                            # (not a notice board, nor a commission paid: "which commission does an agent receive")
                            r"(?<!notice )(?<!bulletin )boards?|commissions?(?! (?:does|do|did|is|are)\b))\b"
                            # an office holder or a partner asked by its kind ("chức danh nào", "đối tác
                            # nào", "đầu mối lãnh đạo nào"); not a professional grade ("chức danh nghề
                            # nghiệp nào"), a wholesale market or a waterworks' head ("chợ / công trình đầu
                            # mối nào"), nor "thế nào" (how)
                            r"|(?:^|\s)(?:chuc danh(?! nghe nghiep\b)|doi tac)(?: (?!nao\b)[a-z]+){0,3}(?<! the) nao "
                            rf"(?!{_NOT_A_BODYS_PREDICATE})|(?:^|\s)(?<!cho )(?<!trinh )dau moi(?: (?!nao\b)[a-z]+){{1,3}}(?<! the) nao "
                            rf"(?!{_NOT_A_BODYS_PREDICATE})")
# "đồng chí nào" (which comrade): folded, "hợp đồng chỉ", "lao động chi trả", "đóng chi phí" read alike,
# so typed with diacritics only as written (``_asks_comrade``)
_COMRADE = re.compile(r"(?:^|\s)(?<!hop )(?<!lao )(?<!cong )(?<!hoat )dong chi(?: (?!nao\b)[a-z]+){0,3}(?<! the) nao "
                      rf"(?!{_NOT_A_BODYS_PREDICATE})")
# "hội nào", "đoàn thể nào", "Mặt trận (Tổ quốc) nào" as written with diacritics (folded, "hồi nào" is
# when and "dự đoán thế nào" how): which association, mass organisation or front. Not the "hội" of a
# compound ("lễ hội", "xã hội", "cơ hội", "Quốc hội", "Đại hội", "hội nghị", "hội thi", "hội đủ"), nor a
# figurative front ("mặt trận kinh tế"); the words after "nào" as the folded patterns read them
# (``_NOT_A_BODYS_PREDICATE``, in ``_asks_written_body``).
_WHO_CLASS_WRITTEN = re.compile(r"(?i)(?<!\w)(?:(?<!xã )(?<!lễ )(?<!cơ )(?<!đại )(?<!quốc )hội"
                                r"(?!\s+(?:nghị|thảo|thi|chợ|diễn|nhập|đủ|viên|đồng|trường|họp)\b)|đoàn thể|"
                                r"mặt trận(?=\s+(?:tổ quốc|hay|hoặc|nào)\b))(?:\s+(?!nào\b)\w+){0,3}(?<!thế)\s+nào(?!\w)")


def _asks_written_body(question: str) -> bool:
    """``_WHO_CLASS_WRITTEN`` reads a body, and what follows its "nào" is a body's predicate."""
    return any(not re.match(_NOT_A_BODYS_PREDICATE, folded_words(question[m.end():]))
               for m in _WHO_CLASS_WRITTEN.finditer(question))


def _asks_comrade(question: str, q: str) -> bool:
    """"Đồng chí nào …" (``_COMRADE`` on the folded question ``q``), written so when typed with diacritics."""
    return bool(_COMRADE.search(q)) and (not _typed_with_diacritics(question) or "đồng chí" in question.lower())


# "bao nhiêu %", "mấy %", "what %" as typed: a percentage asked by its sign, which folding drops.
# "first" when the sign follows the question's first "bao nhiêu"/"mấy" (the noun after it is then what
# is counted in hundredths, "bao nhiêu % số thôn, bản"), "later" when a count is asked before it.
_PERCENT_SIGN = re.compile(r"(?i)(?:\bbao\s+nhi[eêế]u|\bm[aấ]y|\bhow\s+many|\bwhat)\s*%")
_ASKS_AMOUNT = re.compile(r"(?i)\bbao\s+nhi[eêế]u\b|\bm[aấ]y\b")


def percent_sign(question: str) -> str | None:
    """"first", "later" or None: where the question asks a percentage by its sign (``_PERCENT_SIGN``)."""
    m = _PERCENT_SIGN.search(question)
    if m is None:
        return None
    first = _ASKS_AMOUNT.search(question)
    return "first" if first is None or first.start() >= m.start() else "later"
_TARGET = re.compile(r"\b(?:bao nhieu|may|muc tieu|chi tieu|ty le|phan tram|toc do|dat muc|muc nao|tuoi nao|"
                     # English nouns and verbs inflect: "is … targeting", "the targeted rate", "goals"
                     r"how (?:many|much)|target(?:s|ed|ing)?|percent|percentage|rates?|goals?|indicators?|"
                     r"budgets?|total|"
                     r"what share|which share|what proportion|what level|how old|(?:what|which) fraction|"
                     # a quantity noun asked for ("the minimum number", "what average income", "what age")
                     r"minimum|maximum|average|(?:what|which) (?:\w+ ){0,2}(?:number|amount|income|age|figure|"
                     r"value|revenue|ratio|quota|fine|fee|"
                     # a part or a bound asked ("what fraction of its length", "what's the cap on",
                     # "what interest applies")
                     r"fraction|proportion|cap|ceiling|limit|interest|penalty|price)s?)\b")


# Heads of a who-word ("ban nào", "bộ nào", "cấp nào", "bên nào") as they are written with
# diacritics. Folded, "bản nào" (which village), "bán", "bạn" read as "ban nào" (which board), "bò"
# as "bộ": when the question carries diacritics, a word that folds to a head but is written
# otherwise is not that head.
_WHO_HEADS = {"ban": "ban", "bo": "bộ", "cap": "cấp", "ben": "bên"}


def _typed_with_diacritics(question: str) -> bool:
    """Any letter beyond ASCII: the question was typed with its marks, so a word written otherwise
    than a head it folds to is not that head (``fold_question``, ``_asks_comrade``)."""
    return any(ord(c) > 127 for c in question)


def fold_question(question: str) -> str:
    """The folded question, a false friend of a who-head (see ``_WHO_HEADS``) kept apart as
    "x<syllable>" when the question was typed with diacritics."""
    if not _typed_with_diacritics(question):
        return folded_words(question)
    out = []
    for word in re.findall(r"\w+", question):
        folded = folded_words(word)
        proper = _WHO_HEADS.get(folded)
        out.append(f"x{folded}" if proper and word.lower() != proper else folded)
    return " ".join(out)


# An English question that opens with its who-word ("Who decides …", "Which court hears …") asks
# who, whatever its "when"-clause says of the circumstance ("… when the parents cannot agree?",
# "… when a contract is void?"): a bare "when" inside it is a conjunction, not the question. So
# does one whose who-word follows the frame naming its document ("Under the Law on Crop Production,
# which authority must a cultivator notify when pollution occurs?"), or after its preposition
# ("When the National Assembly is not in session, to whom does the Chief Justice report?").
_WHO_LEAD = re.compile(r"^ (?:(?:under|according to|in) (?:\w+ ){1,8}?)?(?:(?:to|by|with|from) )?(?:who|whom|which (?:agency|agencies|body|bodies|unit|units|office|offices|"
                       r"organi[sz]ations?|departments?|committees?|authority|authorities|ministry|"
                       r"ministries|organs?|councils?|courts?|forces?|level|person|official))\b")


# So does a Vietnamese question that opens with its who-word and names a time limit only as the
# thing acted on: "Ai quyết định gia hạn thời hạn cai nghiện?" asks who extends it, not how long.
# The same when the who-word closes the question: "Hết thời hiệu yêu cầu chia di sản thì di sản
# thuộc về ai?" asks who, the time limit is its condition.
# (a body's who-word, not an office title: "…, ban nào của Tỉnh ủy hướng dẫn và theo dõi tiến độ?"
# asks which board, the progress is what it follows)
_VI_LEAD_WHO = rf"(?:{_VI_BODY_WHO})"
# And one that sets out its case and asks after "thì" ("… theo Luật Bảo vệ môi trường thì ai chủ trì
# xác định thời gian, địa điểm, tần suất thu gom?": the frequency is what is determined).
_WHO_LEAD_VI = re.compile(rf"^ {_VI_LEAD_WHO} | {_VI_LEAD_WHO} $| thi {_VI_LEAD_WHO} ")
_TIME_NOUNS = frozenset({"thoi han", "thoi hieu", "tien do", "tan suat", "moc thoi gian", "moc nam"})


# An English question asking a count or a share, its only when-cue a bare "when" ("… has a foreign
# element when at least how many parties are foreigners?"): the "when" is a conjunction. (A time
# counted is a when by its own cue: "how many days".)
_COUNT_ASKED = re.compile(r"\bhow (?:many|much)\b|\bwhat (?:share|percentage|proportion|fraction)\b")


def _asks_who_not_when(q: str) -> bool:
    """The question opens with an English who-word (or asks a count) and its only when-cue is a bare
    "when", or has a Vietnamese who-word and its only when-cues are time nouns ("thời hạn")."""
    cues = [m.group(0).strip() for m in _WHEN.finditer(q)]
    return (bool(_WHO_LEAD.match(q) or _COUNT_ASKED.search(q)) and all(c == "when" for c in cues)) or \
        (bool(_WHO_LEAD_VI.search(q)) and all(c in _TIME_NOUNS for c in cues))


# An English who-word asks when it opens the question, a sentence of it or a clause ("Under the
# Law …, who …", "Our village is … . Who leads …"), or
# follows a preposition or a conjunction ("to whom", "and who"); after a noun it is a relative
# pronoun ("A person who in good faith used someone else's property …").
_ASKING_WHO = re.compile(r"(?:^|[.,;:(?!]|\b(?:to|by|with|of|for|from|and|or|but|then|exactly|namely|about|on|at|in|"
                         r"under|than|among|whether|is|are|was|were)\s)\s*(?:who|whom|whose)\b", re.I)
_ANY_WHO = re.compile(r"\b(?:who|whom|whose)\b", re.I)


def _relative_only(question: str) -> bool:
    """The question's English who-words are all relative pronouns."""
    text = question.strip()
    return bool(_ANY_WHO.search(text)) and not _ASKING_WHO.search(text)


# A question that sets out its case first and asks after a semicolon, a colon or a full stop
# ("hợp đồng … sắp hết hạn; ai quyết định ký tiếp hay chấm dứt hợp đồng?", "Tôi đang soạn tài liệu
# …: bộ phận nào …", "Our village is … . Who leads …"): the clause after the last one is the
# question, the case before it only its circumstance.
_CLAUSE_MARK = re.compile(r"[;:]|[.?!]\s")


def _asking_clause(question: str) -> str:
    """The folded clause after the question's last semicolon, colon or full stop (padded), or " "
    when it has none or nothing after it."""
    parts = _CLAUSE_MARK.split(question)
    return f" {fold_question(parts[-1])} " if len(parts) > 1 and re.search(r"\w", parts[-1]) else " "


def _who_after_comma(question: str, q: str) -> bool:
    """A who-word opens the clause after the question's last comma, and its only when-cues are
    time nouns (an English one's, a bare "when"): "Trong thời hạn xử lý kỷ luật, ai quyết định tạm
    đình chỉ công tác của viên chức?" sets its case in the time limit and asks who ("trong thời hạn
    bao nhiêu ngày, ai …" asks the time too: its count is a cue of its own)."""
    _, comma, tail = question.rpartition(",")
    if not comma:
        return False
    # (in English, the case opened by a bare "when", after any of its commas — a name may hold one
    # later: "When a foreign tourism agency applies …, who makes the final decision after the
    # Ministry of Culture, Sports and Tourism has appraised the file?")
    if any(_WHO_LEAD.match(f" {fold_question(c)} ") for c in question.split(",")[1:]):
        return all(m.group(0).strip() == "when" for m in _WHEN.finditer(q))
    tail = f" {fold_question(tail)} "
    if not re.match(rf"^ {_VI_LEAD_WHO} ", tail):
        return False
    return all(m.group(0).strip() in _TIME_NOUNS for m in _WHEN.finditer(q))


# A count of people or staff described by their duty ("bố trí tối thiểu bao nhiêu nhân sự phụ trách
# bảo vệ môi trường", "how many officers in charge of …"): the duty words say which staff are
# counted, not that a unit is asked, so they do not make it a who-question.
# (a staff noun after the count word: "what entity may be held responsible" counts nobody)
_COUNTED_DUTY = re.compile(r"( (?:bao nhieu|may|how many)(?: \w+){0,2}? (?:nhan su|can bo|cong chuc|vien chuc|"
                           r"nguoi|thanh vien|officers?|officials?|staff|persons?|people|members?|employees?)"
                           rf"(?: \w+){{0,2}}?) (?:{_DUTY})(?= )")


@lru_cache(maxsize=4096)
def classify(question: str) -> str:
    """who | target | when | tasks | general. Remembered: search and answer both ask."""
    q = f" {fold_question(question)} "
    if _WHEN.search(q) and not _asks_who_not_when(q) and not _asks_who_not_when(_asking_clause(question)) \
            and not _who_after_comma(question, q):
        return "when"
    if _TASKS.search(q):
        return "tasks"
    if _relative_only(question):
        q = re.sub(r" (?:who|whom|whose)(?= )", " ", q)  # "A person who in good faith used …": no who asked
    q = _COUNTED_DUTY.sub(r"\1", q)
    if _WHO.search(q) or _WHO_CLASS_LEAD.match(q):
        return "who"
    if _TARGET.search(q) or percent_sign(question):
        return "target"
    if _WHO_CLASS_ANY.search(q) or _asks_comrade(question, q) or _asks_written_body(question):
        return "who"
    return "general"


# The schedule patterns for "does the text hold one": without their optional leading cue words
# ("(?:(?:trước|chậm nhất|…)\s+)*", tried at every position of the text), a match of the rest exists
# exactly when one of the whole pattern does, found four times faster (~36 instead of ~150 µs a
# passage; ten passages per when-question).
_OPTIONAL_LEAD = re.compile(r"^\(\?:\(\?:[^()]*\)\\s\+\)\*")
_SCHEDULE_HELD = [re.compile(_OPTIONAL_LEAD.sub("", p.pattern, count=1), p.flags) for _, p in SCHEDULE_PATTERNS]

# Kinds whose answer is a value a passage either holds or not.
_HOLDS = {
    "target": lambda text: NUMBER_RE.search(text) is not None,
    "when": lambda text: any(p.search(text) for p in _SCHEDULE_HELD),
}


@lru_cache(maxsize=8192)
def holds_kind(kind: str, text: str) -> bool:
    """Whether ``text`` holds a value of the kind asked: a number for a target-question, a date,
    month, quarter, year, period or recurrence for a when-question. False for other kinds.
    Remembered per passage text (the schedule patterns are many; popular passages come back)."""
    test = _HOLDS.get(kind)
    return bool(test and test(text))


def answer_type_bonus(question_kind: str, keys_scores: list, texts: dict, bonus: float, depth: int) -> list:
    """Re-rank the first ``depth`` fused (key, score, ranks) triples: ``bonus`` is added to the score
    of those whose text holds a value of the kind asked; the rest keep their order below them.
    A kind without a value test (who, tasks, general) leaves the list as it is."""
    if not bonus or question_kind not in _HOLDS:
        return keys_scores
    head = [(key, score + (bonus if holds_kind(question_kind, texts.get(key, "")) else 0.0), ranks)
            for key, score, ranks in keys_scores[:depth]]
    head.sort(key=lambda t: -t[1])  # stable: equal scores keep the fused order
    return head + keys_scores[depth:]
