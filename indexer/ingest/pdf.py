"""PDF pages -> text, page by page: the text layer where a page has a usable one, OCR where it does
not (a scanned page, or one whose text layer is a page number or junk), so a PDF mixing typed and
scanned pages comes in whole instead of silently losing its scans."""

from __future__ import annotations

import io
import re

from .errors import IngestError
from .ocr import OcrOptions, OcrPage, ocr_pages
from .tables import assignment_lines

# A page needs this many letters in its text layer to be taken as typed text.
MIN_LETTERS = 40
_LETTER = re.compile(r"[^\W\d_]", re.U)
# Cheap test on a page's text layer before looking for an assignment table with pdfplumber (slow).
_ASSIGNMENT_HINT = re.compile(r"chủ\s+trì|phối\s+hợp|thực\s+hiện", re.I)
_TIME_HINT = re.compile(r"thời\s+(?:gian|hạn)|hoàn\s+thành|tiến\s+độ", re.I)


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
    candidates = [i for i, text in enumerate(layers) if i not in scanned
                  and _ASSIGNMENT_HINT.search(text) and _TIME_HINT.search(text)]
    if candidates:
        layers = _with_assignment_tables(data, layers, candidates)
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


def _with_assignment_tables(data: bytes, layers: list[str], candidates: list[int]) -> list[str]:
    """Pages holding an assignment table (ruled, found by pdfplumber) re-read as the text above
    the table, one sentence per row (tables.assignment_lines), the text below. Any failure keeps
    the plain text layer: tables are a refinement, never a reason to lose a page."""
    try:
        import pdfplumber
    except ImportError:
        return layers
    out = list(layers)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in candidates:
                page = pdf.pages[i]
                found = []
                for table in page.find_tables():
                    grid = [[[(cell or "").replace("\n", " ")] for cell in row] for row in table.extract()]
                    lines = assignment_lines(grid)
                    if lines:
                        found.append((table.bbox, lines))
                if not found:
                    continue
                parts, top = [], page.bbox[1]
                for (x0, t0, x1, b0), lines in sorted(found, key=lambda f: f[0][1]):
                    if t0 > top:
                        parts.append(page.crop((page.bbox[0], top, page.bbox[2], t0)).extract_text() or "")
                    parts.append("\n\n".join(lines))
                    top = b0
                if top < page.bbox[3]:
                    parts.append(page.crop((page.bbox[0], top, page.bbox[2], page.bbox[3])).extract_text() or "")
                out[i] = "\n\n".join(p.strip() for p in parts if p.strip())
    except Exception:  # pdfminer raises many types on odd files; the text layer stands
        return layers
    return out
