"""A length of time (or a number of times) an English question asks, read in the sentence the model
finds closest to it.

An English question reaches the documents through a glossary that knows the law's terms but not
every way of saying them ("How long before a registered temporary residence period ends …" for
"Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú …"); the lexical support then finds
too few of its words, though the search, which reads it with the model as well, ranks the right
passage first. "How many days / months / years …" names the unit of its answer, so a sentence of
that passage holding exactly one number of that unit can answer, if it is the sentence the model
finds closest to the question and the question's own words are not missing from it altogether
(the caller's support check).

A moment is a unit too: "When must …", "from what point …", "khi nào", "vào thời điểm nào" are
answered by the one moment the sentence names, by "thời điểm …" or by its event ("trước khi ký kết
hợp đồng làm việc"), never by the event the question itself states (``moment_value``). Measured
when added: tuning halves +13 right, +1 wrong; the 18 held-back halves +18 right, +2 wrong.

So is the thing a question counts ("how many people's jurors", "gồm mấy nhóm tiêu chí": a number
written before the same words) and a span of years ("từ năm nào đến năm nào": "1949-2020").
Measured when the Vietnamese counted noun and the span were added: tuning halves +6 right, −1
wrong, +1 unanswerable answered; held-back halves +8 right, −1 wrong.

A Vietnamese question may spell out the measure it counts in ("bao nhiêu ki-lô-gam", "mét vuông")
where the documents write its symbol ("500 kg", "08 m2"): read as the symbol (``spelled_measure``).
So are the people of a body ("mấy người" -> "07 thành viên"). Measured when added, with the cleft
who-questions (actors.cleft_verbs) and the value's bound read whole ("từ đủ 18 tuổi trở lên"):
tuning halves +10 right, 0 wrong; held-back and never-tuned halves +9 right, 0 wrong. The
model's sentence vouching for the words under the looser gate when very close (as the closest-actor
reader does) gained 3 right and 1 wrong on the tuning halves, 4 right and 3 bad on the held-back
ones: not kept. Nor a date asked ("ngày nào") read as the one date of the sentence: 7 unanswerable
questions answered by their document's own date.

Pure functions: which unit a question asks (``asked_unit``) and the one value of it a sentence
states (``unit_value``, ``moment_value``)."""

from __future__ import annotations

import re

from indexer.extract.roles import first_verb
from indexer.text import FUNCTION_WORDS, folded_pattern, folded_words

from .fit_target import COUNTED_ENDS

# "how many (working) days" -> the Vietnamese unit the laws write.
_UNITS = {"day": "ngày", "days": "ngày", "month": "tháng", "months": "tháng", "year": "năm", "years": "năm",
          "week": "tuần", "weeks": "tuần", "hour": "giờ", "hours": "giờ", "minute": "phút", "minutes": "phút",
          # how often a thing may be done ("how many times can it extend …": "gia hạn một lần")
          "time": "lần", "times": "lần"}
_ASKED = re.compile(r"\b(?:how many|within how many|after how many|for how many|by how many|"
                    r"(?:the )?(?:maximum |minimum |total )?number of)\s+"
                    r"(?:(working|business|consecutive)\s+)?(days?|months?|years?|weeks?|hours?|minutes?|times?)\b")
# A number in digits or in words ("15", "mười tám", "ba mươi", "hai mươi mốt").
_NUMBER_WORD = "một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm"
_NUMBER = rf"(?:\d+(?:[.,]\d{{3}})*|(?:(?:{_NUMBER_WORD})\s+)*(?:{_NUMBER_WORD}))"  # ("30.203.000.000")
_QUALIFIER = (r"(?:(?:không quá|tối đa là|tối đa|tối thiểu là|tối thiểu|ít nhất là|ít nhất|chậm nhất là|chậm nhất|"
              r"không thấp hơn|không ít hơn|không dưới|trước|sau|trong|"
              r"chưa đủ|từ đủ|đủ|dưới|trên|từ)\s+)?")


