"""Clean raw text into the stored document text: NFC, markdown emphasis removed, hard-wrapped lines
re-flowed into paragraphs, hyphenated breaks joined, page-break debris dropped.

The output has one block (paragraph, list item or heading) per line group, blocks separated by a
blank line. Wording is kept: only line breaks, runs of spaces and emphasis markers change. Pure
functions only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from indexer.structure.markers import BULLETS, marker_of, starts_with_marker
from indexer.structure.outline import _TYPE_RE, HEADING_MAX_CHARS, is_caps

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")  # \f: page break
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_TERMINAL = re.compile(r"[.;:!?…][\"”’)\]»]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_SEPARATOR = re.compile(r"^[-_=*.~]{3,}$")
_WORD = re.compile(r"\w+", re.UNICODE)
# Lines of the official header that start a block of their own even in hard-wrapped text: the
# number, the place/date line, the national motto, and the document type ("KẾ HOẠCH").
_HEADER_LINE = re.compile(r"^(?:Số\s*:?\s*\d|(?:ĐẢNG CỘNG SẢN|CỘNG HÒA|CỘNG HOÀ) |Độc lập\s*[-–]|"
                          r"[^,\d]{2,40},\s*ngày\s+(?:\d{1,2}|\.{2,}|…)\s+tháng\b)", re.U)


@dataclass
class Reflowed:
    """Stored document text plus the start offsets of blocks that were wholly bold, and where each
    page starts (``page_starts[k]`` is the offset of page k + 1's first text; pages are separated
    by form feeds in the raw text, so a text without any has one page starting at 0)."""

    text: str
    bold_starts: set[int] = field(default_factory=set)
    page_starts: list[int] = field(default_factory=lambda: [0])

    def page_at(self, offset: int) -> int:
        """Page number (from 1) of a character offset of the stored text."""
        return page_at(self.page_starts, offset)


def page_at(page_starts: list[int], offset: int) -> int:
    """Page number (from 1) holding ``offset``, given the page start offsets."""
    import bisect

    return max(1, bisect.bisect_right(page_starts, offset))


def _strip_bold(text: str) -> tuple[str, list[bool]]:
    """Remove ``**`` markers; return the text and, per character, whether it was inside bold."""
    out: list[str] = []
    flags: list[bool] = []
    bold = False
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("**", i):
            bold = not bold
            i += 2
            continue
        out.append(text[i])
        flags.append(bold)
        i += 1
    return "".join(out), flags


def _first_word(line: str) -> str:
    m = _WORD.match(line)
    return m.group(0) if m else ""


@dataclass
class _WordStats:
    """Mid-sentence evidence from the document itself: which capitalized words it uses inside
    sentences (names: "Lai Châu", "Đảng tỉnh") and which word pairs it writes on one line."""

    cap_mid: Counter
    low_mid: Counter
    pairs: set[tuple[str, str]]


def _capitalization_stats(lines: list[str]) -> _WordStats:
    """How often each word appears capitalized, and lower-cased, in the middle of a sentence."""
    cap_mid: Counter = Counter()
    low_mid: Counter = Counter()
    pairs: set[tuple[str, str]] = set()
    for line in lines:
        words = list(_WORD.finditer(line))
        for prev, word in zip(words, words[1:]):
            gap = line[prev.end() : word.start()]
            if any(c in gap for c in ".;:!?"):
                continue
            w = word.group(0)
            pairs.add((prev.group(0), w))
            if w[0].isupper():
                cap_mid[w] += 1
            elif w[0].islower():
                low_mid[w] += 1
    return _WordStats(cap_mid, low_mid, pairs)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A PDF export wrapped at a fixed width: short-ish lines, most not ending a sentence."""
    long_lines = [ln for ln in lines if len(ln) >= 40]
    if len(long_lines) < 10:
        return False
    lengths = sorted(len(ln) for ln in long_lines)
    p95 = lengths[int(0.95 * (len(lengths) - 1))]
    open_ended = sum(1 for ln in long_lines if not _TERMINAL.search(ln))
    return p95 < 160 and open_ended / len(long_lines) > 0.5


