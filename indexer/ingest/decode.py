"""Bytes -> text for plain-text formats: UTF-8 (with or without BOM), UTF-16, the legacy
Vietnamese Windows code page cp1258, Windows-1252, and the pre-Unicode TCVN3 and VNI font
encodings, detected by how Vietnamese the result reads."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import IngestError

# Letters only Vietnamese uses (after NFC): a decoding that yields many of them is the right one.
_VI_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _vietnamese_score(text: str) -> float:
    """Share of letters that are Vietnamese-specific, minus a penalty for mojibake symbols."""
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return 0.0
    vi = sum(1 for c in letters if c in _VI_LETTERS)
    junk = sum(1 for c in text if c in "ÃÂÄÆÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿")
    return (vi - 3 * junk) / len(letters)


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16) or many control characters mean this is not text."""
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    enc = "utf-16-le" if odd_nuls > 0.3 and even_nuls < 0.05 else (
        "utf-16-be" if even_nuls > 0.3 and odd_nuls < 0.05 else None)
    if enc is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file; returns (text in NFC, encoding name). Raises IngestError when it is
    binary or no supported encoding gives readable text."""
    if not data.strip():
        raise IngestError("empty", "the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return unicodedata.normalize("NFC", data.decode(enc)), enc
            except UnicodeDecodeError as exc:
                raise IngestError("encoding", f"invalid {enc} text: {exc.reason}") from None
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return unicodedata.normalize("NFC", text16), "utf-16"
    if looks_binary(data):
        raise IngestError("binary", "the file looks binary, not text")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from .legacy import fix_legacy

    best: tuple[float, str, str] | None = None
    for enc in ("cp1258", "cp1252"):
        try:
            text = unicodedata.normalize("NFC", data.decode(enc))
        except UnicodeDecodeError:
            continue
        if enc == "cp1252":  # TCVN3 / VNI files read as Windows-1252 characters, then converted
            fixed, legacy = fix_legacy(text)
            if legacy:
                text, enc = unicodedata.normalize("NFC", fixed), legacy
        score = _vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None or _CONTROL.search(best[2][:65536]) and best[0] < 0.05:
        raise IngestError("encoding", "unknown text encoding (expected UTF-8, UTF-16, cp1258 or "
                                      "Windows-1252)")
    return best[2], best[1]
