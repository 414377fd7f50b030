"""Every format is read, with fixtures built here from corpus text: .txt, .md, .docx (with a
table), .pdf (text layer, and one without), .html; broken files give a reason, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from indexer.ingest import IngestError, read_bytes, read_file, reflow
from tests.conftest import PLANS

PLAN = PLANS["004"].read_text(encoding="utf-8")
PARAS = [p.strip().replace("**", "") for p in PLAN.split("\n\n") if p.strip()]
LIMIT = 50 * 1024 * 1024
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None, bold_first=True) -> bytes:
    import docx

    d = docx.Document()
    for i, text in enumerate(paragraphs):
        run = d.add_paragraph().add_run(text)
        run.bold = bold_first and i == 0
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    if not FONT.exists():
        pytest.fail(f"DejaVu font missing ({FONT}); the Makefile's base image should have fonts-dejavu")
    pdf = FPDF()
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=11)
    pdf.add_page()
    for text in paragraphs:
        pdf.multi_cell(0, 6, text)
        pdf.ln(3)
    return bytes(pdf.output())


def test_txt_and_markdown():
    text = reflow(read_bytes("plan.txt", PLAN.encode(), LIMIT)).text
    assert "**" not in text and "*Đối với cấp tỉnh:*" not in text
    assert "- Đối với cấp tỉnh: Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết vào cuối tháng 11/2021." in text
    md = "# KẾ HOẠCH\n\nSơ kết 05 năm\n\n## I. MỤC ĐÍCH\n\nĐánh giá **toàn diện** kết quả.\n"
    flowed = reflow(read_bytes("plan.md", md.encode(), LIMIT))
    assert flowed.text.split("\n\n") == ["KẾ HOẠCH", "Sơ kết 05 năm", "I. MỤC ĐÍCH", "Đánh giá toàn diện kết quả."]
    assert 0 in flowed.bold_starts


def test_docx_with_table_and_bold_heading():
    data = make_docx(PARAS[:8], table=[["Nhiệm vụ", "Đơn vị chủ trì"], ["Sơ kết", "Ban Tuyên giáo Tỉnh ủy"]])
    text = reflow(read_bytes("plan.docx", data, LIMIT)).text
    for para in PARAS[1:8]:
        assert para in text
    assert "Ban Tuyên giáo Tỉnh ủy chủ trì: sơ kết." in text  # an assignment table row as a sentence


def test_pdf_text_layer_is_read_and_reflowed():
    data = make_pdf(PARAS[:6])
    text = reflow(read_bytes("plan.pdf", data, LIMIT)).text
    # multi_cell wraps long paragraphs; re-flow must give back the sentences
    assert "Thực hiện Chương trình công tác trọng tâm năm 2021, Ban Thường vụ Tỉnh uỷ ban hành Kế hoạch" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in text


def test_pdf_without_text_layer_goes_to_ocr():
    """A page without a text layer is OCR'd; a black square has no words, so the file has no text
    (or, on a machine without tesseract, OCR is reported unavailable)."""
    from fpdf import FPDF

    from indexer.ingest.ocr import tesseract_problem
    from indexer.ingest.pdf import read_pdf_pages

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    with pytest.raises(IngestError) as info:
        read_bytes("scan.pdf", bytes(pdf.output()), LIMIT)
    assert info.value.code == ("ocr_unavailable" if tesseract_problem() else "no_text")
    with pytest.raises(IngestError) as info:  # OCR switched off: named as a scan
        read_pdf_pages(bytes(pdf.output()), "d", None)
    assert info.value.code == "scanned_pdf"


def test_html():
    html = ("<html><head><title>x</title><style>p{}</style><script>alert(1)</script></head><body>"
            "<h1>KẾ HOẠCH</h1><p>Sơ kết 05 năm thực hiện <b>Nghị quyết số 06-NQ/TU</b></p>"
            "<ul><li>Đánh giá toàn diện.</li><li>Rút ra bài học.</li></ul>"
            "<table><tr><td>Đơn vị</td><td>Ban Tuyên giáo</td></tr></table></body></html>")
    text = reflow(read_bytes("plan.html", html.encode(), LIMIT)).text
    assert text.split("\n\n") == ["KẾ HOẠCH", "Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU",
                                  "Đánh giá toàn diện.", "Rút ra bài học.", "Đơn vị | Ban Tuyên giáo"]
    assert "alert" not in text


@pytest.mark.parametrize("name,data,code", [
    ("a.docx", b"this is not a zip", "broken"),
    ("a.pdf", b"%PDF-1.4 garbage", "broken"),
    ("a.txt", b"", "empty"),
    ("a.exe", b"MZ\x90\x00", "unsupported"),
    ("a.txt", b"x" * 2000, "too_large"),
])
def test_bad_files(name, data, code):
    with pytest.raises(IngestError) as info:
        read_bytes(name, data, 1000 if code == "too_large" else LIMIT)
    assert info.value.code == code


def test_oversized_file_is_rejected_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(3 * 1024 * 1024)
    with pytest.raises(IngestError) as info:
        read_file(big, 1024 * 1024)
    assert info.value.code == "too_large"
