"""Read a file of any supported format into raw text (before re-flow).

Every reader returns plain text with one block per line group; bold blocks (DOCX runs, HTML
headings) are wrapped in ``**`` so the structure stage can treat them like bold markdown lines.
Paged formats (PDF, images) separate pages with a form feed ("\f"); re-flow turns those into page
start offsets. Failures raise IngestError with a reason; nothing here prints or logs.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .convert import CONVERTED_SUFFIXES, to_docx
from .decode import decode_bytes
from .errors import IngestError
from .images import IMAGE_SUFFIXES, read_image_pages
from .legacy import (fix_legacy, font_encoding, font_is_capitals, has_unicode_vietnamese,
                     tcvn3_to_unicode, vni_to_unicode)
from .ocr import OcrOptions, OcrPage
from .pdf import read_pdf_pages
from .tables import assignment_lines, header_lines, is_header_table, row_lines

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | IMAGE_SUFFIXES | CONVERTED_SUFFIXES
PAGE_BREAK = "\f"


@dataclass
class RawDocument:
    """A file read into raw text. ``pages`` counts the pages of a paged format (PDF, image), whose
    text separates them with PAGE_BREAK; ``ocr`` says what OCR of its scanned pages cost;
    ``encoding`` names a legacy Vietnamese encoding that was converted (tcvn3, vni)."""

    text: str
    pages: int | None = None
    ocr: list[OcrPage] = field(default_factory=list)
    encoding: str | None = None
    converted_from: str | None = None


def _paragraph_text(para, default_font: str | None) -> str:
    """Paragraph text with runs typed in a legacy-encoded font (.VnTime, VNI-Times) converted to
    Unicode, and runs in a TCVN3 capitals font (.VnTimeH) upper-cased as the font drew them."""
    runs = para.runs
    fonts = [r.font.name or default_font for r in runs]
    if not any(font_encoding(f) for f in fonts):
        return para.text
    out = []
    for run, font in zip(runs, fonts):
        enc = font_encoding(font)
        text = _legacy_run_text(run) if enc else run.text
        if enc and has_unicode_vietnamese(text):
            enc = None  # retyped in Unicode under the old font's name: already right
        if enc == "tcvn3":
            text = tcvn3_to_unicode(text)
            text = text.upper() if font_is_capitals(font) else text
        elif enc == "vni":
            text = vni_to_unicode(text)
        out.append(text)
    return "".join(out)


_RUN_CHARS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": "\u00ad"}


def _legacy_run_text(run) -> str:
    """A run's text keeping soft hyphens: TCVN3 stores "ư" as 0xAD, which Word and LibreOffice
    write as an optional hyphen (``w:softHyphen``) that python-docx's ``run.text`` drops."""
    out = []
    for child in run._r.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "t":
            out.append(child.text or "")
        elif tag in _RUN_CHARS:
            out.append(_RUN_CHARS[tag])
    return "".join(out)


def _style_font(para) -> str | None:
    style = para.style
    while style is not None:
        if style.font is not None and style.font.name:
            return style.font.name
        style = style.base_style
    return None


