"""Vietnamese number parsing: "." groups thousands, "," is the decimal mark.

    parse_number("90.241.000.000") -> 90241000000     parse_number("70,5") -> 70.5
    parse_number("01") -> 1                           parse_number("10.000") -> 10000
"""

from __future__ import annotations

import re

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(rf"(?<![\w./-])(?:{NUMBER})(?![\w])")


def parse_number(text: str) -> int | float | None:
    """The value of one Vietnamese-written number, or None when it is not a number."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    elif re.fullmatch(r"\d+\.\d+", text):  # written the English way ("1.5"): keep the decimal
        value = float(text)
        return int(value) if value.is_integer() else value
    if not re.fullmatch(r"\d+(?:,\d+)?", text):
        return None
    if "," in text:
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    return int(text)
