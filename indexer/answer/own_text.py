"""An item's own words, which the question's words are matched against (``_own_text``): a
deadline's clause with its sentence's opening (``deadline_clause``), a time-only line with its
headings, a duty without its exceptions, "Luật này" read as the law's title, a target's measure as it
reads."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .fit_when import _own_enactment
from .question import Question
from .roles import item_role


_LIST_LINE = re.compile(r"[ \t]*(?:[a-zđ]\)|[-–•+])[ \t]+")


# A clause that extends the period of the clause before it, naming no period of its own ("… trong
# thời hạn 30 ngày …, cơ quan đăng ký cư trú tiến hành kiểm tra, xác minh thông tin; trường hợp phức
# tạp thì có thể kéo dài nhưng không quá 60 ngày"): its bound is the longest that period may run.
_EXTENDS = re.compile(r"\b(?:có thể |được )*(?:kéo dài|gia hạn)(?:\s+(?:thêm|hơn))?\s*,?\s+nhưng\b")


def _clause_span(item: dict) -> tuple[str, int, int] | None:
    """The deadline's quote and the bounds of the ";"-clause that holds its time; None when the
    time is not in the quote."""
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 <= at <= len(quote):
        return None
    e = quote.find(";", at)
    return quote, quote.rfind(";", 0, at) + 1, e if e >= 0 else len(quote)


def extension_condition(item: dict) -> str | None:
    """The words before the extending verb when the deadline's ";"-clause only extends the period of
    the clause before it (``_EXTENDS``): "trường hợp phức tạp thì" (the case it is extended in, "" when
    it names none); None when the clause is no such extension."""
    span = _clause_span(item)
    return _extension_case(*span) if span else None


def _extension_case(quote: str, s: int, e: int) -> str | None:
    """``extension_condition`` of the clause quote[s:e] (a clause at the quote's start extends none)."""
    m = _EXTENDS.search(quote, s, e) if s else None
    return quote[s:m.start()].strip() if m else None


def deadline_clause(item: dict) -> str:
    """The words a deadline belongs to: the ";"-clause that holds it and the sentence's opening (its
    actor). "Văn phòng Tỉnh ủy … gửi về Thường trực Tỉnh ủy trước ngày 20/11/2021; tham mưu tổ chức
    Hội nghị sơ kết …": 20/11 is the report's deadline, not the conference's."""
    span = _clause_span(item)
    if span is None or ";" not in span[0]:
        return item.get("quote") or ""
    quote, s, e = span
    if _extension_case(quote, s, e) is not None:
        s = quote.rfind(";", 0, s - 1) + 1  # (the period it extends is the clause before: ``_EXTENDS``)
    head = re.split(r"[,;]", quote, maxsplit=1)[0] if s else ""
    if head and _LIST_LINE.match(quote) and _LIST_LINE.match(quote[s:].lstrip()):
        head = ""  # "a) …;\n\nb) 30 ngày …": the line before is a sibling case, not b)'s opening
    return f"{head} {quote[s:e]}".strip()


# The words of a line that states only a time ("- Dự kiến trong tháng 5/2026 (có văn bản triệu tập
# riêng).", "- Thời gian: Hoàn thành trong tháng 5/2026."): a label, a time verb, the time itself.
_TIME_ONLY = frozenset("du kien thoi gian han hoan thanh trong vao tu den truoc sau chu ky dinh "
                       "nam thang ngay quy tuan cuoi dau giua nhat cham la".split())


def _headed(item: dict, clause: str) -> str:
    """A deadline line that says nothing but its time takes its headings as its own words: under
    "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ › 1. Cấp phường", "- Dự kiến trong tháng 5/2026" is the time
    of the ward-level meeting, which only the headings say (as a "Báo cáo viên:" line's meeting,
    ``_own_text``). A line with words of its own keeps them alone: its headings name its section,
    not its subject."""
    rest = re.sub(r"\([^)]*\)", " ", clause.replace(item.get("when") or "\0", " "))
    if any(w not in _TIME_ONLY and not w.isdigit() for w in folded_words(rest).split()):
        return clause
    return f"{clause} {' '.join((item.get('section_path') or [])[-2:])}"


_EXCEPTION_CLAUSE = re.compile(r"(?:,\s*|\s)(?:ngoại trừ|trừ|không bao gồm)\s[^.;\n]*", re.I)


def _without_exceptions(text: str) -> str:
    """A duty's words without its exception clause: "… kiểm tra an ninh mạng đột xuất đối với hệ
    thống thông tin quan trọng …, trừ hệ thống thông tin quân sự do Bộ Quốc phòng quản lý …" does
    not say its unit checks military systems — the words after "trừ" are what it does not do."""
    return _EXCEPTION_CLAUSE.sub(" ", text) if ("trừ" in text or "không bao gồm" in text) else text


def _own_text(q: Question, item: dict) -> str:
    """The item's own words: a target's clause and subject, a responsibility's task (the unit is
    the answer, not the subject), a deadline's clause."""
    if item["kind"] == "responsibility" and item.get("via") in ("composition", "attendees"):
        # Who is in a body or at a meeting: the body (its head, headings, the sentence before) is
        # what the question names, not the members — "Ban Thường vụ Đảng ủy phường gồm những ai?" is
        # not answered by a meeting's list that merely names "Đảng ủy" among those invited.
        return (item.get("task") or "").replace(item.get("unit") or "\0", " ")
    if item["kind"] == "responsibility" and item.get("via") == "attendee_member":
        # (members a question asks about, ``passages.asked_members``: the list names them and those
        # the question sets aside; the meeting its headings)
        return item.get("task") or ""
    if item["kind"] == "responsibility":  # and the unit's name: "Ban Tuyên giáo" is a propaganda body
        own = f"{_without_exceptions(item.get('task') or '')} {_without_exceptions(item.get('quote') or '')} " \
              f"{item.get('unit_normalized') or ''}"
        if item_role(item) == "báo cáo viên":
            # "Báo cáo viên: Thường trực Đảng ủy." names no subject: the meeting its headings name is
            # its own (as for an attendee list, passages.attendee_items)
            # (and the other lines of its meeting's block: passages.meeting_block)
            own += " " + " ".join((item.get("section_path") or [])[-2:]) + " " + (item.get("meeting") or "")
        return own
    if item["kind"] == "deadline":  # (and the sentence it continues: passages._opens_with)
        return _this_document_named(item, f"{item.get('lead') or ''} {_headed(item, deadline_clause(item))}".strip())
    return f"{item.get('quote') or ''} {item.get('subject') or ''} {item.get('task') or ''} {read_measure(item)}"


_THIS_DOCUMENT = re.compile(r"(?i)\b(Bộ luật|Luật|Hiến pháp|Pháp lệnh)\s+này\b")


def _this_document_named(item: dict, own: str) -> str:
    """A document's own date names the document as "Luật này" (this Law): read as the document's
    title when the title is of that type ("LUẬT DU LỊCH"), so "When was the Law on Tourism
    adopted?" is said by "Luật này được Quốc hội … thông qua ngày 19 tháng 6 năm 2017" of the
    Tourism law and not of another law (whose own sentence then says "Luật Giáo dục")."""
    title = (item.get("doc_title") or "").strip()
    m = _THIS_DOCUMENT.search(own) if title and _own_enactment(item) else None
    if not m or not folded_words(title).startswith(folded_words(m.group(1))):
        return own
    return own[:m.start()] + title + own[m.end():]


def read_measure(item: dict) -> str:
    """A target's measure as it reads: "kỳ/tuần" is "kỳ mỗi tuần" (issues per week), "%/năm" "mỗi
    năm" — the question says the rate in words, the text with a slash; an amount in đồng is "số
    tiền" ("bao nhiêu tiền"). Empty for another measure."""
    measure = item.get("measure") or ""
    money = " số tiền" if item.get("currency") else ""  # "30.203.000.000 đồng" is a sum of money (tiền)
    return (re.sub(r"\s*/\s*", " mỗi ", measure).strip() if "/" in measure else "") + money
