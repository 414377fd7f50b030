"""FAISS inner-product index over L2-normalized passage vectors (so scores are cosines).

The index type is chosen by size when a generation is built: exact ``IndexFlatIP`` below
``hnsw_threshold`` passages, ``IndexHNSWFlat`` (inner product) at or above it. HNSW recall@10 against
flat is measured by bench/scale.py. Filtered searches stay correct on both: a flat index takes an
``IDSelectorBatch``; on HNSW a small allowed set is scored exactly from the stored vectors and a large
one goes through the graph with the selector and a wider beam."""

from __future__ import annotations

from pathlib import Path

import numpy as np

DEFAULT_HNSW_THRESHOLD = 50_000
HNSW_M = 32  # graph degree
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 2048  # beam at query time: recall@10 0.98 at 100k for ~1.8 ms (bench/scale.py)
EXACT_FILTER_LIMIT = 20_000  # on HNSW, filters allowing at most this many passages are scored exactly


class DenseIndex:
    def __init__(self, index, dim: int):
        self._index = index
        self.dim = dim

    @property
    def size(self) -> int:
        return self._index.ntotal

    @property
    def kind(self) -> str:
        return "hnsw" if hasattr(self._index, "hnsw") else "flat"

    @classmethod
    def build(cls, vectors: np.ndarray, dim: int, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD
              ) -> "DenseIndex":
        """Flat under ``hnsw_threshold`` vectors (0 = always flat), HNSW from it on."""
        import faiss

        n = len(vectors)
        if hnsw_threshold and n >= hnsw_threshold:
            index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            index = faiss.IndexFlatIP(dim)
        if n:
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
        k = min(k, self.size)
        if allowed is not None:
            allowed = np.asarray(allowed, np.int64)
            if len(allowed) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
        if self.kind == "hnsw":
            if allowed is not None and len(allowed) <= EXACT_FILTER_LIMIT:
                return self._exact(q[0], allowed, k)
            params = faiss.SearchParametersHNSW()
            params.efSearch = max(HNSW_EF_SEARCH, 2 * k)
            if allowed is not None:
                params.sel = faiss.IDSelectorBatch(allowed)
                params.efSearch = max(params.efSearch, 4 * k)
            scores, ids = self._index.search(q, k, params=params)
            if allowed is not None and (ids[0] >= 0).sum() < min(k, len(allowed)):
                return self._exact(q[0], allowed, k)  # the graph walk starved under the filter
        elif allowed is not None:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
            scores, ids = self._index.search(q, k, params=params)
        else:
            scores, ids = self._index.search(q, k)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def _exact(self, q: np.ndarray, allowed: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        vectors = self._index.reconstruct_batch(allowed)
        scores = vectors @ q
        k = min(k, len(allowed))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return allowed[top], scores[top].astype(np.float32)
