"""Text helpers shared by every stage: diacritics folding, syllables, sort keys, query language and
the stopword lists. One home for each idea, so indexing, search, highlighting, answers, compare and
the pages fold and filter words the same way. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SYLLABLE = re.compile(r"\w+", re.UNICODE)
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFD", ch.translate(_FOLD_TABLE))[0]


class _FoldTable(dict):
    """str.translate table filled on first sight of a character (translate runs in C: folding a
    passage is ~40x faster than a Python loop over its characters)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = value = ch if ch.isascii() else _fold_char(ch)
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keeping length: one output char per input char (NFC input), so
    offsets found in the folded text are offsets in the original."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


_VI_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")  # tones, circumflex, breve, horn


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """Each vowel, and "d", with every letter of the Vietnamese marks that folds to it ("a" ->
    "aàáảãạăằắ…", "d" -> "dđ"); other letters are written the same folded or not."""
    classes: dict[str, set[str]] = {"d": {"đ"}}
    for code in range(0xC0, 0x1EFA):
        base, *marks = unicodedata.normalize("NFD", chr(code))
        if base in "aeiouy" and marks and all(m in _VI_MARKS for m in marks):
            classes.setdefault(base, set()).add(chr(code))
    return {base: base + "".join(sorted(chars)) for base, chars in classes.items()}


