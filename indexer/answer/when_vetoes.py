"""A when-question's vetoes after scoring: of its candidates (the question's own words, a title's
synonym only, another kind named, an unasked case, calendar days for working days) and of its best
deadline (another body, ministry or destination, a special procedure, another unit of time, a
duration for a start, a recurrence for a moment)."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.text import FUNCTION_WORDS, QUESTION_STOPWORDS, folded_words, has_diacritics, spelling

from .fit_when import _ASKED_UNIT
from .own_text import _own_text, deadline_clause, extension_condition
from .passages import _LINKS as _PASSAGE_LINKS, is_horizon_question, is_issued_question, is_year_of_question
from .question import _ABBR, Question
from .support import Support, _padded
from .texts import _UP


_SENT_TO_Q = re.compile(r" gui (?:\w+ ){0,10}?(?:ve|len|den|toi) (?:cho )?((?:\w+ ){1,6}?)(?:truoc|trong|vao|han|khi|cham|khi nao|ngay|$)")
# the body a report is sent to: after "gửi" (and its object: "gửi báo cáo Ủy ban nhân dân tỉnh"),
# a direction ("gửi về Văn phòng Tỉnh ủy") or none, a capitalised name
_SENT_TO = re.compile(rf"\b[Gg]ửi\s+(?:[a-zđà-ỹ]+\s+){{0,6}}?(?:(?:về|lên|đến|tới|cho)\s+)?([{_UP}][^;,.\n*]+?)"
                      r"(?=\s+(?:trước|trong|vào|chậm|để)\b|[;,.\n*]|$)")


# ... and an English question's: "sending … review report to the Standing Committee of the provincial
# Party (before …)", read in Vietnamese through the glossary (a body after "to": "the" or a name, not
# the infinitive of "send its delegates to attend …")
_SENT_TO_EN = re.compile(r"\b(?:send|sends|sending|sent|submit|submits|submitting|submitted|forward|forwards|"
                         r"forwarding|forwarded)\b(?:\s+[\w'-]+){0,10}?\s+to\s+((?:the\s+|[A-ZĐ])[\w' -]+?)"
                         r"(?=\s+(?:by|before|no later|within|at|in|on|when|after)\b|[?,.;]|$)")
# The standing body of a Party committee: its "Standing Committee" is in English both the "Ban
# Thường vụ" and the "Thường trực" (one sense compared)
_STANDING = re.compile(r"\b(?:ban thuong vu|thuong truc|thuong vu)\b")


def _asked_destination(q: Question) -> tuple[str, ...] | None:
    return _destination_of(q.language, q.text, q.vi_text or "")


@lru_cache(maxsize=256)
def _destination_of(language: str, text: str, vi_text: str) -> tuple[str, ...] | None:
    """The folded words of where a question sends its report; read once per question (``_other_destination``
    asks it of every rival deadline, and an English one goes through the glossary)."""
    if language == "en":
        from indexer.search.translate import translate
        m = _SENT_TO_EN.search(text)
        return tuple(folded_words(translate(m.group(1))).split()) if m else None
    m = _SENT_TO_Q.search(f" {folded_words(vi_text or text)} ")
    return tuple(" ".join(_ABBR.get(w, w) for w in m.group(1).split()).split()) if m else None


def _other_destination(q: Question, item: dict) -> bool:
    """A when-question that says where a report is sent ("gửi báo cáo lên Thường trực
    Tỉnh ủy trước ngày nào") and a deadline sent elsewhere ("gửi báo cáo Ủy ban nhân dân tỉnh" — no,
    "gửi về Văn phòng Tỉnh ủy"): the deadline of another report, or of another step of it, a
    neighbouring near-miss the words of both otherwise share. Compared by the destination's first
    two words, abbreviations spelled out ("UBND" is "Ủy ban nhân dân")."""
    asked = _asked_destination(q)
    own = _SENT_TO.search(deadline_clause(item).replace("**", ""))
    if not asked or not own:
        return False
    said = folded_words(own.group(1)).split()
    if len(asked) < 2 or len(said) < 2:
        return False
    if q.language == "en":
        # (the glossary's words for the whole name, in any order: "ban thường vụ thường vụ tỉnh ủy")
        asked_text, said_text = (_STANDING.sub("thuong vu", " ".join(w)) for w in (asked, said))
        return " ".join(said_text.split()[:2]) not in asked_text and " ".join(asked_text.split()[:2]) not in said_text
    return " ".join(asked[:2]) not in " ".join(said) and " ".join(said[:2]) not in " ".join(asked)


# A body named by its head and whose it is: "Ban Thường vụ Tỉnh ủy", "Thường trực Đảng ủy",
# "Văn phòng Huyện ủy".
_BODY_HEADS = r"(?:ban thuong vu|thuong truc|van phong|ban chap hanh)"
_OWNERS = r"(?:tinh uy|dang uy|huyen uy|thanh uy|quan uy|thi uy|chi bo|dang bo (?:tinh|huyen|xa|phuong)|dang bo)"
_BODY = re.compile(rf" ({_BODY_HEADS}) ({_OWNERS}) ")


def _other_body(q: Question, item: dict) -> bool:
    """A when-question that names a body by its head and owner ("báo cáo … lên Ban Thường vụ Tỉnh
    ủy") and a deadline whose own clause names the same head of another owner ("báo cáo … với Ban
    Thường vụ Đảng ủy"): the deadline of a neighbouring body, a near-miss the words of both
    otherwise share (the document names "Tỉnh ủy" elsewhere, and that passed the support)."""
    asked = {(h, o) for h, o in _BODY.findall(f" {folded_words(q.vi_text or q.text)} ")}
    if q.language != "en":
        asked |= {(h, o) for h, o in _BODY.findall(f" {folded_words(q.text)} ")}
    said = set(_BODY.findall(f" {folded_words(deadline_clause(item))} "))
    for head, owner in asked:
        others = {o for h, o in said if h == head}
        # (an owner said with less or more of its name is the same: "Ban Chấp hành Đảng bộ Hà Tĩnh"
        # asked, "Ban Chấp hành Đảng bộ tỉnh" said)
        if others and not any(o == owner or o.startswith(f"{owner} ") or owner.startswith(f"{o} ") for o in others):
            return True
    return False


def _other_ministry(q: Question, item: dict) -> bool:
    """A when-question that names a ministry ("kể từ khi Bộ TN&MT công bố", spelled out by
    ``units.spell_out_ministries``) and a deadline whose own clause names only other
    ministries: the time limit of another ministry's step, a near-miss whose other words all
    match (a ministry's name is a small share of a long question's words)."""
    from indexer.extract.units import _MINISTRIES, spell_out_ministries
    names = {folded_words(v) for v in _MINISTRIES.values()}
    asked = {n for n in names if f" bo {n} " in f" {folded_words(spell_out_ministries(q.vi_text or q.text))} "}
    if q.language != "en":
        asked |= {n for n in names if f" bo {n} " in f" {folded_words(spell_out_ministries(q.text))} "}
    said = {n for n in names if f" bo {n} " in f" {folded_words(deadline_clause(item))} "}
    return bool(asked) and bool(said) and not (asked & said)


_PROCEDURE = re.compile(r"(?i)\btheo (?:thủ tục|trình tự) (\w+ \w+)")


def _special_procedure(q: Question, item: dict) -> bool:
    """The duration is a special procedure's ("Thời hạn kháng cáo đối với bản án … theo thủ tục rút
    gọn là 07 ngày") and the question does not name that procedure: the laws state the general
    limit elsewhere ("… của Tòa án cấp sơ thẩm là 15 ngày"), and the special one answered the
    question asked plainly. Read in the duration's own clause, not its headings. A veto of the best
    answer, not a filter of the candidates: dropped, the special limit no longer kept a neighbouring
    sentence's duration contested ("30 ngày … mở phiên tòa phúc thẩm" for how long a hearing may be
    postponed)."""
    own = f"{item.get('lead') or ''} {deadline_clause(item)}"
    asked = f" {folded_words(q.text)} {folded_words(q.vi_text or '')} "
    return any(f" {folded_words(m.group(1))} " not in asked for m in _PROCEDURE.finditer(own))
_UNIT_EN = {"day": "ngay", "month": "thang", "year": "nam", "hour": "gio", "week": "tuan"}
_DURATION_UNIT = re.compile(r"(?i)\b(ngày|tháng|năm|giờ|tuần)\b(?!\s+(?:trước|sau|kể từ)\b)")


def _other_time_unit(folded_q: str, when: str) -> bool:
    """The question counts its time limit in one unit ("mấy tháng", "how many days") and the
    duration is written in another ("60 ngày" for "bao nhiêu tháng"): the laws state each limit in
    the unit they mean, so another unit is another limit (of a neighbouring clause), not a
    conversion to do. The unit read is the duration's own, not the "ngày" of "kể từ ngày …".
    A veto of the best answer, not a filter of the candidates: dropping the other units let a
    duration of the asked unit from a condition ("đã điều trị 06 tháng liên tục") answer "báo
    trước bao nhiêu tháng", where the notice periods are in days."""
    m = _ASKED_UNIT.search(f" {folded_q} ")
    if not m:
        return False
    asked = m.group(1)
    asked = _UNIT_EN.get(asked.rstrip("s"), asked)
    value = re.split(r"(?i)\s(?:trước|sau|kể từ)\s", when)[0]
    units = [folded_words(u) for u in _DURATION_UNIT.findall(value)]
    return bool(units) and asked not in units


