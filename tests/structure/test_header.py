"""The official header in its three shapes — a DOCX table, a PDF text layer with the two columns run
together, and plain lines — gives every field: issuing body (under its superior), number, place,
date, type, title and the "MẬT" mark."""

from __future__ import annotations

import pytest

from indexer.document import parse_bytes, parse_text
from indexer.settings import Settings
from indexer.structure.header import parse_header
from tests.documents import HEADER, header_docx, header_lines, header_pdf

SETTINGS = Settings(model="hash-64")


def check(meta):
    h = HEADER
    got = (meta.superior, meta.issuer, meta.number, meta.place, meta.date, meta.type, meta.marks)
    assert got == (h["superior"], h["issuer"], h["number"], h["place"], h["date"], h["type"], h["marks"])
    assert meta.title == h["title"]
    assert meta.confidential


@pytest.mark.parametrize("form", ["docx", "pdf", "lines"])
def test_header_every_field(form, tmp_path):
    settings = Settings(model="hash-64", data_dir=tmp_path)
    if form == "docx":
        doc = parse_bytes("h", "h.docx", "h.docx", header_docx(), settings)
    elif form == "pdf":
        doc = parse_bytes("h", "h.pdf", "h.pdf", header_pdf(), settings)
        assert not doc.ocr  # the text layer was used, nothing OCR'd
    else:
        doc = parse_text("h", "h.txt", header_lines(), "d", settings)
    check(doc.meta)
    # header lines never become passages; the body does
    assert not any("CỘNG SẢN" in p.text or "07-KH" in p.text for p in doc.passages)
    assert any("Văn phòng Đảng ủy chủ trì" in p.text for p in doc.passages)


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
