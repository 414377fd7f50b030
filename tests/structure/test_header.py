"""The official header in its three shapes — a DOCX table, a PDF text layer with the two columns run
together, and plain lines — gives every field: issuing body (under its superior), number, place,
date, type, title and the "MẬT" mark."""

from __future__ import annotations

import pytest

from indexer.document import parse_bytes, parse_text
from indexer.settings import Settings
from indexer.structure.header import parse_header
from indexer.ingest.ocr import tesseract_problem
from tests.conftest import PLANS
from tests.documents import (HEADER, header_docx, header_image, header_lines, header_pdf, jpeg_bytes,
                             need_tool, plan_paragraphs, scanned)

SETTINGS = Settings(model="hash-64")


def check(meta):
    h = HEADER
    got = (meta.superior, meta.issuer, meta.number, meta.place, meta.date, meta.type, meta.marks)
    assert got == (h["superior"], h["issuer"], h["number"], h["place"], h["date"], h["type"], h["marks"])
    assert meta.title == h["title"]
    assert meta.confidential


@pytest.mark.parametrize("form", ["docx", "pdf", "pdf-long", "scan", "lines"])
def test_header_every_field(form, tmp_path):
    settings = Settings(model="hash-64", data_dir=tmp_path)
    if form == "docx":
        doc = parse_bytes("h", "h.docx", "h.docx", header_docx(), settings)
    elif form.startswith("pdf"):
        # "pdf-long": the whole plan as body, so the text is hard-wrapped and header lines must
        # not run into each other ("… năm 2026 KẾ HOẠCH")
        body = plan_paragraphs(PLANS["004"])[3:] if form == "pdf-long" else None
        doc = parse_bytes("h", "h.pdf", "h.pdf", header_pdf(body), settings)
        assert not doc.ocr  # the text layer was used, nothing OCR'd
        if body:
            assert any(b.text == "KẾ HOẠCH" and b.kind == "type" for b in doc.blocks)
            assert doc.passages[-1].page == 2
    elif form == "scan":  # a photographed header: two columns, bold issuer, italic date
        need_tool("tesseract-ocr + tesseract-ocr-vie", tesseract_problem("vie"))
        image = scanned(header_image(200), angle=0.8)
        doc = parse_bytes("h", "h.jpg", "h.jpg", jpeg_bytes(image, 200), settings)
        assert len(doc.ocr) == 1
    else:
        doc = parse_text("h", "h.txt", header_lines(), "d", settings)
    check(doc.meta)
    # header lines never become passages; the body does
    assert not any("CỘNG SẢN" in p.text or "07-KH" in p.text for p in doc.passages)
    assert any("Văn phòng Đảng ủy chủ trì" in p.text for p in doc.passages) or form == "pdf-long"


def test_state_body_split_over_two_lines_and_numeric_date():
    h = parse_header(["HỘI ĐỒNG NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 45/NQ-HĐND",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      "Lai Châu, ngày 09 tháng 02 năm 2023"])
    assert (h.issuer, h.superior, h.number, h.place, h.date) == (
        "HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU", "", "45/NQ-HĐND", "Lai Châu", "2023-02-09")
    h = parse_header(["UBND TỈNH LAI CHÂU", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Số: 12/KH-SVHTTDL",
                      "Lai Châu, ngày 9/2/2023"])
    assert (h.superior, h.issuer, h.number, h.date) == (
        "UBND TỈNH LAI CHÂU", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "12/KH-SVHTTDL", "2023-02-09")


def test_superior_body_then_issuer_on_one_pdf_line_and_internal_mark():
    h = parse_header(["ĐẢNG BỘ TỈNH LAI CHÂU ĐẢNG CỘNG SẢN VIỆT NAM", "HUYỆN ỦY MƯỜNG TÈ",
                      "Số 45-KH/HU Mường Tè, ngày 12 tháng 3 năm 2026", "(Tài liệu lưu hành nội bộ)"])
    assert (h.superior, h.issuer, h.number, h.place, h.date) == (
        "ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY MƯỜNG TÈ", "45-KH/HU", "Mường Tè", "2026-03-12")
    assert h.marks == ["Lưu hành nội bộ"]


def test_no_marks_in_a_title_about_secrets():
    text = ("ĐẢNG ỦY XÃ BÌNH LƯ\n\nSố 12-NQ/ĐU\n\nNGHỊ QUYẾT\n\nvề bảo vệ bí mật nhà nước\n\n"
            "1. Quán triệt các quy định về bảo vệ bí mật nhà nước.\n")
    meta = parse_text("x", "x.txt", text, "d", SETTINGS).meta
    assert meta.marks == [] and not meta.confidential
    assert (meta.issuer, meta.superior, meta.number, meta.type) == ("ĐẢNG ỦY XÃ BÌNH LƯ", "", "12-NQ/ĐU",
                                                                     "Nghị quyết")


def test_without_a_type_line_only_the_header_lines_count():
    text = ("UBND XÃ BÌNH LƯ\n\nSố: 15/TB-UBND\n\nBình Lư, ngày 3 tháng 5 năm 2026\n\n"
            "Về việc tổ chức hội nghị, ngày 20 tháng 5 năm 2026 tại hội trường xã.\n")
    meta = parse_text("x", "x.txt", text, "d", SETTINGS).meta
    assert (meta.issuer, meta.number, meta.place, meta.date) == ("UBND XÃ BÌNH LƯ", "15/TB-UBND", "Bình Lư",
                                                                 "2026-05-03")
    body = parse_text("y", "y.txt", "Hội nghị họp, ngày 20 tháng 5 năm 2026 tại xã.\n", "d", SETTINGS).meta
    assert (body.date, body.place, body.issuer) == ("", "", "")
