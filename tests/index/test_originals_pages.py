"""Originals and pages: the file a document came from is kept and downloadable, every folder file is
accounted for, and a PDF's passages carry their page through search."""

from __future__ import annotations

from fastapi.testclient import TestClient

from server.app import create_app
from tests.conftest import PLANS


def test_original_is_downloadable_and_unknown_files_are_named(fake_engine, tmp_path):
    folder = tmp_path / "van-ban"
    folder.mkdir()
    (folder / PLANS["004"].name).write_bytes(PLANS["004"].read_bytes())
    (folder / "bang-tinh.xyz").write_bytes(b"not a document")
    report = fake_engine.index_paths([folder])
    failed = [f for f in report.files if f.status == "failed"]
    assert [f.code for f in failed] == ["unsupported"] and failed[0].source.endswith("bang-tinh.xyz")
    client = TestClient(create_app(fake_engine.settings, fake_engine))
    doc_id = report.files[-1].doc_id or next(f.doc_id for f in report.files if f.doc_id)
    r = client.get(f"/api/documents/{doc_id}/original")
    assert r.status_code == 200 and r.content == PLANS["004"].read_bytes()
    assert "filename*=UTF-8''" in r.headers["content-disposition"]
    assert "Tải bản gốc" in client.get(f"/documents/{doc_id}").text
    assert client.get("/api/documents/nope/original").status_code == 404


def test_pdf_pages_reach_search_results(fake_engine, tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    pdf.add_font("dv", fname=font)
    pdf.set_font("dv", size=12)
    for text in ("KẾ HOẠCH\nvề phát triển chè\nI. MỤC TIÊU\nMở rộng diện tích chè Shan tuyết cổ thụ.",
                 "II. NHIỆM VỤ\nXây dựng nhà máy chế biến chè đạt chuẩn OCOP bốn sao tại xã Suối Giàng."):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    path = tmp_path / "ke-hoach-che.pdf"
    path.write_bytes(bytes(pdf.output()))
    report = fake_engine.index_paths([path])
    assert report.summary()["added"] == 1, report.to_dict()
    hits = fake_engine.search("nhà máy chế biến chè OCOP", k=3).results
    assert hits[0].page == 2 and "OCOP" in hits[0].text
    first = fake_engine.search("diện tích chè Shan tuyết", k=3).results
    assert first[0].page == 1
