"""Semantic + lexical similarity between spans of two documents.

- dense: cosine of the embedder's passage vectors, rescaled per comparison: the median cosine of all
  parent x child pairs is the "unrelated" floor (e5 puts any two Vietnamese sentences near 0.8, the
  hash embedder near 0), so ``(cos - floor) / (1 - floor)`` means the same for every model;
- lexical: share of the parent span's diacritics-folded syllables and syllable bigrams found in the
  child span (containment: a parent task copied into a longer child paragraph is still covered),
  blended with their Dice overlap.
The score is ``dense_weight * dense + (1 - dense_weight) * lexical``, in 0..1.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from indexer.text import CONTENT_STOPWORDS as _STOP, fold

_WORD = re.compile(r"\w+", re.U)


@lru_cache(maxsize=100_000)
def terms(text: str) -> frozenset[str]:
    """Folded content syllables and bigrams (cached: a parent's spans recur in every comparison
    of a coverage matrix)."""
    words = [w for w in _WORD.findall(fold(text).lower())]
    out = {w for w in words if w not in _STOP and not w.isdigit()}
    out.update(f"{a}_{b}" for a, b in zip(words, words[1:]) if not (a in _STOP and b in _STOP))
    return frozenset(out)


def lexical(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of ``a`` (the side being checked) is in ``b``: containment blended with Dice."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return 0.75 * inter / len(a) + 0.25 * 2 * inter / (len(a) + len(b))


class Similarity:
    """Scores between texts of one comparison; vectors are computed once per distinct text."""

    def __init__(self, embedder, dense_weight: float = 0.5):
        self.embedder = embedder
        self.dense_weight = dense_weight if embedder is not None else 0.0
        self._vec: dict[str, np.ndarray] = {}
        self._terms: dict[str, frozenset[str]] = {}
        self._term_ids: dict[str, np.ndarray] = {}
        self._vocab: dict[str, int] = {}
        self.floor = 0.0

    def prepare(self, parent_texts: list[str], child_texts: list[str]) -> None:
        """Encode every text and set the floor from the parent x child cosine distribution."""
        todo = [t for t in dict.fromkeys(parent_texts + child_texts) if t not in self._vec]
        if self.embedder is not None and todo:
            vecs = np.asarray(self.embedder.encode_passages(todo), dtype=np.float32)
            for t, v in zip(todo, vecs):
                n = float(np.linalg.norm(v))
                self._vec[t] = v / n if n else v
        if self.embedder is not None and parent_texts and child_texts:
            cos = self._cos(parent_texts, child_texts)
            self.floor = float(np.median(cos)) if cos.size else 0.0
            self.floor = min(max(self.floor, 0.0), 0.95)

    def _cos(self, a: list[str], b: list[str]) -> np.ndarray:
        if self.embedder is None or not a or not b:
            return np.zeros((len(a), len(b)), np.float32)
        self.prepare_missing(a + b)
        A = np.stack([self._vec[t] for t in a])
        B = np.stack([self._vec[t] for t in b])
        return A @ B.T

    def prepare_missing(self, texts: list[str]) -> None:
        todo = [t for t in dict.fromkeys(texts) if t not in self._vec]
        if todo and self.embedder is not None:
            vecs = np.asarray(self.embedder.encode_passages(todo), dtype=np.float32)
            for t, v in zip(todo, vecs):
                n = float(np.linalg.norm(v))
                self._vec[t] = v / n if n else v

    def terms(self, text: str) -> frozenset[str]:
        got = self._terms.get(text)
        if got is None:
            got = self._terms[text] = terms(text)
        return got

    def _ids(self, text: str) -> np.ndarray:
        """The text's terms as ids of this comparison's vocabulary (for the sparse product)."""
        got = self._term_ids.get(text)
        if got is None:
            vocab = self._vocab
            got = np.fromiter((vocab.setdefault(t, len(vocab)) for t in self.terms(text)), dtype=np.int64)
            self._term_ids[text] = got
        return got

    def _sparse(self, texts: list[str]):
        from scipy.sparse import csr_matrix

        rows = [self._ids(t) for t in texts]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(r) for r in rows])
        indices = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        data = np.ones(len(indices), dtype=np.float32)
        return csr_matrix((data, indices, indptr), shape=(len(rows), max(len(self._vocab), 1)))

    def lexical_matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """``lexical(terms(a[i]), terms(b[j]))`` for every pair, as one sparse product (the Python
        double loop cost ~60 µs a pair: 50 children x 20k pairs was the matrix's main cost)."""
        A, B = self._sparse(a), self._sparse(b)
        n = max(A.shape[1], B.shape[1])
        A.resize((A.shape[0], n))
        B.resize((B.shape[0], n))
        inter = np.asarray((A @ B.T).todense(), dtype=np.float32)
        la = np.asarray([len(self._ids(t)) for t in a], dtype=np.float32)[:, None]
        lb = np.asarray([len(self._ids(t)) for t in b], dtype=np.float32)[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            out = 0.75 * inter / la + 0.25 * 2 * inter / (la + lb)
        out[~np.isfinite(out)] = 0.0
        out[(la == 0).repeat(len(b), axis=1) | (lb == 0).repeat(len(a), axis=0)] = 0.0
        return out

    def matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """Score of every (a[i], b[j]) pair; lexical containment is of a[i] in b[j]."""
        if not a or not b:
            return np.zeros((len(a), len(b)), np.float32)
        lex = self.lexical_matrix(a, b)
        if self.dense_weight <= 0:
            return lex
        dense = np.clip((self._cos(a, b) - self.floor) / (1.0 - self.floor), 0.0, 1.0)
        return self.dense_weight * dense + (1.0 - self.dense_weight) * lex