# "bao nhiêu ngày (làm việc)", "mấy tháng", "tối đa mấy lần" (folded): a Vietnamese question names
# its unit the same way; not an age ("bao nhiêu tháng tuổi") nor school years ("mấy năm học").
_ASKED_VI = re.compile(r"\b(?:bao nhieu|may)\s+(ngay|thang|nam|tuan|gio|phut|lan|tuoi)(\s+lam viec)?\b(?!\s+(?:tuoi|hoc)\b)")
_HOW_LONG_VI = re.compile(r"\bbao lau\b")
# "khi nào", "vào thời điểm nào", "giai đoạn nào" (folded): a moment, named by "thời điểm …" or its event
_MOMENT_VI = re.compile(r"\b(?:khi nao|luc nao|thoi diem nao|bao gio|giai doan nao)\b")
_HOW_LONG_EN = re.compile(r"\bhow long\b|\bhow far (?:ahead|in advance)\b|\bwithin what (?:time|period)\b")
_AGE_EN = re.compile(r"\b(?:what|which) age\b|\bhow old\b")
ANY_TIME = "(?:ngày|tháng|năm|tuần|giờ|phút)"
# "When does … arise / end", "at what moment …": a moment the law names by an event ("kể từ thời
# điểm bản án … có hiệu lực pháp luật"), up to its clause's end or a condition.
MOMENT = "thời điểm"
_MOMENT_EN = re.compile(r"(?:^|,)\s*when (?:does|do|is|are|will|must)\b|\b(?:at|from) (?:what|which) "
                        r"(?:moment|point|time|date|day|stage)\b")
_MOMENT_SPAN = re.compile(r"(?<!\w)(?:(?:kể\s+)?từ\s+|là\s+|vào\s+|tại\s+)thời điểm\s+(?!nào)[^,;.:]+?"
                          r"(?=\s*(?:[,;.:]|$|\s(?:nếu|trừ|thì)\s))", re.IGNORECASE)
# The law also names a moment by the event it comes before, after or with ("trước khi ký kết hợp đồng
# làm việc phải được sự đồng ý …", "khi hết thời hạn hưởng dụng", "cùng thời điểm nộp bản tự bảo
# vệ"), a length of time counted from it belonging to it ("15 ngày trước ngày kết thúc thời hạn tạm
# trú"). It ends at its clause's end or where the predicate it frames goes on ("phải", "thì", "mà").
_COUNTED = rf"(?:(?:trong\s+)?(?:thời hạn\s+)?(?:không quá\s+|tối đa\s+|chậm nhất\s+|ít nhất\s+)?{_NUMBER}\s+{ANY_TIME}(?:\s+làm việc)?\s+)?"
# Where an event's clause ends: its punctuation, or a condition or the predicate it frames.
_EVENT_END = r"(?=\s*(?:[,;.:\n]|$|\s(?:nếu|trừ|thì|phải|mà|và phải|đồng thời)\s))"
_EVENT_SPAN = re.compile(rf"(?<!\w){_COUNTED}(?:(?:ngay\s+)?(?:trước|sau)\s+(?:khi|ngày)|(?:kể\s+)?từ\s+(?:ngày|khi)|"
                         r"(?:cho\s+)?đến\s+(?:khi|hết)|khi\s+hết|đồng thời với|cùng thời điểm)\s+"
                         rf"(?P<event>[^,;.:\n]+?){_EVENT_END}", re.IGNORECASE)
# "độ tuổi nào", "in which age group": a range of ages ("từ đủ 12 tuổi đến dưới 18 tuổi"), or one age
AGE_RANGE = "tuổi (range)"
_AGE_RANGE_ASKED = re.compile(r"\b(?:do|lua) tuoi nao\b|\bage (?:group|bracket|range)s?\b")
# "bao quát từ năm nào đến năm nào", "trong khoảng mấy năm nào", "which years" (folded): a span of
# years, written "1949-2020", "giai đoạn 2021 - 2025" or "từ năm 2021 đến năm 2025"
YEAR_SPAN = "năm (khoảng)"
_YEAR_SPAN_ASKED = re.compile(r"\bnam nao (?:den|toi) nam nao\b|\b(?:khoang|nhung) (?:may )?nam nao\b|"
                              r"\b(?:which|what) years\b|\bfrom (?:what|which) year\b")
