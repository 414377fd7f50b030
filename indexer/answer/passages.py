"""When-answers the index-time extractor does not store, read at question time from the passages the
search retrieved (and from the documents the question names):

- durations ("chậm nhất là 05 ngày làm việc", "ít nhất là 05 ngày làm việc trước ngày tổ chức",
  "02 năm") for "bao lâu", "how many working days", "within how long" questions — the laws state
  time limits this way, the plans rarely;
- quantities counted in a noun the question names ("bao nhiêu tuổi", "how many groups of criteria":
  "đủ hai mươi mốt tuổi trở lên", "03 nhóm tiêu chí") — the laws state ages, counts and limits this
  way, and the extractor keeps only the goals of plans as targets. Read whole: stacked openers
  ("từ đủ 16 tuổi đến 30 tuổi", "nhỏ hơn hoặc bằng"), ages in months ("36 tháng tuổi"), fractions
  ("một phần ba tổng số thành viên" counts members), the compound noun the question says ("04
  năm học"); and a law's money limits written as a multiple of the base salary ("mười lần mức
  lương cơ sở") for a value-question with no counted noun;
- the date of a referenced document ("Nghị quyết số 08-NQ/TU, ngày 04/3/2026 …") for "ban hành
  ngày nào", "on what date was … adopted/issued" — the extractor skips these dates on purpose
  (they are not deadlines).

They become deadline-like items (verbatim spans with offsets) that go through the same support
check as stored items: no support, no answer."""

from __future__ import annotations

import re

from indexer.extract.text import clauses, sentences
from indexer.text import folded_words, has_diacritics

# ("at what time": when, a moment; "what time" alone, the hour of a day a limit is counted to)
_DURATION_Q = re.compile(r"(?<! at) (?:bao lau|how long|how many (?:working )?(?:days|months|years)|within how many|"
                         r"bao nhieu ngay|may ngay|bao nhieu thang|bao nhieu nam|thoi hieu|thoi han la|"
                         # "mấy tháng", "mấy năm", "mấy tuần" as "mấy ngày" (without diacritics "may thang")
                         r"may thang|may nam|may tuan|"
                         # a range of time asked ("có thời hạn trong khoảng nào", "khoảng thời gian nào")
                         r"trong khoang nao|khoang thoi gian nao|"
                         # a time limit named as a length, the hour of a day ("trước mấy giờ")
                         r"length of|duration of|may gio|gio nao|what time|maximum time|minimum time|"
                         r"how much time|time limit|how soon|how quickly|how far in advance|how much (?:advance |prior |written |advance written |prior written )?notice|how much in advance|statutes? of limitations?|"
                         r"limitation periods?|within what (?:time|period)|how many (?:weeks|hours)) ")
_ISSUED_Q = re.compile(r" (?:ra ngay nao|ra vao ngay nao|ban hanh ngay nao|ban hanh vao ngay nao|ngay ban hanh|ky ngay nao|thong qua ngay nao|"
                       r"adopted|issued?|signed|promulgated|passed) ")
# A number in digits or in words, the words read whole: "mười hai tháng" is twelve months, and a
# match that started at its "hai" said two.
_SPELLED_WORDS = "một hai ba bốn năm sáu bảy tám chín mười mươi mốt tư lăm trăm".split()
_SPELLED = "(?:" + "|".join(_SPELLED_WORDS) + ")"
_NOT_AFTER_NUMBER = "".join(f"(?<!{w} )" for w in _SPELLED_WORDS)  # fixed-width look-behinds, one a word
_NUM_WORD = rf"(?:\d{{1,3}}|{_NOT_AFTER_NUMBER}{_SPELLED}(?:\s+{_SPELLED})*)"
_DURATION = re.compile(
    rf"(?:(?:chậm nhất là|chậm nhất|ít nhất là|ít nhất|tối đa là|tối đa|không quá|trong thời hạn|"
    rf"trong vòng|trong|sau|trước|là)\s+)*"
    # a range keeps its lower end: "từ 03 tháng đến 12 tháng", "từ 03 đến 05 ngày"
    # ("từ đủ 06 tháng đến 12 tháng": "đủ", full, opens the lower end)
    rf"(?:\btừ\s+(?:đủ\s+)?{_NUM_WORD}(?:\s+(?:ngày làm việc|năm học(?!\s+tập)|ngày|tháng|năm|giờ))?\s+đến\s+)?"
    # "dưới 36 tháng tuổi" is an age, not a time limit
    # ("02 năm học": a school year, "05 ngày làm việc": a working day, each a unit of its own)
    rf"\b{_NUM_WORD}\s+(?:ngày làm việc|năm học(?!\s+tập)|ngày|tháng|năm|giờ)(?!\s+tuổi)\b"
    # ("02 năm liên tiếp", "06 tháng liên tục", "02 năm liền": consecutive, part of the span, not
    # two years in all)
    rf"(?:\s+(?:liên\s+(?:tiếp|tục)|liền)\b)?"
    rf"(?:\s+(?:trước|sau|kể từ)\s+ngày(?:\s+(?!và\b|hoặc\b)[^\s,.;:()]+){{1,2}})?", re.I)
_DATE = r"ngày\s+\d{1,2}\s*(?:/|-|\s+tháng\s+)\s*\d{1,2}\s*(?:/|-|\s+năm\s+)\s*\d{4}"


def is_duration_question(folded_q: str) -> bool:
    return bool(_DURATION_Q.search(f" {folded_q} "))


def is_issued_question(folded_q: str) -> bool:
    """"… ban hành ngày nào", "the date of Decision 238", and the verb apart from its question
    words: "Ban Bí thư ban hành Quyết định 238-QĐ/TW vào ngày nào"."""
    q = f" {folded_q} "
    if is_duration_question(folded_q):
        return False  # "within how many days must the authority issue a licence" asks a time limit, not a date
    # ("previously issued household registration books": a participle that describes a thing, not
    # the act asked)
    q = re.sub(r" (?:previously|already|newly|recently|originally|formerly) (?:issued|adopted|signed|passed|promulgated) ",
               " ", q)
    # the date asked in its longer or counted words: "ngày tháng (năm) nào", "ngày mấy", "ngày bao
    # nhiêu" are "ngày nào"; "ngày ký" (the date of signing) is the date of the document
    q = re.sub(r" ngay (?:thang (?:nam )?nao|may|bao nhieu) ", " ngay nao ", q)
    if re.search(r" ngay ky (?:ban hanh )?(?:nghi quyet|ke hoach|ket luan|chi thi|quyet dinh|van ban|thong bao|"
                 r"chuong trinh|cong van|de an|quy dinh|luat|bo luat|\d)| co ngay nao ", q):
        return True
    if re.search(r" co ngay ky (?:ban hanh )?(?:la )?(?:ngay nao|bao nhieu) ", q):
        return True  # "Nghị quyết số 08 … có ngày ký là ngày nào": the date it bears (not "kể từ ngày ký là bao nhiêu")
    if re.search(r" (?:what|which) date ", q) and re.search(r" (?:adopt|sign|promulgate|pass) ", q):
        return True  # "On what date did the Politburo adopt …": the bare verb after "did"
    return bool(_ISSUED_Q.search(q) or re.search(r" (?:the )?date of ", q)
                or re.search(r" ban hanh .* ngay nao | ngay nao .* ban hanh ", q)
                # a body "ký Kế hoạch 209-KH/TU … vào thời điểm nào": the date it signed the document
                or re.search(r" ky (?:ban hanh )?(?:nghi quyet|ke hoach|ket luan|chi thi|quyet dinh|van ban|thong bao|"
                             r"chuong trinh|cong van|de an|quy dinh|luat|bo luat) .* (?:ngay nao|thoi diem nao|luc nao|khi nao) ", q)
                # the other verbs of a document's date: it "mang ngày" (bears), "ra đời" (came out),
                # a body "ra Nghị quyết … vào ngày nào" (put out)
                or re.search(r" (?:mang|de|ghi) ngay nao | ra doi (?:vao )?ngay nao | ra (?:nghi quyet|chi thi|ket luan|"
                             r"quyet dinh|ke hoach|thong bao) .* ngay nao ", q))


# "bao lâu một lần", "mấy lần một năm", "how often": a frequency, not a time limit — "bao lâu"
# alone asks for a duration, "một lần" after it for how often.
# ("ít nhất mấy năm một lần": once every how many years, as the laws write "02 năm một lần")
_FREQUENCY_Q = re.compile(r" (?:bao lau (?:\w+ ){0,8}?(?:mot|1) lan|may lan|bao nhieu lan|how often|how frequently|"
                          r"(?:may|bao nhieu) (?:nam|thang|quy|tuan|ngay) (?:mot|1) lan|every how many|"
                          r"how many times|chu ky|dinh ky bao lau|tan suat|at what frequency|"
                          r"(?:moi|hang) (?:nam|thang|quy|tuan) (?:may|bao nhieu) (?:lan|ky|dot)) ")
_COUNT = r"(?:\d{1,2}|một|hai|ba|bốn|năm|sáu)"
_PER = r"(?:năm|tháng|quý|tuần|ngày|nhiệm kỳ)"
_FREQUENCY = re.compile(
    rf"(?:(?:ít nhất|tối thiểu|không quá)\s+(?:là\s+)?)?"
    # ("mỗi năm hai kỳ": a body that meets twice a year counts its sittings, "kỳ", "đợt")
    rf"(?:(?:mỗi|hằng|hàng)\s+{_PER}\s+(?:ít nhất\s+)?{_COUNT}\s+(?:lần|kỳ|đợt)|{_COUNT}\s+(?:lần|kỳ|đợt)\s+(?:mỗi|một|trong\s+một|/)\s*{_PER}|"
    # ("05 năm một lần", "ít nhất 02 năm một lần": once every N years — the laws' other way to say it)
    rf"{_COUNT}\s+{_PER}\s+(?:một|1)\s+lần|"
    rf"(?:mỗi|hằng|hàng)\s+{_PER}|định kỳ(?:\s+(?:\d+|hằng|hàng)\s*{_PER})?|thường niên)", re.I)


def is_frequency_question(folded_q: str) -> bool:
    return bool(_FREQUENCY_Q.search(f" {folded_q} "))


def frequency_items(results) -> list[dict]:
    """How often a thing is done, as the laws say it ("ít nhất mỗi năm một lần", "hai lần mỗi năm",
    "hằng năm", "định kỳ 6 tháng") in the sentences of the retrieved passages: recurring items (the
    extractor stores "hằng năm" but not a count of times per year)."""
    return _pattern_items(results, _FREQUENCY, "recurring")


# "theo chu kỳ bao nhiêu năm", "For what cycle is the strategy built": the question asks the length
# of a cycle — the laws write it "chu kỳ 10 năm" ("được xây dựng cho chu kỳ 10 năm, định hướng 20
# năm"). Asked only when the question word follows "chu kỳ" ("chu kỳ sản xuất … không quá bao lâu"
# says the cycle as its subject and asks another duration); the frequency reader read no length of a
# cycle, and the plain duration reader left "10 năm" and the "định hướng 20 năm" of the same sentence
# as rivals.
_CYCLE_Q = re.compile(r" (?:chu ky (?:la )?(?:bao nhieu|may|nao|bao lau|the nao)|(?:what|which) cycle|"
                      r"cycle of how|how long (?:is|are) (?:the|its|each) (?:\w+ )?cycles?) ")
