"""BM25 over pre-tokenized passages (bm25s), one index per field, saved beside the SQLite store."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np


def _bm25s():
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import
    return bm25s


class LexicalIndex:
    """A BM25 index over term lists; scores every passage so filters are exact."""

    def __init__(self, retriever, size: int):
        self._retriever = retriever
        self.size = size
        self._vocab = getattr(retriever, "vocab_dict", None) or {}

    @classmethod
    def build(cls, corpus_terms: list[list[str]]) -> "LexicalIndex":
        bm25s = _bm25s()

        retriever = bm25s.BM25(k1=1.2, b=0.75)
        # bm25s needs at least one term per document; an empty passage gets a placeholder.
        corpus = [terms if terms else ["\u2205"] for terms in corpus_terms]
        if corpus:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, len(corpus))

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.size:
            self._retriever.save(str(path), show_progress=False)
        (path / "size.txt").write_text(str(self.size))

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex":
        bm25s = _bm25s()

        size = int((path / "size.txt").read_text())
        if size == 0:
            return cls(bm25s.BM25(), 0)
        retriever = bm25s.BM25.load(str(path), mmap=False, show_progress=False)
        return cls(retriever, size)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every passage for the query terms (zeros when none is known)."""
        known = [t for t in terms if t in self._vocab]
        if not self.size or not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)
