"""Names of units (organisations, bodies, groups of people) as written in Vietnamese administrative
texts, and their normalized form: abbreviations expanded (UBND, HĐND, MTTQ, ĐU, TU, BTV, …), old-style
tone marks ("uỷ", "hoá") rewritten, the leading quantifier ("các", "mỗi") dropped; the level
(tỉnh, huyện, xã, phường, thị trấn) is kept as written."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.text import fold, folded_words, modern_tones  # noqa: F401 - modern_tones is part of this module's API

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
# Short forms of terms (not bodies) a question types for what the documents write out ("tỷ lệ bao
# phủ BHYT" is the plans' "tỷ lệ bao phủ bảo hiểm y tế"), and of the procedures, courts and bodies
# the laws name in full ("báo cáo ĐTM": "báo cáo đánh giá tác động môi trường"; "UBTVQH").
TERM_ABBREVIATIONS = {
    "BHYT": "bảo hiểm y tế", "BHXH": "bảo hiểm xã hội", "BHTN": "bảo hiểm thất nghiệp",
    "THCS": "trung học cơ sở", "THPT": "trung học phổ thông", "CNTT": "công nghệ thông tin",
    "NTM": "nông thôn mới", "HTX": "hợp tác xã", "ATTP": "an toàn thực phẩm", "GDĐT": "giáo dục đào tạo",
    "KTXH": "kinh tế xã hội", "DTNT": "dân tộc nội trú", "VN": "Việt Nam",
    # (the budget, the minorities, defence and order, the national programmes, the armed forces,
    # the textbooks: how officials type them in reports and questions; the ministries' fields are
    # ``_MINISTRIES``)
    "NSNN": "ngân sách nhà nước", "DTTS": "dân tộc thiểu số", "QPAN": "quốc phòng an ninh",
    "ANTT": "an ninh trật tự", "CCHC": "cải cách hành chính", "MTQG": "mục tiêu quốc gia",
    "LLVT": "lực lượng vũ trang",
    "SGK": "sách giáo khoa", "TNCS": "Thanh niên Cộng sản"}
LAW_ABBREVIATIONS = {
    "ĐTM": "đánh giá tác động môi trường", "ĐMC": "đánh giá môi trường chiến lược",
    "GPMT": "giấy phép môi trường", "UBTVQH": "Ủy ban thường vụ Quốc hội", "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân", "BLDS": "Bộ luật Dân sự", "BVMT": "bảo vệ môi trường",
    "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao", "HĐXX": "Hội đồng xét xử"}
_SPELLED = {**{k: v for k, v in ABBREVIATIONS.items() if len(k) > 2}, **TERM_ABBREVIATIONS, **LAW_ABBREVIATIONS}
_SPELLED_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, _SPELLED), key=len,
                                                             reverse=True)) + r")(?![\w])")


# The ministries' standard short names ("Bộ NN&PTNT", "Bộ TN&MT", "Bộ VHTTDL"): the laws spell the
# ministry out ("Bộ Nông nghiệp và Phát triển nông thôn"), a question often writes it short, and
# the short form's letters are no word of any text.
_MINISTRIES = {
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn", "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "TN&MT": "Tài nguyên và Môi trường", "TNMT": "Tài nguyên và Môi trường",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch", "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch", "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội", "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "KH&ĐT": "Kế hoạch và Đầu tư", "KHĐT": "Kế hoạch và Đầu tư", "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ", "TT&TT": "Thông tin và Truyền thông", "TTTT": "Thông tin và Truyền thông",
    "GTVT": "Giao thông vận tải",
}
_MINISTRY_RE = re.compile(r"(?<![\w&,])(" + "|".join(
    r"[\s-]*".join("[ĐD]" if c == "Đ" else re.escape(c) for c in k) for k in sorted(_MINISTRIES, key=len, reverse=True)) + r")(?![\w&])", re.I)
_MINISTRY_KEY = {re.sub(r"\W", "", folded_words(k).replace(" ", "")): v for k, v in _MINISTRIES.items()}


def _ministry(short: str) -> str | None:
    """The ministry a short name matched by ``_MINISTRY_RE`` stands for, however it was typed."""
    return _MINISTRY_KEY.get(re.sub(r"\W", "", folded_words(short).replace(" ", "")))


def spell_out_ministries(text: str) -> str:
    """A question's short ministry names spelled out ("Bộ NN&PTNT công bố" -> "Bộ Nông nghiệp và
    Phát triển nông thôn công bố"), typed with or without diacritics, spaces or hyphens ("LĐ-TB&XH")."""
    return _MINISTRY_RE.sub(lambda m: _ministry(m.group(1)) or m.group(1), text)


def spelled_out(text: str) -> str:
    """The long forms of the short ones ``text`` types, as written, three letters or more ("UBND",
    "UBTVQH", "BHYT", "THPT"), space-joined; "" when it types none. A query keeps its short form and
    gets the long one too: the plans write "UBND" and "UBND xã" as often as "Ủy ban nhân dân", the
    laws only the long forms."""
    found = [_SPELLED[m.group(1)] for m in _SPELLED_RE.finditer(text)]
    # (a ministry's short name as typed, "Bộ NN&PTNT", "Sở TN&MT", "Bộ KH&CN": ``_MINISTRIES``)
    found += [full for m in _MINISTRY_RE.finditer(text) if (full := _ministry(m.group(1)))]
    return " ".join(dict.fromkeys(found))

_QUANTIFIER = re.compile(r"^(?:các|mỗi|từng|toàn bộ|tất cả các|những)\s+", re.IGNORECASE)
_LEVEL_WORDS = ("tỉnh", "huyện", "xã", "phường", "thị trấn", "thành phố", "thị xã", "cơ sở", "trung ương")


