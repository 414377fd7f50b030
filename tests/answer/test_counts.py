"""How many tasks, solutions or targets a plan lists, counted in its outline (counts.py), on the
real plans, and through the service (hash embedder) with verbatim citations."""

from __future__ import annotations

import pytest

from indexer.answer.counts import asked_list, count_listed
from indexer.document import parse_bytes
from indexer.search.translate import lookup
from indexer.settings import Settings
from tests.conftest import PLANS


def _parsed(plan: str):
    path = PLANS[plan]
    doc = parse_bytes(plan, path.name, path.name, path.read_bytes(), Settings())
    return doc.text, [{"idx": b.index, "start": b.start, "end": b.end, "kind": b.kind, "marker": b.marker,
                       "level": b.level, "parents": list(b.parents)} for b in doc.blocks]


def _count(question: str, plan: str):
    asked = asked_list(question, lookup)
    if not asked:
        return None
    text, blocks = _parsed(plan)
    c = count_listed(asked, question, text, blocks)
    return c and (c.n, text[c.heading["start"]:c.heading["end"]], text[c.number_start:c.number_end])


def test_the_list_a_question_counts():
    assert asked_list("KL 224 liệt kê bao nhiêu nhiệm vụ trọng tâm?") == [["nhiem vu trong tam"]]
    assert asked_list("KH NQ 17 có mấy nhóm nhiệm vụ và giải pháp?") == [["nhiem vu"], ["giai phap"]]
    assert asked_list("dat ra bao nhieu muc tieu cu the den nam 2030?") == [["muc tieu cu the"]]
    assert asked_list("Kinh phí bao nhiêu tỷ đồng?") is None
    english = asked_list("How many groups of tasks and solutions does the plan set out?", lookup)
    assert english and any("nhiem vu" in alts for alts in english) and any("giai phap" in alts for alts in english)


def test_counted_under_the_one_heading_that_says_the_list():
    assert _count("Kế hoạch liệt kê bao nhiêu nhiệm vụ trọng tâm?", "002") == (10, "I- CÁC NHIỆM VỤ TRỌNG TÂM", "10")
    assert _count("Kế hoạch có mấy nhóm nhiệm vụ và giải pháp?", "000") == (8, "III. NHIỆM VỤ VÀ GIẢI PHÁP", "8")
    assert _count("How many groups of tasks and solutions does the plan set out?", "003")[0] == 7
    # "(1)" … "(9)" under "2. Mục tiêu cụ thể đến năm 2030"
    assert _count("Kế hoạch đặt ra bao nhiêu mục tiêu cụ thể đến năm 2030?", "000") == \
        (9, "2. Mục tiêu cụ thể đến năm 2030", "9")


def test_no_count_for_another_year_an_unnumbered_list_or_two_lists():
    assert _count("Kế hoạch đặt ra bao nhiêu mục tiêu cụ thể đến năm 2025?", "000") is None
    # "II- CÁC NHIỆM VỤ CỤ THỂ" numbers none of its tasks; a bare "nhiệm vụ" fits it and the key ones
    assert _count("Kế hoạch có bao nhiêu nhiệm vụ cụ thể?", "002") is None
    assert _count("Kế hoạch có bao nhiêu nhiệm vụ?", "002") is None
    # children numbered with a gap are not counted
    text = "I. NHIỆM VỤ TRỌNG TÂM\n1. Một\n2. Hai\n4. Bốn\n"
    blocks = [{"idx": 0, "start": 0, "end": 21, "kind": "heading", "marker": "roman", "parents": []}]
    pos = 22
    for i, line in enumerate(["1. Một", "2. Hai", "4. Bốn"], 1):
        blocks.append({"idx": i, "start": pos, "end": pos + len(line), "kind": "heading", "marker": "num",
                       "parents": [0]})
        pos += len(line) + 1
    assert count_listed([["nhiem vu trong tam"]], "bao nhiêu nhiệm vụ trọng tâm", text, blocks) is None


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    from indexer.service import Service

    service = Service(Settings(data_dir=tmp_path_factory.mktemp("counts") / "data", model="hash-256"))
    service.index_paths([PLANS["002"], PLANS["003"]])
    return service


def test_service_counts_in_the_named_plan_and_cites_the_heading_and_its_last_item(plans):
    out = plans.ask("KH thực hiện Kết luận 224-KL/TU liệt kê bao nhiêu nhiệm vụ trọng tâm?").model_dump()
    assert out["answer"] == "10 (I- CÁC NHIỆM VỤ TRỌNG TÂM)", out
    assert out["support"]["read"] == "count"
    assert [c["text"] for c in out["citations"]] == ["10. Kinh phí thực hiện", "I- CÁC NHIỆM VỤ TRỌNG TÂM"]
    for c in out["citations"]:
        assert plans.document(c["doc_id"]).text[c["start"]:c["end"]] == c["text"]
    item = out["items"][0]
    assert plans.document(item["doc_id"]).text[item["answer_start"]:item["answer_end"]] == "10"
    # the plan named by its resolution's number: NQ 17 is plan 003's
    nq17 = plans.ask("KH thực hiện NQ 17 của xã Bình Lư có mấy nhóm nhiệm vụ và giải pháp?").model_dump()
    assert nq17["answer"] and nq17["answer"].startswith("7 "), nq17
