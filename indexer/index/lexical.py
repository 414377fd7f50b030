"""BM25 over pre-tokenized passages (bm25s), one index per field, saved beside the SQLite store.

bm25s builds and saves the index. Reading it back for queries does not need bm25s: its saved
index is the BM25 score of every (term, passage) pair as a sparse matrix (``.npy`` arrays) plus
the vocabulary, and a query's scores are sums of matrix columns. ``SavedScores`` does exactly what
``bm25s.BM25.get_scores`` does on those arrays (same dtype, same order of additions, so the same
floats), so a searching process never imports bm25s, scipy and joblib (0.3-0.6 s). Anything but the
plain layout (another method with a non-occurrence array, other file names) is read by bm25s.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np


def _bm25s():
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import
    return bm25s


# BM25 term saturation and length normalisation. k1 0.9 (bm25s and Lucene default to 1.2): a
# passage that repeats a query word many times (a law clause saying "tuyên truyền" four times) gains
# less over one that says every word of the question once. Chosen on the tuning questions
# (questions.dev, the blind set's odd lines, ALQAC dev) with the whole pipeline (fusion, answer-type
# bonus): hit@1 .84 -> .88 and MRR .894 -> .915 on dev, ALQAC hit@5 .90 -> .913, blind odd equal;
# k1 0.7-1.0 with b 0.6-0.75 is a plateau, k1 1.5-2.0 is worse everywhere.
BM25_K1 = 0.9
BM25_B = 0.75


class LexicalIndex:
    """A BM25 index over term lists; scores every passage so filters are exact."""

    def __init__(self, retriever, size: int):
        self._retriever = retriever
        self.size = size
        self._vocab = getattr(retriever, "vocab_dict", None) or {}
        self.reader = type(retriever).__name__  # SavedScores, or bm25s' BM25

    @classmethod
    def build(cls, corpus_terms: list[list[str]]) -> "LexicalIndex":
        bm25s = _bm25s()

        retriever = bm25s.BM25(k1=BM25_K1, b=BM25_B)
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
    def load(cls, path: Path, with_bm25s: bool = False) -> "LexicalIndex":
        """``with_bm25s``: read through bm25s even when ``SavedScores`` can (tests compare them)."""
        size = int((path / "size.txt").read_text())
        if size == 0:
            return cls(SavedScores({}, np.zeros(0, np.float32), np.zeros(0, np.int32),
                                   np.zeros(1, np.int64), 0, "float32", "int32"), 0)
        saved = None if with_bm25s else SavedScores.load(path)
        if saved is not None:
            return cls(saved, size)
        retriever = _bm25s().BM25.load(str(path), mmap=False, show_progress=False)
        return cls(retriever, size)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every passage for the query terms (zeros when none is known)."""
        known = [t for t in terms if t in self._vocab]
        if not self.size or not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)


class SavedScores:
    """A saved bm25s index read with numpy alone: ``get_scores`` as bm25s computes it."""

    FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy")
    METHODS = ("robertson", "lucene", "atire")  # BM25L and BM25+ add a non-occurrence array

    def __init__(self, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 num_docs: int, dtype: str, int_dtype: str):
        self.vocab_dict = vocab
        self._data, self._indices, self._indptr = data, indices, indptr
        self._num_docs = num_docs
        self._dtype = np.dtype(dtype)
        self._int_dtype = np.dtype(int_dtype)

    @classmethod
    def load(cls, path: Path) -> "SavedScores | None":
        """None when the folder is not the layout this class reads."""
        try:
            params = json.loads((path / "params.index.json").read_text())
            if params.get("method") not in cls.METHODS or (path / "nonoccurrence_array.index.npy").exists():
                return None
            vocab = json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
            data, indices, indptr = (np.load(path / name, allow_pickle=False) for name in cls.FILES)
            return cls(vocab, data, indices, indptr, int(params["num_docs"]), params.get("dtype", "float32"),
                       params.get("int_dtype", "int32"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        """bm25s.BM25.get_scores (get_scores_from_ids, _compute_relevance_from_scores) for a
        list of terms: one column sum per term, unknown terms left out, repeats counted."""
        ids = np.asarray([self.vocab_dict[t] for t in tokens if t in self.vocab_dict], dtype=self._int_dtype)
        if int(ids.max(initial=0)) >= len(self._indptr) - 1:
            raise ValueError("a query term id is outside the index")
        starts, ends = self._indptr[ids].tolist(), self._indptr[ids + 1].tolist()
        scores = np.zeros(self._num_docs, dtype=self._dtype)
        if starts:
            # One accumulation over the terms' postings, in term order: the same sums, in the
            # same order, as one np.add.at per term, without ~15 Python round trips a query.
            rows = np.concatenate([self._indices[a:b] for a, b in zip(starts, ends)])
            values = np.concatenate([self._data[a:b] for a, b in zip(starts, ends)])
            np.add.at(scores, rows, values)
        return scores
