"""Spans inside a document: the content of a block without its outline marker, sentences and
clauses. Every span is a pair of offsets into the document text (``text[s:e]`` is the slice)."""

from __future__ import annotations

import re

from indexer.structure.markers import marker_of

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9\-–+*])")
_LEADING_PAREN = re.compile(r"^\(\d{1,2}\)\s*")
SKIP_KINDS = {"header", "type", "title", "closing", "separator"}


def content_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The block without its leading marker(s) ("1. ", "- (2) ", "+ ") and trailing spaces."""
    body = text[start:end]
    pos = 0
    for _ in range(2):
        found = marker_of(body[pos:])
        if not found:
            break
        kind, marker = found
        if kind in ("article", "part", "chapter", "section"):
            break
        pos += len(marker)
        while pos < len(body) and body[pos].isspace():
            pos += 1
    m = _LEADING_PAREN.match(body[pos:])
    if m:
        pos += m.end()
    return start + pos, start + len(body.rstrip())


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]."""
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _abbreviation_before(text, m.start()):
            continue
        s, e = pos, m.start()
        if e > s:
            out.append((s, e))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [trim(text, s, e) for s, e in out if text[s:e].strip()]


def _abbreviation_before(text: str, at: int) -> bool:
    word = re.search(r"(\S+)$", text[max(0, at - 12):at])
    return bool(word and re.fullmatch(r"(?:TP|Tp|ThS|TS|PGS|GS|Nxb|tr|v\.v)\.?", word.group(1)))


def clauses(text: str, start: int, end: int, separator: str = r";\s*") -> list[tuple[int, int]]:
    """Sentences cut further at ``separator`` (by default ";", the separator of list-like targets
    and tasks)."""
    out = []
    for s, e in sentences(text, start, end):
        pos = s
        for m in re.finditer(separator, text[s:e]):
            out.append(trim(text, pos, s + m.start()))
            pos = s + m.end()
        out.append(trim(text, pos, e))
    return [(s, e) for s, e in out if e > s]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and a trailing period/colon/semicolon/comma from a span."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".;:,"):
        e -= 1
    return s, e


# A pointer to an annex or table rather than content: "(Phụ lục số 16)", "(Có biểu chi tiết kèm
# theo - phụ lục số 1)", "(có Nghị quyết số 92-NQ/TU gửi kèm theo)". Neither a task nor a deadline.
_ANNEX = re.compile(r"^\(?\s*(?:có\s+)?(?:(?:biểu|bảng|phụ lục|danh mục|chi tiết)\b[^()]*|"
                    r"[^()]*\b(?:kèm theo|đính kèm)\b[^()]*)\s*\)?[.;]?$", re.IGNORECASE)


def is_annex_pointer(text: str) -> bool:
    """Is ``text`` (a sentence, or what follows its label "Nguồn kinh phí phân kỳ hằng năm:") only
    a pointer to an annex or a table?"""
    body = " ".join(text.split()).strip()
    if ":" in body:
        after = body.rsplit(":", 1)[1].strip()
        if after and _ANNEX.match(after):
            return True
    return bool(body) and bool(_ANNEX.match(body))

