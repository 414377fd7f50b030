"""FAISS inner-product index over L2-normalized passage vectors (so scores are cosines)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


class DenseIndex:
    def __init__(self, index, dim: int):
        self._index = index
        self.dim = dim

    @property
    def size(self) -> int:
        return self._index.ntotal

    @classmethod
    def build(cls, vectors: np.ndarray, dim: int) -> "DenseIndex":
        import faiss

        index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index, dim)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        import faiss

        index = faiss.read_index(str(path))
        return cls(index, index.d)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (positions, cosines); ``allowed`` restricts to those positions."""
        import faiss

        if self.size == 0 or k <= 0:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
        k = min(k, self.size)
        scores, ids = self._index.search(q, k, params=params) if params else self._index.search(q, k)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]
