"""Parse the stored text of a document into blocks placed in an outline tree.

Blocks are the paragraphs of the re-flowed text. Nesting follows the markers: a marker kind seen
before (e.g. another "1.") closes everything opened since its sibling; a new kind opens a child
level. Paragraphs without a marker belong to the nearest heading. The title area, the closing
("Nơi nhận", signature) and separators are kept but marked, so they never become answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markers import BULLETS, marker_of

DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch", "NGHỊ QUYẾT": "Nghị quyết", "KẾT LUẬN": "Kết luận",
    "CHƯƠNG TRÌNH": "Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "BÁO CÁO": "Báo cáo", "HƯỚNG DẪN": "Hướng dẫn", "CHỈ THỊ": "Chỉ thị", "QUYẾT ĐỊNH": "Quyết định",
    "THÔNG BÁO": "Thông báo", "ĐỀ ÁN": "Đề án", "QUY ĐỊNH": "Quy định", "QUY CHẾ": "Quy chế",
    "CÔNG VĂN": "Công văn", "THÔNG TƯ": "Thông tư", "NGHỊ ĐỊNH": "Nghị định", "LUẬT": "Luật",
    "BỘ LUẬT": "Bộ luật", "HIẾN PHÁP": "Hiến pháp", "PHÁP LỆNH": "Pháp lệnh", "TỜ TRÌNH": "Tờ trình",
}
_TYPE_RE = re.compile(r"^(" + "|".join(sorted(map(re.escape, DOC_TYPES), key=len, reverse=True))
                      + r")\b(.*)$")
_CLOSING_START = re.compile(r"^(Nơi nhận|NƠI NHẬN)\b|^(T/M|TM\.?|KT\.?|T/L|TL\.|Q\.)\s+[A-ZĐ]")
_SEPARATOR = re.compile(r"^[-_=*.~]{3,}$")
_PREAMBLE = re.compile(r"^(Thực hiện|Căn cứ|Triển khai|Để|Nhằm|Theo)\b")
_TERMINAL = re.compile(r"[.;!?…][\"”’)\]»]*$")
HEADING_MAX_CHARS = 250
PATH_LABEL_CHARS = 60


@dataclass
class Block:
    """One paragraph of the stored text and its place in the outline."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # header | type | title | separator | heading | item | para | closing
    marker: str | None = None
    level: int = 0
    parents: list[int] = field(default_factory=list)  # indices of ancestor blocks, outermost first
    bold: bool = False

    @property
    def is_content(self) -> bool:
        """Answer material: body paragraphs and items, and the title (trích yếu)."""
        return self.kind in ("para", "item", "title")


def split_blocks(text: str, bold_starts: set[int] | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, bold) of each block: runs of text between blank lines, trimmed."""
    out = []
    for m in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        start, end = m.start() + lead, m.start() + len(raw.rstrip())
        if end > start:
            out.append((start, end, bool(bold_starts) and start in bold_starts))
    return out


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def looks_like_heading(text: str, bold: bool) -> bool:
    """Short and not a sentence: a heading rather than an item with content."""
    if len(text) > HEADING_MAX_CHARS:
        return False
    if is_caps(text) or bold:
        return True
    return not _TERMINAL.search(text) and not text.endswith(":")


def label(text: str, limit: int = PATH_LABEL_CHARS) -> str:
    """Heading text shortened for a section path, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(":")
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def parse_outline(text: str, bold_starts: set[int] | None = None) -> list[Block]:
    """Blocks of the document with kinds and parents."""
    spans = split_blocks(text, bold_starts)
    blocks = [Block(i, s, e, text[s:e], "para", bold=b) for i, (s, e, b) in enumerate(spans)]
    _mark_title_area(blocks)
    _mark_closing(blocks)
    stack: list[Block] = []  # open outline nodes
    for block in blocks:
        if block.kind != "para":
            continue
        if _SEPARATOR.match(block.text):
            block.kind = "separator"
            continue
        found = marker_of(block.text)
        if found is None and (block.bold or is_caps(block.text)) and len(block.text) <= HEADING_MAX_CHARS:
            found = ("bold" if block.bold else "caps", "")
        if found is None:
            # A paragraph closes open leaf items: it belongs to the nearest heading.
            while stack and stack[-1].kind == "item" and not stack[-1].text.endswith(":"):
                stack.pop()
            block.parents = [b.index for b in stack]
            block.level = len(stack)
            continue
        kind, marker = found
        block.marker = kind
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].marker == kind), None)
        if same is not None:
            del stack[same:]
        block.kind = "heading" if looks_like_heading(block.text, block.bold) else "item"
        block.parents = [b.index for b in stack]
        block.level = len(stack)
        stack.append(block)
    _unhead_leaves(blocks)
    return blocks


