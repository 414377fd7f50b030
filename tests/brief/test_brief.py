"""Study brief: data built from the extracted items, DOCX tables checked against them."""

from __future__ import annotations

import io

import pytest
from docx import Document

from indexer.brief import build_brief, to_docx
from indexer.compare import side_from_file
from indexer.settings import Settings
from tests.conftest import PLANS


@pytest.fixture(scope="module", params=["002", "003"])
def side(request):
    return side_from_file(PLANS[request.param], Settings(model="hash-256"))


def _verbatim(side, cite):
    assert side.text[cite["start"]:cite["end"]] == cite["text"]


def test_brief_everything_is_verbatim(side):
    brief = build_brief(side)
    for c in brief["purpose"]:
        _verbatim(side, c)
    for g in brief["tasks"]:
        for c in g["items"]:
            _verbatim(side, c)
            assert c["section_path"] == g["section_path"]
    for t in brief["targets"]:
        _verbatim(side, t["quote"])
        assert t["subject"] in side.text and t["value"] in t["quote"]["text"]
    for w in brief["who"]:
        assert w["task"] in side.text and w["unit"] in w["quote"]["text"]
    for q in brief["questions"]:
        _verbatim(side, q["citation"])
        assert q["answer"] in side.text
    assert brief["questions"] and brief["tasks"]


def test_brief_of_003_questions_and_purpose():
    side = side_from_file(PLANS["003"], Settings(model="hash-256"))
    brief = build_brief(side)
    assert brief["document"]["issuer"] == "Ban Thường vụ Đảng ủy xã Bình Lư"
    assert brief["document"]["implements"][0]["number"] == "17-NQ/TU"
    forest = next(q for q in brief["questions"] if "che phủ rừng" in q["question"])
    assert forest["question"] == "Tỷ lệ che phủ rừng phấn đấu đạt bao nhiêu vào năm 2030?"
    assert forest["answer"] == "đạt 59,55%" and "59,55%" in forest["citation"]["text"]
    assert any(q["kind"] == "task" for q in brief["questions"])
    assert brief["purpose"] and all("MỤC ĐÍCH" in " ".join(c["section_path"]).upper() for c in brief["purpose"])
    # Targets restated under the tasks are listed once.
    subjects = [(t["subject"].lower(), t["value"]) for t in brief["targets"]]
    assert len(subjects) == len(set(subjects))
    assert sum(1 for t in brief["targets"] if t["subject"].lower() == "tỷ lệ che phủ rừng") == 1


def test_brief_docx_tables_match_the_extracted_items(side):
    brief = build_brief(side)
    doc = Document(io.BytesIO(to_docx(brief)))
    headers = {tuple(c.text for c in t.rows[0].cells): t for t in doc.tables}
    identity = headers[("Mục", "Nội dung")]
    assert identity.rows[1].cells[1].text == (side.meta.get("type") or "—")
    targets_table = headers[("TT", "Chỉ tiêu", "Mức", "Thời gian", "Căn cứ (mục)")]
    rows = [[c.text for c in r.cells] for r in targets_table.rows[1:]]
    extracted = [i for i in side.items if i["kind"] == "target"]
    assert len(rows) == len(brief["targets"]) <= len(extracted)
    # Every extracted target is in the table (once, even when the plan restates it).
    assert [(r[1].lower(), r[2]) for r in rows] == [(t["subject"].lower(), t["value"]) for t in brief["targets"]]
    listed = {(t["quote"]["start"], t["subject"]) for t in brief["targets"]}
    for t in brief["targets"]:
        listed |= {(c["start"], None) for c in t["also"]}
    for i in extracted:
        assert (i["start"], i["subject"]) in listed or (i["start"], None) in listed
    who = headers[("Đơn vị", "Vai trò", "Nhiệm vụ (nguyên văn)", "Mục")]
    resp = [i for i in side.items if i["kind"] == "responsibility"]
    assert [[c.text for c in r.cells][:3] for r in who.rows[1:]] == [[i["unit"], i["role"], i["task"]] for i in resp]
    deadlines = headers[("Thời hạn", "Việc (nguyên văn)", "Đơn vị", "Mục")]
    assert [r.cells[0].text for r in deadlines.rows[1:]] == [i["when"] for i in side.items if i["kind"] == "deadline"]
    text = "\n".join(p.text for p in doc.paragraphs)
    for q in brief["questions"]:
        assert q["question"] in text
