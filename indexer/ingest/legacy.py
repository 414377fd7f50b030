"""Pre-Unicode Vietnamese encodings -> Unicode: TCVN3 (ABC, the ".VnTime" fonts) and VNI
("VNI-Times"). Documents typed before ~2005 store Vietnamese as Latin-1 look-alike characters that
a font drew as Vietnamese ("NghÞ quyÕt", "Nghò quyeát"); read as Unicode they are unsearchable
mojibake. Detection is by how Vietnamese the converted text reads, block by block, so a document
mixing Unicode and legacy paragraphs is fixed without touching its Unicode parts."""

from __future__ import annotations

import re

# TCVN3 (ABC): one byte per letter; the precomposed capitals with tones live in the "H" fonts
# (.VnTimeH), which reuse the lower-case codes, so only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
_TCVN3_SRC = ("µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®" "ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî"
              "ïóñòô" "\u00adõøö÷ù" "úýûüþ" "¡¢§£¤¥¦")
_TCVN3_DST = ("àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đ" "èéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ"
              "ùúủũụ" "ưừứửữự" "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ")
assert len(_TCVN3_SRC) == len(_TCVN3_DST)
TCVN3 = str.maketrans(_TCVN3_SRC, _TCVN3_DST)

# VNI: a base letter followed by a mark character (two characters for most accented letters).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    import unicodedata

    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    table: dict[str, str] = {}
    for upper in (False, True):
        cap = (lambda s: s.upper()) if upper else (lambda s: s)
        for base in "aeiouy":
            for mark, tone in _VNI_TONES.items():
                table[cap(base) + cap(mark)] = nfc(cap(base) + tone)
        for base in "aeo":  # â ê ô: "aâ" and tones "aá" "aà" "aå" "aã" "aä"
            table[cap(base) + cap("â")] = nfc(cap(base) + "\u0302")
            for mark, tone in _VNI_HAT_TONES.items():
                table[cap(base) + cap(mark)] = nfc(cap(base) + "\u0302" + tone)
        table[cap("a") + cap("ê")] = cap("ă")
        for mark, tone in _VNI_BREVE_TONES.items():
            table[cap("a") + cap(mark)] = nfc(cap("ă") + tone)
        for base, hooked in (("ô", "ơ"), ("ö", "ư")):  # ơ ư are one character, tones follow
            table[cap(base)] = cap(hooked)
            for mark, tone in _VNI_TONES.items():
                table[cap(base) + cap(mark)] = nfc(cap(hooked) + tone)
        # i and y with tones are single characters.
        for src, dst in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"),
                         ("ñ", "đ")):
            table[cap(src)] = cap(dst)
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))

_VI_ONLY = re.compile(r"[\u0100-\u01b0\u1ea0-\u1ef9]")  # ă đ ĩ ũ ơ ư ạ … ỹ: Unicode Vietnamese
# Latin-1 characters Vietnamese never uses: their presence is the mojibake signal.
_FOREIGN = set("µ¸¶·¹¨»¾¼½Æ©ÇËÎÏÑª×ØÜÞßäå«æçë¬îïñö÷øûüþ¡¢§£¤¥¦\u00adÅÄÖØÛÜÆÏËÎÑ")


def has_unicode_vietnamese(text: str) -> bool:
    """Letters only Unicode Vietnamese has (ă đ ơ ư ạ … ỹ): such text is not legacy-encoded."""
    return bool(_VI_ONLY.search(text))


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(TCVN3)


def vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI[m.group(0)], text)


def _foreign_share(text: str) -> float:
    letters = [c for c in text if c.isalpha() or c in _FOREIGN]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c in _FOREIGN) / len(letters)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”/\-–]+")


def _syllable_share(text: str) -> float:
    """Share of words that are well-formed Vietnamese syllables (one tone at most, a known
    onset/nucleus/coda shape): right conversions score high, wrong ones and mojibake low."""
    import unicodedata

    from indexer.text import _VI_SYLLABLE, fold

    words = _WORD.findall(text)
    if not words:
        return 0.0
    good = 0
    for word in words:
        if any(c in _FOREIGN for c in word):
            continue
        tones = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONES)
        if tones <= 1 and _VI_SYLLABLE.match(fold(word).lower()):
            good += 1
    return good / len(words)


def detect_legacy(text: str) -> str | None:
    """"tcvn3", "vni" or None: which conversion makes this text read as Vietnamese."""
    sample = "\n".join(b for b in text[:200_000].split("\n") if not _VI_ONLY.search(b))
    foreign = sum(1 for c in sample if c in _FOREIGN)
    if foreign < 3 or _foreign_share(sample) < 0.02:
        return None
    best, best_score = None, _syllable_share(sample)
    for name, convert in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)):
        score = _syllable_share(convert(sample))
        if score > best_score + 0.15:
            best, best_score = name, score
    return best


def fix_legacy(text: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Text with legacy-encoded lines converted to Unicode, and the encoding found (or None). Lines
    that already hold Unicode Vietnamese letters are kept as they are."""
    encoding = encoding or detect_legacy(text)
    if encoding is None:
        return text, None
    convert = tcvn3_to_unicode if encoding == "tcvn3" else vni_to_unicode
    lines = [line if _VI_ONLY.search(line) else convert(line) for line in text.split("\n")]
    return "\n".join(lines), encoding


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: ".VnTime"/".VnArialH" -> tcvn3, "VNI-Times" -> vni."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def font_is_capitals(font: str | None) -> bool:
    """TCVN3 "H" fonts (.VnTimeH) draw the lower-case codes as capitals."""
    return bool(font) and font.strip().lower().startswith(".vn") and font.strip().endswith("H")
