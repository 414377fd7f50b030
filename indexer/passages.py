"""Passages: the units we index and return. One per paragraph or list item; short siblings merged,
long ones split at sentence boundaries. Each passage is an exact slice of the stored text:
``document_text[start:end] == passage.text`` always holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.structure.outline import Block, label

_SENTENCE_END = re.compile(r"(?<=[.;!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9\-–+*])")
_CLAUSE_END = re.compile(r"(?<=[;,:])\s+")


@dataclass
class Passage:
    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str
    section_path: list[str]
    kind: str  # para | item | title
    headings: list[str] = field(default_factory=list)  # full text of the headings above it
    page: int | None = None  # page (from 1) where it starts, for PDFs and images

    @property
    def path_text(self) -> str:
        return " › ".join(self.section_path)


def _split_long(text: str, start: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut [start, start+len(text)) into pieces of at most ~max_chars at sentence ends (falling back
    to clause ends, then spaces), as absolute offsets."""
    if len(text) <= max_chars:
        return [(start, start + len(text))]
    pieces: list[tuple[int, int]] = []
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    pos = 0
    while len(text) - pos > max_chars:
        limit = pos + max_chars
        candidates = [c for c in cuts if pos + max_chars // 4 < c <= limit]
        if not candidates:
            candidates = [m.end() for m in _CLAUSE_END.finditer(text, pos + max_chars // 4, limit)]
        if not candidates:
            space = text.rfind(" ", pos + 1, limit)
            candidates = [space + 1] if space > pos else [limit]
        cut = candidates[-1]
        piece = text[pos:cut].rstrip()
        pieces.append((start + pos, start + pos + len(piece)))
        pos = cut
        while pos < len(text) and text[pos].isspace():
            pos += 1
    if pos < len(text):
        pieces.append((start + pos, start + len(text)))
    return pieces


def build_passages(doc_id: str, text: str, blocks: list[Block], min_chars: int = 160,
                   max_chars: int = 1000, page_starts: list[int] | None = None) -> list[Passage]:
    """Passages from the content blocks of one document, in reading order. With ``page_starts``
    (a paged original: PDF, image) each passage carries the page it starts on, for "trang N"."""
    import bisect

    groups: list[list[Block]] = []
    for block in blocks:
        if not block.is_content:
            continue
        if groups:
            last = groups[-1]
            size = last[-1].end - last[0].start
            siblings = last[-1].parents == block.parents and last[-1].index == block.index - 1
            if siblings and size < min_chars and size + 2 + len(block.text) <= max_chars:
                last.append(block)
                continue
            if siblings and len(block.text) < min_chars // 2 and size + 2 + len(block.text) <= max_chars \
                    and block.kind == last[-1].kind:
                last.append(block)  # a very short trailing sibling joins the one before
                continue
        groups.append([block])
    passages: list[Passage] = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        path = [label(blocks[i].text) for i in group[0].parents]
        headings = [blocks[i].text for i in group[0].parents]
        kind = group[0].kind
        for s, e in _split_long(text[start:end], start, max_chars):
            page = max(1, bisect.bisect_right(page_starts, s)) if page_starts else None
            passages.append(Passage(doc_id, len(passages), s, e, text[s:e], path, kind, headings,
                                    page))
    return passages


def context_text(passage: Passage, doc_title: str, with_context: bool,
                 heading_chars: int = 200) -> str:
    """What gets embedded and lexically indexed: the passage, after its title and heading path when
    ``with_context`` (the returned text is always the bare passage). Headings are cut at
    ``heading_chars``, longer than the display path, because a long heading ("4. Nâng cao chất lượng
    …, đấu tranh phản bác các quan điểm sai trái…") often carries the words a question uses while
    its items carry the answer."""
    if not with_context:
        return passage.text
    headings = [label(h, heading_chars) for h in passage.headings] or passage.section_path
    head = " › ".join(p for p in [label(doc_title, 120) if doc_title else "", *headings] if p)
    return f"{head}\n{passage.text}" if head else passage.text