_CYCLE = re.compile(rf"\bchu kỳ\s+(?:là\s+)?(?:từ\s+)?{_NUM_WORD}\s+(?:năm|tháng|tuần|ngày)\b", re.I)


def is_cycle_question(folded_q: str) -> bool:
    return bool(_CYCLE_Q.search(f" {folded_q} "))


def cycle_items(results) -> list[dict]:
    """The length of a cycle, "chu kỳ 10 năm", in the sentences of the retrieved passages: duration
    items whose value keeps its word "chu kỳ" (not those of exception clauses)."""
    return _pattern_items(results, _CYCLE, "duration")


def _pattern_items(results, pattern: re.Pattern, when_kind: str) -> list[dict]:
    """An item per match of ``pattern`` in the sentences of the retrieved passages, outside their
    exception clauses."""
    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            for m in pattern.finditer(text, s, e):
                if in_exception(text, s, m.start()):
                    continue
                out.append(_item(r.doc_id, r.doc_title, list(r.section_path_parts or []), text, r.start,
                                 s, e, m.start(), m.end(), when_kind))
    return out


def _item(doc_id: str, title: str, path: list[str], text: str, base: int, s: int, e: int,
          ws: int, we: int, kind: str) -> dict:
    return {"kind": "deadline", "doc_id": doc_id, "doc_title": title, "start": base + s, "end": base + e,
            "quote": text[s:e], "section_path": path, "when": text[ws:we], "when_start": base + ws,
            "when_end": base + we, "when_kind": kind, "task": text[s:e], "units": [], "unit": None,
            "via": "passage"}


_EXCEPTION = re.compile(r"(?i)\b(?:trừ|ngoại trừ|không áp dụng)\b")


def in_exception(text: str, s: int, at: int) -> bool:
    """Position ``at`` lies in an exception clause ("…, trừ trường hợp đã có thời gian từ đủ 12 tháng
    trở lên …"): its number is the exception's, not the rule's."""
    return _exception_opening(text, s, at) is not None


def _exception_opening(text: str, s: int, at: int) -> int | None:
    """Where the exception clause position ``at`` lies in opens (its "trừ"), or None."""
    clause = max(text.rfind(c, s, at) for c in ",;(")
    m = _EXCEPTION.search(text, max(s, clause), at)
    return m.start() if m else None


def exception_clause(text: str, s: int, e: int, at: int) -> tuple[int, int] | None:
    """The exception clause position ``at`` lies in, from its "trừ" to the end of the sentence or of
    its ";"-clause ("trừ phiên tòa xét xử vụ án theo thủ tục rút gọn thì thời hạn hoãn là 15 ngày"),
    or None."""
    opening = _exception_opening(text, s, at)
    if opening is None:
        return None
    end = text.find(";", at, e)
    return opening, end if end >= 0 else e


def duration_items(results) -> list[dict]:
    """Durations in the sentences of the retrieved passages. A sentence that states several gets each
    its own words as its ``subject`` (``_duration_owners``); one in an exception clause ("…, trừ phiên
    tòa xét xử vụ án theo thủ tục rút gọn thì thời hạn hoãn là 15 ngày") is the exception's, marked
    with its clause (``exception``) and asked only by the exception's words (``owners._asked_exception``)."""
    out = []
    for r in results:
        text = r.text
        previous = None
        for s, e in sentences(text, 0, len(text)):
            found = [m for m in _DURATION.finditer(text, s, e) if not re.match(r"\d{4}\b", m.group(0).split()[-1])]
            clauses = [exception_clause(text, s, e, m.start()) for m in found]
            matches = [m for m, excepted in zip(found, clauses) if excepted is None]
            owners = _duration_owners(text, s, e, matches) if len(matches) > 1 else [None] * len(matches)
            for m, owner in zip(matches, owners):
                item = _item(r.doc_id, r.doc_title, list(r.section_path_parts or []), text, r.start,
                             s, e, m.start(), m.end(), "duration")
                if previous and _opens_with(text, s, m.start()):
                    item["lead"] = text[previous[0]:previous[1]]
                if owner:
                    item["subject"] = owner
                anchor = _ANCHOR_AFTER.match(text, m.end(), e)
                if anchor:
                    item["anchor"] = anchor.group(1)
                out.append(item)
            for m, excepted in zip(found, clauses):
                if excepted:  # the exception's own duration: asked only by its own words (owners._asked_exception)
                    item = _item(r.doc_id, r.doc_title, list(r.section_path_parts or []), text, r.start,
                                 s, e, m.start(), m.end(), "duration")
                    item["exception"] = text[excepted[0]:excepted[1]]
                    out.append(item)
            previous = (s, e)
    return out


_QUALIFIER_AFTER = re.compile(r"\s*,?\s*(?:đối với|với|cho|trong trường hợp)\s", re.I)


def _duration_owners(text: str, s: int, e: int, matches: list[re.Match]) -> list[str | None]:
    """The words each of several durations of one sentence belongs to. The laws write them two ways:
    - the case after the duration: "… chia di sản là 30 năm đối với bất động sản, 10 năm đối với
      động sản": a duration owns its "đối với …" up to the next comma or duration, and all share
      the sentence's opening before the first duration;
    - the case before it, in parallel clauses that leave out the shared head: "Quyết định công nhận
      lưu hành giống cây trồng hằng năm có thời hạn là 10 năm, giống cây trồng lâu năm có thời hạn
      là 20 năm": a duration owns the words from the previous one to itself, and a later clause
      takes the first clause's words before the place its own first words start there ("Quyết
      định công nhận lưu hành"), the head it leaves out.
    Without this, each duration carried the whole sentence and the question's case ("lâu năm",
    "bất động sản") could not tell them apart: no answer, or the neighbour's.
    Between the two (read after the first, before the second): each duration opens its own clause
    of the sentence, the clauses parted by ";" ("Trước 06 tháng, …, đơn vị quản lý viên chức phải
    thông báo …; trước 03 tháng, …, … ra quyết định nghỉ hưu."): a duration owns its clause."""
    if all(_QUALIFIER_AFTER.match(text, m.end(), e) for m in matches):
        head = text[s:matches[0].start()]
        owners = []
        for i, m in enumerate(matches):
            stop = matches[i + 1].start() if i + 1 < len(matches) else e
            # (the comma right after the value is not the end; "thì …", "kể từ …" go on with what the
            # sentence says of all of them: "… 30 năm đối với bất động sản thì trở thành chủ sở hữu")
            cut = re.search(r"[,;]|\s(?:thì|kể từ|tính từ)\s", text[m.end():stop][1:])
            end = m.end() + 1 + cut.start() if cut else stop
            own = re.sub(r"\s+(?:và|hoặc)\s*$", "", text[m.start():end].rstrip(" ,;"))  # "… khoản 1 Điều này và"
            owners.append(f"{head} {own}".strip(" ,;"))
        return owners
    led = _clauses_led(text, s, e, matches)
    if led:
        return led
    owners, first = [], ""
    for i, m in enumerate(matches):
        start = matches[i - 1].end() if i else s
        own = text[start:m.end()].strip(" ,;")
        own = re.sub(r"^(?:và|hoặc)\s+", "", own)
        if i == 0:
            first = own
        else:
            lead = " ".join(folded_words(own).split()[:2])
            at = f" {folded_words(first)} ".find(f" {lead} ") if lead else -1
            if at < 0:
                # not parallel clauses ("… trong thời hạn 30 ngày, kể từ ngày …, thì … trong thời hạn
                # 15 ngày"): which words are whose is not read here, the durations stay rivals
                return [None] * len(matches)
            if at > 0:  # the words of the first clause before that place, in its own spelling
                cut = len(folded_words(first)[:at].split())
                own = f"{' '.join(first.split()[:cut])} {own}"
        owners.append(own)
    return owners


def _clauses_led(text: str, s: int, e: int, matches: list[re.Match]) -> list[str] | None:
    """The ";"-clauses of the sentence (``extract.text.clauses``), one per duration, when each
    duration opens its own (within its first three words, as ``_opens_with``); else None."""
    bounds = clauses(text, s, e)
    owners, used = [], set()
    for m in matches:
        i = next((i for i, (a, b) in enumerate(bounds) if a <= m.start() < b), None)
        if i is None or i in used or not _opens_with(text, bounds[i][0], m.start()):
            return None
        used.add(i)
        owners.append(text[bounds[i][0]:bounds[i][1]])
    return owners


# The event a duration counts from or to, when it follows the duration as a clause ("Trong thời gian
# 06 tháng trước khi hết hạn lưu hành, …", "30 ngày sau khi …"): ``_DURATION`` keeps only "trước/sau/
# kể từ ngày …" in the value, so "06 tháng" alone read as an answer to "bao lâu kể từ khi …".
_ANCHOR_AFTER = re.compile(r"\s*,?\s*((?:trước|sau|kể từ)\s+(?:khi|lúc|thời điểm)\b)", re.I)


def _opens_with(text: str, s: int, at: int) -> bool:
    """The sentence opens with its duration ("Chậm nhất là 15 ngày làm việc kể từ …, cơ quan được
    yêu cầu phải cung cấp thông tin …"): it goes on with the matter of the sentence before it
    ("Đối với thông tin phức tạp … thì chậm nhất là 03 ngày … phải thông báo …"), which is its
    subject too (``lead``). Without it, only the first of the two deadlines supported a question
    about that matter, and it answered for the second."""
    before = text[s:at]
    return "," not in before and len(before.split()) <= 3


_NUMBER_WORDS = (r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|tư|lăm|trăm|nghìn|ngàn)"
                 r"(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|tư|lăm|trăm|nghìn|ngàn))*)")
# Several openers may stack: "từ đủ 16 tuổi" (from full sixteen), "ít nhất một phần ba".
# So do the comparisons of the laws' limits: "nhỏ hơn hoặc bằng mười lần mức lương cơ sở", and the
# upper end of an age range: "đến chưa đủ mười tám tuổi".
_OPENERS = (r"(?:(?:đủ|chưa đủ|từ|trước|ít nhất|tối thiểu|tối đa|không quá|không vượt quá|vượt quá|trên|dưới|khoảng|"
            r"(?:nhỏ|lớn|cao|thấp) hơn(?: hoặc bằng)?|bằng)\s+)*")
# A fraction is one number: "một phần ba" (one third), "hai phần ba", "1/3" — its noun is "phần".
_FRACTION = rf"(?:\d+|{_NUMBER_WORDS})\s+phần\s+(?:\d+|{_NUMBER_WORDS})(?!\w)|\d+/\d+(?![\d/])"
# So is a half, which the laws write without "phần": "quá nửa tổng số đại biểu Quốc hội" (a majority),
# "một nửa", "hơn một nửa". Read as a fraction (its noun "phần", the total's noun counted too), the
# Constitution's "Luật … phải được quá nửa tổng số đại biểu Quốc hội biểu quyết tán thành" is no
# longer left to its neighbouring clause's "ít nhất hai phần ba" (the case of amending the Constitution).
_HALF = r"(?:(?:quá|hơn)\s+)?(?:một\s+)?nửa(?!\w)"
# An age counted in months or years is written "36 tháng tuổi", "05 năm tuổi": the age noun follows.
# ("mỗi năm hai kỳ": the "năm" of "each year" starts no number)
# A span of two numbers before one noun is one value: "thành lập mới 01 - 02 câu lạc bộ" (read from
# its second number alone it was "02 câu lạc bộ", a wrong answer).
_QUANTITY = re.compile(rf"{_OPENERS}(?<![\w.,/])(?<!mỗi )(?<!hằng )(?<!hàng )"
                       rf"({_FRACTION}|{_HALF}|\d+(?:[.,]\d+)*(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?|{_NUMBER_WORDS})\s+(\w+)"
                       rf"(?:\s+(tuổi)(?!\w))?", re.I)


