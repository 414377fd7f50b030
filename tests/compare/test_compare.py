"""Cross-check of a plan against the document it implements (hash embedder: fast, deterministic).

The child is built from the real Lai Châu plan (corpus 002) with known edits (synth.CHILD_OF_002):
tasks reworded with synonyms and moved, two dropped, one sentence cut, one target lowered and one
raised, one deadline moved later and one earlier, a local task added. The comparison must report
exactly those differences."""

from __future__ import annotations

from collections import Counter

import pytest

from indexer.compare import compare, side_from_file, side_from_text, target_verdict
from bench.synth import CHILD_OF_002, build
from indexer.embed.embedder import HashEmbedder
from tests.conftest import PLANS


@pytest.fixture(scope="module")
def settings():
    from indexer.settings import Settings

    return Settings(model="hash-256")


@pytest.fixture(scope="module")
def constructed(settings):
    parent = side_from_file(PLANS["002"], settings)
    pair = build(parent.text, CHILD_OF_002)
    child = side_from_text("xa-binh-lu-224", pair.child_text, settings)
    return parent, child, pair, compare(parent, child, settings, embedder=HashEmbedder())


def _gaps(result):
    return [(it["kind"], it["status"]) for it in result["items"] if it["status"] != "covered"]


def test_constructed_child_reports_exactly_the_edits(constructed):
    parent, child, pair, result = constructed
    wrong = [(it["kind"], it["status"], pair.gold_status(it), it["parent"]["text"][:60])
             for it in result["items"] if it["status"] != pair.gold_status(it)]
    assert wrong == []
    assert Counter(_gaps(result)) == Counter({("task", "missing"): 2, ("task", "partial"): 1,
                                              ("target", "weaker"): 1, ("target", "stricter"): 1,
                                              ("deadline", "later"): 1, ("deadline", "earlier"): 1})
    by_status = {it["status"]: it for it in result["items"] if it["status"] != "covered"
                 and it["kind"] != "task"}
    assert by_status["weaker"]["values"] == {"parent": "94%", "child": "90%"}
    assert "94%" in by_status["weaker"]["parent"]["text"] and "90%" in by_status["weaker"]["child"]["text"]
    assert by_status["stricter"]["values"] == {"parent": "80%", "child": "85%"}
    assert by_status["later"]["values"] == {"parent": "trong giai đoạn 2021-2025",
                                            "child": "trong giai đoạn 2021-2027"}
    assert by_status["earlier"]["values"] == {"parent": "đến năm 2030", "child": "đến năm 2028"}
    missing = sorted(it["parent"]["text"] for it in result["items"] if it["status"] == "missing")
    assert missing[0].startswith("Sưu tầm, biên soạn bộ Văn kiện Đảng bộ tỉnh")
    assert missing[1].startswith("Đánh giá hiệu quả hoạt động của Trung tâm Văn hóa")
    partial = next(it for it in result["items"] if it["status"] == "partial")
    assert "Nghiên cứu có chính sách hỗ trợ cho học viên" in partial["note"]
    assert [a["kind"] for a in result["additions"]] == ["task"]
    assert "chữ Thái cổ" in result["additions"][0]["child"]["text"]
    assert result["summary"]["covered"] == len(result["items"]) - 7


def test_reworded_and_moved_tasks_are_covered_by_their_new_wording(constructed):
    parent, child, pair, result = constructed
    item = next(it for it in result["items"] if it["kind"] == "task"
                and it["parent"]["text"].startswith("Các cơ quan báo chí của tỉnh đẩy mạnh"))
    assert item["status"] == "covered"
    assert "tăng cường đổi mới phương thức tuyên truyền" in item["child"]["text"]
    moved = next(it for it in result["items"] if it["kind"] == "task"
                 and it["parent"]["text"].startswith("Duy trì hiệu quả hoạt động của các trang fanpage"))
    assert moved["status"] == "covered" and moved["child"]["text"].startswith("Duy trì hiệu quả")
    assert child.text.index("Duy trì hiệu quả hoạt động") < child.text.index("Thường xuyên củng cố, kiện toàn ban")


def test_every_citation_is_a_verbatim_slice_with_offsets(constructed):
    parent, child, _, result = constructed
    for it in result["items"]:
        p = it["parent"]
        assert parent.text[p["start"]:p["end"]] == p["text"]
        assert set(p) >= {"text", "section_path", "start", "end"}
        if it["child"]:
            c = it["child"]
            assert child.text[c["start"]:c["end"]] == c["text"]
        assert set(it) >= {"kind", "status", "parent", "child", "score", "note"}
    for a in result["additions"]:
        assert child.text[a["child"]["start"]:a["child"]["end"]] == a["child"]["text"]
    assert set(result) >= {"parent", "child", "summary", "items", "additions"}


