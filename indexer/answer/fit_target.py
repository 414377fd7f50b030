"""A target's fit to a target-question beyond its subject (the target part of ``fit._fit``): the
qualifier of the counted noun, a share for a total, the years asked, a measure of time; and the
number of another place (``other_place``), the whole a part belongs to (``whole_of_part``)."""

from __future__ import annotations

import re

from indexer.text import QUESTION_STOPWORDS, folded_words

from .question import Question


# Where the noun a Vietnamese "bao nhiêu <noun> <qualifier>" counts ends: a preposition, a verb of
# the frame, a time (folded syllables).
COUNTED_ENDS = frozenset("vao den trong cua tai o la duoc se da dat moi tren duoi cho tu theo nam thang ngay "
                          "khi de va hoac tro len ke tu thi neu ma".split())
# Nouns that measure rather than count things (a unit, an age, a share): what follows them is the
# thing measured ("bao nhiêu phần trăm dân số", "bao nhiêu tuổi thì …"), not a qualifier.
_MEASURING_NOUNS = frozenset("phan tuoi ty trieu nghin tram nam thang ngay gio tuan quy ky lan muc dong ha km "
                             "met tan".split())
# Syllables of a counted noun's qualifier ("quốc tế", "nước ngoài"), which a preposition, a time or
# the question's end closes: a longer run is the question's predicate ("bao nhiêu đại biểu | biểu
# quyết tán thành"), said by the sentence in its own words.
MAX_QUALIFIER = 2


def _counted_qualifier_unsaid(q: Question, item: dict) -> bool:
    """A Vietnamese question counting a qualified noun ("bao nhiêu lượt khách quốc tế") is answered
    only by a value whose own clause, value, headings or document say the qualifier's every syllable
    but stopwords: a target for all visitors ("Tổng lượt khách du lịch đạt trên 900.000 lượt") answers
    no question about the international ones, however many other words of the question it says.
    (Known limit: the syllable after the noun is taken as the noun's own, so a one-syllable noun's
    first qualifier syllable goes unchecked — "hộ cận nghèo" checks "nghèo" only; starting one
    syllable earlier changed nothing on the tuning halves, 2026-12-03.)"""
    if q.language == "en" or not q.count_noun or q.count_noun in _MEASURING_NOUNS:
        return False
    words = folded_words(q.vi_text or q.text).split()
    for i in range(len(words) - 2):
        if words[i:i + 2] == ["bao", "nhieu"] and words[i + 2] == q.count_noun:
            break
    else:
        return False
    # (the noun is often two syllables — "lượt khách", "giai đoạn", "hộ gia đình": its qualifier
    # starts after them)
    rest = words[i + 4:]
    n = next((k for k, w in enumerate(rest) if w in COUNTED_ENDS), len(rest))
    qualifier = rest[:n]
    if not qualifier or n > MAX_QUALIFIER:
        return False
    said = " ".join([item.get("quote") or "", item.get("answer") or "", *(item.get("section_path") or []),
                     item.get("doc_title") or ""])
    said = f" {folded_words(said)} "
    return any(f" {w} " not in said for w in qualifier if w not in QUESTION_STOPWORDS)


# A share of a whole ("hai phần ba tổng số …", "quá nửa", "30%") and a question asking the whole.
_SHARE = re.compile(r"(?i)\bphần\s+(?:ba|tư|năm|mười|trăm)\b|\bnửa\b|%")
# A question asking what share of a whole ("tỷ lệ tối thiểu", "what minimum share of the members",
# "what proportion", "what fraction"): the laws state a share as a fraction as often as a percentage
# ("ít nhất một phần ba tổng số thành viên là chuyên gia"); a rate ("tốc độ", "lãi suất", growth)
# is a percentage only.
_SHARE_ASKED = re.compile(r" (?:ty le|share|proportion|fraction|bao nhieu phan) ")


def asks_share(q: Question) -> bool:
    """The question asks what share of a whole (``_SHARE_ASKED``), in its own words or its
    translation's."""
    return bool(_SHARE_ASKED.search(f" {folded_words(q.text)} {folded_words(q.vi_text)} "))