def folded_pattern(folded: str) -> str:
    """A regex (to match with re.IGNORECASE) for any writing of these folded syllables: "nhom tieu
    chi" finds "nhóm tiêu chí" and "Nhóm tiêu chí" — a question typed without diacritics, or
    restored by guess, names the text's words by their folded form."""
    classes = _letter_classes()
    out = []
    for ch in folded.strip():
        if ch == " ":
            out.append(r"\s+")
        elif ch in classes:
            out.append(f"[{classes[ch]}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def has_diacritics(text: str) -> bool:
    return fold(text) != text


def syllables(text: str) -> list[str]:
    """Lower-cased word-character runs (Vietnamese syllables, numbers, English words)."""
    return [m.group(0).lower() for m in _SYLLABLE.finditer(text)]


def folded_words(text: str) -> str:
    """Folded, lower-cased syllables joined by single spaces: the form phrase matching uses
    (``f" {a} " in f" {folded_words(b)} "``)."""
    return " ".join(_SYLLABLE.findall(fold(text).lower()))


def written_as(text: str, folded: str) -> str | None:
    """The first stretch of ``text`` whose syllables fold to ``folded`` ("hieu luc" -> "hiệu lực",
    "nhiem vu trong tam" -> "NHIỆM VỤ TRỌNG TÂM"), as the text writes it; None when it says none."""
    want = folded.split()
    if not want:
        return None
    syllables = [(fold(m.group(0)).lower(), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    for i in range(len(syllables) - len(want) + 1):
        if [x for x, _, _ in syllables[i:i + len(want)]] == want:
            return text[syllables[i][1]:syllables[i + len(want) - 1][2]]
    return None


def fold_key(value: str | None) -> str:
    """Case- and diacritics-insensitive sort/compare key (đ sorts with d)."""
    return fold(unicodedata.normalize("NFC", value or "")).casefold()


# A Vietnamese syllable written without diacritics: onset, vowel nucleus, optional coda.
_VI_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                          r"(uye|uya|oai|oay|uoi|uou|ieu|yeu|oeo|uay|uao|ai|ao|au|ay|eo|eu|ia|ie|iu|"
                          r"oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|ưa|[aeiouy])"
                          r"(ch|ng|nh|[cmnpt]|[iyou])?$")


#: Share of a question's words that are not Vietnamese syllables from which a question with
#: diacritics is English (the Vietnamese names in it are the rest).
EN_SHARE = 0.33


_HAS_VOWEL = re.compile(r"[aeiouy]", re.I)


def query_language(text: str) -> str:
    """'vi' (with diacritics), 'vi-noaccent' or 'en', from the shape of the words."""
    words = [w for w in syllables(text) if w.isalpha()]
    if has_diacritics(text):
        # An English question naming Vietnamese places or units ("What share of communes in Lai
        # Châu …") has diacritics too: English when most of its plain words cannot be Vietnamese
        # syllables (an acronym or two in a Vietnamese sentence are far from it). 50 of the 244
        # English questions of the bench sets were read as Vietnamese, searched untranslated.
        foreign = sum(1 for w in words if w.isascii() and not _VI_SYLLABLE.match(w))
        return "en" if foreign >= 3 and foreign >= EN_SHARE * len(words) else "vi"
    # Acronyms and document numbers ("NQ 35-NQ/TW", "KH 209-KH/TU", "UBND") are neither language's
    # words: left out, they no longer turn "Can so ket may nam thuc hien NQ 35-NQ/TW va KH
    # 209-KH/TU?" English (2 of the bench sets' 691 questions typed without diacritics were).
    # (so are the lower-case ones without a vowel, "kh 209 … nq 35-nq/tw": no word of either language)
    plain = [m.group(0).lower() for m in _SYLLABLE.finditer(text)
             if m.group(0).isalpha() and not (len(m.group(0)) > 1 and m.group(0).isupper())
             and _HAS_VOWEL.search(m.group(0))]
    words = plain or words
    if not words:
        return "vi"
    vi_like = sum(1 for w in words if _VI_SYLLABLE.match(w))
    return "vi-noaccent" if vi_like / len(words) >= 0.75 else "en"


def has_searchable_text(text: str) -> bool:
    """True when the text holds at least one letter or digit (a query of only punctuation or emoji
    has nothing to search for)."""
    return any(c.isalnum() for c in text)


# -- stopwords (all folded) ---------------------------------------------------------------------------
# Three lists because they serve three purposes; each is built from the same parts.

#: Question words and particles of Vietnamese and English questions ("ai", "bao nhiêu", "what").
QUESTION_WORDS = frozenset("""
ai gi nao bao nhieu may sao dau luc khong hay hoac the nhu phai ra vao len
a an and are be by does for how in is of on or to what when where which who whom why with
""".split())

#: Vietnamese function words that carry no content in these texts.
FUNCTION_WORDS = frozenset("""
va cac cua trong cho voi de la co duoc cung nhung the nay do tai theo tu den ve khi tren mot so
thi ma o nhu da se
""".split())

#: Words too common in resolutions to tell two tasks apart (compare's alignment ignores them).
BOILERPLATE_WORDS = frozenset("viec nham dam bao tiep tuc thuc hien".split())

#: Words never highlighted in a passage: they would light up half of every passage.
HIGHLIGHT_STOPWORDS = QUESTION_WORDS | FUNCTION_WORDS

#: Words that say nothing about the content of a task (compare's similarity).
CONTENT_STOPWORDS = FUNCTION_WORDS | BOILERPLATE_WORDS

#: Words of a question that name its kind, a document, or a place level rather than its subject
#: (the answer engine matches the rest against extracted items). Kept apart from QUESTION_WORDS:
#: "lên", "vào", "đâu" can be the subject's own words in a question.
QUESTION_STOPWORDS = frozenset("""
ai co quan nao don vi nao to chuc ben cap la gi bao nhieu may khi bao gio the nhu the nao
chiu trach nhiem phu trach nhiem vu viec cua va voi cho trong tai o den nam muc tieu chi tieu thuc hien
ke hoach nghi quyet ket luan van ban phai duoc se da dang can co khong hay hoac cac nhung mot moi
xa phuong tinh huyen dat phan tram ty le toc do lam dinh ky truoc sau ngay thang quy han thoi gian
giai doan ra sao nhu nao vay a the de ve tu theo tren duoi ban hanh dang
the a an of for is are what who which how many much when to in on by and or with be does do
responsible charge target rate percent percentage goal total deadline task tasks duty duties plan
resolution must should will there this that it its
minh
""".split())


# Old-style tone placement in open syllables ("uỷ", "hoá") -> the modern one ("ủy", "hóa"); unit
# names (indexer.extract.units) and highlights (indexer.search.highlight) use it.


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


# "quý" keeps its accent on y ("qu" is a consonant): only rewrite uy/oa/oe after other letters.
_OLD_TONES = re.compile(r"(?<![qQ])([uU])([ỷýỳỹỵ])(?!\w)|([oO])([áàảãạéèẻẽẹ])(?!\w)")


def modern_tones(text: str) -> str:
    return _OLD_TONES.sub(_modern_tone, text)


_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))  # huyền, sắc, ngã, hỏi, nặng


def untoned(text: str) -> str:
    """``text`` without its tone marks, its vowel marks kept ("Hà Tĩnh" -> "Ha Tinh", "Năm" -> "Năm"):
    how a name is compared as written when askers mistype tones ("Hà Tỉnh") but not letters (the
    "ă" of "Năm" is not the "a" of "Nam")."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_TONES))


def spelling(text: str) -> str:
    """Lower-case words with their diacritics, tones placed the modern way ("hoá" -> "hóa"), one
    space apart: a phrase as written, compared whole (``f" {a} " in f" {spelling(b)} "``) where the
    folded form would confuse "phục vụ" with "phức tạp" or "mạng" with "mang"."""
    return " ".join(_SYLLABLE.findall(modern_tones(unicodedata.normalize("NFC", text).lower())))
