"""OCR of scanned documents, on pages of plan 004 rendered here as a scan would show them (serif
font, 200 dpi, rotated ~1°, noise, JPEG): word recall against the source text, a phrase of the
scanned page found in its passages with the right page, the cache that makes re-indexing free, and
the clear failure when tesseract is missing. Kept to three small OCR runs (CI time)."""

from __future__ import annotations

import time

import pytest

from indexer.document import parse_bytes
from indexer.ingest import IngestError, read_document
from indexer.ingest.ocr import OcrOptions, skew_angle, tesseract_problem
from indexer.settings import Settings
from tests.conftest import PLANS
from tests.documents import (mixed_pdf, need_tool, plan_paragraphs, render_pages, scanned,
                             tiff_pages, jpeg_bytes, word_recall)

PARAS = plan_paragraphs(PLANS["004"])
DPI = 200
LIMIT = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def page_one():
    (image, text), = render_pages(PARAS, dpi=DPI, max_pages=1)
    return scanned(image, angle=1.2), text


def test_deskew_finds_the_rotation(page_one):
    image, _ = page_one
    assert abs(skew_angle(image) + 1.2) < 0.3  # rotated +1.2° counter-clockwise: undo with -1.2°


def test_scanned_image_recall_and_cache(page_one, tmp_path):
    need_tool("tesseract-ocr + tesseract-ocr-vie", tesseract_problem("vie"))
    image, source = page_one
    data = jpeg_bytes(image, DPI)
    seen = []
    options = OcrOptions(cache_dir=tmp_path / "ocr", progress=lambda *a: seen.append(a))
    doc = read_document("page.jpg", data, LIMIT, options)
    recall = word_recall(source, doc.text)
    print(f"OCR word recall {recall:.3f}, {doc.ocr[0].seconds:.1f} s/page")
    assert recall >= 0.97
    assert doc.pages == 1 and not doc.ocr[0].cached and seen[0][:2] == (1, 1)
    began = time.perf_counter()
    again = read_document("page.jpg", data, LIMIT, options)
    assert again.text == doc.text and again.ocr[0].cached and time.perf_counter() - began < 1.0


def test_mixed_pdf_scanned_page_is_indexed_with_its_page(tmp_path):
    """Page 1 typed (text layer), page 2 scanned: the scan is OCR'd, its passages say page 2."""
    need_tool("tesseract-ocr + tesseract-ocr-vie", tesseract_problem("vie"))
    typed = PARAS[:4]
    (image, source), = render_pages(PARAS[14:18], dpi=DPI, max_pages=1)
    data = mixed_pdf(typed, scanned(image, angle=-0.8, seed=3), DPI)
    settings = Settings(model="hash-64", data_dir=tmp_path)
    doc = parse_bytes("mixed", "mixed.pdf", "mixed.pdf", data, settings)
    assert [p.page for p in doc.ocr] == [2] and doc.page_starts and len(doc.page_starts) == 2
    phrase = "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các đơn vị liên quan"
    assert phrase in source
    hits = [p for p in doc.passages if phrase in p.text]
    assert hits and all(p.page == 2 for p in hits)
    assert all(p.page == 1 for p in doc.passages if "Sơ kết 05 năm thực hiện" in p.text)
    assert word_recall(source, doc.text[doc.page_starts[1]:]) >= 0.97


def test_multipage_tiff(tmp_path):
    need_tool("tesseract-ocr + tesseract-ocr-vie", tesseract_problem("vie"))
    frames, sources = [], []
    for para in (PARAS[1], PARAS[15]):
        (image, text), = render_pages([para], dpi=DPI, height_in=2.6)
        frames.append(scanned(image, angle=0.5))
        sources.append(text)
    doc = read_document("scan.tiff", tiff_pages(frames, DPI), LIMIT, OcrOptions())
    pages = doc.text.split("\f")
    assert doc.pages == 2 and len(pages) == 2
    for page, source in zip(pages, sources):
        assert word_recall(source, page) >= 0.97


def test_without_tesseract_the_file_fails_clearly(monkeypatch, page_one):
    """What a machine without tesseract does (and the reason the OCR tests above skip there)."""
    monkeypatch.setenv("PATH", "/nonexistent")
    tesseract_problem.cache_clear()
    try:
        problem = tesseract_problem("vie")
        assert problem and "tesseract-ocr" in problem
        with pytest.raises(IngestError) as info:
            read_document("page.jpg", jpeg_bytes(page_one[0], DPI), LIMIT, OcrOptions())
        assert info.value.code == "ocr_unavailable" and "tesseract" in info.value.message
        assert "Tesseract" in info.value.message_vi
        with pytest.raises(pytest.skip.Exception) as skipped:
            need_tool("tesseract-ocr", problem)
        assert "LOUD SKIP" in str(skipped.value)
    finally:
        tesseract_problem.cache_clear()


def test_sideways_phone_photo_is_turned_upright(tmp_path):
    """A page photographed sideways reads as gibberish until tesseract's orientation detection
    turns it; then its header comes out whole."""
    need_tool("tesseract-ocr + tesseract-ocr-vie", tesseract_problem("vie"))
    from tests.documents import HEADER, header_image

    photo = scanned(header_image(200), angle=0.8).rotate(90, expand=True)
    doc = parse_bytes("p", "photo.jpg", "photo.jpg", jpeg_bytes(photo, 200),
                      Settings(model="hash-64", data_dir=tmp_path))
    m = doc.meta
    assert (m.issuer, m.number, m.date, m.type) == (HEADER["issuer"], HEADER["number"], HEADER["date"],
                                                    HEADER["type"])


def test_tidy_restores_roman_heading_markers():
    from indexer.ingest.ocr import tidy

    assert tidy("IL NỘI DUNG\nIIL TỔ CHỨC THỰC HIỆN\nLai Châu\nIL được") == \
        "II. NỘI DUNG\nIII. TỔ CHỨC THỰC HIỆN\nLai Châu\nIL được"


def test_broken_image_is_a_clear_failure():
    with pytest.raises(IngestError) as info:
        read_document("photo.jpg", b"\xff\xd8\xff\xe0 not a jpeg at all" * 20, LIMIT, OcrOptions())
    assert info.value.code == "broken" and "image" in info.value.message