# A percentage the laws state ("không được vượt quá 20%/năm của khoản tiền vay", "tối thiểu là 20%
# tổng chi ngân sách"): the number, its sign and a rate's period are one value, its noun "%".
_PERCENT = re.compile(rf"{_OPENERS}(?<![\w.,/])(\d+(?:[.,]\d+)?)\s*(%(?:\s*/\s*(?:năm|tháng|ngày|tuần))?)()", re.I)


# Vietnamese classifiers, folded: the noun counted follows them ("01 bộ hồ sơ", "hai chiếc xe", "03 tờ khai").
_CLASSIFIERS = frozenset({"bo", "ban", "chiec", "cai", "quyen", "cuon", "to", "tam", "buc"})


def quantity_nouns(m: re.Match) -> set[str]:
    """The folded nouns a quantity match counts in: its noun ("tuoi", "nhom"), the age noun after a
    month or year count ("36 tháng tuổi" is counted in tháng and is an age: tuoi), "phan" for a
    fraction ("một phần ba"), "%" for a percentage (``_PERCENT``)."""
    if m.group(2).startswith("%"):
        return {"%"}
    out = {folded_words(m.group(2))}
    if counts_people(m.string, m.start(2)) is not None:
        out.add("nguoi")  # "ba Trọng tài viên" answers "gồm mấy người"
    if m.group(3):
        out.add("tuoi")
    if out & _CLASSIFIERS:
        # a classifier counts the noun after it: "nộp 01 bộ hồ sơ" is a count of hồ sơ (a set of
        # dossiers), "02 chiếc xe" of xe
        after = re.match(r"\s+(\w+)", m.string[m.end(2):m.end(2) + 30])
        if after:
            out.add(folded_words(after.group(1)))
    if re.search(r"\sphần\s|/|nửa", m.group(1)):
        # a fraction of a total counts the total's noun too: "hai phần ba tổng số thành viên" is a
        # number of members
        whole = re.match(r"\s+(?:tổng số|số)\s+(\w+)", m.string[m.end(1):m.end(1) + 40])
        out = {"phan"} | ({folded_words(whole.group(1))} if whole else set())
    return out


# Nouns of people by their role, as the laws count them ("03 Thẩm phán", "hai Hội thẩm nhân dân"):
# folded first words; and any noun whose phrase ends with "viên" (one who holds a role: "Trọng tài
# viên", "thành viên", "ủy viên", "hướng dẫn viên").
_PERSON_HEADS = ("tham phan", "hoi tham", "dai bieu", "can bo", "cong chuc", "kiem sat vien", "thu ky")
_PERSON_PHRASE = re.compile(r"(\w+(?:[ \t]+\w+){0,2})")


def counts_people(text: str, at: int) -> int | None:
    """The end of the noun phrase starting at ``at`` when it names people by their role: a count of
    it answers "mấy người", "bao nhiêu người" (how many persons) — "Hội đồng trọng tài bao gồm ba
    Trọng tài viên", "gồm 03 Thẩm phán". None when it names none."""
    m = _PERSON_PHRASE.match(text, at)
    if not m:
        return None
    words = list(re.finditer(r"\w+", m.group(1)))
    folded = folded_words(m.group(1)).split()
    for h in _PERSON_HEADS:
        n = len(h.split())
        if " ".join(folded[:n]) == h and len(words) >= n:
            return at + words[n - 1].end()
    if words[0].group()[:1].isupper():
        for i in (1, 2):
            if i < len(folded) and folded[i] == "vien":
                return at + words[i].end()
    return None


def _quantity_end(m: re.Match) -> int:
    """Where a quantity's own words end: after its noun ("18 tuổi", "36 tháng tuổi"), or after the
    fraction itself ("một phần ba | tổng số thành viên": the noun after it is what is divided)."""
    return m.end(1) if "phan" in quantity_nouns(m) else m.end()


# Prepositions, conjunctions and the words that open a predicate (copula, modals, negation), folded:
# a noun phrase's words do not go on across them ("từ đủ 15 tuổi | có thể tự mình quản lý").
# Compared as written: folded, "tại" (at) is also "tài" ("Trọng tài viên").
_LINKS = frozenset("""của trong tại với về từ đến theo khi cho để và hoặc mà thì là ở trên dưới sau trước
có không được phải sẽ đã bị cần nên mới chưa vẫn đang cũng""".split())


# Units of measure, folded: the noun of a measured quantity, never the head of a compound noun.
_UNITS = frozenset("kg g gam tan ta yen km m cm mm ha m2 km2 m3 lit ml".split())


# Time units made of two nouns: a school year is not a year, a working day not a day.
_TIME_COMPOUND = re.compile(r"[ \t]+(?:học|làm việc)(?!\w)")


def asked_tail(text: str, pos: int, end: int, noun: str, question: str) -> int:
    """The end of the words after a quantity's noun that the question writes after the same noun: a
    compound noun is one unit ("04 năm | học" asked "bao nhiêu năm học": school years, not years),
    so the answer is not cut inside it. At most three words; ``question`` folded and padded."""
    if not question or folded_words(noun).endswith("tuoi"):
        return pos  # an age is whole ("dưới 18 tuổi | yêu cầu …": the verb after it is no compound)
    if folded_words(noun) in _UNITS:
        return pos  # a unit heads no compound: "500 kg | khối lượng vật nuôi sống" (what is weighed)
    said = folded_words(noun)
    at = pos
    kept = _TIME_COMPOUND.match(text, at, end) if said in ("nam", "ngay", "gio", "thang") else None
    if kept:  # "02 năm học", "05 ngày làm việc": another unit than the year or the day, asked or not
        return kept.end()
    for _ in range(3):
        w = re.match(r"[ \t]+(\w+)", text[at:end])
        if not w or f" {said} {folded_words(w.group(1))} " not in question or \
                w.group(1).lower() in _LINKS:
            break  # a compound goes on; a preposition starts another phrase ("23 giờ | của ngày …")
        said = f"{said} {folded_words(w.group(1))}"
        at += w.end()
    return at


def total_of_share(text: str, pos: int, end: int, question: str) -> int:
    """The end of the whole a share is of, as far as the question says its words ("quá nửa | tổng
    số thành viên" for "bao nhiêu thành viên", "hai phần ba | tổng số đại biểu Quốc hội"): "quá nửa"
    alone does not say of what. Two words after "tổng số", or more of a name ("Quốc hội"), not the
    verb the question says next ("… thành viên | biểu quyết"); ``question`` folded and padded."""
    m = re.match(r"[ \t]+tổng số(?!\w)", text[pos:end])
    if not m or not question:
        return pos
    at, said, capital = pos + m.end(), 0, False
    for _ in range(4):
        w = re.match(r"[ \t]+(\w+)", text[at:end])
        if not w or f" {folded_words(w.group(1))} " not in question or w.group(1).lower() in _LINKS:
            break
        if said >= 2 and not (w.group(1)[:1].isupper() or capital):
            break
        capital = w.group(1)[:1].isupper()
        at, said = at + w.end(), said + 1
    return at if said else pos


def classified_end(text: str, pos: int, end: int, question: str) -> int:
    """The end of the noun a classifier counts, as far as the question says its words ("01 bộ | hồ sơ"
    for "how many sets of dossiers", the glossary's "hồ sơ" in the question's reading): the answer is
    the thing counted, not the bare classifier. At most three words; ``question`` folded and padded."""
    at = pos
    for _ in range(3):
        w = re.match(r"[ \t]+(\w+)", text[at:end])
        if not w or f" {folded_words(w.group(1))} " not in question or w.group(1).lower() in _LINKS:
            break
        at += w.end()
    return at


# ("hoặc" of a comparison is no clause boundary: "nhỏ hơn hoặc bằng mười lần …")
_CLAUSE_CUT = re.compile(r"\s*(?:[;,]|\bvà\b|(?<!hơn )\bhoặc\b(?! bằng))\s*")


def _clause(text: str, s: int, e: int, at: int) -> tuple[int, int]:
    """The clause of [s, e) holding position ``at`` (cut at ";", ",", "và", "hoặc")."""
    cs, ce = s, e
    for m in _CLAUSE_CUT.finditer(text, s, e):
        if m.end() <= at:
            cs = m.end()
        elif m.start() > at:
            ce = m.start()
            break
    return cs, ce


def _gaps(s: int, e: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[s, e) without the given spans."""
    out, at = [], s
    for a, b in sorted(spans):
        if a > at:
            out.append((at, a))
        at = max(at, b)
    return out + ([(at, e)] if at < e else [])


_POINT = re.compile(r"\n[ \t]*(?=(?:[a-zđ]\)|\d+\.(?!\d)|[-–•+])\s)")


def _list_points(text: str, spans) -> list[tuple[int, int]]:
    """The sentences cut where a new point of a list starts on its own line ("… tính theo năm;\n
    b) Giáo dục trung học cơ sở …"): a law's points end with ";" and no full stop, and the next point
    is about something else — the age of grade one is not supported by the "lớp sáu" of point b),
    nor an arbitrator's years of experience by the "nhiệm kỳ" of another point."""
    out = []
    for s, e in spans:
        at = s
        for m in _POINT.finditer(text, s, e):
            if m.start() > at:
                out.append((at, m.start()))
            at = m.end()
        if e > at:
            out.append((at, e))
    return out


_POINT_LINE = re.compile(r"[ \t]*(?:[a-zđ]\)|\d+\.(?!\d)|[-–•+])\s")
MAX_POINTS_BACK = 12


def _marker_kind(marker: str) -> str:
    m = marker.strip()
    return "letter" if m.endswith(")") else "number" if m[:1].isdigit() else "dash"


def lead_in(text: str, at: int) -> str:
    """The lead-in of the list whose point holds position ``at`` ("Người có đủ các điều kiện sau
    đây … được đăng ký dự tuyển viên chức:" for "b) Từ đủ 18 tuổi trở lên."): the line ending with
    ":" above the points, reading back over points only. A bare point says its value, the lead-in
    what it is a condition of; the passage the search cut may not hold it. "" when ``at`` is in no
    point or no lead-in is found."""
    line_start = text.rfind("\n", 0, at) + 1
    first = _POINT_LINE.match(text, line_start)
    if not first:
        return ""
    kind = _marker_kind(first.group())
    end = line_start
    for _ in range(MAX_POINTS_BACK):
        if end <= 0:
            return ""
        prev_start = text.rfind("\n", 0, end - 1) + 1
        line = text[prev_start:end].strip()
        end = prev_start
        if not line:
            continue
        point = _POINT_LINE.match(line + " ")
        if point and _marker_kind(point.group()) == kind:
            # a point of the same list ("a)" above "b)"; not the "2." of another clause), even one
            # ending with ":" — a slip of the text ("c) Loại T16 (16+): … từ đủ 16 tuổi trở lên:"),
            # since a point's own sub-list has markers of another kind
            continue
        if line.endswith(":"):
            return line  # (itself a numbered clause: "1. Người có đủ các điều kiện sau đây …:")
        return ""
    return ""