_YEAR_SPAN = re.compile(r"(?<![\w/.-])(?:(?:từ\s+)?năm\s+)?(?:19|20)\d\d\s*(?:[-–]|đến|tới)\s*(?:năm\s+)?"
                        r"(?:19|20)\d\d(?![\w/.-])", re.IGNORECASE)
# "gồm mấy nhóm tiêu chí", "bao nhiêu sáng lập viên" (folded): the thing a Vietnamese question counts
# when it is no unit of time, read as a number written before the same words, all of them up to a
# function word ("mấy nhóm tiêu chí" finds "03 nhóm tiêu chí"; "bao nhiêu lượt khách quốc tế" is
# not "900.000 lượt khách du lịch"). Not a share ("bao nhiêu phần trăm": the text writes "%") nor a
# sum ("bao nhiêu tiền": "… đồng").
_COUNTED_VI = re.compile(r"\b(?:bao nhieu|may)\s+(\w+(?:\s+\w+){0,5})")
_NOT_COUNTED = frozenset({"phan", "tien", "lan", "tuoi", "nam", "ngay", "thang", "tuan", "gio", "phut"})
_COUNTED_STOP = COUNTED_ENDS | frozenset("ai gi nao bao nhieu may khong hay phai co cac nhung".split())


def _counted_words(folded: str) -> list[str]:
    """The folded words of the thing a Vietnamese question counts (``_COUNTED_VI``), up to a
    function word; [] for none or a unit of time, money or a share (``_NOT_COUNTED``)."""
    m = _COUNTED_VI.search(folded)
    if m is None:
        return []
    words = []
    for w in m.group(1).split():
        if w in _COUNTED_STOP or w.isdigit():
            break
        words.append(w)
    return [] if not words or words[0] in _NOT_COUNTED else words


def _counted_noun_vi(folded: str) -> str | None:
    """The words of the Vietnamese counted noun, as a pattern of their writings (``_COUNTED_VI``)."""
    words = _counted_words(folded)
    if not words:
        return None
    said = _spelled(words)
    if said:
        # (a measure spelled out is written by its symbol, and what it measures comes later or not
        # at all: "bao nhiêu ki-lô-gam vật nuôi sống" -> "500 kg khối lượng vật nuôi sống"; the
        # people of a body by what they are in it: "mấy người sáng lập" -> "năm sáng lập viên")
        return "(?:" + "|".join([*map(re.escape, _WRITTEN_AS[said]), folded_pattern(said)]) + ")"
    return folded_pattern(" ".join(words))


# What a question counts in, as it says it (folded), and as the documents write it: a measure spelled
# out ("ki-lô-gam", "mét vuông") by its symbol ("500 kg", "08 m2 sàn/người"); people by what they
# are in the body counted ("bao nhiêu người" -> "ít nhất là 07 thành viên", "năm sáng lập viên").
_WRITTEN_AS = {"nguoi": ("thành viên", "sáng lập viên", "ủy viên", "đại biểu"), "ki lo gam": ("kg",),
               "kilogam": ("kg",), "met vuong": ("m2", "m²"), "hec ta": ("ha",), "hecta": ("ha",),
               "ki lo met": ("km",), "kilomet": ("km",), "met khoi": ("m3", "m³")}


def spelled_measure(folded: str) -> str:
    """What a Vietnamese question counts in, as it says it, when the documents write it otherwise
    ("bao nhiêu ki-lô-gam …" -> "ki lo gam", "mấy người" -> "nguoi"; "" for none): the sentence
    stating the value says these words by its own ("500 kg", "07 thành viên"). Only for a question
    that asks a count (not "Mấy người … trong bao nhiêu ngày?", which asks days), and people only
    as such ("bao nhiêu người sáng lập", not "bao nhiêu người dân tộc thiểu số": members are none)."""
    if _ASKED_VI.search(folded) or _HOW_LONG_VI.search(folded) or _MOMENT_VI.search(folded):
        return ""
    return _spelled(_counted_words(folded))