def expand_abbreviations(text: str) -> str:
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


# Official spelling of body names, whatever case a plan writes them in ("Ban xây dựng Đảng",
# "Ủy ban kiểm tra"): one display name per unit.
PROPER_NAMES = ("Ban Xây dựng Đảng", "Ủy ban Kiểm tra", "Ban Tuyên giáo", "Ban Dân vận", "Ban Tổ chức",
                "Ban Thường vụ", "Ban Chấp hành", "Ban Chỉ đạo", "Mặt trận Tổ quốc", "Ủy ban nhân dân",
                "Hội đồng nhân dân", "Văn phòng", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ",
                "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động")
_PROPER_RE = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, PROPER_NAMES)) + r")(?!\w)", re.IGNORECASE)
_PROPER = {n.lower(): n for n in PROPER_NAMES}

# Near-duplicate names of one unit -> its canonical name. Each rule says why two spellings are one
# body; the level (tỉnh, xã, phường) is otherwise kept as written.
SYNONYMS: list[tuple[re.Pattern[str], str]] = [
    # "Ban Xây dựng Đảng" is the collective name of the Party-building committees; the owner or
    # level written after it ("Đảng ủy", "tỉnh", "Tỉnh ủy") does not make another unit.
    (re.compile(r"^Ban Xây dựng Đảng(?:\s+(?:Đảng ủy|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|tỉnh|huyện|xã|"
                r"phường|thị trấn|các cấp))*$", re.IGNORECASE), "Ban Xây dựng Đảng"),
    # The Front acts through its committee: "Ủy ban Mặt trận Tổ quốc (Việt Nam)" is the Front.
    (re.compile(r"^(?:Ủy ban\s+)?Mặt trận Tổ quốc(?:\s+Việt Nam)?(?=\s|$)", re.IGNORECASE),
     "Mặt trận Tổ quốc"),
]

# Words that name a kind of body, not a body: a list made only of them ("Ban, sở, ngành",
# "Chính quyền", "các cơ quan, đơn vị, doanh nghiệp") is an audience, not a unit to hold to a task.
_GENERIC_WORDS = ("ban", "sở", "ngành", "cơ quan", "đơn vị", "địa phương", "doanh nghiệp",
                  "trường học", "đoàn thể", "chính quyền", "lực lượng", "tổ chức", "phòng", "hội",
                  "cơ sở", "cá nhân", "tập thể")
_GENERIC_PART = re.compile(r"^(?:các\s+|những\s+)?(?:" + "|".join(map(re.escape, _GENERIC_WORDS))
                           + r")(?:\s+(?:các cấp|liên quan|có liên quan|chức năng))?$", re.IGNORECASE)


@lru_cache(maxsize=16384)
def normalize_unit(name: str) -> str:
    """The one display name of a unit, used by the list, the unit page, the API and the brief:
    "UBND xã" -> "Ủy ban nhân dân xã"; "Các huyện uỷ" -> "Huyện ủy"; "Ban xây dựng Đảng tỉnh" and
    "Ban Xây dựng Đảng Đảng ủy" -> "Ban Xây dựng Đảng"; "Ủy ban Mặt trận Tổ quốc" -> "Mặt trận Tổ
    quốc"."""
    text = " ".join(name.split()).strip(" ,;:.")
    text = expand_abbreviations(modern_tones(text))
    text = _QUANTIFIER.sub("", text)
    text = re.sub(r"^(?:đồng chí|đ/c)\s+", "", text, flags=re.IGNORECASE)
    text = _PROPER_RE.sub(lambda m: _PROPER[m.group(1).lower()], text)
    for pattern, canonical in SYNONYMS:
        text = pattern.sub(canonical, text, count=1)
    return text[:1].upper() + text[1:] if text else text


def is_generic_unit(name: str) -> bool:
    """Is ``name`` only kinds of bodies ("Ban, sở, ngành", "Chính quyền", "các địa phương, cơ
    quan, đơn vị") rather than a unit that can be held to a task?"""
    text = " ".join(modern_tones(name).split()).strip(" ,;:.")
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+và\s+", text) if p]
    return bool(parts) and all(_GENERIC_PART.match(p) for p in parts)


def select_unit_keys(query: str, keys: list[str]) -> list[str]:
    """The stored unit keys a unit page shows for ``query``: the unit itself when the query names a
    listed unit (so the page counts what the list counts), else every unit whose name contains
    the query ("ubnd xa" finds "Ủy ban nhân dân xã")."""
    exact = unit_key(query)
    if exact in keys:
        return [exact]
    return [k for k in keys if matches_unit(query, k)]


@lru_cache(maxsize=16384)
def unit_key(name: str) -> str:
    """Comparison key of a unit name: normalized, lower-cased, without diacritics (cached: the
    answer engine compares every item's unit with the question's words)."""
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


def query_key(query: str) -> str:
    """``unit_key`` of what a user typed, its abbreviations typed without diacritics spelled out
    too ("ubnd xa", "bao cao HDND cung cap": "hdnd" is "hoi dong nhan dan")."""
    words = unit_key(query).split()
    return " ".join(_FOLDED_ABBR.get(w, w) for w in words)


def matches_unit(query: str, name: str) -> bool:
    """Does a unit name (as written or normalized) match what a user typed ("Đoàn Thanh niên",
    "ubnd xa", "Ủy ban nhân dân xã")?"""
    q = query_key(query)
    k = unit_key(name)
    return bool(q) and (q == k or f" {q} " in f" {k} ")