def with_lead_ins(items: list[dict], texts: dict[str, str]) -> list[dict]:
    """``items`` (quantities read from the passages) with the lead-in of the list their point belongs
    to (``lead_in``) said by their task and sentence, so the support reads what the point is a
    condition of."""
    out = []
    for it in items:
        lead = lead_in(texts.get(it["doc_id"]) or "", it["start"])
        if lead and lead not in (it.get("sentence") or ""):
            it = {**it, "task": f"{lead} {it.get('task') or ''}", "sentence": f"{lead} {it.get('sentence') or ''}"}
        out.append(it)
    return out


_SHORT_NAME = re.compile(r"\W*([A-ZĐ]\w*\s+\w+)\s+(\w+)")


def refers_back(sentence: str, before: str) -> bool:
    """The sentence names its subject by the head of a name the sentence before it writes whole:
    "Hội đồng quốc gia thẩm định chương trình giáo dục mầm non do Bộ trưởng … thành lập … . Hội đồng
    phải có ít nhất một phần ba …" — the council of the first sentence is the one that must."""
    m = _SHORT_NAME.match(sentence)
    if not m:
        return False
    return any(w.group(1) != m.group(2) for w in re.finditer(rf"(?<!\w){re.escape(m.group(1))}\s+(\w+)", before))


# A sentence that opens by pointing back ("Hết thời hạn này thì …", "Trường hợp đó …"): what it
# speaks of the sentence before says ("Thời hiệu để người thừa kế yêu cầu chia di sản là 30 năm …").
# Not a document pointing to itself ("Luật này", "khoản này").
_POINTS_BACK = re.compile(r"[^\w,;:]{0,3}(?:[\w]+\s+){1,4}?(?<!Luật )(?<!luật )(?<!Điều )(?<!điều )(?<!khoản )"
                          r"(?<!điểm )(?<!Chương )(?<!pháp )(?<!định )(?:này|đó|nêu trên)(?!\w)")


def points_back(sentence: str) -> bool:
    """The sentence opens by pointing back to the one before it (``_POINTS_BACK``)."""
    return bool(_POINTS_BACK.match(sentence))


MAX_REFERENT = 3  # sentences back


def _referent(text: str, points: list[tuple[int, int]], n: int) -> str:
    """The sentences before point ``n`` that its short subject refers back to, up to the one that
    names it whole ("Hội đồng quốc gia thẩm định … . Hội đồng gồm … . Hội đồng phải …"); ""."""
    k = n
    while k > 0 and n - k < MAX_REFERENT and refers_back(text[slice(*points[k])], text[slice(*points[k - 1])]):
        k -= 1
    return text[points[k][0]:points[n][0]] if k < n else ""


def percent_items(results, question: str = "") -> list[dict]:
    """Percentages the sentences of the retrieved passages state, as quantity items (measure "%",
    "%/năm"): the laws' rates and limits, which the extractor does not keep as targets (it keeps the
    goals of plans), for a percentage-question no stored target supports."""
    return quantity_items(results, "%", question, pattern=_PERCENT)


def quantity_items(results, count_noun: str | list[str], question: str = "", pattern: re.Pattern = _QUANTITY) -> list[dict]:
    """Quantities counted in ``count_noun`` (a folded syllable: "tuoi", "nhom") in the sentences of
    the retrieved passages: target-like items whose quote and subject are the quantity's clause (so
    "đủ mười tám tuổi … bầu cử và đủ hai mươi mốt tuổi … ứng cử" gives two items, each supported by
    its own words), their task the sentence without the other quantities' clauses."""
    nouns = {count_noun} if isinstance(count_noun, str) else set(count_noun)
    asked = f" {folded_words(question)} " if question else ""
    out = []
    for r in results:
        text = r.text
        points = _list_points(text, sentences(text, 0, len(text)))
        for n, (s, e) in enumerate(points):
            matches = [m for m in pattern.finditer(text, s, e) if not in_exception(text, s, m.start())]
            # a range is one quantity: "từ 03 tháng đến 12 tháng" (not "từ 03 tháng" and "12 tháng"),
            # its upper end in another noun too ("từ 03 tháng tuổi đến 06 tuổi")
            spans: list[list] = []
            for m in matches:
                if spans and re.fullmatch(r"\s*(?:đến|tới|-|–)\s*", text[spans[-1][1]:m.start()]):
                    spans[-1][1] = _quantity_end(m)
                    spans[-1][3] = spans[-1][3] or bool(quantity_nouns(m) & nouns)
                else:
                    spans.append([m.start(), _quantity_end(m), m, bool(quantity_nouns(m) & nouns)])
            spans = [sp[:3] for sp in spans if sp[3]]
            found = [(m, _clause(text, s, e, m.start(1)), (a, b)) for a, b, m in spans]
            wholes = part_of_whole(text, found)
            for i, (m, (cs, ce), (qs, qe)) in enumerate(found):
                # the sentence without the other quantities' clauses: "Nam từ đủ 20 tuổi" is not
                # supported by the "nữ" of its neighbour "nữ từ đủ 18 tuổi"
                ts, te = own_statement(text, s, e, m.start(), qe)
                task = "".join(text[a:b] for a, b in _gaps(ts, te, [c for _, c, _ in found if c != (cs, ce)] +
                                                           parallel_clauses(text, cs, ce, te)))
                task = shared_subject(text, s, found, i) + task
                ce = max(ce, qe) if qe <= e else ce
                # a multiple names its base ("mười lần | mức lương cơ sở"): the value is both
                tail = re.match(r"[^\s,;.()]*(?:\s+(?:trở lên|trở xuống|tiêu chí|làm việc|"
                                r"mức lương cơ sở|mức lương tối thiểu(?: vùng)?))?", text[qe:ce])
                qe += tail.end() if tail else 0
                noun = text[m.start(2):m.end()] if "phan" not in quantity_nouns(m) else "phần"
                person_end = counts_people(text, m.start(2)) if "nguoi" in nouns else None
                if person_end is not None and qe < person_end <= max(ce, e):
                    noun, qe = text[m.start(2):person_end], person_end  # "03 Thẩm phán", not "03 Thẩm"
                qe = asked_tail(text, qe, ce, noun, asked)
                if folded_words(m.group(2)) in _CLASSIFIERS:
                    qe = classified_end(text, qe, ce, asked)
                qe = total_of_share(text, qe, ce, asked)
                ce = max(ce, qe)
                out.append({"kind": "target", "doc_id": r.doc_id, "doc_title": r.doc_title,
                            "start": r.start + cs, "end": r.start + ce, "quote": text[cs:ce],
                            "section_path": list(r.section_path_parts or []), "subject": text[cs:ce],
                            "task": task, "answer": text[qs:qe].strip(), "value_text": text[qs:qe].strip(),
                            "measure": "phần" if "phan" in quantity_nouns(m) else m.group(2),
                            "counts": sorted(quantity_nouns(m)), "sentence": text[s:e], "period": "", "via": "passage",
                            **({"referent": ref} if (ref := _referent(text, points, n)) else {}),
                            **({"whole_value": wholes[i]} if wholes.get(i) else {}),
                            **({"case": case} if (case := case_of(text, s, m.start())) else
                               {"case": case, "case_after": True} if (case := case_after(text, qe, e)) else {})})
    return out


_CASE = re.compile(r"(?i)\s*(?:trong\s+|đối với\s+)?trường hợp\b")


def case_of(text: str, s: int, at: int) -> str:
    """The case a quantity is stated for, when its part of the sentence (after the last ";") opens
    with one: "Luật, nghị quyết … phải được quá nửa tổng số đại biểu …; trường hợp làm Hiến pháp,
    sửa đổi Hiến pháp, … phải được ít nhất hai phần ba …". The case's words up to the quantity; ""
    when the part states the rule itself. (A case's number answers a question that names the case,
    ``answer.cases_yield``; an exception's — "trừ trường hợp" — is not read at all, ``in_exception``.)"""
    part = max(text.rfind(";", s, at) + 1, s)
    m = _CASE.match(text, part)
    return text[m.end():at].strip() if m else ""


_CASE_AFTER = re.compile(r"(?i)(?:[ \t]+(?!trong\b|đối\b)\w+){0,4}?[ \t]*,?[ \t]*(?:trong|đối với)[ \t]+(?:các[ \t]+)?trường hợp\b")
_POINTS_AFTER = re.compile(r"(?:\s*\n[ \t]*(?:[a-zđ]\)|\d+\.(?!\d))[ \t]+[^\n]+)+")


def case_after(text: str, qe: int, e: int) -> str:
    """The case a quantity is stated for when the case follows it: "Hội đồng xét xử sơ thẩm có thể gồm
    02 Thẩm phán và 03 Hội thẩm nhân dân trong trường hợp sau đây:" and the points listed after the
    colon ("1. Khiếu kiện …", "2. Vụ án phức tạp."). Those words, or "" when no case follows the
    quantity (the sentence then states the rule, and its quantity answers a question asked plainly,
    ``answer.cases_yield``)."""
    m = _CASE_AFTER.match(text, qe, e)
    if not m:
        return ""
    case = text[m.start():e].strip()
    if case.rstrip().endswith(":") or text[e:e + 2].lstrip().startswith(":"):
        points = _POINTS_AFTER.match(text, text.find(":", e - 1) + 1 if ":" in text[e - 1:e + 2] else e)
        if points:
            case = f"{case} {points.group(0).strip()}"
    return case


_COORDINATE = re.compile(r"\s*(?:,\s*)?\bvà\s+(\w+)\s+(\w+)")


def own_statement(text: str, s: int, e: int, at: int, end: int) -> tuple[int, int]:
    """The part of the sentence [s, e) between the semicolons around a quantity: a plan lists its
    tasks in one sentence cut by ";" ("… tăng Báo Lai Châu thường kỳ lên 4 kỳ/tuần; mở rộng đối tượng
    phát hành Báo Lai Châu thường kỳ, Báo Lai Châu vùng cao; …"), and the next task's words ("vùng
    cao") do not support this one's number. (A law's "…; trường hợp …" is the case of its rule,
    ``case_of``, read from the whole sentence.)"""
    before = text.rfind(";", s, at)
    # (a part that opens with a connective goes on with the one before it: "… Tòa án quyết định giao
    # con cho một bên trực tiếp nuôi …; nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng
    # của con" — the condition is the court's)
    while before >= 0 and _CONNECTIVE.match(text, before + 1):
        before = text.rfind(";", s, before)
    after = text.find(";", end, e)
    return (before + 1 if before >= 0 else s), (after if after >= 0 else e)


_CONNECTIVE = re.compile(r"(?i)\s*(?:nếu|thì|khi|trường hợp|trong trường hợp|trừ|ngoại trừ|và|hoặc|nhưng|song|"
                         r"đồng thời|riêng|đối với|trong đó|sau đó|còn)\b")


MAX_SHARED_SUBJECT_WORDS = 4


def shared_subject(text: str, s: int, found: list, i: int) -> str:
    """The subject a coordinated clause shares with the sentence's first one when it has none of its
    own: "Công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có quyền
    ứng cử …" — the clause of twenty-one opens with its quantity, and its subject is "Công dân",
    which the first clause (cut from its task as another quantity's) holds. A clause with its own
    subject ("…, nữ từ đủ 18 tuổi trở lên") shares nothing. The subject's words and a space, or ""."""
    m, (cs, _), _ = found[i]
    if i == 0 or text[cs:m.start()].strip():
        return ""
    first, (fs, _), _ = found[0]
    head = text[fs:first.start()].strip()
    if fs != s or not head or len(head.split()) > MAX_SHARED_SUBJECT_WORDS or re.search(r"[,;:]", head):
        return ""
    return head + " "


