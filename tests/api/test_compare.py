"""API and pages of the cross-check and the study brief (hash embedder)."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from indexer.compare import side_from_file
from bench.synth import CHILD_OF_002, build
from tests.conftest import PLANS

P002 = "002_0f875316a6b16de4"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from indexer.service import Service
    from indexer.settings import Settings

    tmp = tmp_path_factory.mktemp("cmp")
    settings = Settings(data_dir=tmp / "data", model="hash-256")
    pair = build(side_from_file(PLANS["002"], settings).text, CHILD_OF_002)
    child = tmp / "xa_binh_lu_224.txt"
    child.write_text(pair.child_text, encoding="utf-8")
    engine = Service(settings)
    engine.index_paths([PLANS["000"], PLANS["002"], PLANS["003"], child])
    return TestClient(create_app(settings, engine))


def test_api_compare_json(client):
    r = client.get("/api/compare", params={"parent": P002, "child": "xa_binh_lu_224"})
    assert r.status_code == 200
    data = r.json()
    assert data["parent"]["id"] == P002 and data["child"]["id"] == "xa_binh_lu_224"
    s = data["summary"]
    assert (s["missing"], s["partial"], s["weaker"], s["stricter"], s["later"], s["earlier"]) == (2, 1, 1, 1, 1, 1)
    assert len(data["additions"]) == 1
    child_text = client.get("/api/documents/xa_binh_lu_224").json()["text"]
    for it in data["items"]:
        if it["child"]:
            c = it["child"]
            assert child_text[c["start"]:c["end"]] == c["text"]


def test_api_compare_downloads_and_errors(client):
    q = {"parent": P002, "child": "xa_binh_lu_224"}
    docx = client.get("/api/compare", params={**q, "format": "docx"})
    assert docx.status_code == 200 and docx.headers["content-type"].startswith("application/vnd.openxml")
    from docx import Document

    doc = Document(io.BytesIO(docx.content))
    summary = doc.tables[1]
    assert [c.text for c in summary.rows[0].cells] == ["Kết quả", "Nhiệm vụ", "Chỉ tiêu", "Thời hạn", "Trách nhiệm", "Cộng"]
    assert summary.rows[1].cells[0].text == "Chưa có" and summary.rows[1].cells[1].text == "2"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 2")]
    assert headings[0].startswith("2.1. [Chưa có] Nhiệm vụ") and len(headings) == 5  # gaps first (stricter, earlier are not gaps)
    xlsx = client.get("/api/compare", params={**q, "format": "xlsx"})
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content))["Đối chiếu"]
    assert ws.cell(2, 1).value == "Chưa có"
    md = client.get("/api/compare", params={**q, "format": "md"})
    assert "## Điểm cần xem lại (5)" in md.text
    assert client.get("/api/compare", params={"parent": "nope", "child": P002}).status_code == 404
    assert client.get("/api/compare", params={"parent": P002, "child": P002}).status_code == 422
    assert client.get("/api/compare", params={"child": "000_ab11ea391550b282"}).status_code == 404  # parent not indexed
    assert client.get("/api/compare", params={**q, "format": "pdf"}).status_code == 422
    assert client.get("/api/compare", params={"child": "../../etc/passwd"}).status_code == 422


def test_api_brief(client):
    r = client.get(f"/api/documents/{P002}/brief")
    assert r.status_code == 200
    brief = r.json()
    assert brief["document"]["implements"][0]["number"] == "224-KL/TU"
    assert any(t["value"] == "90.241.000.000 đồng" for t in brief["targets"])
    d = client.get(f"/api/documents/{P002}/brief", params={"format": "docx"})
    assert d.status_code == 200 and d.content[:2] == b"PK"
    assert client.get("/api/documents/nope/brief").status_code == 404


def test_compare_page(client):
    empty = client.get("/compare")
    assert empty.status_code == 200 and "<select" in empty.text and 'name="child"' in empty.text
    r = client.get("/compare", params={"parent": P002, "child": "xa_binh_lu_224"})
    assert r.status_code == 200
    html = r.text
    for label in ("Chưa có", "Một phần", "Thấp hơn", "Cao hơn", "Muộn hơn", "Sớm hơn", "Đã cụ thể hóa",
                  "Điểm mới của cấp dưới"):
        assert label in html
    assert f'href="/documents/{P002}?p=' in html and "#p-" in html
    gaps = client.get("/compare", params={"parent": P002, "child": "xa_binh_lu_224", "gaps": 1}).text
    assert gaps.count('class="cmp-row') == 5 and 'class="st st-covered"' not in gaps
    targets = client.get("/compare", params={"parent": P002, "child": "xa_binh_lu_224", "kind": "target"}).text
    assert targets.count('class="cmp-row') == 8
    none = client.get("/compare", params={"child": "000_ab11ea391550b282"})
    assert none.status_code == 200 and "Chưa tìm thấy trong chỉ mục" in none.text
    assert client.get("/compare", params={"child": "nope", "parent": P002}).status_code == 404
    hostile = client.get("/compare", params={"child": "<script>alert(1)</script>", "parent": P002})
    assert "<script>alert(1)</script>" not in hostile.text


def test_brief_page(client):
    r = client.get(f"/documents/{P002}/brief")
    assert r.status_code == 200
    assert "Tài liệu học tập" in r.text and f"/api/documents/{P002}/brief?format=docx" in r.text
    assert "Câu hỏi ôn tập" in r.text and "@media print" in r.text
    assert "Nâng cao hiệu quả, chất lượng công tác tư tưởng" in r.text
    assert client.get("/documents/nope/brief").status_code == 404