def test_identical_documents_have_no_gaps(settings):
    side = side_from_file(PLANS["000"], settings)
    result = compare(side, side, settings, embedder=HashEmbedder())
    assert _gaps(result) == [] and result["additions"] == []


def test_unrelated_plans_are_mostly_missing(settings):
    result = compare(side_from_file(PLANS["002"], settings), side_from_file(PLANS["001"], settings),
                     settings, embedder=HashEmbedder())
    assert result["summary"]["missing"] >= 0.8 * len(result["items"])


def test_binh_lu_plans_share_their_targets(settings):
    """000 (tourism) and 003 (new rural areas) of the same commune share the visitor target."""
    p, c = side_from_file(PLANS["000"], settings), side_from_file(PLANS["003"], settings)
    result = compare(p, c, settings, embedder=HashEmbedder())
    visitors = next(it for it in result["items"] if it["kind"] == "target" and "900.000" in it["parent"]["text"])
    assert visitors["child"] and "900.000 lượt" in visitors["child"]["text"]
    # 000 says "đạt trên 900.000 lượt", 003 "đạt 900.000 lượt": the same number, a weaker bound.
    assert visitors["status"] == "weaker"
    assert visitors["values"] == {"parent": "đạt trên 900.000 lượt", "child": "đạt 900.000 lượt"}
    deadline = next(it for it in result["items"] if it["kind"] == "deadline" and "900.000" in it["parent"]["text"])
    assert deadline["status"] == "covered"
    # The other way round, 003's target is found in 000 and 000 is the stricter one.
    back = compare(c, p, settings, embedder=HashEmbedder())
    shared = [it for it in back["items"] if it["kind"] == "target" and it["child"]
              and it["status"] in ("covered", "stricter", "weaker")]
    assert any("900.000" in it["parent"]["text"] and it["status"] == "stricter" for it in shared)


@pytest.mark.parametrize("parent,child,status", [
    ({"value": 70, "op": ">", "answer": "trên 70%", "measure": "%"}, {"value": 65, "op": "=", "measure": "%"}, "weaker"),
    ({"value": 70, "op": ">", "measure": "%"}, {"value": 75, "op": "=", "measure": "%"}, "stricter"),
    ({"value": 70, "op": ">", "measure": "%"}, {"value": 70, "op": ">", "measure": "%"}, "covered"),
    ({"value": 70, "op": ">=", "measure": "%"}, {"value": 70, "op": ">", "measure": "%"}, "stricter"),
    ({"value": 5, "op": "<", "comparator": "dưới", "measure": "%"}, {"value": 4, "op": "<", "comparator": "dưới", "measure": "%"}, "stricter"),
    ({"value": 5, "op": "<", "comparator": "dưới", "measure": "%"}, {"value": 6, "op": "<", "comparator": "dưới", "measure": "%"}, "weaker"),
    ({"value": 2, "op": "decrease", "measure": "%/năm"}, {"value": 1, "op": "decrease", "measure": "%/năm"}, "weaker"),
    ({"value": 90, "op": "=", "measure": "%"}, {"value": 90, "op": "=", "measure": "lượt"}, "changed"),
    ({"value": 1, "measure": "tỷ đồng"}, {"value": 1000000000, "measure": "đồng", "currency": "VND"}, "changed"),
    ({"value": 1, "measure": "tỷ đồng"}, {"value": 1500, "measure": "triệu đồng"}, "changed"),
])
def test_target_verdicts(parent, child, status):
    assert target_verdict(parent, child)[0] == status


def test_find_parent_by_number_and_type(fake_engine, tmp_path):
    parent = tmp_path / "ket-luan-224.txt"
    parent.write_text("TỈNH ỦY LAI CHÂU\n\nSố 224-KL/TU\n\nLai Châu, ngày 18 tháng 10 năm 2021\n\nKẾT LUẬN\n\n"
                      "của Ban Chấp hành Đảng bộ tỉnh về tiếp tục thực hiện Đề án “Nâng cao hiệu quả, "
                      "chất lượng công tác tư tưởng của Đảng bộ tỉnh”\n\n1. Xây dựng hệ thống thông tin nguồn để "
                      "quản lý tập trung và cung cấp thông tin thiết yếu cho hệ thống thông tin cơ sở.\n",
                      encoding="utf-8")
    fake_engine.index_paths([PLANS["002"], PLANS["000"], parent])
    assert fake_engine.parent_of("002_0f875316a6b16de4") == "ket-luan-224"
    assert fake_engine.parent_of("000_ab11ea391550b282") is None  # 08-NQ/TU is not indexed
    from indexer.compare import run_compare

    result = run_compare(fake_engine, None, "002_0f875316a6b16de4")
    assert result["parent"]["id"] == "ket-luan-224" and result["child"]["id"] == "002_0f875316a6b16de4"
    found = [it for it in result["items"] if it["child"]]
    assert found and all(isinstance(it["child"]["passage"], int) for it in found)  # reader anchors
