"""A deadline's fit to a when-question beyond its subject (the when part of ``fit._fit``): the body
the question opens with, a duration a sentence defines, a vision's word, a span's other end, the way
a time limit counts, how often against how long, a document's own dates (adopted, in effect,
expired), and the date of a document the question cites by its full number."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.text import folded_words

from .passages import (asked_refs, is_cycle_question, is_duration_question, is_frequency_question, is_horizon_question,
                       is_issued_question, is_period_question, named_refs)
from .question import REVIEWS, Question, expand_abbreviations
from .relations import opening_unit


ACTOR_SYLLABLES = 3  # of the body a when-question opens with, enough to tell "Ban Thường vụ" from "Ban Tuyên giáo"


def _other_actor(q: Question, item: dict) -> bool:
    """A Vietnamese when-question opens with the body that acts ("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh phải
    báo cáo … trước ngày nào?", ``relations.opening_unit``) and the deadline's sentence, its units
    and headings never name that body: it is another body's deadline ("Văn phòng Tỉnh ủy … gửi về
    Thường trực Tỉnh ủy trước ngày 20/11/2021"), and a plan sets one per body. The body's first
    ``ACTOR_SYLLABLES`` syllables, abbreviations spelled out ("UBND" -> Ủy ban nhân dân), must be said."""
    key = _opening_key(q.vi_text or q.text) if q.language != "en" else ""
    if not key:
        return False
    said = " ".join([item.get("quote") or "", item.get("task") or "", item.get("unit") or "",
                     " ".join(item.get("units") or []), " ".join(item.get("section_path") or [])])
    return f" {key} " not in f" {' '.join(expand_abbreviations(folded_words(said).split()))} "


# The administrative levels in English, as their Vietnamese words folded ("the ward's own
# conference", "Party cells" -> the grassroots, "cơ sở"); read by ``_other_level_actor`` and by
# ``fit.other_meeting_level``.
EN_LEVELS = {"provincial": "tinh", "province": "tinh", "provinces": "tinh", "district": "huyen", "districts": "huyen",
             "commune": "xa", "communes": "xa", "communal": "xa", "ward": "phuong", "wards": "phuong",
             "grassroots": "co so", "cell": "co so", "cells": "co so"}
# A People's Committee or Council and its levels, one or a list: "Ủy ban nhân dân cấp huyện, cấp
# xã", "UBND tỉnh", "the provincial and district People's Committees" (folded: no commas; the
# English possessive's "s" is a word; "xã hội" is no level).
_LEVEL_WORD = r"(?:tinh|huyen|xa(?! hoi))"
_VI_LEVELLED = re.compile(rf" (uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)((?: (?:va |hoac )?(?:cap )?{_LEVEL_WORD}\b)+)")
_EN_LEVEL_WORD = r"(?:provincial|provinces?|districts?|communes?|communal)(?: s)?"
_EN_LEVELLED = re.compile(rf" ({_EN_LEVEL_WORD}(?: (?:and|or) {_EN_LEVEL_WORD})*) (?:level )?"
                          r"(people s committees?|people committees?|people s councils?|people councils?) ")


def _body(name: str) -> str:
    return "hdnd" if "council" in name or name in ("hoi dong nhan dan", "hdnd") else "ubnd"


def _levelled(text: str, english: bool = False) -> set[tuple[str, str]]:
    """(body, level) pairs a text names: ("ubnd", "tinh") for "Ủy ban nhân dân cấp tỉnh", one per
    level of a list."""
    padded = f" {folded_words(text)} "
    if english:
        return {(_body(b), EN_LEVELS[w]) for levels, b in _EN_LEVELLED.findall(padded)
                for w in levels.split() if w in EN_LEVELS}
    return {(_body(b), lv) for b, levels in _VI_LEVELLED.findall(padded)
            for lv in re.findall(_LEVEL_WORD, levels)}


def _other_level_actor(q: Question, item: dict) -> bool:
    """A when-question that names a People's Committee or Council at some levels ("the annual
    deadline for a province's People's Committee to report …") and a deadline whose own unit is that
    body at a level the question never names ("Ủy ban nhân dân cấp huyện báo cáo Hội đồng nhân dân
    cùng cấp và Ủy ban nhân dân cấp tỉnh trước ngày 31 tháng 01"): the next level's step of the same
    duty, whose words the two share (the levels are stop words of the support, and the sentence
    names the asked level too, as the one reported to)."""
    asked = _levelled(q.text, english=q.language == "en") | _levelled(q.vi_text or "")
    said = _levelled(item.get("unit") or "")
    bodies = {body for body, _ in asked}
    return any(body in bodies and (body, level) not in asked for body, level in said)


@lru_cache(maxsize=1024)
def _opening_key(question: str) -> str:
    """The first ``ACTOR_SYLLABLES`` folded syllables of the body ``question`` opens with
    (``relations.opening_unit``), abbreviations spelled out; "" when it opens with none. Cached: a
    when-question weighs every candidate deadline against the same body."""
    name = opening_unit(question)
    return " ".join(expand_abbreviations(folded_words(name).split())[:ACTOR_SYLLABLES]) if name else ""


_DEFINED = re.compile(r"(?i)^\s*(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Thời hạn|Thời gian|Thời hiệu)\s[^;:()]*?\s(?:là|không quá|tối đa là|tối đa|ít nhất là)\s*$")


# The years a review or anniversary looks back on ("Sơ kết 05 năm thực hiện Nghị quyết", "tổng kết
# 10 năm", "kỷ niệm 50 năm").
_REVIEW_SPAN = re.compile(rf"(?i)\b(?:{'|'.join(REVIEWS)}|kỷ niệm)\s+$")


def names_review_span(item: dict) -> bool:
    """The duration is the span a review or anniversary covers, part of the event's name ("tham mưu
    tổ chức Hội nghị sơ kết 05 năm thực hiện Nghị quyết"): it says how long the resolution has run,
    which a question of how long ("sơ kết sau mấy năm") may ask, but never when the event is held
    or a thing is due — it answered "at what time is the review conference held" with "05 năm"."""
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    return 0 <= at <= len(quote) and bool(_REVIEW_SPAN.search(quote[max(0, at - 12):at]))


def defines_duration(item: dict) -> bool:
    """The sentence opens with a time noun and the duration is its predicate ("Thời hạn cai nghiện
    ma túy tự nguyện tại gia đình, cộng đồng là từ đủ 06 tháng đến 12 tháng", "Thời hiệu khởi kiện
    … là 02 năm"): the length of the thing it names, which a "bao lâu" question about that thing
    asks — more than a deadline a step of its procedure mentions ("Trong thời hạn 05 ngày làm việc
    kể từ ngày người cai nghiện … chấm dứt …"). Read up to the value (its own "là" cut off):
    no ";", ":" or bracket between (the subject may list its cases: "gia đình, cộng đồng")."""
    quote, when = item.get("quote") or "", item.get("when") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not (0 <= at <= len(quote)):
        return False
    before = quote[:at]
    lead = re.match(r"(?i)(là|không quá|tối đa là|tối đa|ít nhất là)\s", when)
    if lead:
        before = f"{before}{lead.group(1)}"
    before = before.replace("\n", " ")
    return bool(_DEFINED.match(before.rstrip() + " ")) if before.strip() else False


_VISION_WORD = re.compile(r"(?i)^(tầm nhìn|định hướng)")


def _vision_fit(vision: str, item: dict, named_horizon: bool = False) -> float | None:
    """A "tầm nhìn / định hướng đến năm nào" question is answered by the year said after that word
    (``passages.vision_items``, a title's horizon), not by the plan's own end year beside it ("đến
    năm 2025 tầm nhìn 2030" answers 2030); the word the question says fits best. A question that
    names its word (``named_horizon``: "tầm nhìn", "vision", "định hướng", "orientation", not a mere
    "long-term") is not answered by the other one: "giai đoạn 2026 - 2030, định hướng đến năm 2035"
    and "tầm nhìn đến năm 2050" are two horizons, and the orientation year answered "a vision up to
    which year"."""
    m = _VISION_WORD.match(item.get("when") or "")
    if not m:
        return None
    if folded_words(m.group(1)) == vision:
        return 0.3
    return None if named_horizon else 0.0


_COUNT_Q = re.compile(r" (?:may|bao nhieu) (?:lan|ky|dot) | how many times ")
_OWN_ACT = re.compile(r"(?i)(?:^|[.;]\s*|\n\s*)(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|"
                      r"Kế hoạch|Chỉ thị|Quy định)\s+này\b[^.;]*?\b(?:thông qua|có hiệu lực|hết hiệu lực|ban hành)\b")
_ENACTMENT_Q = re.compile(r" (?:thong qua|hieu luc|ban hanh|ky ngay|ngay ky|duoc ky|adopt|adopted|pass|passed|enact|"
                          r"enacted|effect|effective|force|issued?|sign|signed|promulgate|promulgated|approve|approved|"
                          r"expire|expires|expiry) ")


def _own_enactment(item: dict) -> bool:
    """The date a document gives itself: "Luật này được Quốc hội … thông qua ngày 16 tháng 6 năm
    2020", "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021". It answers when the
    document was adopted or takes effect, nothing else: every law's closing sentence carries the
    law's name, so its date supported any "… là ngày nào theo Luật X" about a day the law names."""
    return bool(_OWN_ACT.search(item.get("quote") or ""))


# The acts a document dates itself by, as a question asks them (folded) and as its own closing
# sentence states them: taking effect, adoption (passed, issued, signed), expiry.
_ACT_ASKED = {
    "effect": re.compile(r" (?:(?<!het )(?:co )?hieu luc(?! (?:cua|doi voi))|take effect|takes effect|took effect|"
                         r"come into (?:force|effect)|comes into (?:force|effect)|came into (?:force|effect)|"
                         r"entry into force|enter into force|enters into force|in force|in effect|effective from|"
                         r"effective date|effective|apply from|applies from) "),
    # (and the bare verb after "did": "On what date did the National Assembly pass …")
    "adopt": re.compile(r" (?:thong qua|ban hanh|ky ngay|ngay ky|duoc ky|adopted|passed|enacted|issued|signed|"
                        r"promulgated|approved|adopt|pass|enact|issue|sign|promulgate|approve) "),
    "expire": re.compile(r" (?:het hieu luc|expire|expires|expired|expiry|ceases? to (?:be in force|have effect)) "),
}
_ACT_STATED = {"effect": re.compile(r"(?i)(?<!hết )\bcó hiệu lực"), "adopt": re.compile(r"(?i)\b(?:thông qua|ban hành|ký)\b"),
               "expire": re.compile(r"(?i)\bhết hiệu lực")}


def _other_own_act(folded_q: str, item: dict) -> bool:
    """A document's own date for another act than the one asked: every law closes with both "Luật
    này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021" and "Luật này được Quốc hội … thông qua
    ngày 16 tháng 6 năm 2020", one article apart and under the same heading ("Hiệu lực thi hành"),
    so the question's name of the law and "hiệu lực" support both, and the adoption date kept the
    effective date contested. The act is read from the date's own clause (the words before the
    date, from the sentence's start or last ";"), not from the whole sentence ("… hết hiệu lực kể
    từ ngày Luật này có hiệu lực thi hành"). False when the question asks no act, or several."""
    asked, stated = _own_acts(folded_q, item)
    return len(asked) == 1 and bool(stated) and not (stated & asked)


def _own_act_asked(folded_q: str, item: dict) -> bool:
    """The document's own date for the very act the question asks ("Luật Điện ảnh được Quốc hội
    thông qua ngày nào" — "Luật này được Quốc hội … thông qua ngày 15 tháng 6 năm 2022"): it
    answers an "issued/adopted on what date" question as the date written after a cited number
    does (``is_issued_question`` otherwise takes only those)."""
    asked, stated = _own_acts(folded_q, item)
    return len(asked) == 1 and bool(stated & asked) and item.get("when_kind") == "date"


def _own_acts(folded_q: str, item: dict) -> tuple[set[str], set[str]]:
    """(the acts the question asks, the acts the item's own date clause states) for a document's
    own date (``_own_enactment``); two empty sets for any other item."""
    if not _own_enactment(item):
        return set(), set()
    q = f" {folded_q} "
    asked = {act for act, rx in _ACT_ASKED.items() if rx.search(q)}
    if "expire" in asked:
        asked.discard("effect")  # "hết hiệu lực" says "hiệu lực" too
    quote, at = item.get("quote") or "", (item.get("when_start") or item["start"]) - item["start"]
    clause = quote[max(quote.rfind(";", 0, max(at, 0)), 0):max(at, 0)] if at > 0 else quote
    return asked, {act for act, rx in _ACT_STATED.items() if rx.search(clause)}


_NAMED_HORIZON = re.compile(r" (?:tam nhin|dinh huong|visions?|orientations?|oriented) ")
_UNTIL_Q = re.compile(r" (?:den ngay nao|den het ngay nao|truoc ngay nao|den khi nao|den bao gio|until|till|"
                      r"by what date|by when|no later than) ")
_FROM_Q = re.compile(r" (?:tu ngay nao|tu khi nao|tu bao gio|tu thang nao|tu nam nao|since when|from when|"
                     r"from what date|starting when|take effect|takes effect|co hieu luc) ")


def _wrong_end(folded_q: str, when: str) -> bool:
    """A span's other end: "tính từ ngày 01 tháng 01 đến hết ngày 31 tháng 12" answers "đến ngày nào"
    (until) with its end, "từ ngày nào" (from, "có hiệu lực từ") with its start."""
    w, folded_q = folded_words(when), f" {folded_q} "
    if _UNTIL_Q.search(folded_q) and not _FROM_Q.search(folded_q):
        return bool(re.match(r"(?:tu|ke tu|bat dau tu) ", w))
    if _FROM_Q.search(folded_q) and not _UNTIL_Q.search(folded_q):
        return bool(re.match(r"(?:den|truoc|het|cham nhat|muon nhat|toi) ", w))
    return False


_AFTER = re.compile(r" (?:after|since|following|sau khi|ke tu|sau ngay) ")
_BEFORE = re.compile(r" (?:before|prior to|truoc khi|truoc ngay) ")


# (an hour of the day asked by its noun, "vào khung giờ nào", "giờ nào", counts in hours too)
_ASKED_UNIT = re.compile(r" (?:(?:bao nhieu|may|how many) (?:working )?|(?:khung )?(?=gio nao ))"
                         r"(ngay|thang|nam|gio|tuan|days?|months?|years?|hours?|weeks?) ")


def _anchor_words(when: str) -> str:
    """The folded words of a time limit that say which way it counts, read before folding: "sáu"
    (six) folds like "sau" (after) — "Sáu mươi ngày trước khi …" counts before."""
    return " ".join(w for w in (folded_words(t) for t in re.findall(r"\w+", when.lower()) if t != "sáu") if w)


def _opposite_anchor(folded_q: str, folded_when: str) -> bool:
    """A time limit counted the other way from the one asked: "… trước ngày kết thúc …" (before
    the end) for "how many days after arriving", "kể từ ngày …" (after) for "bao nhiêu ngày trước khi …"."""
    q, w = f" {folded_q} ", f" {folded_when} "
    if _AFTER.search(q) and not _BEFORE.search(q):
        return bool(re.search(r" truoc ", w))
    if _BEFORE.search(q) and not _AFTER.search(q):
        return bool(re.search(r" (?:sau|ke tu) ", w))
    return False


def _asks_frequency(folded_q: str) -> bool:
    """How often, not the length of a cycle ("chu kỳ bao nhiêu năm", ``is_cycle_question``) nor a
    duration whose subject names a cycle (``_cycle_named_only``)."""
    return is_frequency_question(folded_q) and not is_cycle_question(folded_q) and not _cycle_named_only(folded_q)


def _cycle_named_only(folded_q: str) -> bool:
    """A duration question whose only frequency cue is the noun "chu kỳ" of its subject ("Cây hằng
    năm là cây kết thúc chu kỳ sản xuất trong thời gian không quá bao lâu?"): it asks a duration, and
    read as a frequency it found none (no "bao lâu một lần", "mấy lần", "how often" in it)."""
    if not is_duration_question(folded_q):
        return False
    return not is_frequency_question(re.sub(r"\bchu ky\b", " ", folded_q))


# The date of a document the question names by its full number ("103/NQ-CP", "238-QĐ/TW"): the
# number with its type and issuer says which document; the question's other words often describe
# where it is cited ("mà Hà Tĩnh triển khai", "cited in the Conclusion 224 plan"), which the
# reference's own words need not say. Still, some of them must be said by it or its document.
CITED_MIN_COVERAGE = 0.5


# The issuer a document's number codes ("17-NQ/TU": the provincial Party committee) and the words
# a question names that issuer by (folded). A class the question names, and the cited document's
# code or "của …" names another, is another document of the same number ("Nghị quyết 08 của Tỉnh
# ủy" is not "Nghị quyết số 08-NQ/TW … của Bộ Chính trị").
_ISSUERS = {"tu": r"tinh uy(?! quyen)|dang bo tinh|provincial party",
            "tw": r"bo chinh tri|ban bi thu|trung uong|politburo|secretariat|central committee",
            "cp": r"chinh phu|thu tuong|government|prime minister",
            "ubnd": r"uy ban nhan dan|ubnd|people s committee",
            "hdnd": r"hoi dong nhan dan|hdnd|people s council",
            "qh": r"quoc hoi|national assembly"}


def _issuer_classes(folded: str) -> set[str]:
    return {code for code, rx in _ISSUERS.items() if re.search(rf"(?:^| )(?:{rx})(?: |$)", folded)}


def cited_date(item: dict) -> bool:
    """A date read after a document number the question names (``passages.issued_items``)."""
    return item.get("ref_rank") is not None and item.get("via") == "passage" and item.get("when_kind") == "date"


def _opening(q: Question) -> str:
    """The body a question opens with (``relations.opening_unit``), folded: ``opens_with_issuer``
    asks whether it issues documents, ``other_issuer`` which issuers it names."""
    return folded_words(opening_unit(q.vi_text or q.text))


def opens_with_issuer(q: Question) -> bool:
    """The body a Vietnamese question opens with is an issuer itself ("Tỉnh ủy Lai Châu", "Chính phủ",
    "UBND tỉnh Hà Tĩnh", ``_ISSUERS``), whose documents a citation names by their number's code; not
    one of its organs ("Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy"), which a citation names in full,
    so a date it does not name stays another body's (``_other_actor``)."""
    if q.language == "en":
        return False
    opening = _opening(q)
    return any(re.match(rf"(?:{rx})(?: |$)", opening) for rx in _ISSUERS.values())


def other_issuer(q: Question, item: dict) -> bool:
    """The date of a cited document whose issuer (its number's code, "17-NQ/TU", or the "của …"
    after its date) is not the one the question names for it: after its number ("nghị quyết số 08
    của Tỉnh ủy Lai Châu", "Resolution 35 of the Politburo"), or by the body the question opens with
    when the document asked is the first it names ("Tỉnh ủy ra Nghị quyết 17 …", "Chính phủ ký Nghị
    quyết 103/NQ-CP …"; not the plan "kế hoạch đó" points back to). A question that names no
    issuer for it, or a citation that says none, tells nothing. (A cited document's date is checked
    by its issuer, not by the body that opens the question as a deadline is, ``_other_actor``: the
    opening body issued it.)"""
    text = q.text if asked_refs(q.text) else (q.vi_text or "")
    refs, rank = asked_refs(text), item.get("ref_rank")
    if rank is None or rank >= len(refs):
        return False
    named = set()
    if refs[rank] == named_refs(text)[0] and q.language != "en":
        named |= _issuer_classes(_opening(q))
    number = re.escape(refs[rank][0])
    for m in re.finditer(rf"(?<![\d.,])0*{number}(?:\s*[-/]\s*[A-Za-zĐđ]{{2,6}}){{0,2}}\s*,?\s+"
                         rf"((?:của|cua|of|by)\s+(?:the\s+)?(?:[^\s,;]+\s+){{0,4}}[^\s,;]+)", text, re.I):
        named |= _issuer_classes(folded_words(m.group(1)))
    if not named:
        return False
    after = (item.get("quote") or "")[item["when_end"] - item["start"]:] if item.get("when_end") else ""
    own = re.match(r"\s*,?\s*của\s+((?:[^\s,;]+\s+){0,5}[^\s,;]+)", after)
    cited = ({item["ref_issuer"]} & set(_ISSUERS) if item.get("ref_issuer") else set()) | \
        (_issuer_classes(folded_words(own.group(1))) if own else set())
    return bool(cited) and not (cited & named)


def _cited_exactly(item: dict) -> bool:
    """A date read after the first document number the question names, type and issuer as asked."""
    return bool(item.get("ref_exact")) and item.get("ref_rank") == 0


def _asks_cited_date(q: Question) -> bool:
    """The date of a document named by its full number and nothing else ("Kết luận 224-KL/TU ban
    hành ngày nào?"): no subject words, the number says which."""
    return q.kind == "when" and is_issued_question(folded_words(q.text)) and any(
        code and issuer for _, code, issuer in asked_refs(q.text)[:1])


def _asks_titled_span(q: Question) -> bool:
    """The horizon or period of a document named by its number and nothing else ("Kế hoạch thực hiện
    NQ 17 định hướng đến năm nào?"): no subject words, the number says which, and its own title
    states it (``passages.horizon_items``, items "via" "title")."""
    folded = folded_words(q.text)
    return q.kind == "when" and not q.groups and bool(q.doc_refs) and not is_issued_question(folded) and \
        (is_horizon_question(folded) or is_period_question(folded))


def _cites_full_number(q: Question, item: dict) -> bool:
    """The date of a document the question names by its full number, type and issuer ("Resolution
    08-NQ/TW"), read where another document cites it ("Nghị quyết số 08-NQ/TW, ngày 16/01/2017 của
    Bộ Chính trị"): the documents "named" by the bare number 08 (the plan for Nghị quyết 08-NQ/TU
    of a province) are not the one asked, so the citing document's date is not another question's."""
    rank = item.get("ref_rank")
    if rank is None or item.get("when_kind") != "date" or item.get("via") != "passage":
        return False
    refs = asked_refs(q.text) or asked_refs(q.vi_text)
    return rank < len(refs) and all(refs[rank][1:])