def _spelled(words: list[str]) -> str:
    """The key of ``_WRITTEN_AS`` the counted words open with ("" for none; people only as such)."""
    said = " ".join(words)
    for spelled, written in _WRITTEN_AS.items():
        if said == spelled:
            return spelled
        if said.startswith(spelled + " ") and (spelled != "nguoi" or any(
                said[len(spelled) + 1:] in folded_words(w) for w in written)):
            return spelled
    return ""


_UNITS_VI = {"ngay": "ngày", "thang": "tháng", "nam": "năm", "tuan": "tuần", "gio": "giờ", "phut": "phút",
             "lan": "lần", "tuoi": "tuổi"}


# "how many <noun>" (not a unit of time): the thing counted, looked up in the glossary ("how many
# people's jurors" -> "hội thẩm nhân dân"), its value read as a number written before those words
_HOW_MANY_NOUN = re.compile(r"\bhow many\s+((?:[a-z]+(?:'s)?\s+){0,2}[a-z]+)")
_NOT_NOUNS = frozenset("of more other different separate such additional".split())
_ENDS_NOUN = frozenset("does do did is are was were must should shall will would can could may might has have "
                       "the a an of in on at for to by with from under per each".split())


def _counted_noun(question: str, translate) -> str | None:
    """The Vietnamese wordings, as one pattern, of the noun an English "how many <noun>" counts
    (the longest phrase of up to three words after "how many" the glossary knows)."""
    m = _HOW_MANY_NOUN.search(question.lower())
    if m is None or translate is None:
        return None
    words = []
    for w in m.group(1).split():
        if w in _ENDS_NOUN:
            break
        words.append(w.removesuffix("'s"))
    if not words or words[0] in _NOT_NOUNS:
        return None
    # the phrase ends with its head noun ("people's jurors" -> jurors); a verb may follow it
    # unknown ("… jurors sit on it"): the latest-ending phrase the glossary knows, longest first
    for i, j in ((i, j) for j in range(len(words), 0, -1) for i in range(j)):
        senses = [v for v in translate(words[i:j]) if v.strip()]
        if senses:
            return "(?:" + "|".join(re.escape(v) for v in sorted(senses, key=len, reverse=True)) + ")"
    return None


def asked_unit(question: str, folded: str = "", translate=None) -> tuple[str, bool] | None:
    """The Vietnamese unit of time a "how many days/months/years" question asks, and whether it
    asks working days; None when it asks none. ``folded``: a Vietnamese question's folded words
    ("… có mấy ngày làm việc để gửi hồ sơ …"), read instead of the English wording. ``translate``:
    the glossary's lookup, for the thing an English "how many <noun>" counts (``_counted_noun``)."""
    if _AGE_RANGE_ASKED.search(folded or question.lower()):
        return AGE_RANGE, False
    if _YEAR_SPAN_ASKED.search(folded or question.lower()):
        return YEAR_SPAN, False
    if folded:
        m = _ASKED_VI.search(folded)
        if m is None and _HOW_LONG_VI.search(folded):
            return ANY_TIME, False  # "bao lâu": a length in whatever unit the sentence gives
        if m is None and _MOMENT_VI.search(folded):
            return MOMENT, False
        if m is None:
            noun = _counted_noun_vi(folded)
            return (noun, False) if noun else None
        return _UNITS_VI[m.group(1)], bool(m.group(2))
    m = _ASKED.search(question.lower())
    if not m and _MOMENT_EN.search(question.lower()):
        return MOMENT, False
    if not m and _AGE_EN.search(question.lower()):
        return "tuổi", False
    if not m and _HOW_LONG_EN.search(question.lower()):
        return ANY_TIME, False
    if not m:
        noun = _counted_noun(question, translate)
        return (noun, False) if noun else None
    return _UNITS[m.group(2)], m.group(1) in ("working", "business")


_AGE_SPAN = re.compile(rf"(?<!\w)(?:từ\s+)?(?:đủ\s+)?{_NUMBER}\s+tuổi\s+(?:đến|tới)\s+(?:dưới\s+|chưa đủ\s+|hết\s+)?"
                       rf"{_NUMBER}\s+tuổi(?!\w)", re.IGNORECASE)


