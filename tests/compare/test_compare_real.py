"""End to end with the real e5 model: the constructed child of 002, indexed next to the corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from indexer.compare import compare, side_from_index, side_from_text
from bench.synth import CHILD_OF_002, build

pytestmark = pytest.mark.slow


def test_real_model_reports_the_edits_of_the_constructed_child(real_engine, real_settings):
    parent = side_from_index(real_engine, "002_0f875316a6b16de4")
    pair = build(parent.text, CHILD_OF_002)
    child = side_from_text("xa-224", pair.child_text, real_settings)
    result = compare(parent, child, real_settings, embedder=real_engine.embedder)
    wrong = [(it["kind"], pair.gold_status(it), it["status"]) for it in result["items"]
             if it["status"] != pair.gold_status(it)]
    # Known slip of the real model: the dropped "Sưu tầm, biên soạn bộ Văn kiện…" task is close to
    # its kept sibling "Sưu tầm, lưu trữ, biên soạn bộ Biên niên…"; anything more is a regression.
    assert len(wrong) <= 1, wrong
    gaps = Counter((it["kind"], it["status"]) for it in result["items"] if it["status"] != "covered")
    for key in [("target", "weaker"), ("target", "stricter"), ("deadline", "later"), ("deadline", "earlier")]:
        assert gaps[key] == 1
    assert any("chữ Thái cổ" in a["child"]["text"] for a in result["additions"])
    assert all(parent.text[it["parent"]["start"]:it["parent"]["end"]] == it["parent"]["text"]
               for it in result["items"])
    assert all(it["parent"]["passage"] is not None for it in result["items"])  # reader links