def parallel_clauses(text: str, cs: int, ce: int, e: int) -> list[tuple[int, int]]:
    """The clause after a quantity's clause that repeats its verb, joined by "và": "Nhà nước thực
    hiện phổ cập giáo dục mầm non cho trẻ em 05 tuổi và phổ cập giáo dục trung học cơ sở" — the
    second "phổ cập" has its own object, which the age does not count (no age is stated for it), so
    its words do not support the quantity. A clause after it that goes on about the same subject
    ("…, nếu bị phạt tù …", "… thì được miễn …") repeats no verb of it and stays. [(start, end)]
    of the sentence's rest from that "và" on, or []."""
    m = _COORDINATE.match(text, ce, e)
    if not m:
        return []
    own = f" {folded_words(text[cs:ce])} "
    if f" {folded_words(m.group(1) + ' ' + m.group(2))} " in own:
        return [(ce, e)]
    return []


_PART_OPENER = re.compile(r"(?i)^\s*trong\s+đó\b")


def part_of_whole(text: str, found: list) -> dict[int, str]:
    """Index -> the whole's value for the quantities of one sentence that are a part of the one
    before them: "được lập thành ba bản, trong đó một bản giao cho viên chức" — "trong đó" (of
    which) opens the part's clause and the part counts the same noun as the whole. The question
    that asks the whole ("lập thành mấy bản") is not answered by its part; the scorer lets a part
    stand only when its own words say more of the question (``answer.parts_yield``)."""
    out = {}
    for i in range(1, len(found)):
        m, (cs, _), _ = found[i]
        pm, _, (ps, pe) = found[i - 1]
        if _PART_OPENER.match(text[cs:]) and quantity_nouns(m) & quantity_nouns(pm):
            out[i] = text[ps:pe].strip()
    return out


_BASE_MULTIPLE = re.compile(r"lần mức lương (?:cơ sở|tối thiểu)", re.I)


def base_multiple_items(results, question: str = "") -> list[dict]:
    """Values the laws write as a multiple of the base salary ("có giá trị nhỏ hơn hoặc bằng mười lần
    mức lương cơ sở", "không quá năm mươi lần mức lương cơ sở"): the money limits of a law are
    stated this way, not in đồng, so a value-question with no counted noun ("có giá trị tối đa bao
    nhiêu") is answered by them. Quantity items (``quantity_items``) counted in "lần" whose base
    is the salary."""
    return [it for it in quantity_items(results, "lan", question) if _BASE_MULTIPLE.search(it["answer"])]


_ATTENDEES = re.compile(r"^[ \t]*(?:[-–•+][ \t]*)?((?:Thành phần|Đối tượng)(?:[ \t]+(?:tham dự|tham gia|mời|học tập))?)"
                        r"[ \t]*:[ \t]*(\S[^\n]*?)[ \t.;]*$", re.M)


def attendee_items(results) -> list[dict]:
    """Who attends: "- Thành phần: Các đồng chí Ủy viên Ban Chấp hành …", "- Đối tượng: Cán bộ, đảng
    viên, …". An attendee list is not a task (the extractor leaves it out), but it answers "thành
    phần / đối tượng … gồm những ai", "who attends" — as one group: the list is the answer."""
    from indexer.extract.units import normalize_unit

    out = []
    for r in results:
        text = r.text
        for m in _ATTENDEES.finditer(text):
            s, e = m.start(1), m.end(2)
            us, ue = m.start(2), m.end(2)
            out.append({"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
                        "start": r.start + s, "end": r.start + e, "quote": text[s:e],
                        "section_path": list(r.section_path_parts or []), "unit": text[us:ue],
                        "unit_normalized": normalize_unit(text[us:ue]), "unit_start": r.start + us,
                        "unit_end": r.start + ue, "role": "tham dự", "roles": ["tham dự"],
                        # The list names no subject; the meeting its section heads does.
                        "task": " ".join([*(r.section_path_parts or [])[-2:], text[s:e]]),
                        "via": "attendees"})
    return out


# The posts an attendee list names its members by ("lãnh đạo …", "bí thư các chi bộ", "tổ trưởng các tổ
# dân phố", "Các đồng chí Ủy viên …", "Thường trực HĐND", "đảng viên chi bộ …"), folded: a member
# without one ("Ủy ban Mặt trận Tổ quốc", "doanh nghiệp") shares the post of one before it.
_POST = re.compile(r"(?:cac |nhung )?(?:dong chi |dai dien )?(?:lanh dao|bi thu|pho bi thu|uy vien|to truong|"
                   r"truong (?:ban|phong|khoi)|pho truong|thuong truc|chu tich|pho chu tich|giam doc|thu truong|"
                   r"dang vien|can bo|hoi vien|doan vien|dai bieu|dong chi)\b")


def _list_members(unit: str) -> list[tuple[int, int]]:
    """(start, end) in ``unit`` of an attendee list's members: its ";"-parts, a part that opens with
    a capital (a list of posts and bodies: "Các đồng chí Ủy viên …, Thường trực HĐND, …, tổ trưởng các
    tổ dân phố") cut at its commas; one that opens in lower case ("đảng viên chi bộ các cơ quan Đảng,
    Đảng bộ Ủy ban nhân dân phường, chi bộ Quân sự phường") is one member, its head said once for all."""
    out = []
    for part in re.finditer(r"[^;]+", unit):
        ps = part.start() + len(part.group()) - len(part.group().lstrip())
        if ps >= part.end():
            continue
        pieces = re.finditer(r"[^,]+", unit[ps:part.end()]) if unit[ps].isupper() else [None]
        for piece in pieces:
            s, e = (ps + piece.start(), ps + piece.end()) if piece else (ps, part.end())
            s += len(unit[s:e]) - len(unit[s:e].lstrip())
            e -= len(unit[s:e]) - len(unit[s:e].rstrip(" ."))
            if e > s:
                out.append((s, e))
    return out


def asked_members(q, items: list[dict]) -> list[dict]:
    """Attendee lists (``attendee_items``) narrowed to the members a question asks about: "Ngoài bí
    thư các chi bộ, những người nào ở cấp tổ dân phố được mời dự …?", "Who from the residential groups
    gets summoned to …?" ask for "tổ trưởng các tổ dân phố", not the whole list. The words of the
    phrase that narrows whom the question asks (``question.restricting_labels``: "who from …", "chi bộ
    nào", all but what it sets aside) that some members say and others do not (nor the meeting's
    headings) choose the members that say most of them, read from the post they are named by
    (``_POST``). A question that narrows nothing ("Thành phần … gồm những ai?"), a list no such word
    narrows, or one all of whose members would answer stays whole (who attends: the list is one group).
    A narrowed item keeps the whole list as its task and quote: the words set aside are said there."""
    from indexer.extract.units import normalize_unit
    from indexer.text import folded_words

    from .question import restricting_labels

    asked = restricting_labels(q.groups, q.text)
    if not asked:
        return items
    groups = [alts for label, alts in q.groups if alts and label in asked]
    out = []
    for it in items:
        unit = it["unit"]
        members = _list_members(unit)
        context = f" {folded_words(' '.join(it.get('section_path') or []))} "
        said = [{i for i, alts in enumerate(groups) if any(f" {a} " in f" {folded_words(unit[s:e])} " for a in alts)}
                for s, e in members]
        telling = {i for i in set().union(*said) if not any(f" {a} " in context for a in groups[i])
                   and not all(i in m for m in said)} if said else set()
        counts = [len(m & telling) for m in said]
        best = max(counts, default=0)
        chosen = [i for i, n in enumerate(counts) if best and n == best]
        # (a member named without its post reads with the post said before it: "lãnh đạo Ủy ban nhân
        # dân, Ủy ban Mặt trận Tổ quốc …" — the Front's leaders, not the Front)
        first = next((i for i in range(chosen[0], -1, -1) if _POST.match(folded_words(unit[members[i][0]:]))),
                     None) if chosen else None
        # (members side by side only: the answer is one stretch of the list, its offsets the text's)
        if first is None or len(chosen) == len(members) or chosen[-1] - chosen[0] + 1 != len(chosen):
            out.append(it)
            continue
        chosen = list(range(first, chosen[-1] + 1))
        if len(chosen) == len(members):
            out.append(it)
            continue
        s0, e0 = members[chosen[0]][0], members[chosen[-1]][1]
        name, at = unit[s0:e0], it["unit_start"]
        # (the citation stays the whole list line: where the members stand in it)
        out.append({**it, "unit": name, "unit_normalized": normalize_unit(name),
                    "unit_start": at + s0, "unit_end": at + e0, "via": "attendee_member"})
    return out


# A line of a meeting's block: a list line ("- Thời gian: …", "- Địa điểm: …", "- Căn cứ điều kiện …").
_BLOCK_LINE = re.compile(r"[ \t]*[-–•+][ \t]")


def meeting_block(text: str, start: int) -> str:
    """The other list lines of the block the line at ``start`` is in: a plan describes each meeting
    by a heading and its lines ("2. Cấp cơ sở" › "- Căn cứ điều kiện … (tại kỳ họp chi bộ, … họp tổ
    dân phố, …)", "- Đối tượng: Cán bộ, đảng viên …", "- Báo cáo viên: …", "- Thời gian: …"), so a
    question names the meeting a speaker belongs to by any of them ("ai truyền đạt Nghị quyết 92 cho
    cán bộ, đảng viên … tại chi bộ, họp tổ dân phố") — not by its list of those invited
    (``_INVITED_LIST``). "" when the line is in no block."""
    if not 0 <= start < len(text):
        return ""
    at = text.rfind("\n", 0, start) + 1
    lines = text.split("\n")
    index = text.count("\n", 0, at)
    if not _BLOCK_LINE.match(lines[index]):
        return ""
    block = []
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(lines) and (not lines[i].strip() or _BLOCK_LINE.match(lines[i])):
            if lines[i].strip() and not _INVITED_LIST.match(lines[i]):
                block.append(lines[i].strip())
            i += step
    return " ".join(block)


# The list of the bodies and posts invited ("- Thành phần: Các đồng chí Ủy viên Ban Chấp hành …, bí thư
# các chi bộ, …, tổ trưởng các tổ dân phố"): the names of those who attend, not words of the meeting —
# read with it, the ward meeting's speaker answered who conveys the resolution to the cells.
_INVITED_LIST = re.compile(r"[ \t]*[-–•+][ \t]*Thành phần\b")


def with_meetings(items: list[dict], texts: dict[str, str]) -> list[dict]:
    """A speaker's line (``item_role`` "báo cáo viên") with the other lines of its meeting's block as
    ``meeting`` (``meeting_block``); other items as they are. (Not an attendee list: read with its
    block, the ward meeting's list answered who from the residential groups attends, and the office
    that summons them — two wrong answers on the tuning halves.)"""
    from .roles import item_role

    out = []
    for it in items:
        if item_role(it) == "báo cáo viên":
            block = meeting_block(texts.get(it["doc_id"], ""), it["start"])
            if block:
                it = dict(it, meeting=block)
        out.append(it)
    return out


