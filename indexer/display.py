"""Display text shared by the pages, the DOCX exports and the CLI: a quotation between marks
without doubled closing marks, and text clipped between words. Pure functions."""

from __future__ import annotations

import re


def clip_words(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters, cut between words with "…" (never
    inside a word: "… phát triển du" is not a heading an official wrote)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def quote_marks(text: str) -> tuple[str, str]:
    """The (opening, closing) marks ``quoted`` puts around ``text``, for a template that renders
    the text itself (with highlights)."""
    text = text.strip()
    return ("«", "»") if re.search(r"[“”\"]", text[:1] + text[-1:]) else ("“", "”")


def quoted(text: str) -> str:
    """``text`` between quotation marks. A verbatim quote that itself opens or ends with a
    quotation mark ("… Đề án “Nâng cao … đến năm 2030”") gets «» outside, so it never ends in a
    doubled "””"."""
    opening, closing = quote_marks(text)
    return f"{opening}{text.strip()}{closing}"
