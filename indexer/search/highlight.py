"""Spans of query words inside a passage, matched without diacritics or case."""

from __future__ import annotations

import re

from indexer.text import HIGHLIGHT_STOPWORDS, fold, syllables

def highlight_spans(text: str, query: str) -> list[list[int]]:
    """[[start, end], ...] of query words in ``text``; adjacent hits are merged into one span."""
    terms = {t for t in syllables(fold(query)) if t not in HIGHLIGHT_STOPWORDS and (len(t) > 1 or t.isdigit())}
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
