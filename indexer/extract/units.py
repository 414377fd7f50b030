"""Names of units (organisations, bodies, groups of people) as written in Vietnamese administrative
texts, and their normalized form: abbreviations expanded (UBND, HĐND, MTTQ, ĐU, TU, BTV, …), old-style
tone marks ("uỷ", "hoá") rewritten, the leading quantifier ("các", "mỗi") dropped; the level
(tỉnh, huyện, xã, phường, thị trấn) is kept as written."""

from __future__ import annotations

import re

from indexer.text import fold

ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBKT": "Ủy ban Kiểm tra",
    "BCĐ": "Ban Chỉ đạo",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "BTG": "Ban Tuyên giáo",
    "BDV": "Ban Dân vận",
    "BTC": "Ban Tổ chức",
    "VPTU": "Văn phòng Tỉnh ủy",
    "VPHU": "Văn phòng Huyện ủy",
    "VPĐU": "Văn phòng Đảng ủy",
    "VP": "Văn phòng",
    "ĐU": "Đảng ủy",
    "TU": "Tỉnh ủy",
    "HU": "Huyện ủy",
    "TTr": "Thường trực",
    "TT": "Thường trực",
    "ĐTN": "Đoàn Thanh niên",
    "ĐTNCS": "Đoàn Thanh niên Cộng sản",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "HND": "Hội Nông dân",
    "HCCB": "Hội Cựu chiến binh",
    "LĐLĐ": "Liên đoàn Lao động",
    "CA": "Công an",
    "BCHQS": "Ban Chỉ huy Quân sự",
}
_ABBR_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True))
                      + r")(?![\w])")

# Old-style tone placement in open syllables ("uỷ", "hoá") -> the modern one ("ủy", "hóa").


def _modern_tone(m: re.Match) -> str:
    if m.group(1):
        first, vowel = m.group(1), m.group(2)
        new = {"ỷ": "ủ", "ý": "ú", "ỳ": "ù", "ỹ": "ũ", "ỵ": "ụ"}[vowel]
        return (new.upper() if first.isupper() else new) + "y"
    first, vowel = m.group(3), m.group(4)
    tone = {"á": "ó", "à": "ò", "ả": "ỏ", "ã": "õ", "ạ": "ọ", "é": "ó", "è": "ò", "ẻ": "ỏ", "ẽ": "õ",
            "ẹ": "ọ"}[vowel]
    base = "a" if vowel in "áàảãạ" else "e"
    return (tone.upper() if first.isupper() else tone) + base


def modern_tones(text: str) -> str:
    # "quý" keeps its accent on y ("qu" is a consonant): only rewrite uy/oa/oe after other letters.
    return re.sub(r"(?<![qQ])([uU])([ỷýỳỹỵ])(?!\w)|([oO])([áàảãạéèẻẽẹ])(?!\w)", _modern_tone, text)


_QUANTIFIER = re.compile(r"^(?:các|mỗi|từng|toàn bộ|tất cả các|những)\s+", re.IGNORECASE)
_LEVEL_WORDS = ("tỉnh", "huyện", "xã", "phường", "thị trấn", "thành phố", "thị xã", "cơ sở", "trung ương")


def expand_abbreviations(text: str) -> str:
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def normalize_unit(name: str) -> str:
    """"UBND xã" -> "Ủy ban nhân dân xã"; "Các huyện uỷ" -> "huyện ủy"; "Tỉnh uỷ" -> "Tỉnh ủy"."""
    text = " ".join(name.split()).strip(" ,;:.")
    text = expand_abbreviations(modern_tones(text))
    text = _QUANTIFIER.sub("", text)
    text = re.sub(r"^(?:đồng chí|đ/c)\s+", "", text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:] if text else text


def unit_key(name: str) -> str:
    """Comparison key of a unit name: normalized, lower-cased, without diacritics."""
    return re.sub(r"\s+", " ", fold(normalize_unit(name)).lower().replace("-", " ")).strip()


def level_of(name: str) -> str | None:
    """The administrative level a unit name carries (tỉnh, huyện, xã, phường, …), if any."""
    low = normalize_unit(name).lower()
    if re.search(r"\btỉnh ủy\b|\btỉnh\b|tỉnh đoàn", low):
        return "tỉnh"
    if re.search(r"huyện ủy|\bhuyện\b|thành ủy|thị ủy", low):
        return "huyện"
    for word in ("phường", "thị trấn", "xã"):
        if re.search(rf"\b{word}\b", low):
            return word
    if "đảng ủy" in low:
        return "xã"
    if "trung ương" in low:
        return "trung ương"
    return None


_FOLDED_ABBR = {fold(k).lower(): fold(v).lower() for k, v in ABBREVIATIONS.items() if len(k) > 2}


def _query_key(query: str) -> str:
    words = unit_key(query).split()
    return " ".join(_FOLDED_ABBR.get(w, w) for w in words)


def matches_unit(query: str, name: str) -> bool:
    """Does a unit name (as written or normalized) match what a user typed ("Đoàn Thanh niên",
    "ubnd xa", "Ủy ban nhân dân xã")?"""
    q = _query_key(query)
    k = unit_key(name)
    return bool(q) and (q == k or f" {q} " in f" {k} ")
