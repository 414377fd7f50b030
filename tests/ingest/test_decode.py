"""Encodings: UTF-8 with/without BOM, UTF-16, cp1258 and Windows-1252, and clear errors."""

from __future__ import annotations

import codecs

import pytest

from indexer.ingest.decode import decode_bytes
from indexer.ingest.errors import IngestError
from tests.conftest import PLANS

SAMPLE = PLANS["000"].read_text(encoding="utf-8")[:3000]


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_unicode_encodings_roundtrip(encoding, prefix):
    text, _ = decode_bytes(prefix + SAMPLE.encode(encoding))
    assert text.lstrip("\ufeff") == SAMPLE


def to_cp1258_form(text: str) -> str:
    """cp1258 has letters like â, ơ, ư precomposed but the five tones only as combining marks."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out)


def test_cp1258_is_detected_and_recomposed():
    ascii_safe = "Tỷ lệ che phủ rừng đạt 59,55%; Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền."
    data = to_cp1258_form(ascii_safe).encode("cp1258", errors="strict")
    text, enc = decode_bytes(data)
    assert enc == "cp1258"
    assert text == ascii_safe


def test_windows_1252_western_text():
    text, enc = decode_bytes("Café – résumé naïve".encode("cp1252"))
    assert text == "Café – résumé naïve"
    assert enc in ("cp1252", "cp1258")


@pytest.mark.parametrize("data,code", [
    (b"", "empty"), (b"   \n\n ", "empty"), (bytes(range(256)) * 40, "binary"),
    (b"\x00\x01\x02\x03PK\x03\x04" * 500, "binary"),
])
def test_bad_bytes_give_a_reason(data, code):
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert info.value.code == code
    assert info.value.message and info.value.message_vi
