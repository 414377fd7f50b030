"""Extraction on the real plans: spans are verbatim, the issue's examples are found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.document import parse_bytes
from indexer.extract import extract, matches_unit, normalize_unit
from indexer.extract.numbers import parse_number
from indexer.settings import Settings
from tests.conftest import CORPUS as PLANS_DIR, PLANS, SHARED

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"


def _items(plan: str):
    path = PLANS[plan]
    doc = parse_bytes(plan, str(path), path.name, path.read_bytes(), Settings())
    return doc, [i.to_dict() for i in extract(doc)]


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_every_item_is_a_verbatim_slice(plan):
    doc, items = _items(plan)
    assert items
    for item in items:
        assert doc.text[item["start"]:item["end"]] == item["quote"]
        for a, b in (("unit_start", "unit_end"), ("value_start", "value_end"), ("when_start", "when_end"),
                     ("answer_start", "answer_end"), ("subject_start", "subject_end")):
            if a in item:
                assert doc.text[item[a]:item[b]], item


def test_assigned_chair_in_002():
    _, items = _items("002")
    chair = [i for i in items if i["kind"] == "responsibility" and i["unit"] == "Ban Tuyên giáo Tỉnh ủy"]
    assert chair and chair[0]["role"] == "chủ trì" and chair[0]["quote"].startswith("Giao Ban Tuyên giáo")
    partners = {i["unit"] for i in items if i["kind"] == "responsibility" and i["role"] == "phối hợp"}
    assert "Văn phòng Tỉnh ủy" in partners


def test_budget_parsed_in_vnd():
    _, items = _items("002")
    total = next(i for i in items if i["kind"] == "target" and "Tổng kinh phí" in i["subject"])
    assert total["value"] == 90241000000 and total["currency"] == "VND"


def test_targets_with_comparators_in_003():
    _, items = _items("003")
    by_answer = {i["answer"]: i for i in items if i["kind"] == "target"}
    assert by_answer["đạt trên 70,5%"]["value"] == 70.5 and by_answer["đạt trên 70,5%"]["op"] == ">"
    assert by_answer["đạt từ 32% trở lên"]["op"] == ">="
    assert by_answer["giảm bình quân 1%/năm"]["op"] == "decrease"


def test_unit_headings_and_deadlines_in_001():
    _, items = _items("001")
    office = [i for i in items if i["kind"] == "responsibility" and i["unit"] == "Văn phòng Đảng ủy"]
    assert office and office[0]["role"] == "chủ trì"
    dl = [i for i in items if i["kind"] == "deadline" and i["when"] == "trước ngày 05/6/2026"]
    assert dl and dl[0]["date"] == "2026-06-05" and dl[0]["unit"] == "Ban xây dựng Đảng"
    assert "Báo cáo kết quả học tập" in dl[0]["quote"]  # the task, not just "Hoàn thành …"


def test_references_are_not_deadlines():
    _, items = _items("000")
    assert not [i for i in items if i["kind"] == "deadline" and "04/3/2026" in i["when"]]


def test_numbers_and_units():
    assert parse_number("90.241.000.000") == 90241000000
    assert parse_number("70,5") == 70.5 and parse_number("01") == 1 and parse_number("10.000") == 10000
    assert normalize_unit("UBND xã") == "Ủy ban nhân dân xã"
    assert normalize_unit("Các huyện uỷ") == "Huyện ủy"
    assert matches_unit("ubnd xa", "Ủy ban nhân dân xã") and matches_unit("Tỉnh ủy", "Văn phòng Tỉnh uỷ")


# Gold labelled while the extractor was developed (000, 001, 004) must stay at 0.85; gold labelled
# blind afterwards (002, 003, two laws, each file says "blind") is held to floors a little under
# what the extractor measured when it was labelled (bench/extract.py: responsibilities P .78 R .65,
# targets P .94 R 1.0, deadlines P .68 R .84): regression guards, not goals.
BLIND_FLOORS = {"responsibility": (0.75, 0.6), "target": (0.9, 0.95), "deadline": (0.6, 0.8)}


@pytest.mark.parametrize("blind", [False, True], ids=["dev-gold", "blind-gold"])
def test_gold_precision_recall(blind):
    """The extractor against the hand-labelled gold (bench/extract.py prints the details)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_extract", GOLD.parents[2] / "bench" / "extract.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    totals = {k: [0, 0, 0] for k in ("responsibility", "target", "deadline")}
    golds = [g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))
             if ("blind" in g.get("labelled_by", "")) == blind]
    missing = [g["doc"] for g in golds if not (PLANS_DIR / g["doc"]).exists() and not (SHARED / "corpus-alqac" / g["doc"]).exists()]
    if missing:
        pytest.skip(f"gold documents not present: {missing}")  # (the laws labelled blind live in ../shared)
    for gold in golds:
        res = bench.score_document(gold, Settings())
        for kind, r in res.items():
            totals[kind][0] += r["gold"]
            totals[kind][1] += r["predicted"]
            totals[kind][2] += r["correct"]
    for kind, (gold, pred, correct) in totals.items():
        p_min, r_min = BLIND_FLOORS[kind] if blind else (0.85, 0.85)
        assert gold, kind
        assert correct / pred >= p_min and correct / gold >= r_min, (kind, gold, pred, correct)


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_target_periods_and_deadlines_read_as_times(plan):
    """A target's period is a time an official can read: never a bare rate ("/năm"), never a
    repeat of words already in its subject ("… bình quân hàng năm" / "hàng năm"); a pointer to
    an annex ("… phân kỳ hằng năm: (Phụ lục số 16)") is not a recurring deadline."""
    from indexer.extract.text import is_annex_pointer

    _, items = _items(plan)
    for t in (i for i in items if i["kind"] == "target"):
        period = (t["period"] or "").strip()
        assert not period.startswith("/"), t
        if period:
            assert period.lower() not in t["subject"].lower(), t
    for d in (i for i in items if i["kind"] == "deadline"):
        assert not is_annex_pointer(d["task"]), d