def reflow(raw: str, wrapped: bool | None = None) -> Reflowed:
    """Raw text (any line structure) -> stored text with one block per paragraph. ``wrapped``:
    the lines are visual lines of a page (PDF text layer, OCR), whatever their count; None lets
    the text's shape decide (a short page has too few lines to tell)."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text).replace("\f", "\n\f\n")
    text, bold_flags = _strip_bold(text)

    # Logical lines with their bold flag, whether a blank line preceded them, and their page.
    lines: list[tuple[str, bool, bool]] = []
    line_pages: list[int] = []
    page = 1
    pos = 0
    blank_before = True
    for raw_line in text.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        if "\f" in raw_line:
            page += 1
            blank_before = True
            continue
        stripped = _ITALIC.sub(r"\1", raw_line).strip()
        if not stripped:
            blank_before = True
            continue
        chars = [bold_flags[i] for i in range(start, end) if not text[i].isspace()]
        lines.append((" ".join(stripped.split()), bool(chars) and all(chars), blank_before))
        line_pages.append(page)
        blank_before = False
    pages = page
    lines = [(*item, pg) for item, pg in zip(lines, line_pages)]

    plain = [item[0] for item in lines]
    wrapped = _is_hard_wrapped(plain) if wrapped is None else wrapped
    if wrapped:
        lines = [item for item in lines if not _PAGE_NUMBER.match(item[0])]
        plain = [item[0] for item in lines]
    stats = _capitalization_stats(plain)

    blocks: list[tuple[list[str], bool, list[int]]] = []
    for line, bold, blank, pg in lines:
        if blocks and _continues(blocks[-1][0], line, blank, wrapped, stats, blocks[-1][1],
                                 bold):
            blocks[-1][0].append(line)
            blocks[-1][2].append(pg)
            blocks[-1] = (blocks[-1][0], blocks[-1][1] and bold, blocks[-1][2])
        else:
            blocks.append(([line], bold, [pg]))

    out: list[str] = []
    bold_starts: set[int] = set()
    first_offset: dict[int, int] = {}  # page -> offset of its first line in the stored text
    offset = 0
    for parts, bold, part_pages in blocks:
        block = parts[0]
        first_offset.setdefault(part_pages[0], offset)
        for part, pg in zip(parts[1:], part_pages[1:]):
            glued = re.search(r"\w-$", block) and part[:1].isalnum()
            block = block + part if glued else block + " " + part
            first_offset.setdefault(pg, offset + len(block) - len(part))
        if bold:
            bold_starts.add(offset)
        out.append(block)
        offset += len(block) + 2
    stored = "\n\n".join(out)
    page_starts = [0]
    for pg in range(2, pages + 1):  # a page without text starts where the next text does
        later = [off for p, off in first_offset.items() if p >= pg]
        page_starts.append(min(later) if later else len(stored))
    return Reflowed(stored, bold_starts, page_starts)


def _continues(block: list[str], line: str, blank: bool, wrapped: bool, stats: _WordStats, prev_bold: bool, bold: bool) -> bool:
    """Does ``line`` continue the block whose lines so far are ``block``?"""
    prev = block[-1]
    if prev_bold != bold:
        return False
    if not any(c.isalnum() for c in prev) or not any(c.isalnum() for c in line):
        return False  # "*", "-o0o-": the header's ornaments end a block
    if _HEADER_LINE.match(line) or (is_caps(line) and (m := _TYPE_RE.match(line))
                                    and not m.group(2).strip()):
        return False
    if is_caps(prev) or _SEPARATOR.match(prev) or _SEPARATOR.match(line):
        return False
    if starts_with_marker(line):
        return False
    if wrapped and prev.endswith(":") and line[0].isdigit():
        return True  # "+ Nguồn ngân sách địa phương:" / "60.038.000.000 đồng"
    if _TERMINAL.search(prev):
        return False
    if re.search(r"\w-$", prev) and line[:1].isalnum() and (wrapped or not blank):
        return True
    if wrapped and re.search(r"\s[-–]$", prev):
        return True  # "Bộ Văn hóa -" / "Thể thao và Du lịch"
    first = line[0]
    if first.islower() or first in ",;)]%”’":
        return True
    if not wrapped:
        return not blank and not first.isupper()
    if first.isdigit():
        return True
    if first.isupper():
        word = _first_word(line)
        words = _WORD.findall(prev)
        if word.isupper() and len(word) > 1:
            return True  # an acronym (UBND, MTTQ) continues the sentence
        if words and (words[-1], word) in stats.pairs:
            return True  # "Ban / Tuyên giáo": the document writes this pair inside a line
        joined = " ".join(block)
        if joined.count("“") > joined.count("”"):
            return True  # inside an open quotation
        first_marker = marker_of(block[0])
        if first_marker and (len(block) == 1 or (first_marker[0] not in BULLETS
                                                 and len(joined) <= HEADING_MAX_CHARS)):
            # A heading line followed by a sentence, unless the word is a name. A numbered
            # heading may be wrapped over several lines ("4. … thù địch" / "Tiếp tục quán
            # triệt …"); a bullet's wrapped lines are one long sentence and go on.
            return stats.cap_mid[word] > 0 and stats.cap_mid[word] >= stats.low_mid[word.lower()]
        return True  # a body line without final punctuation goes on
    return True
