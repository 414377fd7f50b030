"""JSON API of answers on the five plans (hash embedder: plumbing, not ranking quality)."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from server.app import create_app


@pytest.fixture
def client(fake_engine, corpus_dir):
    fake_engine.index_paths([corpus_dir])
    return TestClient(create_app(fake_engine.settings, fake_engine))


def test_document_items_json_csv_xlsx(client):
    r = client.get("/api/documents/002_0f875316a6b16de4/responsibilities")
    assert r.status_code == 200
    items = r.json()["items"]
    assert any(i["unit"] == "Ban Tuyên giáo Tỉnh ủy" and i["role"] == "chủ trì" for i in items)
    text = client.get("/api/documents/002_0f875316a6b16de4").json()["text"]
    assert all(text[i["start"]:i["end"]] == i["quote"] for i in items)
    targets = client.get("/api/documents/002_0f875316a6b16de4/targets").json()["items"]
    assert any(t["value"] == 90241000000 for t in targets)
    csv = client.get("/api/documents/001_13c436cc350afe16/deadlines", params={"format": "csv"})
    assert csv.status_code == 200 and "trước ngày 05/6/2026" in csv.text
    xlsx = client.get("/api/documents/003_f9afe39036c3815c/targets", params={"format": "xlsx"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(1, 1).value == "subject" and sheet.max_row > 10
    assert client.get("/api/documents/nope/targets").status_code == 404
    assert client.get("/api/documents/002_0f875316a6b16de4/targets", params={"format": "pdf"}).status_code == 422


def test_units(client):
    units = client.get("/api/units").json()["units"]
    assert any(u["name"] == "Ủy ban nhân dân xã" for u in units)
    r = client.get("/api/units/UBND xã")
    assert r.status_code == 200
    docs = r.json()["documents"]
    assert {d["doc_id"] for d in docs} >= {"000_ab11ea391550b282", "003_f9afe39036c3815c"}
    assert client.get("/api/units/Không có đơn vị này").status_code == 404


def test_units_one_name_one_count_no_generic_no_attendees(client):
    """One normalisation of unit names on the five plans: near-duplicates are one unit, generic
    phrases and attendee lists are not units, and the list counts what the unit page shows."""
    from indexer.extract import unit_key

    units = client.get("/api/units").json()["units"]
    by_key = {u["key"]: u for u in units}
    for a, b in [("Ban xây dựng Đảng", "Ban Xây dựng Đảng Đảng ủy"), ("Ban xây dựng Đảng", "các ban xây dựng Đảng tỉnh"),
                 ("Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc")]:
        assert unit_key(a) == unit_key(b)
        assert unit_key(a) in by_key, a
    party = by_key[unit_key("Ban xây dựng Đảng")]
    assert party["name"] == "Ban Xây dựng Đảng"
    assert {"Ban xây dựng Đảng", "Ban Xây dựng Đảng Đảng ủy"} <= set(party["written"])
    names = [u["name"].lower() for u in units]
    for generic in ("ban, sở, ngành", "sở, ban, ngành", "chính quyền", "địa phương, cơ quan, đơn vị"):
        assert generic not in names
    assert len(names) == len(set(unit_key(n) for n in names))  # no two rows for one unit
    for u in units:
        page = client.get(f"/api/units/{u['name']}").json()["documents"]
        tasks = sum(len(d["responsibilities"]) for d in page)
        assert (tasks, len(page)) == (u["items"], len(u["documents"])), u["name"]
    # who attends a conference is not a task
    items = client.get("/api/documents/001_13c436cc350afe16/responsibilities").json()["items"]
    assert not any(i["quote"].startswith("Thành phần") for i in items)


def test_ask_answers_with_citations_and_null(client):
    r = client.get("/api/ask", params={"q": "Cơ quan nào chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kết luận 224?"})
    body = r.json()
    assert body["kind"] == "who" and "Ban Tuyên giáo Tỉnh ủy" in body["answer"]
    assert "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" in body["citations"][0]["text"]
    none = client.get("/api/ask", params={"q": "Ai chịu trách nhiệm phóng tàu vũ trụ lên sao Hỏa?"}).json()
    assert none["answer"] is None and none["message"] and none["citations"]
    assert client.get("/api/ask", params={"q": " "}).status_code == 422