def test_target_answer_keeps_its_period():
    """"đạt 59,55%" alone does not say by when: the answer carries "đến năm 2030"."""
    from indexer.extract.targets import target_answer

    _, items = _items("003")
    forest = next(i for i in items if i["kind"] == "target" and "che phủ rừng" in i["subject"])
    assert target_answer(forest) == "đạt 59,55% đến năm 2030"
    assert target_answer({"answer": "01 sự kiện", "period": "Hằng năm"}) == "01 sự kiện"


def test_a_date_in_words_without_ngay_when_its_year_follows():
    text = ("Điều 13. Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày Tuyên ngôn độc lập "
            "2 tháng 9 năm 1945.\n\nĐiều 14. Các cơ quan báo cáo trong 03 tháng 9 lần mỗi năm.\n")
    doc = parse_bytes("t", "law.txt", "law.txt", text.encode("utf-8"), Settings())
    whens = [i.to_dict()["when"] for i in extract(doc) if i.kind == "deadline"]
    assert "2 tháng 9 năm 1945" in whens
    assert not any(w.startswith("03 tháng 9") for w in whens)  # no year after it: a duration, not a date


def test_a_scope_label_stays_in_the_quote():
    """"- Đối với cấp tỉnh: Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết …" (plan 004): the level the
    body acts at is its sentence's own words, so the quote keeps the label."""
    doc, items = _items("004")
    (board,) = [i for i in items if i["kind"] == "responsibility" and i["unit"] == "Ban Thường vụ Tỉnh ủy"
                and "Hội nghị sơ kết vào cuối" in i["quote"]]
    assert board["quote"].startswith("Đối với cấp tỉnh: Ban Thường vụ Tỉnh ủy")
    assert doc.text[board["start"]:board["end"]] == board["quote"]