def _joined_predicate_cut(sentence: str, start: int, end: int) -> int:
    """Where an event's clause ends before "và" joins the predicate's next verb ("kể từ ngày kết thúc
    việc đóng bãi chôn lấp | và báo cáo cơ quan chuyên môn …")."""
    for m in re.finditer(r"\s+và\s+", sentence[start:end]):
        after = start + m.end()
        if first_verb(sentence, after, min(end, after + 24)) == after:
            return start + m.start()
    return end


# A moment listed with others ("tại thời điểm lập, thay đổi hoặc hủy bỏ di chúc") goes on past the comma;
# so do its acts listed with commas alone ("Sau khi kiểm tra, xác minh, cơ quan đăng ký cư trú cập nhật
# …": a short lower-case run between two commas, not the clause that follows, which names its subject,
# nor the parties a subject lists: "Sau khi hết thời hạn, tổ chức, cá nhân kinh doanh …").
_LISTED_ON = re.compile(r",\s*(?:\w+\s+){0,3}?\w+\s+(?:hoặc|và)\s+[^,;.:\n]+?(?=\s*(?:[,;.:\n]|$))")
# (only after a bare act of at most ``ACTS_WORDS`` words, "Sau khi kiểm tra"; its list may end with
# "và/hoặc" and one more act: "giao nộp, tiếp cận, công khai chứng cứ và đối thoại" is read whole)
_PARTIES = r"(?:tổ chức|cá nhân|cơ quan|doanh nghiệp|người|hộ|đơn vị|bên|cộng đồng|gia đình|cha mẹ|nhà trường|chủ)(?!\w)"
_ACTS_LISTED = re.compile(rf"(?:,\s*(?!{_PARTIES})[a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+){{0,2}}(?=\s*,))+")
ACTS_WORDS = 4
# The laws' doublet "bản án, quyết định (của Tòa án)": one event past its comma ("kể từ ngày bản án,
# quyết định ly hôn của Tòa án có hiệu lực pháp luật"), up to where its clause ends as an event's does.
_JUDGMENT_PAIR = re.compile(rf"(?i)(?<=bản án),\s*quyết định\b[^,;.:\n]*?{_EVENT_END}")
ECHO = 0.75  # share of an event's words the question says that makes it the question's own condition


def _echoes(span: str, asked: str) -> bool:
    """The question states this event itself ("Sau khi thụ lý đơn yêu cầu hủy phán quyết trọng tài, Tòa
    án phải thông báo … vào lúc nào?": "Sau khi thụ lý đơn …" is its condition, not its answer)."""
    words = [w for w in folded_words(span).split()[2:] if w not in FUNCTION_WORDS]
    said = set(asked.split())
    return bool(words) and sum(w in said for w in words) >= ECHO * len(words)


def moment_value(sentence: str, asked: str = "") -> tuple[int, int] | None:
    """The span of the one moment the sentence names: "(kể từ / vào / tại) thời điểm …", else an event
    it comes before, after or with (``_EVENT_SPAN``), up to the predicate the event frames. None when
    it names none or several (a moment inside another's clause is a second one: "trước ngày Luật này
    có hiệu lực được tiếp tục … cho đến hết thời hạn …"), or only those the question states."""
    found = []
    for pattern in (_MOMENT_SPAN, _EVENT_SPAN):
        pos = 0
        while (m := pattern.search(sentence, pos)) is not None:
            start, end = m.start(), m.end()
            if pattern is _EVENT_SPAN:
                end = _joined_predicate_cut(sentence, start, end)
            listed = _LISTED_ON.match(sentence, end)
            if not listed and len(sentence[start:end].split()) <= ACTS_WORDS:
                listed = _ACTS_LISTED.match(sentence, end)
                if listed:
                    end = listed.end()
                    listed = _LISTED_ON.match(sentence, end)
            if listed:
                end = listed.end()
            pair = _JUDGMENT_PAIR.match(sentence, end)
            if pair:
                end = _joined_predicate_cut(sentence, start, pair.end())
            if asked and _echoes(sentence[start:end], asked):
                pos = start + 1  # (another moment may open inside the question's own one)
                continue
            found.append((start, end, m.start("event") if pattern is _EVENT_SPAN else end))
            pos = end
        if found:
            break
    if len(found) != 1:
        return None
    start, end, event = found[0]
    if _EVENT_SPAN.search(sentence, event, end):
        return None
    return start, end


