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
from indexer.structure.outline import HEADING_MAX_CHARS, is_caps

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_TERMINAL = re.compile(r"[.;:!?…][\"”’)\]»]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_SEPARATOR = re.compile(r"^[-_=*.~]{3,}$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Reflowed:
    """Stored document text plus the start offsets of blocks that were wholly bold."""

    text: str
    bold_starts: set[int] = field(default_factory=set)


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


def reflow(raw: str) -> Reflowed:
    """Raw text (any line structure) -> stored text with one block per paragraph."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    text, bold_flags = _strip_bold(text)

    # Logical lines with their bold flag and whether a blank line preceded them.
    lines: list[tuple[str, bool, bool]] = []
    pos = 0
    blank_before = True
    for raw_line in text.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        stripped = _ITALIC.sub(r"\1", raw_line).strip()
        if not stripped:
            blank_before = True
            continue
        chars = [bold_flags[i] for i in range(start, end) if not text[i].isspace()]
        lines.append((" ".join(stripped.split()), bool(chars) and all(chars), blank_before))
        blank_before = False

    plain = [ln for ln, _, _ in lines]
    wrapped = _is_hard_wrapped(plain)
    if wrapped:
        lines = [item for item in lines if not _PAGE_NUMBER.match(item[0])]
        plain = [ln for ln, _, _ in lines]
    stats = _capitalization_stats(plain)

    blocks: list[tuple[list[str], bool]] = []
    for line, bold, blank in lines:
        if blocks and _continues(blocks[-1][0], line, blank, wrapped, stats, blocks[-1][1],
                                 bold):
            blocks[-1][0].append(line)
            blocks[-1] = (blocks[-1][0], blocks[-1][1] and bold)
        else:
            blocks.append(([line], bold))

    out: list[str] = []
    bold_starts: set[int] = set()
    offset = 0
    for parts, bold in blocks:
        block = parts[0]
        for part in parts[1:]:
            glued = re.search(r"\w-$", block) and part[:1].isalnum()
            block = block + part if glued else block + " " + part
        if bold:
            bold_starts.add(offset)
        out.append(block)
        offset += len(block) + 2
    return Reflowed("\n\n".join(out), bold_starts)


def _continues(block: list[str], line: str, blank: bool, wrapped: bool, stats: _WordStats, prev_bold: bool, bold: bool) -> bool:
    """Does ``line`` continue the block whose lines so far are ``block``?"""
    prev = block[-1]
    if prev_bold != bold:
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
