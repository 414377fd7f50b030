"""Spans of query words inside a passage, matched without diacritics or case."""

from __future__ import annotations

import re

from indexer.index.analyzer import fold, syllables

# Question words and particles that would light up half of every passage.
STOPWORDS = {
    "ai", "gi", "nao", "bao", "nhieu", "la", "cua", "va", "co", "duoc", "cho", "the", "nhung", "cac",
    "mot", "trong", "voi", "de", "khi", "thi", "ma", "o", "tai", "ve", "nhu", "nay", "do", "da", "se",
    "khong", "hay", "hoac", "phai", "sao", "dau", "luc", "ra", "vao", "len", "a", "an", "and", "are",
    "be", "by", "does", "for", "how", "in", "is", "of", "on", "or", "to", "what", "when", "where",
    "which", "who", "whom", "why", "with",
}


def highlight_spans(text: str, query: str) -> list[list[int]]:
    """[[start, end], ...] of query words in ``text``; adjacent hits are merged into one span."""
    terms = {t for t in syllables(fold(query)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())}
    if not terms:
        return []
    pattern = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, terms), key=len, reverse=True))
                         + r")(?!\w)")
    folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in fold(text))  # keeps offsets
    spans: list[list[int]] = []
    for m in pattern.finditer(folded):
        if spans and folded[spans[-1][1] : m.start()].isspace():
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    return spans