def unit_value(sentence: str, unit: str, working: bool = False, asked: str = "") -> tuple[int, int] | None:
    """The span of the one value of ``unit`` the sentence states ("15 ngày", "không quá 03 tháng",
    "05 ngày làm việc"); None when it states none or several (which one is asked, the model cannot
    tell from a sentence; picking the one after the question's own words — "định hướng | 20 năm" —
    gained two answers on the tuning halves and one wrong answer on the held-back ones).
    ``asked``: the question's folded words (a moment's event the question itself states is no answer)."""
    if unit == MOMENT:
        return moment_value(sentence, asked)
    if unit == YEAR_SPAN:
        spans = list(_YEAR_SPAN.finditer(sentence))
        if len({re.sub(r"\D", "", m.group(0)) for m in spans}) != 1:
            return None
        return spans[0].start(), spans[0].end()
    if unit == AGE_RANGE:
        ranges = list(_AGE_SPAN.finditer(sentence))
        if len({m.group(0).lower() for m in ranges}) == 1:
            return ranges[0].start(), ranges[0].end()
        if ranges:
            return None  # two ranges: which one is asked the sentence alone cannot tell
        unit = "tuổi"
    tail = r"(?:\s+làm việc)?" if unit in ("ngày", ANY_TIME) else ""
    # (a range is one value: "từ 02 đến 03 năm học", "09 đến 10 điểm Check-in", "01 - 02 nhà đầu tư")
    found = [m for m in re.finditer(rf"(?<![\w.,]){_QUALIFIER}(?P<value>(?:{_NUMBER}\s*(?:-|–|đến|tới)\s*)?{_NUMBER}"
                                    rf"\s+{unit}){tail}(?!\w)", sentence,
                                    re.IGNORECASE)
             if not re.match(r"\s*tuổi", sentence[m.end():])]  # ("06 tháng tuổi" is an age)
    if len({m.group("value").lower() for m in found}) != 1:
        return None  # none, or two values (the same value said twice is one: "hết thời hạn 03 năm … không quá 03 năm")
    m = found[0]
    if working and "làm việc" not in m.group(0):
        return None  # working days asked, calendar days said
    return m.start(), m.end()


# A threshold ("từ đủ 12 tháng trở lên") answers only a question asking one; a value of an
# exception ("…, trừ trường hợp đã có thời gian từ đủ 12 tháng …") answers none asked plainly.
# An age is asked as one: the laws state the age a right or a duty starts at as the threshold it
# starts from ("Công dân đủ mười tám tuổi trở lên có quyền biểu quyết" answers "At what age may a
# citizen vote"; the English age cue is ``_AGE_EN``'s).
_THRESHOLD = re.compile(r"^\W*(?:\w+\W+){0,3}?tro len\b")
_ASKS_THRESHOLD = re.compile(r"\b(?:tro len|toi thieu|it nhat|at least|or more|or older|minimum|"
                             rf"(?:bao nhieu|may) tuoi|tuoi nao)\b|{_AGE_EN.pattern}")
_EXCEPTION = re.compile(r"(?<!\w)trừ(?!\w)", re.IGNORECASE)  # (not folded: "lưu trú" folds to "tru")
_ASKS_EXCEPTION = re.compile(r"\b(?:tru|ngoai) truong hop\b|\bexcept")


def read_as_asked(sentence: str, start: int, end: int, folded_question: str) -> bool:
    """The value at ``sentence[start:end]`` is what the question asks: not a threshold the question
    does not ask for, not an exception's. ``folded_question``: the question's folded words."""
    after = folded_words(sentence[end:end + 40])
    if _THRESHOLD.search(after) and not _ASKS_THRESHOLD.search(folded_question):
        return False
    # (the exception's own clause: "trừ" with no comma between it and the value — "Trừ trường hợp
    # thanh tra đột xuất …, số lần thanh tra … không quá một lần" states the rule after its frame)
    clause = sentence[:start].rsplit(",", 1)[-1]
    return not (_EXCEPTION.search(clause) and not _ASKS_EXCEPTION.search(folded_question))
