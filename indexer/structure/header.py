"""The official header of a Vietnamese administrative or Party document (Nghị định 30/2020,
Hướng dẫn 36-HD/VPTW): the superior body and, under it, the issuing body; the number ("Số 07-KH/ĐU");
the national motto; place and date ("Tân Uyên, ngày 02 tháng 4 năm 2026"); and marks such as "MẬT"
or "Lưu hành nội bộ".

The same header reaches us in three shapes: one line per cell (a DOCX header table read column by
column, or plain text), two columns run together on one line (a PDF text layer: "ĐẢNG BỘ TỈNH LAI
CHÂU ĐẢNG CỘNG SẢN VIỆT NAM", "Số 45-KH/HU Mường Tè, ngày …"), or OCR output of either. Each line
is cut into segments at the motto, the number and the place/date, and the segments are read in
order. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MOTTO = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
                    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.U | re.I)
_NUMBER = re.compile(r"\bSố\s*:?\s*(\d+[\w/\-.]*[A-ZĐ][\w/\-.]*)", re.U)
_DATE_WORDS = re.compile(r"(?:^|(?<=\s))(?P<place>[^\d,;:|]{2,40}?)?\s*,?\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
                         r"(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.U | re.I)
_DATE_NUMERIC = re.compile(r"(?:^|(?<=\s))(?P<place>[^\d,;:|]{2,40}?)?\s*,?\s*ngày\s+(?P<d>\d{1,2})/"
                           r"(?P<m>\d{1,2})/(?P<y>\d{4})", re.U | re.I)
_SECRET = re.compile(r"(?<![\wÀ-ỹ])(?<!BÍ )(TUYỆT MẬT|TỐI MẬT|MẬT)(?![\wÀ-ỹ])", re.U)
_URGENT = re.compile(r"(?<![\wÀ-ỹ])(THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|KHẨN)(?![\wÀ-ỹ])", re.U)
_INTERNAL = re.compile(r"lưu\s+hành\s+nội\s+bộ", re.U | re.I)
MARK_NAMES = {"TUYỆT MẬT": "Tuyệt mật", "TỐI MẬT": "Tối mật", "MẬT": "Mật", "THƯỢNG KHẨN": "Thượng khẩn",
              "HỎA TỐC": "Hỏa tốc", "HOẢ TỐC": "Hỏa tốc", "KHẨN": "Khẩn"}
INTERNAL = "Lưu hành nội bộ"
# A line that names a body of its own (it issues, or is the superior of, the document).
_BODY_HEAD = re.compile(
    r"^(?:TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|THỊ ỦY|THỊ UỶ|QUẬN ỦY|QUẬN UỶ|"
    r"ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|ĐẢNG ĐOÀN|CHI BỘ|CHI ỦY|BAN|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|PHÒNG|"
    r"VĂN PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|BỘ|QUỐC HỘI|CHÍNH PHỦ|THỦ TƯỚNG|MẶT TRẬN|ỦY BAN MẶT TRẬN|HỘI|"
    r"ĐOÀN|TRƯỜNG|TRUNG TÂM|CÔNG AN|BỘ CHỈ HUY|QUÂN|LIÊN ĐOÀN|TÒA ÁN|TOÀ ÁN|VIỆN|KHO BẠC|"
    r"TRUNG ƯƠNG|THƯỜNG TRỰC)\b", re.U)
# A line that only continues the body above it with its place ("HỘI ĐỒNG NHÂN DÂN" / "TỈNH LAI CHÂU").
_PLACE_LINE = re.compile(r"^(?:TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|PHƯỜNG|THỊ TRẤN|QUẬN|TP\.)\s", re.U)


@dataclass
class Header:
    issuer: str = ""
    superior: str = ""
    number: str = ""
    place: str = ""
    date: str = ""  # ISO yyyy-mm-dd
    marks: list[str] = field(default_factory=list)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def iso_date(day: str, month: str, year: str) -> str:
    d, m, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100):
        return ""
    return f"{y}-{m:02d}-{d:02d}"


def _segments(line: str, header: Header) -> list[str]:
    """Cut one header line at the motto, the number, the place/date and marks (recording those in
    ``header``) and return what is left: candidate body names, in order."""
    line = line.replace("|", "\n")  # a DOCX table row read as one line of cells
    parts = _MOTTO.split(line)
    out: list[str] = []
    for part in parts:
        for piece in part.split("\n"):
            if m := _NUMBER.search(piece):
                if not header.number:
                    header.number = m.group(1).rstrip(".,-/")
                piece = piece[:m.start()] + "\n" + piece[m.end():]
            for sub in piece.split("\n"):
                out += _place_date(sub, header)
    return out


def _place_date(piece: str, header: Header) -> list[str]:
    m = _DATE_WORDS.search(piece) or _DATE_NUMERIC.search(piece)
    if not m:
        return [piece]
    if not header.date:
        header.date = iso_date(m.group("d"), m.group("m"), m.group("y"))
        place = (m.group("place") or "").strip(" ,.-–*")
        if place and not _is_caps(place):
            header.place = place
    return [piece[:m.start()]] + ([piece[m.end():]] if piece[m.end():].strip() else [])


def _marks(segment: str, marks: list[str]) -> str:
    """Record marks found in a header segment and return the segment without them."""
    if _INTERNAL.search(segment) and INTERNAL not in marks:
        marks.append(INTERNAL)
        segment = _INTERNAL.sub(" ", segment)
    if _is_caps(segment) or len(segment.split()) <= 3:
        upper = segment.upper() if len(segment.split()) <= 3 else segment
        for pattern in (_SECRET, _URGENT):
            for m in pattern.finditer(upper):
                name = MARK_NAMES[m.group(1)]
                if name not in marks:
                    marks.append(name)
            if pattern.search(upper):
                segment = pattern.sub(" ", upper)
    return segment.strip(" ()[]-–*.,\"“”")


def parse_header(lines: list[str]) -> Header:
    """Header fields from the lines above the document type ("KẾ HOẠCH"). The issuing body is the
    last body named before the number; the line above it, its superior ("ĐẢNG BỘ TỈNH …" over
    "HUYỆN ỦY MƯỜNG TÈ"). A body split over two lines ("HỘI ĐỒNG NHÂN DÂN" / "TỈNH LAI CHÂU") is
    joined."""
    header = Header()
    bodies: list[str] = []
    for line in lines:
        for segment in _segments(line, header):
            segment = " ".join(segment.split())
            if not segment:
                continue
            segment = _marks(segment, header.marks)
            if not segment or not _is_caps(segment) or len(segment) > 120:
                continue
            if bodies and _PLACE_LINE.match(segment) and not _BODY_HEAD.match(segment):
                bodies[-1] = f"{bodies[-1]} {segment}"
            else:
                bodies.append(segment)
    if bodies:
        header.issuer = bodies[-1]
        if len(bodies) >= 2:
            header.superior = bodies[-2]
    return header


def document_marks(texts: list[str]) -> list[str]:
    """Marks stated anywhere in short lines of the document's opening or closing ("(Tài liệu lưu
    hành nội bộ)", "MẬT")."""
    marks: list[str] = []
    for text in texts:
        if len(text) <= 80:
            _marks(text, marks)
    return marks


def looks_like_header_line(text: str) -> bool:
    """A number, place/date, motto or mark line of the header (for documents without a type line)."""
    date = _DATE_WORDS.search(text) or _DATE_NUMERIC.search(text)
    return bool(_NUMBER.match(text) or _MOTTO.search(text) or _INTERNAL.search(text)
                or (date and date.end() >= len(text.rstrip(" .")) and len(text) < 70))
