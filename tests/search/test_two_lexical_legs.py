"""BM25 over the words field and over the diacritics-free field are fused as two legs; with
``weight_folded_leg`` 0 the single combined leg of before comes back."""

from __future__ import annotations

import shutil

from indexer.service import Service
from tests.conftest import PLANS


def test_folded_leg_finds_a_query_typed_without_diacritics(fake_settings, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PLANS["000"], src / "a.txt")
    two = Service(fake_settings)
    two.index_paths([src])
    # an accent model that knows nothing: the words leg cannot match "huong dan vien"
    two._cached("accents", dict)
    two._cache["accents"] = {}
    res = two.search("huong dan vien du lich", k=5, legs=("lexical",))
    assert res.results and all("ớng dẫn viên" in r.text or "du lịch" in r.text for r in res.results)
    one = Service(fake_settings.model_copy(update={"weight_folded_leg": 0.0}))
    one._cached("accents", dict)
    one._cache["accents"] = {}
    single = one.search("huong dan vien du lich", k=5, legs=("lexical",))
    assert single.results
    # the single leg ranks by words + folded scores; the two legs by RRF: both find the guide passage
    assert any("hướng dẫn viên" in r.text for r in res.results[:3])
    assert any("hướng dẫn viên" in r.text for r in single.results[:3])
