"""Header metadata of a resolution text: issuing body, number, type, place and date, title, and the
documents it implements. Only what the text states is extracted; a missing field stays empty."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .header import document_marks, looks_like_header_line, parse_header
from .markers import marker_of
from .outline import DOC_TYPES, Block, _TYPE_RE, is_caps

_NUMBER = re.compile(r"\bSố[:\s]+(\d+[\w/\-.]*[A-ZĐ][\w/\-.]*)", re.U)
_PLACE_DATE = re.compile(r"^(?P<place>[A-ZĐ][^\d,]{1,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
                         r"(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_ISSUER_HEADER = re.compile(r"^(TỈNH ỦY|TỈNH UỶ|ĐẢNG ỦY|ĐẢNG UỶ|HUYỆN ỦY|HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|"
                            r"THỊ ỦY|ĐẢNG BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|"
                            r"HỘI ĐỒNG NHÂN DÂN|QUỐC HỘI|CHÍNH PHỦ|BỘ CHÍNH TRỊ|BAN BÍ THƯ|BAN TUYÊN GIÁO)\b")
_ISSUER_SENTENCE = re.compile(
    r"(?P<who>(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
    r"Hội đồng nhân dân|Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Thành ủy|Chi bộ|Ban Tuyên giáo)"
    r"[^,;.()]{0,60}?)\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|chương trình|nghị quyết|hướng dẫn|"
    r"đề án|Kế hoạch|Chương trình|Nghị quyết|Hướng dẫn)", re.U)
_REF_TYPES = ("Nghị quyết", "Kết luận", "Chỉ thị", "Kế hoạch", "Chương trình", "Quyết định",
              "Hướng dẫn", "Đề án", "Quy định", "Thông báo", "Nghị định", "Thông tư")
_REF = re.compile(
    r"(?:thực hiện|Thực hiện)\s+(?:[^,;.]{0,40}?\s)?(?P<type>" + "|".join(_REF_TYPES) + r")\s+(?:số\s+)?"
    r"(?P<number>\d+[\w\-/]*/[\wĐđ\-]+)"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?(?=\s+về\s|\s*[,;(]|\s*$)", re.U)


@dataclass
class Reference:
    """A document this one implements ("thực hiện Nghị quyết số 08-NQ/TU, ngày … của …")."""

    type: str
    number: str
    date: str = ""
    issuer: str = ""
    text: str = ""


@dataclass
class DocMeta:
    type: str = ""
    number: str = ""
    title: str = ""
    issuer: str = ""
    place: str = ""
    date: str = ""  # ISO yyyy-mm-dd when stated
    implements: list[Reference] = field(default_factory=list)
    superior: str = ""  # the body above the issuer in the header ("ĐẢNG BỘ TỈNH LAI CHÂU")
    marks: list[str] = field(default_factory=list)  # "Mật", "Lưu hành nội bộ", "Khẩn" …

    @property
    def confidential(self) -> bool:
        """Marked secret or for internal circulation: kept for access rules."""
        return any(m in ("Mật", "Tối mật", "Tuyệt mật", "Lưu hành nội bộ") for m in self.marks)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "DocMeta":
        refs = [Reference(**r) for r in data.get("implements", [])]
        known = set(cls.__dataclass_fields__)
        return cls(**{**{k: v for k, v in data.items() if k != "implements" and k in known},
                      "implements": refs})


def extract_references(text: str) -> list[Reference]:
    """Structured "thực hiện <type> số <number>, ngày <date> của <issuer>" references."""
    refs: list[Reference] = []
    for m in _REF.finditer(text):
        number = m.group("number").rstrip("-/.")
        if any(r.number == number for r in refs):
            continue
        issuer = (m.group("issuer") or "").strip()
        refs.append(Reference(m.group("type"), number, m.group("date") or "", issuer,
                              m.group(0).strip()))
    return refs


def _header_blocks(blocks: list[Block]) -> list[Block]:
    """The header area: blocks before the type line, or without one, the opening blocks up to the
    first outline marker or sentence-long paragraph."""
    marked = [b for b in blocks[:20] if b.kind == "header"]
    if marked or any(b.kind == "type" for b in blocks[:20]):
        return marked
    out = []
    for block in blocks[:10]:
        if marker_of(block.text) or len(block.text) > 160 or block.kind not in ("para", "heading"):
            break
        if not (is_caps(block.text) or looks_like_header_line(block.text)
                or not any(c.isalnum() for c in block.text)):
            break  # body text: its dates and numbers are content, not the header's
        out.append(block)
    return out


def extract_metadata(blocks: list[Block]) -> DocMeta:
    meta = DocMeta()
    head = blocks[:20]
    for block in head:
        if block.kind == "type":
            m = _TYPE_RE.match(block.text)
            meta.type = DOC_TYPES[m.group(1)]
            rest = m.group(2).strip()
            if rest:
                meta.title = block.text
        elif block.kind == "title" and not meta.title:
            meta.title = block.text
    header = parse_header([b.text for b in _header_blocks(blocks)])
    meta.issuer, meta.superior = header.issuer, header.superior
    meta.number, meta.place, meta.date = header.number, header.place, header.date
    for block in head:
        if block.kind in ("type", "title"):
            if not meta.number and (n := _NUMBER.search(block.text)):
                meta.number = n.group(1).rstrip(".,")
            if not meta.date and (d := _PLACE_DATE.match(block.text)):
                meta.place = d.group("place").strip()
                meta.date = f"{d.group('y')}-{int(d.group('m')):02d}-{int(d.group('d')):02d}"
    opening = [b.text for b in blocks[:12] if b.kind not in ("para", "item", "heading")]
    closing = [b.text for b in blocks if b.kind == "closing"]
    meta.marks = header.marks + [m for m in document_marks(opening + closing) if m not in header.marks]
    # The body's first sentences often state who issues the plan and what it implements.
    preamble = []
    for block in blocks[:12]:
        if block.kind in ("heading", "item"):
            break  # the body proper starts: references there are content, not the header's
        if block.kind in ("para", "title"):
            preamble.append(block)
    if not meta.issuer:
        for block in preamble:
            if block.kind == "para" and (m := _ISSUER_SENTENCE.search(block.text)):
                meta.issuer = m.group("who").strip()
                break
    refs: list[Reference] = []
    for block in preamble:
        for ref in extract_references(block.text):
            if all(r.number != ref.number for r in refs):
                refs.append(ref)
    meta.implements = refs
    return meta