def read_docx(data: bytes) -> str:
    """Paragraphs and tables in body order. The official header table is read column by column,
    an assignment table row becomes one sentence, any other row one line of cells joined by
    ' | ' (see tables.py)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError("broken", "not a valid .docx file (not a zip archive)")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > 200 * 1024 * 1024:
                raise IngestError("broken", "the .docx expands to more than 200 MB (zip bomb?)")
        document = docx.Document(io.BytesIO(data))
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many types on damaged files
        raise IngestError("broken", f"cannot open .docx: {exc.__class__.__name__}") from None
    from indexer.structure.outline import _TYPE_RE, is_caps

    try:
        default_font = document.styles["Normal"].font.name
    except KeyError:
        default_font = None
    blocks: list[str] = []
    body_started = False  # the type line ("KẾ HOẠCH") or body text was seen: no header table now
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = _paragraph_text(para, _style_font(para) or default_font).strip()
            if not text:
                continue
            if (_TYPE_RE.match(text) and is_caps(text.split()[0])) or len(text) > 200:
                body_started = True
            runs = [r for r in para.runs if r.text.strip()]
            bold = bool(runs) and all(r.bold for r in runs)
            blocks.append(f"**{text}**" if bold else text)
        elif tag == "tbl":
            table = Table(child, document)
            grid = []
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    cells.append([_paragraph_text(p, _style_font(p) or default_font)
                                  for p in cell.paragraphs])
                grid.append(cells)
            if not grid:
                continue
            if not body_started and is_header_table(grid):
                blocks += header_lines(grid)
            else:
                blocks += assignment_lines(grid) or row_lines(grid)
                body_started = True
    return "\n\n".join(blocks)


_BLOCK_TAGS = {"p", "div", "li", "tr", "table", "section", "article", "header", "footer", "ul", "ol",
               "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr"}


def read_html(data: bytes) -> str:
    """Visible text, a block per block-level element; headings marked bold."""
    from bs4 import BeautifulSoup

    text, _ = decode_bytes(data)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        inner = " ".join(tag.get_text(" ").split())
        tag.string = f"**{inner}**" if inner else ""
    for tag in soup.find_all(["td", "th"]):
        tag.insert_after(" | ")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_after("\n\n")
    lines = [" ".join(line.split()).strip(" |") for line in soup.get_text().split("\n")]
    return "\n\n".join(line for line in lines if line)


def read_markdown(data: bytes) -> str:
    """Markdown as text: heading hashes become bold lines, the rest is kept for re-flow."""
    text, _ = decode_bytes(data)
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#"):
            title = stripped.lstrip("#").strip()
            out.append(f"**{title}**" if title else "")
        else:
            out.append(line)
    return "\n".join(out)


def read_document(name: str, data: bytes, max_bytes: int, ocr: OcrOptions | None = None,
                  digest: str | None = None, convert_timeout: float = 120.0) -> RawDocument:
    """Dispatch on the file suffix. ``ocr`` None still OCRs (without a cache) when tesseract is
    installed; ``digest`` (sha256 of ``data``) keys the OCR cache. Raises IngestError for every
    reason a file is skipped."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError("unsupported", f"unsupported file type '{suffix or name}'")
    if len(data) > max_bytes:
        raise IngestError("too_large", f"the file is {len(data) / 1e6:.1f} MB, over the limit of "
                                       f"{max_bytes / 1e6:.0f} MB")
    if not data.strip():
        raise IngestError("empty", "the file is empty")
    ocr = ocr or OcrOptions()
    digest = digest or hashlib.sha256(data).hexdigest()
    doc = RawDocument("")
    if suffix in CONVERTED_SUFFIXES:
        doc.converted_from = suffix
        data = to_docx(data, suffix, convert_timeout)
        suffix = ".docx"
    if suffix == ".docx":
        text = read_docx(data)
    elif suffix == ".pdf":
        pages, doc.ocr = read_pdf_pages(data, digest, ocr)
        doc.pages = len(pages)
        text = PAGE_BREAK.join(p.strip("\f") for p in pages)
    elif suffix in IMAGE_SUFFIXES:
        pages, doc.ocr = read_image_pages(data, digest, ocr)
        doc.pages = len(pages)
        text = PAGE_BREAK.join(pages)
    elif suffix in (".html", ".htm"):
        text = read_html(data)
    elif suffix in (".md", ".markdown"):
        text = read_markdown(data)
    else:
        text, enc = decode_bytes(data)
        doc.encoding = enc if enc in ("tcvn3", "vni") else None
    text, legacy = fix_legacy(text)
    doc.encoding = legacy or doc.encoding
    if not text.replace(PAGE_BREAK, "").strip():
        raise IngestError("no_text", "no text found in the file")
    doc.text = text
    return doc


def read_bytes(name: str, data: bytes, max_bytes: int) -> str:
    """Raw text of a file (see read_document)."""
    return read_document(name, data, max_bytes).text


def read_pdf(data: bytes) -> str:
    """Text of every page of a PDF, OCR where a page has no usable text layer."""
    pages, _ = read_pdf_pages(data, hashlib.sha256(data).hexdigest(), OcrOptions())
    return PAGE_BREAK.join(pages)


def read_file(path: Path, max_bytes: int) -> str:
    """Read one file from disk; size is checked before the bytes are loaded."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError("too_large", f"the file is {size / 1e6:.1f} MB, over the limit of "
                                           f"{max_bytes / 1e6:.0f} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return read_bytes(path.name, data, max_bytes)
