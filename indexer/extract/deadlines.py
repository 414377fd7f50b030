"""Deadlines and schedule: dates ("trước ngày 30/6/2025", "trong tháng 5/2026", "vào cuối tháng
11/2021"), quarters ("quý II"), years and periods ("đến năm 2030", "giai đoạn 2021-2025") and
recurrences ("hằng năm", "định kỳ 6 tháng"), each with the task (sentence) it belongs to.

Not deadlines: the date and title of a referenced document ("Nghị quyết số 08-NQ/TU, ngày 04/3/2026
… về … giai đoạn 2026 - 2030"), horizons ("tầm nhìn đến năm 2045", "định hướng đến năm 2035"),
historical periods ("giai đoạn 1949-2020")."""

from __future__ import annotations

import re

from indexer.structure.outline import Block, section_path

from .text import SKIP_KINDS, content_span, is_annex_pointer, sentences

_PREFIX = r"(?:(?:trước|chậm nhất|muộn nhất|chậm nhất là|trong|vào|từ|đến|cuối|đầu|giữa|hết|sau)\s+)*"
_ROMAN_Q = r"(?:IV|I{1,3}|[1-4])"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"{_PREFIX}(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})", re.I)),
    # The laws write dates in words: "trước ngày 15 tháng 02", "đến hết ngày 31 tháng 12 năm 2022"
    # (a "tháng …" read alone would cut the day off).
    ("date", re.compile(rf"{_PREFIX}ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?(?![\d/])",
                        re.I)),
    # … or with no "ngày" when the year follows: "ngày Tuyên ngôn độc lập 2 tháng 9 năm 1945"
    ("date", re.compile(rf"{_PREFIX}(?<![\d/])(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}})(?![\d/])", re.I)),
    ("month", re.compile(rf"{_PREFIX}tháng\s+(\d{{1,2}})(?:\s*/\s*(\d{{4}})|\s+năm\s+(\d{{4}}))?(?![\d/])",
                         re.I)),
    ("quarter", re.compile(rf"{_PREFIX}quý\s+({_ROMAN_Q})(?:\s*/\s*(\d{{4}})|\s+năm\s+(\d{{4}}))?(?![\w/])",
                           re.I)),
    ("period", re.compile(r"(?:trong\s+)?giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.I)),
    ("year", re.compile(r"(?:(?:đến|vào|trong|tới|từ nay đến|hết)\s+năm\s+)(\d{4})", re.I)),
    ("recurring", re.compile(r"(?:hằng|hàng)\s+(?:năm|tháng|quý|tuần)|thường niên|"
                             r"định kỳ(?:\s+(?:\d+|hằng|hàng)\s*(?:tháng|năm|quý|tuần))?", re.I)),
]
_DOC_REF = re.compile(r"(?:số\s*)?\d+[-/][\wĐđ/.-]*[A-ZĐ][\wĐđ/.-]*")
_HORIZON = re.compile(r"(?:tầm nhìn|định hướng)\s*$", re.I)
_LONE_TASK = re.compile(r"^(?:Hoàn thành|Thời gian|Thời hạn|Dự kiến|Xong|Báo cáo về|Gửi về)\b", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _is_reference(text: str, sent_start: int, at: int) -> bool:
    """Is a date/period at ``at`` part of a referenced document's number, date or title?"""
    before = text[sent_start:at]
    refs = list(_DOC_REF.finditer(before))
    if not refs:
        return False
    last = refs[-1]
    between = before[last.end():]
    if re.search(r",\s+(?:gửi|báo cáo|trình|xây dựng|tổ chức|hoàn thành|thực hiện|triển khai|"
                 r"bảo đảm|đảm bảo)\b", between):
        return False
    between = re.sub(r"(?:gửi|báo cáo|trở|đưa)\s+về", " ", between)
    if re.fullmatch(r"[\s,]*(?:ngày\s*)?", between):
        return True  # "số 238-QĐ/TW, ngày 30/9/2020"
    if ";" in between or re.search(r"[.!?]\s", between):
        return False
    return bool(re.search(r"\bvề\b|“|\"|của\b", between)) and len(between) < 400


def _value(kind: str, m: re.Match) -> dict:
    g = m.groups()
    if kind == "date":
        d, mo = int(g[0]), int(g[1])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return {}
        if g[2] is None:  # a day of every year: "trước ngày 15 tháng 02"
            return {"date": None, "month": mo, "day": d}
        return {"date": f"{int(g[2]):04d}-{mo:02d}-{d:02d}"}
    if kind == "month":
        y = g[1] or g[2]
        return {"date": f"{int(y):04d}-{int(g[0]):02d}" if y else None, "month": int(g[0])}
    if kind == "quarter":
        q = _ROMAN.get(g[0].upper(), None) or int(g[0])
        y = g[1] or g[2]
        return {"quarter": q, "date": f"{int(y):04d}-Q{q}" if y else None}
    if kind == "period":
        return {"year_from": int(g[0]), "year_to": int(g[1])}
    if kind == "year":
        return {"year_to": int(g[0]), "date": g[0]}
    return {}


def _relation(phrase: str, kind: str) -> str:
    low = phrase.lower()
    if kind == "recurring":
        return "recurring"
    if re.match(r"(?:trước|chậm nhất|muộn nhất|đến|hết|tới|từ nay đến)\b", low):
        return "before"
    if kind == "period":
        return "during"
    return "in"


def extract_deadlines(text: str, blocks: list[Block]) -> list[dict]:
    items: list[dict] = []
    for block in blocks:
        if block.kind in SKIP_KINDS:
            continue
        cs, ce = content_span(text, block.start, block.end)
        if block.kind == "heading" and len(text[cs:ce]) < 100 and block.marker not in ("dash", "plus", "star"):
            continue  # a section title ("2. Mục tiêu cụ thể đến năm 2030"), not a task
        path = section_path(blocks, block)
        for s, e in sentences(text, cs, ce):
            if is_annex_pointer(text[s:e]):
                continue  # "Nguồn kinh phí phân kỳ hằng năm: (Phụ lục số 16)": no task, no deadline
            taken: list[tuple[int, int]] = []
            for kind, pattern in PATTERNS:
                for m in pattern.finditer(text, s, e):
                    ms, me = m.start(), m.end()
                    if any(ms < b and a < me for a, b in taken):
                        continue
                    if kind in ("date", "month") and _is_reference(text, s, ms):
                        continue
                    if kind in ("period", "year") and (_is_reference(text, s, ms)
                                                       or _HORIZON.search(text[max(s, ms - 20):ms])):
                        continue
                    value = _value(kind, m)
                    if kind == "period" and value["year_from"] < 1990:
                        continue  # a historical period ("giai đoạn 1949-2020")
                    if kind == "date" and not value:
                        continue
                    taken.append((ms, me))
                    phrase = text[ms:me]
                    qs = cs if _LONE_TASK.match(text[s:e]) else s  # "… Hoàn thành trước ngày …"
                    items.append({"kind": "deadline", "start": qs, "end": e, "section_path": path,
                                  "when": phrase, "when_start": ms, "when_end": me, "when_kind": kind,
                                  "relation": _relation(phrase, kind), **value,
                                  "task": text[qs:e], "units": [], "unit": None})
    items.sort(key=lambda it: (it["when_start"]))
    return items
