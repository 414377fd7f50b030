"""Read a file of any supported format into raw text (before re-flow).

Every reader returns plain text with one block per line group; bold blocks (DOCX runs, HTML
headings) are wrapped in ``**`` so the structure stage can treat them like bold markdown lines.
Failures raise IngestError with a reason; nothing here prints or logs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .decode import decode_bytes
from .errors import IngestError

SUPPORTED = {".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"}


def read_docx(data: bytes) -> str:
    """Paragraphs and tables in body order; a table row becomes one line of cells joined by ' | '."""
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
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            if not text:
                continue
            runs = [r for r in para.runs if r.text.strip()]
            bold = bool(runs) and all(r.bold for r in runs)
            blocks.append(f"**{text}**" if bold else text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    blocks.append(" | ".join(cells))
    return "\n\n".join(blocks)


def read_pdf(data: bytes) -> str:
    """Text layer of every page; a PDF without one is reported as scanned."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise IngestError("broken", f"cannot read PDF: {exc.__class__.__name__}") from None
    if not pages:
        raise IngestError("broken", "the PDF has no pages")
    chars = sum(len(p.strip()) for p in pages)
    if chars < 20 * len(pages):
        raise IngestError("scanned_pdf", "the PDF has no text layer (it looks scanned); run OCR first")
    return "\n\n".join(pages)


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


def read_bytes(name: str, data: bytes, max_bytes: int) -> str:
    """Dispatch on the file suffix. Raises IngestError for every reason a file is skipped."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError("unsupported", f"unsupported file type '{suffix or name}'")
    if len(data) > max_bytes:
        raise IngestError("too_large", f"the file is {len(data) / 1e6:.1f} MB, over the limit of "
                                       f"{max_bytes / 1e6:.0f} MB")
    if not data.strip():
        raise IngestError("empty", "the file is empty")
    if suffix == ".docx":
        text = read_docx(data)
    elif suffix == ".pdf":
        text = read_pdf(data)
    elif suffix in (".html", ".htm"):
        text = read_html(data)
    elif suffix in (".md", ".markdown"):
        text = read_markdown(data)
    else:
        text, _ = decode_bytes(data)
    if not text.strip():
        raise IngestError("no_text", "no text found in the file")
    return text


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
