"""Text -> index terms. Two fields:

- ``words``: underthesea word segmentation, lower-cased after segmentation, compounds joined with
  "_" ("tỷ_lệ", "che_phủ") plus their syllables, so a segmentation slip still matches;
- ``folded``: diacritics removed (đ -> d) syllables and syllable bigrams, so "ty le che phu rung"
  finds "tỷ lệ che phủ rừng" and the bigrams keep "ty_le" apart from other "ty"/"le".
Pure functions; the segmenter is loaded lazily because importing underthesea takes seconds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SYLLABLE = re.compile(r"\w+", re.UNICODE)
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch.translate(_FOLD_TABLE))[0]
    return base


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keeping length: one output char per input char (NFC input)."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) if not c.isascii() else c for c in text)


def has_diacritics(text: str) -> bool:
    return fold(text) != text


def syllables(text: str) -> list[str]:
    return [m.group(0).lower() for m in _SYLLABLE.finditer(text)]


@lru_cache(maxsize=1)
def _segmenter():
    from underthesea import word_tokenize

    return word_tokenize


def segment(text: str) -> list[str]:
    """Word tokens: compounds joined by "_" and followed by their syllables; punctuation dropped."""
    if not text.strip():
        return []
    try:
        words = _segmenter()(text)
    except Exception:  # the segmenter must never take indexing down: fall back to syllables
        words = syllables(text)
    out: list[str] = []
    for word in words:
        parts = syllables(word)
        if not parts:
            continue
        if len(parts) > 1:
            out.append("_".join(parts))
        out.extend(parts)
    return out


def folded_terms(text: str) -> list[str]:
    """Diacritic-free syllables plus adjacent-syllable bigrams."""
    sy = syllables(fold(text))
    return sy + [f"{a}_{b}" for a, b in zip(sy, sy[1:])]


@lru_cache(maxsize=8192)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(segment(text))


def word_terms(text: str) -> list[str]:
    """Terms of an indexed text. Its first line (title and heading path, repeated for every passage
    of a section) is segmented once and cached."""
    head, sep, body = text.partition("\n")
    if not sep:
        return segment(text)
    return list(_segment_cached(head)) + segment(body)


# A Vietnamese syllable written without diacritics: onset, vowel nucleus, optional coda.
_VI_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                          r"(uye|uya|oai|oay|uoi|uou|ieu|yeu|oeo|uay|uao|ai|ao|au|ay|eo|eu|ia|ie|iu|"
                          r"oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|ưa|[aeiouy])"
                          r"(ch|ng|nh|[cmnpt]|[iyou])?$")


def query_language(text: str) -> str:
    """'vi' (with diacritics), 'vi-noaccent' or 'en', from the shape of the words."""
    if has_diacritics(text):
        return "vi"
    words = [w for w in syllables(text) if w.isalpha()]
    if not words:
        return "vi"
    vi_like = sum(1 for w in words if _VI_SYLLABLE.match(w))
    return "vi-noaccent" if vi_like / len(words) >= 0.75 else "en"