# Markers of list entries (as opposed to parts, chapters, articles, sections, roman/letter heads).
_LIST_MARKERS = BULLETS | {"num", "num2", "num3"}


def _unhead_leaves(blocks: list[Block]) -> None:
    """A list entry taken for a heading (no final stop: "1. Quyền … theo quy định của pháp luật",
    "- Đối với cấp tỉnh: … (Tùy tình hình …)") that heads nothing is an item. Headings are not
    passages, so such a clause was in no passage: nobody could find it, nor cite it."""
    headed = {i for block in blocks for i in block.parents}
    for block in blocks:
        if (block.kind == "heading" and block.index not in headed and block.marker in _LIST_MARKERS
                and not is_caps(block.text)):
            block.kind = "item"


def _mark_title_area(blocks: list[Block]) -> None:
    """Header lines, the document type line ("KẾ HOẠCH") and the title (trích yếu) after it."""
    type_at = None
    for i, block in enumerate(blocks[:15]):
        if not any(c.isalpha() for c in block.text):
            continue  # the header's ornament ("*", "-----", OCR'd as "*%") is no outline marker
        if marker_of(block.text) and not _TYPE_RE.match(block.text):
            break
        m = _TYPE_RE.match(block.text)
        if m and is_caps(m.group(1)) and (block.bold or is_caps(block.text) or not m.group(2).strip()
                                          or i == 0):
            type_at = i
            break
    if type_at is None:
        return
    for block in blocks[:type_at]:
        block.kind = "header"
    blocks[type_at].kind = "type"
    rest = _TYPE_RE.match(blocks[type_at].text).group(2).strip()
    if rest and not is_caps(rest):
        return
    for block in blocks[type_at + 1 : type_at + 4]:
        if marker_of(block.text) or _PREAMBLE.match(block.text):
            break
        if _SEPARATOR.match(block.text):
            block.kind = "separator"
            continue
        block.kind = "title"
        break


def _mark_closing(blocks: list[Block]) -> None:
    """Everything from "Nơi nhận:" or a signature line ("T/M BAN THƯỜNG VỤ") to the end."""
    for i, block in enumerate(blocks):
        if i > 0 and _CLOSING_START.match(block.text) and i >= len(blocks) // 2:
            for rest in blocks[i:]:
                rest.kind = "closing"
            return


def section_path(blocks: list[Block], block: Block) -> list[str]:
    """Labels of the headings and items that contain ``block``, outermost first."""
    return [label(blocks[i].text) for i in block.parents]


OUTLINE_KINDS = ("heading", "type", "title")


def public_outline(blocks: list[dict], text: str) -> list[dict]:
    """The outline a reader is shown (API, CLI, reader page): headings plus the type line and
    title. The closing ("Nơi nhận:", signature) is not a section of the plan, so it is left out;
    a reader still sees it, muted, at the end of the text."""
    return [
        {"text": text[b["start"]:b["end"]], "level": b["level"], "start": b["start"],
         "end": b["end"], "kind": b["kind"], "marker": b.get("marker")}
        for b in sorted(blocks, key=lambda x: x.get("idx", x["start"])) if b["kind"] in OUTLINE_KINDS]

