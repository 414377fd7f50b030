"""Builders of realistic document fixtures from corpus text (test and bench helpers, never product
code): corpus pages rendered to scanned-looking images (serif font, slight rotation, noise, JPEG),
image-only and mixed PDFs, a .doc made by LibreOffice from a DOCX, and the official header as a
DOCX table, a PDF text layer and plain lines."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SERIF = FONTS / "DejaVuSerif.ttf"
SERIF_BOLD = FONTS / "DejaVuSerif-Bold.ttf"
SANS = FONTS / "DejaVuSans.ttf"

# The official header used by every header fixture, and the fields it must give.
HEADER = {
    "superior": "ĐẢNG BỘ TỈNH LAI CHÂU",
    "issuer": "ĐẢNG ỦY XÃ TÂN UYÊN",
    "number": "07-KH/ĐU",
    "place": "Tân Uyên",
    "date_text": "Tân Uyên, ngày 02 tháng 4 năm 2026",
    "date": "2026-04-02",
    "type": "Kế hoạch",
    "title": "thực hiện Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh về "
             "phát triển du lịch",
    "marks": ["Mật"],
}
BODY = ["I. MỤC ĐÍCH, YÊU CẦU",
        "Quán triệt sâu sắc nội dung Nghị quyết đến toàn thể cán bộ, đảng viên và Nhân dân.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Văn phòng Đảng ủy chủ trì, phối hợp với các chi bộ theo dõi, đôn đốc việc thực hiện."]


def need_tool(name: str, problem: str | None) -> None:
    """Skip loudly when a Debian tool is missing (`make test` installs it where it can)."""
    if problem:
        pytest.skip(f"LOUD SKIP — {name} unavailable: {problem}")


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text, re.U)]


def word_recall(source: str, ocr: str) -> float:
    """Share of the source's words (with multiplicity) found in the OCR output."""
    src, got = Counter(words(source)), Counter(words(ocr))
    total = sum(src.values())
    return sum(min(n, got[w]) for w, n in src.items()) / total if total else 0.0


def plan_paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").replace("**", "")
    text = re.sub(r"(?<![\w*])\*([^*\n]+)\*", r"\1", text)
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def _font(path: Path, size: int):
    from PIL import ImageFont

    if not path.exists():
        pytest.fail(f"font missing ({path}): install Debian fonts-dejavu")
    return ImageFont.truetype(str(path), size)


def render_pages(paragraphs: list[str], dpi: int = 200, points: float = 12.0, max_pages: int = 1,
                 height_in: float = 11.69, width_in: float = 8.27):
    """Paragraphs typeset onto A4 page images (grayscale, white), as a scan of a printed page would
    show them. Returns [(image, text on that page)], at most ``max_pages``."""
    from PIL import Image, ImageDraw

    px = lambda inches: int(inches * dpi)  # noqa: E731
    font = _font(SERIF, int(points * dpi / 72))
    width, height, margin = px(width_in), px(height_in), px(0.9)
    line_h = int(points * dpi / 72 * 1.45)
    pages = []
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y, page_text = margin, []
    for para in paragraphs:
        lines, current = [], ""
        for word in para.split():
            trial = f"{current} {word}".strip()
            if font.getlength(trial) > width - 2 * margin and current:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
        if y + line_h * len(lines) > height - margin:
            pages.append((image, "\n\n".join(page_text)))
            if len(pages) >= max_pages:
                return pages
            image = Image.new("L", (width, height), 255)
            draw = ImageDraw.Draw(image)
            y, page_text = margin, []
        for line in lines:
            draw.text((margin, y), line, font=font, fill=0)
            y += line_h
        y += line_h // 2
        page_text.append(para)
    pages.append((image, "\n\n".join(page_text)))
    return pages[:max_pages]


def scanned(image, angle: float = 1.2, noise: float = 12.0, seed: int = 7, jpeg_quality: int = 75):
    """A clean page made to look scanned or photographed: rotated slightly, grey noise, JPEG."""
    import numpy as np
    from PIL import Image

    rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    arr = np.asarray(rotated, dtype=np.float32)
    rng = np.random.default_rng(seed)
    arr = np.clip(arr * 0.92 + 10 + rng.normal(0, noise, arr.shape), 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=jpeg_quality, dpi=image.info.get("dpi", (200, 200)))
    buf.seek(0)
    return Image.open(buf).convert("L")


def jpeg_bytes(image, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=80, dpi=(dpi, dpi))
    return buf.getvalue()


