"""The FAISS index is chosen by size (flat under the threshold, HNSW above) and filters stay exact."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.index import dense as dense_mod
from indexer.index.dense import DenseIndex


@pytest.fixture(scope="module")
def vectors():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((4000, 32)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_kind_by_size(vectors, tmp_path):
    assert DenseIndex.build(vectors, 32, hnsw_threshold=5000).kind == "flat"
    assert DenseIndex.build(vectors, 32, hnsw_threshold=0).kind == "flat"
    hnsw = DenseIndex.build(vectors, 32, hnsw_threshold=4000)
    assert hnsw.kind == "hnsw"
    hnsw.save(tmp_path / "d.faiss")
    assert DenseIndex.load(tmp_path / "d.faiss").kind == "hnsw"


@pytest.mark.parametrize("exact_limit", [10_000, 0])  # small filters exact / through the graph
def test_hnsw_filters(vectors, monkeypatch, exact_limit):
    monkeypatch.setattr(dense_mod, "EXACT_FILTER_LIMIT", exact_limit)
    flat = DenseIndex.build(vectors, 32, hnsw_threshold=0)
    hnsw = DenseIndex.build(vectors, 32, hnsw_threshold=1)
    allowed = np.arange(1, 4000, 5, dtype=np.int64)
    hits = 0
    for i in range(0, 200, 10):
        ids, scores = hnsw.search(vectors[i], 10, allowed)
        assert set(ids) <= set(allowed.tolist()) and len(ids) == 10
        assert np.all(np.diff(scores) <= 1e-6)
        ref, _ = flat.search(vectors[i], 10, allowed)
        hits += len(set(ids) & set(ref))
    assert hits / 200 >= 0.9
    assert len(hnsw.search(vectors[0], 10, np.empty(0, np.int64))[0]) == 0
    few = np.array([3, 9], np.int64)
    assert sorted(hnsw.search(vectors[0], 10, few)[0].tolist()) == [3, 9]