# A document named the way these texts number them: "Nghị quyết số 103/NQ-CP", "Kế hoạch 209",
# "08-CTr/TU", "Decision 238-QĐ/TW". The type word says the code when no code is written.
_TYPE_CODES = {"nghi quyet": "nq", "ket luan": "kl", "ke hoach": "kh", "quyet dinh": "qd", "chi thi": "ct",
               "chuong trinh hanh dong": "ctr", "chuong trinh": "ctr", "thong bao": "tb", "huong dan": "hd",
               "cong van": "cv", "resolution": "nq", "conclusion": "kl", "plan": "kh", "decision": "qd",
               "directive": "ct", "action programme": "ctr", "action program": "ctr", "programme": "ctr",
               "program": "ctr", "notice": "tb", "guideline": "hd",
               # the type abbreviated before the number ("KH 209", "NQ 92", "KL 224", "QĐ 238")
               "kh": "kh", "nq": "nq", "kl": "kl", "qd": "qd", "qđ": "qd", "ctr": "ctr"}
_TYPE_WORDS = "|".join(sorted({*_TYPE_CODES, "nghị quyết", "kết luận", "kế hoạch", "quyết định", "chỉ thị",
                               "chương trình hành động", "chương trình", "thông báo", "hướng dẫn", "công văn"},
                              key=len, reverse=True))
_CODES = r"nq|kl|kh|qđ|qd|ct|ctr|tb|hd|cv"
_ASKED_REF = re.compile(rf"(?:\b({_TYPE_WORDS})\s+(?:số\s+|so\s+|no\.?\s*)?)?(?<![\d.,])0*(\d{{1,4}})"
                        rf"(?:\s*[-/]\s*({_CODES})\b(?:\s*[/-]\s*([a-zđ]{{2,6}})\b)?)?(?![\d.,]\d)", re.I)


def named_refs(question: str) -> list[tuple[str, str | None, str | None]]:
    """The documents a question names by number, in the order it names them: (number, type code,
    issuer code), folded ("nq", "tu"); a bare number with neither a type word nor a code is no
    document."""
    out = []
    for m in _ASKED_REF.finditer(question):
        kind, num, code, issuer = m.groups()
        if not kind and not code:
            continue
        code = folded_words(code) if code else _TYPE_CODES.get(folded_words(kind))
        ref = (num, code, folded_words(issuer) if issuer else None)
        if ref not in out:
            out.append(ref)
    return out


def asked_refs(question: str) -> list[tuple[str, str | None, str | None]]:
    """The documents a question names by number (``named_refs``), the one it asks about first: the
    first its asking clause names ("… links Resolution 06 to the Politburo's resolution. What is the
    date of that Politburo resolution (08-NQ/TW)?"), or the one that clause points back to
    (``pointed_back``), or the first named."""
    out = named_refs(question)
    own = named_refs(_asking_clause(question))
    back = out.index(own[0]) if own and own[0] in out else pointed_back(question, out)
    return out if not back else [out[back], *out[:back], *out[back + 1:]]


def _asking_clause(question: str) -> str:
    """The last clause of a question, the one that asks (after ";", ":", a sentence's end or a dash)."""
    return re.split(r"[;:]|[.?!](?:\s|$)|\s[—–-]\s", question.strip().rstrip("?.! "))[-1]


# "…; kế hoạch đó đề ngày nào?", "nghị quyết này ra đời ngày nào", "văn bản này được ký ngày mấy":
# the asking clause names its document by its type and "đó / này / ấy / nói trên", pointing back to
# one the question named before it. Typed without diacritics they are "do", "nay", "ay" — read only
# in a question typed so, after a Vietnamese type word ("… nghị quyết do Tỉnh ủy ban hành" is "by").
_POINTER = re.compile(rf"(?i)(?<!\w)({_TYPE_WORDS}|văn bản)\s+(?:đó|này|ấy|nói trên)(?!\w)")
_POINTER_UNTONED = re.compile(r"(?i)(?<!\w)(nghi quyet|ket luan|ke hoach|quyet dinh|chi thi|chuong trinh|thong bao|"
                              r"huong dan|cong van|van ban|nq|kl|kh)\s+(?:do|nay|ay|noi tren)(?!\w)")


def pointed_back(question: str, refs: list[tuple[str, str | None, str | None]]) -> int | None:
    """The index in ``refs`` (as ``named_refs`` orders them) of the document the question's asking
    clause points back to: the last one named of the type it says ("kế hoạch đó": the last Kế
    hoạch; "văn bản này": the last, when all are of one type), when that clause names no number of
    its own. None when it points to none, or to the first."""
    if len(refs) < 2:
        return None
    asking = _asking_clause(question)
    pointer = _POINTER.search(asking) or (None if has_diacritics(question) else _POINTER_UNTONED.search(asking))
    if pointer is None or any(m.group(1) or m.group(3) for m in _ASKED_REF.finditer(asking)):
        return None
    code = _TYPE_CODES.get(folded_words(pointer.group(1)))
    if code is None and len({c for _, c, _ in refs}) > 1:
        return None  # "văn bản này" after a plan and the resolution it implements: either (the first stands)
    found = [i for i, (_, c, _) in enumerate(refs) if code is None or c == code]
    return found[-1] if found and found[-1] else None


def names_unnumbered_first(question: str) -> bool:
    """The question's subject is a document named by its type alone, before the numbered one that
    says which it is ("Kế hoạch sơ kết 05 năm Nghị quyết 06-NQ/TU … được ký ban hành ngày nào?",
    "On what date was Ha Tinh's plan for the review of Resolution 06 issued?"): the date the text
    cites the numbered one with is not the one asked. Read in the clause that asks ("Kế hoạch … gắn
    với Nghị quyết 08-NQ/TW; nghị quyết này ra đời ngày nào?" asks the resolution's); not a frame
    before a comma ("Theo kế hoạch, Nghị quyết 06 ban hành ngày nào?"), nor the numbered document's
    own type word ("that Politburo resolution (08-NQ/TW)")."""
    asking = re.split(r"[;:]|[.?!](?:\s|$)", question.strip().rstrip("?.! "))[-1]  # (the clause that asks)
    first = next((m for m in _ASKED_REF.finditer(asking) if m.group(1) or m.group(3)), None)
    if first is None:
        return False
    heads = list(re.finditer(rf"(?i)(?<!\w)(?:{_TYPE_WORDS})(?!\w)", asking[:first.start()]))
    if not heads:
        return False
    between = asking[heads[0].end():first.start()]
    # (its own type word, apart only by brackets: "that Politburo resolution (08-NQ/TW)")
    return "," not in between and not re.fullmatch(r"[\s(]*(?:số|so|no\.?)?[\s(]*", between, re.I)


_TYPE_BEFORE = re.compile(rf"(?i)(?:{_TYPE_WORDS})(?:\s+số)?\s*$")