def image_pdf(images, dpi: int) -> bytes:
    """An image-only PDF (no text layer at all), one page per image."""
    buf = io.BytesIO()
    first, *rest = [im.convert("RGB") for im in images]
    first.save(buf, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return buf.getvalue()


def tiff_pages(images, dpi: int) -> bytes:
    buf = io.BytesIO()
    first, *rest = images
    first.save(buf, "TIFF", save_all=True, append_images=rest, compression="tiff_lzw", dpi=(dpi, dpi))
    return buf.getvalue()


def mixed_pdf(typed: list[str], scan, dpi: int) -> bytes:
    """Page 1 with a text layer (typed), page 2 a scanned image only: the PDF that used to come in
    without its scans."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", fname=str(SANS))
    pdf.set_font("dv", size=11)
    pdf.add_page()
    for para in typed:
        pdf.multi_cell(0, 6, para)
        pdf.ln(2)
    pdf.add_page()
    buf = io.BytesIO()
    scan.convert("RGB").save(buf, "PNG", dpi=(dpi, dpi))
    buf.seek(0)
    pdf.image(buf, x=0, y=0, w=210)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], bold: set[int] = frozenset(), header_table=None,
               before_table: list[str] = (), tables_after: list[list[list[str]]] = (),
               font: str | None = None) -> bytes:
    """A .docx: optional paragraphs and header table first, then paragraphs (indices in ``bold``
    bold), then tables. ``header_table`` cells may hold several paragraphs separated by "\\n"."""
    import docx

    d = docx.Document()
    if font:
        d.styles["Normal"].font.name = font
    for text in before_table:
        d.add_paragraph(text)
    if header_table:
        t = d.add_table(rows=len(header_table), cols=len(header_table[0]))
        for r, row in enumerate(header_table):
            for c, value in enumerate(row):
                cell = t.cell(r, c)
                first, *more = value.split("\n")
                cell.text = first
                for extra in more:
                    cell.add_paragraph(extra)
    for i, text in enumerate(paragraphs):
        run = d.add_paragraph().add_run(text)
        run.bold = i in bold
    for table in tables_after:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def header_docx() -> bytes:
    h = HEADER
    table = [[f"{h['superior']}\n{h['issuer']}\n*", "ĐẢNG CỘNG SẢN VIỆT NAM"],
             [f"Số {h['number']}", h["date_text"]]]
    return docx_bytes(["KẾ HOẠCH", h["title"], *BODY], bold={0}, header_table=table, before_table=["MẬT"])


def header_lines() -> str:
    h = HEADER
    return "\n\n".join(["MẬT", h["superior"], h["issuer"], "*", f"Số {h['number']}",
                        "ĐẢNG CỘNG SẢN VIỆT NAM", h["date_text"], "KẾ HOẠCH", h["title"], *BODY])


def header_pdf(body: list[str] | None = None) -> bytes:
    """The header laid out in two columns, as a PDF text layer gives it (columns run together).
    A long ``body`` makes the text hard-wrapped, as real PDF exports are."""
    from fpdf import FPDF

    h = HEADER
    pdf = FPDF()
    pdf.add_font("dv", fname=str(SANS))
    pdf.add_page()
    pdf.set_font("dv", size=10)
    pdf.set_xy(15, 8)
    pdf.cell(80, 5, "MẬT", align="L")
    left = [h["superior"], h["issuer"], "*", f"Số {h['number']}"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "", h["date_text"]]
    for i, (a, b) in enumerate(zip(left, right)):
        pdf.set_xy(10, 15 + 6 * i)
        pdf.cell(85, 5, a, align="C")
        pdf.set_xy(100, 15 + 6 * i)
        pdf.cell(100, 5, b, align="C")
    pdf.set_xy(10, 45)
    pdf.set_font("dv", size=13)
    pdf.cell(190, 7, "KẾ HOẠCH", align="C")
    pdf.set_font("dv", size=11)
    pdf.set_xy(10, 54)
    pdf.multi_cell(190, 6, h["title"], align="C")
    pdf.ln(4)
    for para in body or BODY:
        pdf.multi_cell(0, 6, para)
        pdf.ln(2)
    return bytes(pdf.output())


def header_image(dpi: int = 200):
    """The header page as a scan shows it: two centred columns, then the type, title and body."""
    from PIL import Image, ImageDraw

    h = HEADER
    size = lambda pt: int(pt * dpi / 72)  # noqa: E731
    width, height = int(8.27 * dpi), int(6.0 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    regular, bold = _font(SERIF, size(12)), _font(SERIF_BOLD, size(12))
    left_x, right_x = int(0.3 * width), int(0.68 * width)
    y0, step = size(40), size(19)

    def centred(x, y, text, font):
        draw.text((x - font.getlength(text) / 2, y), text, font=font, fill=0)

    centred(int(0.12 * width), size(16), "MẬT", bold)
    for i, (text, font) in enumerate([(h["superior"], regular), (h["issuer"], bold), ("*", regular),
                                      (f"Số {h['number']}", regular)]):
        centred(left_x, y0 + i * step, text, font)
    centred(right_x, y0, "ĐẢNG CỘNG SẢN VIỆT NAM", bold)
    italic = FONTS / "DejaVuSerif-Italic.ttf"  # fonts-dejavu-extra; the core package has no italic
    centred(right_x, y0 + 3 * step, h["date_text"], _font(italic if italic.exists() else SERIF, size(12)))
    y = y0 + 6 * step
    centred(width // 2, y, "KẾ HOẠCH", _font(SERIF_BOLD, size(15)))
    y += int(step * 1.4)
    cut = h["title"].rfind(" ", 0, 60)
    for line in (h["title"][:cut], h["title"][cut:]):
        centred(width // 2, y, line.strip(), bold)
        y += step
    y += step
    for para in BODY:
        draw.text((size(60), y), para[:para.rfind(" ", 0, 70)] + ".", font=regular, fill=0)
        y += step
    return image


def libreoffice_convert(data: bytes, suffix: str, target: str) -> bytes:
    """Convert bytes with the local LibreOffice (e.g. a DOCX to the old binary .doc)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"fixture{suffix}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                        target, "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / f"fixture.{target.split(':')[0]}").read_bytes()


def table_pdf(paragraphs: list[str], table: list[list[str]], after: list[str] = ()) -> bytes:
    """Paragraphs, a ruled table (header row first), more paragraphs: a PDF with a text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dv", fname=str(SANS))
    pdf.add_font("dv", style="B", fname=str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_font("dv", size=10)
    pdf.add_page()
    for para in paragraphs:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
    widths = [8, 60, 40, 45, 35][:len(table[0])]
    with pdf.table(col_widths=tuple(widths)) as t:
        for row in table:
            cells = t.row()
            for value in row:
                cells.cell(value)
    pdf.ln(3)
    for para in after:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
