"""Text -> index terms. Two fields:

- ``words``: underthesea word segmentation, lower-cased after segmentation, compounds joined with
  "_" ("tỷ_lệ", "che_phủ") plus their syllables, so a segmentation slip still matches;
- ``folded``: diacritics removed (đ -> d) syllables and syllable bigrams, so "ty le che phu rung"
  finds "tỷ lệ che phủ rừng" and the bigrams keep "ty_le" apart from other "ty"/"le".
Pure functions; the segmenter is loaded lazily because importing underthesea takes seconds.
"""

from __future__ import annotations

from functools import lru_cache

from indexer.text import fold, syllables


# underthesea's __init__ imports every optional pipeline it ships; "translate" imports transformers
# and with it torch. We use only word_tokenize: with these stubbed during the import, loading the
# segmenter took 12.8 s and 118 MB instead of 77 s and 337 MB (busy 2-core machine), and a server
# on the ONNX encoder never loads torch. The stubs leave sys.modules right after the import, so an
# explicit import of one of these pipelines still gets the real module.
_UNUSED_PIPELINES = {
    "underthesea.pipeline.classification": "classify",
    "underthesea.pipeline.sentiment": "sentiment",
    "underthesea.pipeline.lang_detect": "lang_detect",
    "underthesea.pipeline.dependency_parse": "dependency_parse",
    "underthesea.pipeline.translate": "translate",
    "underthesea.agent": "agent",
    "underthesea.address": "convert_address",
}


@lru_cache(maxsize=1)
def _segmenter():
    import sys
    import types

    stubbed = []
    if "underthesea" not in sys.modules:
        for module, name in _UNUSED_PIPELINES.items():
            if module not in sys.modules:
                stub = types.ModuleType(module)
                setattr(stub, name, None)  # what underthesea sets when the import fails
                sys.modules[module] = stub
                stubbed.append(module)
    try:
        from underthesea import word_tokenize
    finally:
        for module in stubbed:
            sys.modules.pop(module, None)
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
