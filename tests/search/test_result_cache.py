"""Repeated searches come from the service's result cache, and a write (new index generation)
makes older entries unreachable."""

from __future__ import annotations

import shutil

from indexer.search.cache import ResultCache
from tests.conftest import PLANS


def test_repeat_is_served_from_cache_and_a_write_invalidates(fake_engine, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PLANS["000"], src / "a.txt")
    fake_engine.index_paths([src])
    first = fake_engine.search("khu du lịch cộng đồng", k=5)
    again = fake_engine.search("khu du lịch cộng đồng", k=5)
    assert fake_engine._results.hits == 1
    assert [(r.doc_id, r.passage) for r in again.results] == [(r.doc_id, r.passage) for r in first.results]
    # other k, other filters: other entries
    fake_engine.search("khu du lịch cộng đồng", k=3)
    assert fake_engine._results.hits == 1
    shutil.copy(PLANS["001"], src / "b.txt")
    fake_engine.index_paths([src])
    after = fake_engine.search("khu du lịch cộng đồng", k=5)
    assert fake_engine._results.hits == 1  # new generation: searched again
    assert {r.doc_id for r in after.results} >= {r.doc_id for r in first.results}


def test_lru_evicts_oldest_and_size_zero_disables():
    cache = ResultCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    off = ResultCache(0)
    off.put("a", 1)
    assert off.get("a") is None


def test_answers_are_kept_like_searches_and_never_outlive_a_write(fake_engine, tmp_path):
    """A repeated ask is served from the ask cache; another filter (doc_ids) or a new generation
    computes it again, and the answer kept equals the one computed."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PLANS["004"], src / "a.txt")
    fake_engine.index_paths([src])
    question = "Ai chủ trì tổ chức sơ kết 05 năm thực hiện Nghị quyết?"
    first = fake_engine.ask(question)
    assert fake_engine.ask(question) == first and fake_engine._asks.hits == 1
    doc_id = first.citations[0].doc_id if first.citations else fake_engine._documents()[0]["id"]
    fake_engine.ask(question, doc_ids={doc_id})
    fake_engine.ask(question, doc_ids=set())
    assert fake_engine._asks.hits == 1  # other documents: other entries
    shutil.copy(PLANS["001"], src / "b.txt")
    fake_engine.index_paths([src])
    after = fake_engine.ask(question)
    assert fake_engine._asks.hits == 1  # new generation: answered again
    assert after.question == question
    public = fake_engine.for_viewer()
    assert public is not fake_engine and public._asks is not fake_engine._asks