def _reference_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The reference a number and date [s, e) belong to, as the citation: from its type word
    ("Nghị quyết số …") to the end of its issuer and title ("… ngày 06/10/2017 của Chính phủ về …"),
    cut at ";", "(", the sentence's or line's end or 200 characters — not the whole paragraph of references."""
    head = _TYPE_BEFORE.search(text, max(0, s - 40), s)
    start = head.start() if head else s
    full = re.compile(r"\.(?:\s|$)").search(text, e)
    stop = min([i for i in (text.find(c, e) for c in ";(\n") if i >= 0] + [full.start() if full else len(text)])
    if stop - e > 200:
        cut = text.rfind(" ", e, e + 200)
        stop = cut if cut > e else e + 200
    return start, stop


def issued_items(refs: list[tuple[str, str | None, str | None]], documents: list[tuple[str, str, str]]) -> list[dict]:
    """Dates that follow a reference to a document the question names ("số 103/NQ-CP ngày
    06/10/2017", "Quyết định số 238-QĐ/TW, ngày 30/9/2020") in the given documents: (doc_id, title,
    text). The number must carry the type (and issuer) the question says: "Chương trình hành động số
    08-CTr/TU" is not "Nghị quyết số 08-NQ/TU". ``ref_rank``: the reference's place in the question —
    the first one is the document asked about, the later ones say which it is ("Kế hoạch 209 … thực
    hiện Nghị quyết 35")."""
    out = []
    for rank, (num, code, issuer) in enumerate(refs):
        rx = re.compile(rf"(?<![\d.,])0*{re.escape(num)}\s*[-/]\s*([A-Za-zĐđ]{{2,3}})(?:\s*[/-]\s*([A-Za-zĐđ]{{2,6}}))?"
                        rf"\s*,?\s*(?:được ban hành\s+|ban hành\s+)?(?:\s*\(\s*)?({_DATE})")
        for doc_id, title, text in documents:
            seen = set()  # one item per date: a text that cites one number with two dates is a coin toss
            for m in rx.finditer(text):
                if code and folded_words(m.group(1)) != code or issuer and folded_words(m.group(2) or "") != issuer:
                    continue
                date = tuple(re.findall(r"\d+", m.group(3)))
                if date in seen:
                    continue
                seen.add(date)
                s, e = _reference_span(text, m.start(), m.end())
                out.append(dict(_item(doc_id, title, [], text, 0, s, e, m.start(3), m.end(3), "date"), ref_rank=rank,
                                ref_exact=bool(code and issuer),
                                ref_issuer=folded_words(m.group(2)) if m.group(2) else None))
    return out


_HORIZON_Q = re.compile(r" (?:den nam nao|toi nam nao|(?:den|toi) nam (?:bao nhieu|may)|nam nao|moc nao|which year|what year|until when|"
                        r"up to when) ")
_HORIZON = re.compile(r"(?:(?:định hướng|tầm nhìn)\s+)?(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)\b")


_ACT_Q = re.compile(r" (?:ban hanh|ky|thong qua|co hieu luc|issued?|adopted|signed|passed|effect) ")  # its own year


def is_horizon_question(folded_q: str) -> bool:
    """"Nghị quyết 06 … đến năm nào?", "up to which year does … extend": the year a document's own
    title sets ("… đến năm 2025 và những năm tiếp theo", "định hướng đến năm 2035")."""
    q = f" {folded_q} "
    return bool(_HORIZON_Q.search(q)) and not is_issued_question(folded_q) and not _ACT_Q.search(q) \
        and not _DATE_ASKED.search(q)


def horizon_items(refs: list[str], documents: list[tuple[str, str, str]], period: bool = False) -> list[dict]:
    """The horizon of document number ``ref`` as its title, quoted after the number, says it
    ("Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của … giai đoạn 2026 - 2030, định hướng đến năm 2035"):
    the last "(định hướng|tầm nhìn) đến năm YYYY" of the title (the title ends at "(", ";" or the
    line's end), one item per document that quotes it — the mention that defines its short name
    ("… đến năm 2035 (viết tắt là Nghị quyết số 08-NQ/TU)") when there is one, with that name.
    ``period``: the period its title names instead, the first one ("… giai đoạn 2026 - 2030, …")."""
    out = []
    pattern, pick, kind = (_PERIOD, 0, "period") if period else (_HORIZON, -1, "year")
    for ref in refs:
        rx = re.compile(rf"(?<![\d])0*{re.escape(ref)}\s*-\s*[A-ZĐ]{{2,3}}/[A-ZĐ]{{2,3}}")
        for doc_id, title, text in documents:
            found = []
            for m in rx.finditer(text):
                end = min([i for i in (text.find(c, m.end()) for c in "(;\n") if i >= 0] or [len(text)])
                if end - m.end() > 400:
                    continue  # no title follows the number here
                horizons = list(pattern.finditer(text, m.end(), end))
                if horizons:
                    short = re.match(r"\s*\((?:sau đây |gọi |viết )?(?:gọi |viết )?tắt[^)\n]{0,80}\)", text[end:])
                    found.append((m, end + (short.end() if short else 0), horizons[pick], bool(short)))
            if found:
                m, end, h, _ = next((f for f in found if f[3]), found[0])
                s = text.rfind("\n", 0, m.start()) + 1
                # its words: the document's number and title up to the value
                out.append(dict(_item(doc_id, title, [], text, 0, s, end, h.start(), h.end(), kind), via="title",
                                subject=text[m.start():h.end()]))
    return out


# "tầm nhìn đến năm nào", "định hướng đến năm nào", "what is the vision year": the year a plan
# looks to beyond its own period, said after "tầm nhìn" / "định hướng" ("… đến năm 2025 tầm nhìn
# 2030", "… đến năm 2030, tầm nhìn đến năm 2045") — never the period's own end year before it.
_VISION_Q = re.compile(r" (?:tam nhin|dinh huong|vision|orientation|oriented|long term|long-term) ")
_ORIENTATION_Q = re.compile(r" (?:dinh huong|orientation|oriented) ")
_VISION_ASKED = re.compile(r" (tam nhin|dinh huong) (?:(?!tam nhin |dinh huong )\w+ ){0,2}?"
                           r"(?:(?:den|toi|keo toi|keo den) (?:nam )?(?:nao|bao nhieu|may)|(?:den|toi) (?:khi nao|bao gio)) ")
_VISION = re.compile(r"(tầm nhìn|định hướng)\s*(?:(?:đến|tới)\s+)?(?:năm\s+)?((?:19|20)\d\d)\b", re.I)


def asked_vision(folded_q: str) -> str | None:
    """The horizon word a when-question asks by ("tam nhin", "dinh huong"; English: "tam nhin"), or None."""
    if not _VISION_Q.search(f" {folded_q} "):
        return None
    # the word right before the year asked decides ("… định hướng phát triển du lịch với tầm nhìn
    # tới năm nào": "định hướng" is the verb there); else the named word, wherever it stands:
    # "long-term" qualifies both ("the long-term orientation" asks the định hướng year, not the
    # tầm nhìn one)
    right_before = _VISION_ASKED.search(f" {folded_q} ")
    if right_before:
        return right_before.group(1)
    return "dinh huong" if _ORIENTATION_Q.search(f" {folded_q} ") else "tam nhin"


_YEARS_SAID = re.compile(r"\b(?:19|20)\d\d\b")


def _owned(text: str, s: int, e: int, pattern: re.Pattern, kind: str, r) -> list[dict]:
    """Items for the matches of ``pattern`` in the sentence [s, e) of passage ``r``, each with the
    words it belongs to as its ``subject``: from the end of the previous horizon or period (or the
    ";" or the sentence's start) to the value — "… du lịch Việt Nam thời kỳ 2021 - 2030, tầm nhìn
    đến năm 2045 và Quy hoạch tỉnh Lai Châu thời kỳ 2021 - 2030, tầm nhìn đến năm 2050": 2050 is the
    province's plan's horizon, 2045 the national strategy's (its own period before it is its own)."""
    out = []
    for m in pattern.finditer(text, s, e):
        ends = [x.end() for rx in (_VISION, _PERIOD) for x in rx.finditer(text, s, m.start())
                if x.end() <= m.start()]
        if kind == "horizon":  # a period just before the horizon is the same owner's: "thời kỳ 2021 - 2030, tầm nhìn"
            ends = [x.end() for x in _VISION.finditer(text, s, m.start()) if x.end() <= m.start()]
        cut = max([s, text.rfind(";", s, m.start()) + 1] + ends)
        item = _item(r.doc_id, r.doc_title, list(r.section_path_parts or []), text, r.start,
                     s, e, m.start(), m.end(), kind)
        item["subject"] = text[cut:m.end()].strip(" ,;")
        out.append(item)
    return _shared_lead_cut(out)


_JOINED = re.compile(r"(?i)^(?:và|hoặc|cùng)\s")
_GOVERNED = re.compile(r"(?i)(?:\bvới|:)\s+")


def _shared_lead_cut(items: list[dict]) -> list[dict]:
    """Owners joined by "và" share the words before the first one: in "… đảm bảo phù hợp với chiến
    lược, quy hoạch … du lịch Việt Nam …, tầm nhìn đến năm 2045 và Quy hoạch tỉnh Lai Châu …, tầm
    nhìn đến năm 2050" the lead "… phù hợp với" governs both plans, so it is no word of the first
    one's own: its subject starts after the lead's last "với" (or ":"), as the second's starts
    at "và". Left whole when no later owner is joined so or the first says no "với"."""
    if len(items) < 2 or not any(_JOINED.match(it["subject"]) for it in items[1:]):
        return items
    first = items[0]
    cuts = list(_GOVERNED.finditer(first["subject"]))
    if cuts and cuts[-1].end() < len(first["subject"]) - len(first["when"]):
        first["subject"] = first["subject"][cuts[-1].end():]
    return items


def vision_items(results) -> list[dict]:
    """Horizon years ("tầm nhìn đến năm 2045", "định hướng đến năm 2035", "tầm nhìn 2030") in the
    sentences of the retrieved passages: the extractor leaves them out on purpose (not deadlines)."""
    out = []
    for r in results:
        for s, e in sentences(r.text, 0, len(r.text)):
            out += _owned(r.text, s, e, _VISION, "horizon", r)
    return out


# "giai đoạn nào", "which period does … cover": a span of years, historical ones included
# ("giai đoạn 1949-2020", which the extractor leaves out as no deadline) and those of a referenced
# document's title ("… giai đoạn 2026 - 2030, định hướng đến năm 2035").
_PERIOD_Q = re.compile(r" (?:giai doan nao|thoi ky nao|nhiem ky nao|khoang thoi gian nao|which period|what period|"
                       r"which years|what years|which term|what term|time span|time frame|timeframe|"
                       # "(nhiệm kỳ) từ năm nào đến năm nào": the span asked by its two ends
                       r"tu nam (?:nao|may|bao nhieu) (?:den|toi) nam (?:nao|may|bao nhieu)|"
                       r"from (?:which|what) year (?:to|until|till) (?:which|what) year) ")
_PERIOD = re.compile(r"(?:(?:giai đoạn|thời kỳ|nhiệm kỳ|từ năm|từ)\s+)?((?:19|20)\d\d)\s*(?:[-–]|đến(?: năm)?)\s*((?:19|20)\d\d)\b",
                     re.I)


def is_period_question(folded_q: str) -> bool:
    return bool(_PERIOD_Q.search(f" {folded_q} "))


def period_items(results) -> list[dict]:
    """Spans of years ("giai đoạn 2026 - 2030", "1949-2020", "nhiệm kỳ 2025-2030") in the sentences
    of the retrieved passages, a document's title among them."""
    out = []
    for r in results:
        for s, e in sentences(r.text, 0, len(r.text)):
            out += [it for it in _owned(r.text, s, e, _PERIOD, "period", r)
                    if 0 < int(years_said(it["when"])[-1]) - int(years_said(it["when"])[0]) <= 100]
    return out


def years_said(text: str) -> list[str]:
    return _YEARS_SAID.findall(text)


def question_folded(question: str, vi_text: str) -> str:
    return folded_words(f"{question} {vi_text}")


_CLAUSE_START = re.compile(r"[;,]\s*")
_PREAMBLE = re.compile(r"(?:như sau|cụ thể như sau|sau đây)\s*:?\s*$")


def preamble_items(results) -> list[dict]:
    """Who wrote a plan: "Ban Thường vụ Đảng ủy xã Bình Lư xây dựng Kế hoạch thực hiện như sau" —
    the sentence that introduces a plan is not a task (the extractor skips it), but it answers "who
    drew up / issued this plan"."""
    from indexer.extract.responsibilities import _HEAD, _split_units, _subject
    from indexer.extract.roles import roles_of
    from indexer.extract.units import normalize_unit

    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            if not _PREAMBLE.search(text[s:e + 1]):
                continue
            # "Thực hiện Nghị quyết số …; Ban Thường vụ Đảng ủy xã … xây dựng Kế hoạch thực hiện như
            # sau": the writer is the subject of the clause that ends the sentence.
            subject = None
            for cs in [s] + [m.end() for m in _CLAUSE_START.finditer(text, s, e)][::-1]:
                subject = _subject(text, cs, e)
                if subject:
                    break
            if not subject:
                continue
            subj_s, subj_e, pred_s, _ = subject
            roles = roles_of(text, pred_s, e)
            for us, ue in _split_units(text, subj_s, subj_e, strict=True):
                if not _HEAD.match(text, us, ue):
                    continue
                written = text[us:ue]
                out.append({"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
                            "start": r.start + s, "end": r.start + e, "quote": text[s:e],
                            "section_path": list(r.section_path_parts or []), "unit": written,
                            "unit_normalized": normalize_unit(written), "unit_start": r.start + us,
                            "unit_end": r.start + ue, "role": roles[0], "roles": roles,
                            "task": text[pred_s:e], "task_start": r.start + pred_s, "task_end": r.start + e,
                            "via": "preamble"})
    return out


# -- who is in a body, who signed -------------------------------------------------------------------

# Bodies whose make-up a law or plan states with "gồm": "Chính phủ gồm Thủ tướng …", "Hội đồng xét
# xử sơ thẩm gồm một Thẩm phán và 02 Hội thẩm nhân dân", "Ban điều hành Trung tâm trọng tài gồm có
# Chủ tịch …", "Thành phần hội đồng trường gồm …". The head is a collective body (not "Ngân sách nhà
# nước gồm …", "Giáo dục phổ thông gồm …": things, not people).
_BODY_HEAD = re.compile(r"(?:(?:Thành phần|Thành viên)\s+(?:của\s+)?)?(?:Các\s+)?(?:Hội đồng|Ban|Ủy ban|Uỷ ban|Tổ|Đoàn|"
                        r"Chính phủ|Quốc hội|Tòa án|Toà án|Viện kiểm sát|Hội|Thường trực|Đảng ủy|Đảng uỷ|"
                        r"Cấp ủy|Cấp uỷ|Chi ủy|Chi uỷ|Ban Chấp hành|Ban Thường vụ|Ban Chỉ đạo|Tổ công tác|"
                        r"Đoàn kiểm tra|Đoàn giám sát|Hội thẩm|Trung tâm|"
                        # and persons: "Hàng thừa kế thứ nhất gồm: vợ, chồng, …", "Người đại diện theo
                        # pháp luật của pháp nhân bao gồm: a) …"
                        r"Người|Những người|Hàng thừa kế|Người thừa kế)(?!\w)", re.I)
_CONSISTS = re.compile(r"(?<!\w)(?:bao\s+)?gồm(?:\s+có)?(?:\s*:\s*|\s+|$)")
# The points a "… gồm:" opens, one a line: "a) Người được pháp nhân chỉ định theo điều lệ;"
_POINTS = re.compile(r"(?:\s*\n\s*(?:[a-zđ]\)|[-–•+])[ \t]*[^\n]+)+")
_NUMBERING = re.compile(r"\s*(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-–•+])\s*")
MAX_BODY_WORDS = 12


def composition_items(results) -> list[dict]:
    """Who makes up a body: "<body> gồm (có) <members>" in the sentences of the retrieved passages,
    the members being the answer (as one list: the make-up is the list, as for an attendee list).
    The body is the sentence's short head before "gồm" (a collective body, ``_BODY_HEAD``); the
    sentence before it in the same paragraph is part of its words ("Hội đồng quốc gia thẩm định
    chương trình giáo dục phổ thông do … thành lập … . Hội đồng gồm nhà giáo, …": which council the
    bare "Hội đồng" is). The list ends at the sentence, a ";" or an exception ("trừ trường hợp …")."""
    from indexer.extract.units import normalize_unit

    out = []
    for r in results:
        text = r.text
        out += _listed_members(r)
        spans = sentences(text, 0, len(text))
        for i, (s, e) in enumerate(spans):
            m = _CONSISTS.search(text, s, e)
            if not m:
                continue
            n = _NUMBERING.match(text, s, m.start())
            hs = n.end() if n else s
            head = text[hs:m.start()].strip(" ,")
            if not _BODY_HEAD.match(head) or len(head.split()) > MAX_BODY_WORDS or re.search(r"[,;:]", head):
                continue
            if re.search(r"(?i)\bcó thể\s*$", head):
                continue  # "… có thể gồm 02 Thẩm phán … trong trường hợp sau đây": an option, not the make-up
            us = m.end()
            cut = re.search(r";|\(|,?\s+trừ\s+(?:trường hợp|các trường hợp)|:\s*$", text[us:e])
            ue = us + cut.start() if cut else e
            ue = us + len(text[us:ue].rstrip(" ,.;:"))
            if ue - us < 3 and not text[us:e].strip(" :"):
                points = _POINTS.match(text, max(e, us))  # "… bao gồm:" then its points, a line each
                if points:
                    us = points.start() + len(points.group(0)) - len(points.group(0).lstrip())
                    ue = points.end()
                    ue = us + len(text[us:ue].rstrip(" ,.;:"))
                    e = ue
            if ue - us < 3:
                continue
            prev = ""
            if i and "\n\n" not in text[spans[i - 1][1]:s] and "\n" not in text[spans[i - 1][1]:s].strip(" "):
                prev = text[spans[i - 1][0]:spans[i - 1][1]]
            out.append({"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
                        "start": r.start + s, "end": r.start + e, "quote": text[s:e],
                        "section_path": list(r.section_path_parts or []), "unit": text[us:ue],
                        "unit_normalized": normalize_unit(text[us:ue]), "unit_start": r.start + us,
                        "unit_end": r.start + ue, "role": "thành phần", "roles": ["thành phần"],
                        "task": f"{prev} {head}".strip(), "via": "composition"})
    return out


def _listed_members(r) -> list[dict]:
    """A passage of points under a heading "<body or persons> (bao) gồm" (the index cuts a clause's
    points from its opening line: "1. Người đại diện theo pháp luật của pháp nhân bao gồm" heads "a)
    Người được pháp nhân chỉ định theo điều lệ; b) …"): the points are the members."""
    from indexer.extract.units import normalize_unit

    heading = (list(r.section_path_parts or []) or [""])[-1]
    n = _NUMBERING.match(heading)
    head = heading[n.end() if n else 0:]
    m = _CONSISTS.search(head)
    text = r.text
    points = _POINTS.match("\n" + text)
    if not m or head[m.end():].strip(" :") or not points:
        return []
    head = head[:m.start()].strip(" ,")
    if not _BODY_HEAD.match(head) or len(head.split()) > MAX_BODY_WORDS or re.search(r"(?i)\bcó thể\s*$", head):
        return []
    us = len(text) - len(text.lstrip())
    ue = us + len(text[us:points.end() - 1].rstrip(" ,.;:"))
    return [{"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
             "start": r.start + us, "end": r.start + ue, "quote": text[us:ue],
             "section_path": list(r.section_path_parts or []), "unit": text[us:ue],
             "unit_normalized": normalize_unit(text[us:ue]), "unit_start": r.start + us, "unit_end": r.start + ue,
             "role": "thành phần", "roles": ["thành phần"], "task": head, "via": "composition"}]


# The signature block at a plan's foot: "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Mạnh Hùng" (also
# "TM.", "KT.", "Q.", and a law's "CHỦ TỊCH QUỐC HỘI\n(Đã ký)\nNguyễn Sinh Hùng"): the last
# non-empty line is the signer's name, the lines above it say on whose behalf and in which office.
_SIG_LINE = r"(?:\*\*)?(?:(?:T/M|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?)[ \t]*)?[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]+(?:\*\*)?|\(Đã ký\)"
_SIGNATURE = re.compile(rf"(?<![^\n])[ \t]*((?:{_SIG_LINE})(?:[ \t]*\n\s*(?:{_SIG_LINE}))*)[ \t]*\n\s*"
                        r"([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:[ \t]+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})\s*$")


def signer_items(documents: list[tuple[str, str, str, str]]) -> list[dict]:
    """Who signed a document: the name in its signature block (``_SIGNATURE``), as a
    responsibility in the role "ký" whose task is the document's own opening (title, issuer,
    places: ``context``) — a question about who signed names the document, not a task.
    ``documents``: (doc_id, title, text, context)."""
    out = []
    for doc_id, title, text, context in documents:
        m = _SIGNATURE.search(text, max(0, len(text) - 400))
        if not m:
            continue
        s, e = m.start(1), m.end(2)
        us, ue = m.start(2), m.end(2)
        out.append({"kind": "responsibility", "doc_id": doc_id, "doc_title": title, "start": s, "end": e,
                    "quote": text[s:e], "section_path": [], "unit": text[us:ue], "unit_normalized": text[us:ue],
                    "unit_start": us, "unit_end": ue, "role": "ký", "roles": ["ký"],
                    "task": f"{title} {context}", "via": "signature"})
    return out


# A plan's distribution list: "Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Ban Tuyên giáo và Dân vận Tỉnh
# ủy (báo cáo), …". The entries marked "(b/c)", "(báo cáo)", "(để báo cáo)" are the bodies the plan
# itself is reported to; the others receive it to carry it out or for the record.
_RECIPIENTS = re.compile(r"Nơi nhận\s*:?[ \t]*\n((?:[ \t]*\n)*(?:[ \t]*[-–•+][^\n]*\n?(?:[ \t]*\n)*)+)")
_REPORTED = re.compile(r"^[ \t]*[-–•+][ \t]*(?P<unit>[^\n(]+?)\s*\((?:b/c|báo cáo|để báo cáo|đề báo cáo)\)",
                       re.I | re.M)


def recipient_items(documents: list[tuple[str, str, str, str]]) -> list[dict]:
    """The bodies a plan is reported to, read from its "Nơi nhận" list (``_REPORTED``): a
    responsibility-like item per entry in the role "báo cáo", whose task is the document's own
    opening (``context``: title, issuer, places) — a question about where the plan is reported
    names the plan, not a task. ``documents``: (doc_id, title, text, context)."""
    out = []
    for doc_id, title, text, context in documents:
        block = _RECIPIENTS.search(text)
        if not block:
            continue
        for m in _REPORTED.finditer(text, block.start(1), block.end(1)):
            us, ue = m.start("unit"), m.end("unit")
            out.append({"kind": "responsibility", "doc_id": doc_id, "doc_title": title,
                        "start": m.start(), "end": m.end(), "quote": text[m.start():m.end()].strip(),
                        "section_path": ["Nơi nhận"], "unit": text[us:ue], "unit_normalized": text[us:ue],
                        "unit_start": us, "unit_end": ue, "role": "báo cáo", "roles": ["báo cáo"],
                        "task": f"{title} {context}", "via": "recipients"})
    return out


# "Which year's key work programme …", "Chương trình công tác trọng tâm năm nào": the year that
# names a thing ("Chương trình công tác trọng tâm năm 2021"), not a horizon ("đến năm nào") nor a
# date of issue.
_YEAR_OF_Q = re.compile(r" (?:which|what) year s | (?:cua )?nam nao ")
_NOT_YEAR_OF = re.compile(r" (?:den|toi|tu|vao|trong|truoc|sau|tu nam|giai doan) nam nao ")
# "ngày tháng năm nào", "tháng năm nào": a date or a month is asked, its year neither names a thing
# nor is a horizon
_DATE_ASKED = re.compile(r" thang nam nao ")
_YEAR_OF = re.compile(r"(?<![\w/-])năm\s+((?:19|20)\d\d)(?![\w/-])")
_HEAD_BEFORE = re.compile(r"(?:đến|tới|từ|vào|trong|trước|sau|giai đoạn|đầu|cuối|giữa|tháng\s+\d{1,2}|kỳ|kì)\s*$", re.I)


# "… Chương trình công tác trọng tâm của năm nào", "which year's programme": the year is said to be
# of the noun before it, whatever verb the question says elsewhere ("Kế hoạch … được ban hành để
# thực hiện Chương trình … của năm nào" asks the programme's year, not the plan's act).
_OF_YEAR_Q = re.compile(r" cua nam nao | (?:which|what) year s ")


def _act_of_year(q: str) -> bool:
    """The act verb says whose year is asked when it is said right before "năm nào" ("được ban
    hành năm nào", "thông qua vào năm nào") or after it ("năm nào Luật … được thông qua"); said
    further before, it is the act of another noun ("Kế hoạch … được ban hành để thực hiện Chương
    trình công tác trọng tâm năm nào": the programme's year). Also a document's date ("ngày nào")."""
    at = q.find(" nam nao ")
    if at < 0:
        return True
    near = " " + " ".join(q[:at].split()[-4:]) + " "
    return bool(_ACT_Q.search(near) or _ACT_Q.search(q[at + 8:]) or is_issued_question(q.strip())
                or re.search(r" ngay nao ", q))


def is_year_of_question(folded_q: str) -> bool:
    q = f" {folded_q} "
    if _DATE_ASKED.search(q):
        return False
    if _OF_YEAR_Q.search(q) and not _NOT_YEAR_OF.search(q):
        return True
    if _YEAR_OF_Q.search(q) and not _NOT_YEAR_OF.search(q) and not _act_of_year(q):
        return True  # "… thực hiện Chương trình công tác trọng tâm năm nào": a name's year
    return bool(_YEAR_OF_Q.search(q)) and not _NOT_YEAR_OF.search(q) and not is_issued_question(folded_q) \
        and not _ACT_Q.search(q)  # "ban hành năm nào", "có hiệu lực năm nào": the act's own year


def year_of_items(results) -> list[dict]:
    """The years that name a thing in the sentences of the retrieved passages, each with the words
    it names as its ``subject`` (from the clause's start to the year): "Thực hiện Chương trình công
    tác trọng tâm năm 2021" is the 2021 programme. A year after "đến", "từ", "trong" … is a time,
    not a name, and one after "tháng 01" ends a date."""
    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            for m in _YEAR_OF.finditer(text, s, e):
                if _HEAD_BEFORE.search(text, max(s, m.start() - 15), m.start()):
                    continue
                cut = max(s, max(text.rfind(c, s, m.start()) for c in ",;:(") + 1)
                words = text[cut:m.start()].split()
                if not words:
                    continue
                item = _item(r.doc_id, r.doc_title, list(r.section_path_parts or []), text, r.start,
                             s, e, m.start(), m.end(), "year")
                item["subject"] = text[cut:m.end()].strip()
                out.append(item)
    return out
