"""The embedder a one-shot process starts loading first thing (``prefetch_embedder``) is the one
the service then gets; a load that fails fails the search the same way."""

from __future__ import annotations

import pytest

from indexer.embed.embedder import ModelUnavailable, load_embedder, prefetch_embedder
from indexer.settings import Settings


def test_prefetched_embedder_is_handed_over_once(tmp_path):
    settings = Settings(data_dir=tmp_path, model="hash-256")
    prefetch_embedder(settings)
    first = load_embedder(settings)
    assert first.dim == 256
    assert load_embedder(settings) is not first  # taken once; later loads are ordinary ones
    other = Settings(data_dir=tmp_path, model="hash-128")
    prefetch_embedder(settings)
    assert load_embedder(other).dim == 128  # other settings never get it
    load_embedder(settings)


def test_prefetch_error_is_raised_where_the_embedder_is_needed(tmp_path):
    settings = Settings(data_dir=tmp_path, model=str(tmp_path / "no-model"), onnx_dir=tmp_path / "onnx",
                        query_engine="onnx")
    prefetch_embedder(settings)
    with pytest.raises(ModelUnavailable, match="export-onnx"):
        load_embedder(settings)


def test_search_loads_the_model_off_the_main_thread_and_reports_its_failure(fake_settings, monkeypatch):
    import threading

    from indexer.service import Service
    from tests.conftest import PLANS

    Service(fake_settings).index_paths([PLANS["004"]])
    threads = []

    def failing(settings):
        threads.append(threading.current_thread().name)
        raise ModelUnavailable("no model here")

    monkeypatch.setattr("indexer.embed.embedder.load_embedder", failing)
    service = Service(fake_settings)
    with pytest.raises(ModelUnavailable, match="no model here"):
        service.search("sơ kết", k=3)
    assert threads and all(t.startswith("nghiquyet-encode") for t in threads)
    assert service.search("sơ kết", k=3, legs=("lexical",)).results  # BM25 alone needs no model
