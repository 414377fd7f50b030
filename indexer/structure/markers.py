"""Outline markers of Vietnamese administrative and legal texts: "A-", "I.", "1.", "2.1.", "a)",
"(1)", "Điều 5.", "Chương II", "-", "+", "*"."""

from __future__ import annotations

import re

# Order matters: the first pattern that matches names the marker kind.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần)\s+(?:[IVXLC]+|\d+|THỨ\s+\w+|thứ\s+\w+)\b")),
    ("chapter", re.compile(r"^(?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+)\b")),
    ("section", re.compile(r"^(?:MỤC|Mục)\s+\d+\b")),
    ("article", re.compile(r"^Điều\s+\d+[a-zđ]?\s*[.:]")),
    ("roman", re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s*[-–.]\s*(?=\S)")),
    ("letter", re.compile(r"^[A-HJ-UW-Z]\s*[-–.]\s+(?=\S)")),
    ("num3", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+(?=\S)")),
    ("num2", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?=\S)")),
    ("num", re.compile(r"^\d{1,2}\s*[.\-–)]\s+(?=\S)")),
    ("alpha", re.compile(r"^[a-zđ]\)\s*(?=\S)")),
    ("paren", re.compile(r"^(?:[-–+]\s*)?\(\d{1,2}\)\s*(?=\S)")),
    ("star", re.compile(r"^\*\s*(?=\S)")),
    ("dash", re.compile(r"^[-–—•]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
]

# Items that are list bullets rather than numbered outline headings.
BULLETS = {"paren", "star", "dash", "plus", "alpha"}


def marker_of(text: str) -> tuple[str, str] | None:
    """(kind, marker text) of a block that starts with an outline marker, else None."""
    for kind, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            if kind == "dash" and re.match(r"^-{2,}", text):
                return None
            return kind, m.group(0).strip()
    return None


def starts_with_marker(text: str) -> bool:
    return marker_of(text) is not None