_TOTAL_Q = re.compile(r" (?:tong cong|total number|in total ?$|altogether ?$)")


def sentence_years(item: dict) -> set[str]:
    """The years of a quantity's whole sentence when its own clause says none ("Phấn đấu đến năm
    2030, tổng lượt khách du lịch đạt 900.000 lượt; …": the clause of 900.000 is a 2030 number), for
    the quantities read from the passages (``passages.quantity_items``), whose quote is one clause:
    a question asking another year ("đến năm 2035") is not answered by it."""
    return years_of(item.get("sentence") or "") if item.get("via") == "passage" else set()


_TIME_UNITS = frozenset("nam thang ngay gio tuan quy phut".split())


def is_time_measure(measure: str) -> bool:
    """The measure counts time: "năm", "ngày làm việc", "tháng" (not "%/năm", a rate)."""
    words = folded_words(measure).split()
    return bool(words) and words[0] in _TIME_UNITS and "%" not in measure


_VISION_YEAR = re.compile(r"(?i)(?:định hướng|tầm nhìn)(?:\s+(?:đến|tới))?(?:\s+năm)?\s+((?:19|20)\d\d)")


def horizon_only(asked: list[str], context: str) -> bool:
    """Every year asked is named by the headings or title only as their horizon ("Kế hoạch … giai
    đoạn 2026-2030, định hướng đến năm 2035", "tầm nhìn đến năm 2045"): a target whose own sentence
    states no year is one of the plan's period, and the orientation beyond it sets none — "What
    forest cover rate does Bình Lư target for 2035?" is not answered by the 2030 rate."""
    horizon = set(_VISION_YEAR.findall(context))
    rest = years_of(_VISION_YEAR.sub(" ", context))
    return bool(asked) and all(y in horizon and y not in rest for y in asked)


def years_of(text: str) -> set[str]:
    """The years a text names, a range with the years inside it ("giai đoạn 2026-2030")."""
    out = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    for a, b in re.findall(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", text):
        out |= {str(y) for y in range(int(a), int(b) + 1)} if 0 < int(b) - int(a) <= 30 else set()
    return out


_AT = r"(?:ở|tại)"


def other_place(q: Question, item: dict, missing: list[str]) -> bool:
    """The question places its number ("ở thành phố", "tại vùng nông thôn") with words the item
    does not say, and the item's own sentence places it elsewhere ("… phim ở vùng cao, miền núi"):
    the item is the number of another place. Only for a Vietnamese question (its own words)."""
    if q.language == "en" or not missing:
        return False
    asked = re.findall(rf"(?i)(?<!\w){_AT}\s+((?:\w+\s*){{1,3}})", q.vi_text or q.text)
    placed = {folded_words(p).split()[0] for p in asked if p.strip()}
    missing_heads = {w.split()[0] for w in missing}
    if not placed & missing_heads:
        return False
    said = re.search(rf"(?i)(?<!\w){_AT}\s+(\w+)", item.get("quote") or "")
    return bool(said) and folded_words(said.group(1)) not in placed


def whole_of_part(item: dict) -> str:
    """The words of the whole a target is a part of: "94% các thôn, bản có đội văn nghệ, trong đó
    có 80% hoạt động ổn định" — "trong đó" (of which) makes 80% a share of the villages with a
    troupe, so the whole's words are the part's subject too ("of the villages with a troupe, what
    share works well" asks for 80%). Empty when the target is no such part. The scorer counts them
    only when the part's own words say some of the question: a question about the whole alone
    still finds the whole's number."""
    quote = item.get("quote") or ""
    if item.get("answer_start") is None:
        return ""
    at = item["answer_start"] - item["start"]
    i = quote.lower().rfind("trong đó", 0, max(at, 0))
    if i < 0 or ";" in quote[i:at]:
        return ""
    whole = quote[quote.rfind(";", 0, i) + 1:i]
    return whole if re.search(r"\d", whole) else ""
