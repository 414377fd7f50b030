"""PDF pages -> text, page by page: the text layer where a page has a usable one, OCR where it does
not (a scanned page, or one whose text layer is a page number or junk), so a PDF mixing typed and
scanned pages comes in whole instead of silently losing its scans."""

from __future__ import annotations

import io
import re

from .errors import IngestError
from .ocr import OcrOptions, OcrPage, ocr_pages

# A page needs this many letters in its text layer to be taken as typed text.
MIN_LETTERS = 40
_LETTER = re.compile(r"[^\W\d_]", re.U)


def usable_text(text: str) -> bool:
    """A text layer worth keeping: enough letters, and mostly letters among the visible characters
    (a layer without a ToUnicode map gives control characters or replacement marks)."""
    visible = [c for c in text if not c.isspace()]
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS:
        return False
    junk = sum(1 for c in visible if c == "\ufffd" or ord(c) < 32)
    return junk / len(visible) < 0.05 and letters / len(visible) > 0.5


def read_pdf_pages(data: bytes, digest: str, options: OcrOptions | None) -> tuple[list[str], list[OcrPage]]:
    """Text of every page (in order) and what OCR of the scanned ones cost. ``options`` None means
    OCR is not allowed: a PDF with scanned pages then fails with ``scanned_pdf``."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        layers = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types on damaged files
        raise IngestError("broken", f"cannot read PDF: {exc.__class__.__name__}") from None
    if not layers:
        raise IngestError("broken", "the PDF has no pages")
    scanned = [i for i, text in enumerate(layers) if not usable_text(text)]
    if not scanned:
        return layers, []
    if options is None:
        raise IngestError("scanned_pdf", f"{len(scanned)} of {len(layers)} PDF pages have no text "
                                         "layer (scanned) and OCR is off")
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise IngestError("broken", f"cannot render PDF pages for OCR: {exc.__class__.__name__}") from None

    def render(index: int):
        def draw():
            try:
                return pdf[index].render(scale=options.dpi / 72, grayscale=True).to_pil()
            except Exception as exc:
                raise IngestError("broken", f"cannot render PDF page {index + 1}: "
                                            f"{exc.__class__.__name__}") from None
        return draw

    try:
        run = ocr_pages(digest, ((i + 1, render(i), options.dpi) for i in scanned), len(layers), options)
    finally:
        pdf.close()
    pages = list(layers)
    for i, text in zip(scanned, run.texts):
        pages[i] = text
    return pages, run.pages
