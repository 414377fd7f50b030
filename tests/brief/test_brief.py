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


def test_review_questions_quote_whole_headings(side):
    """A question quotes its section heading whole (or cut between words), without its outline
    marker ("* ", "1."), and every quote in the brief has one closing mark, never "””"."""
    from indexer.display import quoted

    brief = build_brief(side)
    heads = [q["question"] for q in brief["questions"] if q["kind"] == "task"]
    assert heads
    words = set(__import__("re").findall(r"\w+", side.text))
    for q in heads:
        label = q.split("«", 1)[1].rsplit("»", 1)[0]
        assert not label.startswith(("*", "-", "+")) and not label[:1].isdigit(), q
        last = label.rstrip("…").split()[-1]
        assert last in words, q  # the last word is a whole word of the plan
        assert label.rstrip("…") .lower() in " ".join(side.text.split()).lower(), q
    for c in [t["quote"]["text"] for t in brief["targets"]] + [q["citation"]["text"] for q in brief["questions"]]:
        assert "””" not in quoted(c) and "““" not in quoted(c)
    assert quoted("Đề án “Nâng cao hiệu quả … đến năm 2030”") == "«Đề án “Nâng cao hiệu quả … đến năm 2030”»"


def test_annex_pointers_are_not_tasks_or_deadlines():
    """"(Có biểu chi tiết kèm theo - phụ lục số 1)" and "Nguồn kinh phí phân kỳ hằng năm: (Phụ lục
    số 16)" point to annexes: not a task of the brief, not a recurring deadline."""
    side = side_from_file(PLANS["002"], Settings(model="hash-256"))
    brief = build_brief(side)
    texts = [c["text"] for g in brief["tasks"] for c in g["items"]]
    assert not any("phụ lục" in t.lower() for t in texts), texts
    assert not any("Phụ lục" in d["task"] for d in brief["deadlines"])
    assert any(d["when"].lower() == "định kỳ" for d in brief["deadlines"])  # a real recurrence stays


def test_docx_amounts_never_wrap_inside_a_number():
    """In every table of the DOCX, each cell is wide enough for its longest unbreakable token
    ("90.241.000.000"), so Word does not print "90.241.000.00 | 0 đồng"."""
    from docx.shared import Cm

    from indexer.brief.docx import token_width_cm

    side = side_from_file(PLANS["002"], Settings(model="hash-256"))
    doc = Document(io.BytesIO(to_docx(build_brief(side))))
    checked = 0
    for table in doc.tables:
        for row in table.rows[1:]:
            for cell in row.cells:
                if any(ch.isdigit() for ch in cell.text) and "." in cell.text and len(cell.text) < 40:
                    assert cell.width >= Cm(token_width_cm(cell.text)) - 100, cell.text
                    checked += 1
    assert checked >= 3
