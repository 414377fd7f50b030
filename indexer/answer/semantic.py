"""Semantic support: is an item's sentence what the question means, when its words do not say so?

The lexical gate (support.py) cannot see words it cannot read: an English word the glossary lacks
("welcome", "dispatch"). Such a word's absence from a Vietnamese sentence is no evidence against it.
For those words only (``Question.unsure``), the answer engine asks the model instead (multilingual
e5: English and Vietnamese in one space): the cosine between the question and each candidate item's
sentence, embedded at ask time (a few, batched, cached). Crediting every English phrase — a glossary
sense the documents do not use — answered unanswerable questions of the tuning half, so it is not done.

A cosine alone is not calibrated across questions (English questions sit ~0.08 lower against
Vietnamese sentences than Vietnamese ones), so the credit is relative: an item is credited for the
words it cannot show in proportion to how close it comes to the nearest candidate of the same
question — the nearest gets full credit, one ``SEMANTIC_SPAN`` below it none. A question whose every
candidate is equally far thus still answers only if the rest of its words are found, and a
candidate the model ranks clearly lower can never borrow the unread words. The model never vouches
for most of the subject (``support.MIN_READ``), for the noun a how-many question counts
(question.py), for one of two numbers of a sentence, nor — among every unit or deadline of the
documents — for a sentence the search did not retrieve (answer._semantic_scored).

Measured on the tuning half's English questions with a random share of the glossary entries they
use removed (the held-back condition: words the glossary does not know): 15 of 130 answerable
right at 30% removed before, 81 after (0 wrong, all 45 unanswerable null); 108 at 15% removed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

# Full credit within SEMANTIC_FULL of the nearest candidate's cosine, none at SEMANTIC_SPAN below it.
SEMANTIC_FULL = 0.01
SEMANTIC_SPAN = 0.03
# Kinds whose credited item must also be in the search's first SEMANTIC_DEPTH passages (see
# answer._semantic_scored). 10 (the answer's own results) lost right English answers whose passage
# ranked 11-30; 50 answered an unanswerable one (the tuning half with glossary entries removed).
SEMANTIC_RANKED = frozenset({"who", "when"})
SEMANTIC_DEPTH = 30
MAX_EMBEDDED = 48  # candidates embedded per question (the most supported first)
_CACHE_SIZE = 8192


class Similarity:
    """Cosines of one question against item sentences through the service's embedder."""

    _cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
    _lock = threading.Lock()

    def __init__(self, embedder, question: str):
        self.embedder = embedder
        self.question = question
        self._qv: np.ndarray | None = None
        self.retrieve = None  # () -> the search's results to SEMANTIC_DEPTH, set by the caller
        self._retrieved: list | None = None

    def _query(self) -> np.ndarray:
        if self._qv is None:  # the search encoded the same text: a cache hit
            self._qv = np.asarray(self.embedder.encode_query(self.question), dtype=np.float32)
        return self._qv

    def retrieved(self) -> list:
        """The search's deeper results for this question (one search, asked once, when needed)."""
        if self._retrieved is None:
            self._retrieved = self.retrieve() if self.retrieve else []
        return self._retrieved

    def _vectors(self, texts: list[str]) -> np.ndarray:
        name = getattr(self.embedder, "name", "")
        with self._lock:  # this call's vectors kept here: another ask may evict them meanwhile
            found = {t: self._cache[(name, t)] for t in dict.fromkeys(texts) if (name, t) in self._cache}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            vecs = np.asarray(self.embedder.encode_passages(todo), dtype=np.float32)
            found.update(zip(todo, vecs))
            with self._lock:
                for t, v in zip(todo, vecs):
                    self._cache[(name, t)] = v
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)

    def cosines(self, items: list[dict]) -> list[float]:
        """The cosine of the question with each item's sentence (its quote)."""
        if not items:
            return []
        vecs = self._vectors([item_text(it) for it in items])
        return [float(x) for x in vecs @ self._query()]


def item_text(item: dict) -> str:
    return " ".join((item.get("quote") or "").split())


def credits(cosines: list[float]) -> list[float]:
    """Credit in [0, 1] for each candidate, relative to the nearest one (see the module's doc)."""
    if not cosines:
        return []
    best = max(cosines)
    return [min(1.0, max(0.0, (c - (best - SEMANTIC_SPAN)) / (SEMANTIC_SPAN - SEMANTIC_FULL)))
            for c in cosines]