_WORKING_ASKED = re.compile(r"\b(?:ngay lam viec|working days?|business days?)\b")


def _working_days_only(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """A question counting working days ("bao nhiêu ngày làm việc", "how many working days") is
    not answered by a limit in calendar days ("Chậm nhất là 15 ngày …" beside "chậm nhất là 05
    ngày làm việc …"), which is no rival of one in working days either."""
    if not _WORKING_ASKED.search(folded_words(q.text)):
        return scored
    said = [f" {folded_words(it.get('when') or it.get('value') or '')} " for _, it, _ in scored]
    return [x for x, days in zip(scored, said) if " ngay " not in days or " ngay lam viec " in days]


# A moment asked ("vào thời điểm nào", "lúc nào", "when does … come to an end", "from what point"):
# a recurrence ("hằng năm", "định kỳ") says how often, not when.
_MOMENT_Q = re.compile(r" (?:thoi diem nao|luc nao|what point|which point|what moment|"
                       r"when (?:does|do|did|is|are) (?:\w+ ){1,12}?(?:end|arise|begin|start|terminate|cease|come))\b")
# A recurrence and nothing else ("hằng năm", "theo định kỳ", "thường xuyên"): no month, day or
# count that would make it a time (as "Tháng 3 hằng năm", "trước tháng 10 hằng năm" are).
_BARE_RECURRENCE = re.compile(r"(?i)^\s*(?:theo\s+|được\s+)?(?:(?:định kỳ|hằng|hàng|mỗi|thường xuyên|thường niên)"
                              r"(?:\s+(?:năm|quý|tháng|tuần|ngày|kỳ))?\s*){1,2}[.;,]?\s*$")


# "từ thời điểm nào", "tính từ ngày nào", "from what date": where a time is counted from, which a
# length of time ("03 năm") never answers.
_START_Q = re.compile(r" (?:tu (?:thoi diem|ngay|khi|luc|nam|thang) nao|tu bao gio|"
                      r"from (?:what|which) (?:date|day|point|moment|time|stage)|from when) ")
# A question that also asks how long ("bao lâu kể từ ngày nào", "mấy ngày"; not the modal "may"
# nor "máy", which fold to the same syllable as "mấy").
_ALSO_LENGTH = re.compile(r" (?:bao lau|bao nhieu|may (?:ngay|thang|nam|tuan|gio|phut|lan)|how long|how many) ")


def _asks_start(folded_q: str) -> bool:
    """The question asks only where a time starts: "từ thời điểm nào", not also how long."""
    return bool(_START_Q.search(f" {folded_q} ")) and not _ALSO_LENGTH.search(f" {folded_q} ")


def _title_synonym_only(q: Question, item: dict, sup: Support) -> bool:
    """A Vietnamese question's word that a value read from a law's passage has only as another
    word of the same glossary line in its document's title or opening ("chăn nuôi" asked, the crop
    law's "nhân giống" there): the sentence itself is about something else ("Chiến lược phát triển
    trồng trọt …" for the livestock strategy), and a passage's sentence has no extractor's care
    behind it. (English questions are matched through the glossary's words by design.)
    A word the question itself says beside the group the glossary folds it into is no stand-in:
    "cơ quan có thẩm quyền" asked, the law's "cơ quan" is the question's own word for the authority
    (not a "cơ quan nào" said elsewhere in the question)."""
    if q.language == "en" or item.get("via") != "passage" or item.get("ref_rank") is not None:
        return False  # (a cited document's date: its number says which, not the sentence's words)
    labels = {label for label, _ in q.groups}
    asked = f" {folded_words(q.text)} "
    return any(w not in labels and not _said_beside(w, q, asked) for w in sup.matched.get("document", []))


def _said_beside(word: str, q: Question, asked: str) -> bool:
    """The folded question says ``word`` within two words of a group it is a wording of."""
    return any(word in alts and re.search(rf" {re.escape(word)} (?:\w+ ){{0,2}}{re.escape(label)} |"
                                          rf" {re.escape(label)} (?:\w+ ){{0,2}}{re.escape(word)} ", asked)
               for label, alts in q.groups)


def other_kind_named(q: Question, item: dict, sup: Support) -> bool:
    """A word the question says after words the item says too, where the item says another word
    ("Chiến lược phát triển thủy sản …" asked, "Chiến lược phát triển chăn nuôi …" said): the item
    names another kind of the same thing, and its value is that one's. Read on the folded question
    and the item's own words: the two syllables before a missing word (a Vietnamese question)."""
    if q.language == "en" or not sup.missing:
        return False
    asked = f" {folded_words(q.text)} "
    own = _padded(folded_words(_own_text(q, item)))
    labels = {label for label, _ in q.groups}
    for label in sup.missing:
        if label in q.soft or len(label.split()) < 2:
            continue  # (a noun of two syllables: "thủy sản", not "bằng cách"'s "cách")
        at = asked.find(f" {label} ")
        before = asked[:at].split()[-2:] if at > 0 else []
        lead = " ".join(before)
        if len(before) < 2 or lead not in labels:
            continue  # the words before it must be a word of the question's own ("phát triển")
        if own.count(f" {lead} {label} "):
            continue
        # the word after the shared words must be a noun of another kind, not a link or verb that
        # goes on with the sentence ("pháp luật chuyên ngành" asked, "pháp luật có liên quan" said)
        nexts = [m.group(1) for m in re.finditer(rf" {re.escape(lead)} (\w+)", own)]
        if nexts and all(w not in _FOLDED_LINKS and w not in QUESTION_STOPWORDS for w in nexts):
            return True
    return False


_FOLDED_LINKS = frozenset(folded_words(" ".join(_PASSAGE_LINKS)).split())


_CASE_OF = re.compile(r"(?i)\bđối với\s+([^,;:]+?)\s+(?:là|thì|không quá|tối đa|ít nhất)\s*$")


# The bounds of an age a case states or a question asks, folded: ("tu", "18") of "từ đủ 18 tuổi",
# ("duoi", "18") of "dưới 18 tuổi".
_AGE_BOUND = re.compile(r" (tu|duoi|tren) (?:du )?(\d+) tuoi")


# The words that ask how far a period may be extended ("có thể gia hạn đến mức tối đa", "kéo dài
# nhiều nhất", "extended by at most").
_EXTENSION_Q = re.compile(r"\b(?:keo dai|gia han|toi da|nhieu nhat|lau nhat|extend\w*|extension|prolong\w*|"
                          r"maximum|at most|longest|up to)\b")


def unasked_extension(q: Question, item: dict) -> bool:
    """The bound an extension clause sets (``own_text.extension_condition``: "… ; trường hợp phức tạp
    thì có thể kéo dài nhưng không quá 60 ngày"), the question asking no extension nor a longest time,
    nor naming the case it is extended in ("Trường hợp phức tạp, … trong bao lâu", "In complex cases
    …": the glossary's Vietnamese of the question's words): it asks the period itself."""
    condition = extension_condition(item)
    if condition is None:
        return False
    asked = folded_words(f"{q.text} {q.vi_text or ''}")
    if _EXTENSION_Q.search(asked):
        return False
    case = _CASE.search(condition)
    if not case:
        return True
    # the case's words, compared whole: as written when the question carries its diacritics ("phục
    # vụ" is no "phức tạp"), folded otherwise, and through the glossary's senses of an English one
    words = [w for w in spelling(case.group(1)).split()
             if folded_words(w) not in QUESTION_STOPWORDS and folded_words(w) not in FUNCTION_WORDS]
    if q.language == "vi":
        said = f" {spelling(q.text)} "
        return not any(f" {w} " in said for w in words)
    said = {folded_words(alt) for label, alts in q.groups for alt in [label, *alts]} | \
        {f" {asked} "}
    return not any(f" {folded_words(w)} " in f" {s} " for w in words for s in said)


# The case an extension is granted in: "trường hợp | phức tạp | thì", "nếu | có lý do chính đáng | thì".
_CASE = re.compile(r"(?i)\b(?:trường hợp|nếu|khi)\s+(.+?)\s+thì\b")


def unasked_case(q: Question, item: dict) -> bool:
    """A duration the sentence gives one case ("Thời hạn cai nghiện ma túy bắt buộc đối với người
    nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi là từ đủ 06 tháng đến 12 tháng") whose words of
    its own — not the subject's before it — the question says none of: the case's value is not
    the plain one asked ("Cai nghiện ma túy bắt buộc kéo dài bao lâu?")."""
    if item.get("via") != "passage" or item.get("when_kind") != "duration":
        return False
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 < at <= len(quote):
        return False
    lead = re.match(r"(?i)(là|không quá|tối đa|ít nhất)\s", item.get("when") or "")
    before = quote[:at] + (lead.group(1) if lead else "")
    m = _CASE_OF.search(before.rstrip() + " " if not lead else before)
    if not m:
        return False
    asked_bounds = set(_AGE_BOUND.findall(folded_words(f" {q.text} ")))
    if asked_bounds and not asked_bounds <= set(_AGE_BOUND.findall(folded_words(f" {m.group(1)} "))):
        return True  # "từ đủ 18 tuổi trở lên" asked, the case "từ đủ 12 tuổi đến dưới 18 tuổi" said
    subject = set(folded_words(before[:m.start()]).split())
    own = {w for w in folded_words(m.group(1)).split()
           if w not in subject and w not in QUESTION_STOPWORDS and not w.isdigit() and len(w) > 1}
    asked = set(folded_words(f"{q.text} {q.vi_text or ''}").split())
    return bool(own) and not (own & asked)


# An act done again or in exchange ("cấp lại", "cấp đổi" a card, "đăng ký lại"), read as written
# (``spelling``); not "cung cấp lại" information (how a correction is made) nor "… có thời hạn 05 năm
# và được cấp lại" (what may be done again after the period stated).
_REDONE = re.compile(r"(?<!cung )(?<!được )\b(?:cấp|đăng ký|công nhận) (?:lại|đổi)\b")
# The plain act stated in the same clause, as a member of a list of acts ("Ủy ban nhân dân cấp tỉnh
# cấp, cấp lại, thu hồi Giấy chứng nhận …") or with its object ("cấp giấy phép môi trường; cấp đổi …"),
# but not the authority's description ("cơ quan nhà nước có thẩm quyền cấp thẻ cấp lại thẻ …").
_PLAIN_ACT = re.compile(r"(?i)\b(?:cấp|đăng ký|công nhận)\s*[,;]|(?<!thẩm quyền )\bcấp\s+(?:giấy|thẻ|chứng|văn bằng|"
                        r"quyết định|phép)")
# The words a question asks the redone act with: as written ("cấp lại", "đổi thẻ", "bị mất"), typed
# without diacritics (whole phrases: "doi" alone is also "đối", "đội"), in English.
_REDONE_SPELLED = re.compile(r"\b(?:lại|đổi|bị mất|đánh mất|làm mất|hư hỏng|bị hỏng|hết hạn)\b")
_REDONE_FOLDED = re.compile(r"\b(?:cap lai|cap doi|doi the|doi giay|dang ky lai|cong nhan lai|xin lai|lam lai|"
                            r"bi mat|lam mat|danh mat|hu hong|bi hong|het han)\b")
_REDONE_EN = re.compile(r"\b(?:again|re-?(?:issu|regist|grant|appl|certif|recogni|new)\w*|renew\w*|replac\w*|"
                        r"exchang\w*|lost|damaged|expired?)\b")


def unasked_redo(q: Question, item: dict) -> bool:
    """The duration is of the act done again (``_REDONE``: "b) Trong thời hạn 10 ngày kể từ ngày nhận
    được hồ sơ hợp lệ, cơ quan … cấp lại thẻ hướng dẫn viên du lịch"), read in its own clause and
    the lead of its list, which does not state the plain act too (``_PLAIN_ACT``), and the question
    asks the act plainly ("Within how many days must a tour guide card be issued …"): the law gives
    the first issue its own limit ("… 15 ngày …, cơ quan chuyên môn về du lịch cấp tỉnh cấp thẻ").
    A filter of the candidates: the plain act's own limit is the answer."""
    own = f"{item.get('lead') or ''} {deadline_clause(item)}"
    if not _REDONE.search(spelling(own)) or _PLAIN_ACT.search(own):
        return False
    if q.language == "en":
        asked = _REDONE_EN.search(q.text.lower())
    elif has_diacritics(q.text):
        asked = _REDONE_SPELLED.search(spelling(q.text))
    else:
        asked = _REDONE_FOLDED.search(folded_words(q.text))
    return not asked and not _REDONE_SPELLED.search(spelling(q.vi_text or ""))


def _unpadded(folded: str) -> str:
    """Numbers without their leading zeros: the plan's "sơ kết 05 năm" is the question's "sơ kết 5
    năm"."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", folded)


# a month of a year, folded: "tháng 6/2018", "tháng 06 năm 2018", "12/6/2018", "ngày 12 tháng 6 năm 2018"
_MONTH_OF_YEAR = re.compile(r"\b(?:thang|\d{1,2}) 0*(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b")


# ... stated as the date of an act ("thông qua tháng 6/2018", "ban hành ngày 12/6/2018", "signed in
# June 2018" is not read): a month the question only sets its scene in ("Trong tháng 11/2021, … gửi
# dự thảo báo cáo trước ngày nào?") is where the asked date lies, not an echo.
_ACT_MONTH = re.compile(r"\b(?:thong qua|ban hanh|passed|adopted|issued|signed)(?: \w+){0,8}? "
                        r"((?:thang|\d{1,2}) 0*\d{1,2} (?:nam )?(?:19|20)\d\d)\b")


def _months(folded: str) -> set[tuple[str, str]]:
    return set(_MONTH_OF_YEAR.findall(folded))


def _act_months(folded: str) -> set[tuple[str, str]]:
    """The months the question states as the date of an act (``_ACT_MONTH``)."""
    return {month for m in _ACT_MONTH.finditer(folded) for month in _months(m.group(1))}


def _echoes_dropped(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Without the when-items whose value is the question's own words ("Cây hằng năm là cây …
    không quá bao lâu?": the "hằng năm" of the thing's name, which the extractor stored as a
    recurrence): no answer, and not a rival either, so the value the same sentence states ("không
    quá 01 năm") can answer. (Before, the echo was the top item and its veto left the question
    unanswered.)"""
    asked = _unpadded(f" {folded_words(q.text)} ")
    folded = folded_words(q.text)
    # (a year the question states, asking which year: "Up to which year is the scheme planned (with a
    # vision to 2030)?" gives 2030 to name the scheme, and asks another)
    given = set(q.years) if (is_horizon_question(folded) or is_year_of_question(folded)) else set()
    # (a date in the month the question states of another act, asking another moment: "Luật An ninh
    # mạng thông qua tháng 6/2018 nhưng từ ngày nào có hiệu lực": the adoption "ngày 12 tháng 6 năm
    # 2018" is the question's own; asked a document's date, the month narrows it and stays)
    stated = set() if is_issued_question(folded) else _act_months(folded)
    return [x for x in scored if not (x[1].get("when") and _unpadded(f" {folded_words(x[1]['when'])} ") in asked)
            and not (given and (said := set(re.findall(r"\b(?:19|20)\d\d\b", x[1].get("when") or "")))
                     and said <= given)
            and not (stated and (dated := _months(folded_words(x[1].get("when") or ""))) and dated <= stated)]
