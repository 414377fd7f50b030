"""An item's fit to the question beyond its subject (``_fit``; None: the item cannot answer), by kind
(who: ``roles.role_fit``; target: fit_target.py; when: fit_when.py; both: bounds.py), and the vetoes
of any kind: another administrative level, another provision, another article."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .bounds import opposite_bound, unstated_bound
from .fit_target import (_SHARE, _TOTAL_Q, _counted_qualifier_unsaid, asks_share, horizon_only, is_time_measure, sentence_years,
                         years_of)
from .fit_when import (_ASKED_UNIT, _COUNT_Q, _ENACTMENT_Q, _NAMED_HORIZON, EN_LEVELS, _anchor_words, _asks_frequency,
                       _opposite_anchor, _other_actor, _other_level_actor, _other_own_act, _own_act_asked,
                       _own_enactment, _vision_fit, _wrong_end, cited_date, defines_duration, names_review_span,
                       opens_with_issuer, other_issuer)
from .own_text import deadline_clause
from .passages import asked_vision, is_duration_question, is_issued_question, is_period_question
from .question import Question
from .roles import _unit_key, role_fit
from .support import _padded


def _fit(q: Question, item: dict) -> float | None:
    """Kind fit beyond the subject: None = the item cannot answer."""
    if q.kind in ("who", "tasks"):
        return role_fit(item, q.role) if q.kind == "who" else 0.0
    if q.kind == "target":
        measure = item.get("measure") or ""
        bonus = 0.0
        if q.measure == "percent":
            # ("what share / fraction" is also a part: "hai phần ba nghĩa vụ")
            if not measure.startswith("%") and not (measure == "phần" and (
                    "phan" in (q.count_nouns or [q.count_noun]) or asks_share(q))):
                return None
            bonus += 0.3
        elif q.measure == "time":
            if not is_time_measure(measure):
                return None  # "the maximum time to resolve a dispute" is not "50% …"
        elif q.measure == "money":
            if not item.get("currency") and "đồng" not in measure and measure != "USD":
                return None
            bonus += 0.3
        if q.count_noun and q.count_noun not in ("phan", "ty", "trieu", "nam", "lan"):
            # (and the nouns a quantity read from the passages counts: "hai phần ba tổng số thành
            # viên" counts members)
            said = f" {folded_words(measure + ' ' + (item.get('answer') or ''))} {' '.join(item.get('counts') or [])} "
            if any(f" {n} " in said for n in q.count_nouns or [q.count_noun]):
                bonus += 0.8
            elif q.measure is None:
                return None  # "how many tourists" is not answered by "01 - 02 giải" (tournaments)
        if _counted_qualifier_unsaid(q, item):
            return None  # "bao nhiêu lượt khách quốc tế" is not answered by "Tổng lượt khách du lịch …"
        if opposite_bound(q, item):
            return None  # "from what age" is not answered by "dưới 12 tháng tuổi" (an upper bound)
        if _SHARE.search(item.get("answer") or "") and _TOTAL_Q.search(f" {folded_words(q.text)} "):
            return None  # "tổng cộng bao nhiêu đại biểu" is a count, not "hai phần ba tổng số đại biểu"
        if unstated_bound(q, item):
            return None  # "lãi suất tối đa" is not "150% lãi suất vay …" (no ceiling said)
        if q.years:
            found = years_of(f"{item.get('period') or ''} {item.get('quote') or ''}") or sentence_years(item)
            if any(y in found for y in q.years):
                bonus += 0.3
            elif found or (years_of(" ".join(item.get("section_path") or []) + " " + (item.get("doc_title") or ""))
                           and not any(y in years_of(" ".join(item.get("section_path") or []) + " " +
                                                     (item.get("doc_title") or "")) for y in q.years)):
                return None  # a 2030 target does not answer "by 2025", even unsaid in its own sentence
            elif not found and horizon_only(q.years, " ".join(item.get("section_path") or []) + " " +
                                            (item.get("doc_title") or "")):
                return None  # "… giai đoạn 2026-2030, định hướng đến năm 2035": not a 2035 target
        if any(re.search(r"(?i)mục tiêu|chỉ tiêu", p) for p in item.get("section_path") or []):
            bonus += 0.2
        return bonus
    if q.kind == "when":
        bonus = 0.0
        folded_q = f" {folded_words(q.text)} "
        wk = item.get("when_kind")
        if re.search(r" (?:ngay nao|what date|which date|by what date) ", folded_q):
            if wk in ("recurring", "period", "duration", "year", "quarter"):
                return None  # "which date" is not answered by "hằng năm", "2021-2025" or "vào năm 2030"
            if wk == "month" and re.search(r"(?i)\bhằng năm|hàng năm|mỗi năm", item.get("quote") or ""):
                return None  # nor by a month of every year ("Tháng 3 hằng năm là Tháng Thanh niên"): no day in it
            bonus += 0.4 if wk == "date" else -0.2
        if wk == "recurring" and re.search(r" (?:nam nao|which year|what year|in what year) ", folded_q):
            return None  # "năm nào" asks a year: "hằng năm" names none
        if wk == "duration" and unstated_bound(q, item):
            return None  # "tối đa bao lâu" is not answered by a time limit stating no ceiling
        if is_period_question(folded_q):
            if wk != "period":
                return None  # "giai đoạn nào" is a span of years, not "hằng năm" or "đến năm 2030"
            bonus += 0.4
        if re.search(r" (?:chu ky|how often|dinh ky nao|frequency|tan suat) ", folded_q) and _asks_frequency(folded_q):
            bonus += 0.4 if wk == "recurring" else -0.2
        if _wrong_end(folded_q, item.get("when") or ""):
            return None
        if _own_enactment(item) and not _ENACTMENT_Q.search(folded_q):
            return None  # "Ngày Thanh niên là ngày nào" is not answered by the law's own adoption date
        if _other_own_act(folded_q, item):
            return None  # "có hiệu lực từ ngày nào" is not answered by "… thông qua ngày 16 tháng 6 năm 2020"
        vision = asked_vision(folded_q)
        if vision and not is_issued_question(folded_q):
            fit = _vision_fit(vision, item, bool(_NAMED_HORIZON.search(f" {folded_q} ")))
            if fit is None:
                return None
            bonus += fit
        if _asks_frequency(folded_q):
            # "bao lâu một lần": how often, not how long ("hằng năm", "mỗi năm một lần")
            if wk != "recurring" or not re.search(r"(?i)năm|tháng|quý|tuần|ngày|thường niên", item.get("when") or ""):
                return None  # a bare "định kỳ" (periodically) does not say how often
            if _COUNT_Q.search(folded_q) and not re.search(r"(?i)\b(?:lần|kỳ|đợt)\b", item.get("when") or ""):
                return None  # "mỗi năm mấy kỳ", "how many times a year": a bare "hằng năm" says no count
            bonus += 0.8
        elif is_duration_question(folded_q):
            if wk in ("date", "month", "quarter", "year") and _ASKED_UNIT.search(folded_q):
                return None  # "kéo dài mấy ngày" counts days: "trong tháng 5/2026" is when, not how long
            bonus += 0.8 if wk == "duration" else -0.6
            if wk == "duration" and defines_duration(item):
                bonus += 0.3  # "Thời hạn cai nghiện … là từ đủ 06 tháng đến 12 tháng" states the length asked
            if wk == "duration" and _opposite_anchor(folded_q, _anchor_words(
                    f"{item.get('when') or ''} {item.get('anchor') or ''}")):
                return None  # "15 ngày trước ngày kết thúc" does not answer "how many days after …"
        elif wk == "duration":
            if names_review_span(item):
                return None  # "Hội nghị sơ kết 05 năm …": the span reviewed, not when it is held
            bonus -= 0.6
        if is_issued_question(folded_q):  # only the date written after the document's number
            if _own_act_asked(folded_q, item):
                return bonus + 1.0  # (or the document's own: "Luật này được Quốc hội … thông qua ngày …")
            if not (item.get("via") == "passage" and wk == "date"):
                return None
            if item.get("ref_rank"):
                return None  # a document named to say which one is asked ("Kế hoạch 131 thực hiện Nghị
                # quyết 06; nghị quyết đó …"): its date is another document's
            bonus += 1.5  # the document asked about
        elif item.get("via") == "passage" and wk == "date":
            return None
        if item.get("via") == "title":
            bonus += 0.5  # the period or horizon of the document the question names, in its own title
        if cited_date(item):
            if other_issuer(q, item) or (_other_actor(q, item) and not opens_with_issuer(q)):
                return None  # "Nghị quyết 08 của Tỉnh ủy" asked, "08-NQ/TW … của Bộ Chính trị" cited
        elif _other_actor(q, item) or _other_level_actor(q, item):
            return None  # "Ban Tuyên giáo … phải báo cáo … trước ngày nào" is not answered by the Office's deadline
        actor = _unit_key(item) if item.get("unit") else ""
        if len(actor.split()) >= 2 and f" {actor} " in _padded(f"{q.text} {q.vi_text}"):
            bonus += 1.0  # the deadline of the body the question names, not of its neighbour
        if q.years:
            found = re.findall(r"\b(?:19|20)\d\d\b", item.get("when") or "")
            if found and not any(y in found for y in q.years):
                bonus -= 0.3
        return bonus
    return 0.0


_LEVEL = re.compile(r"\bcap (xa|phuong|huyen|tinh|co so|trung uong|thi tran)\b|\b(quoc gia)\b")
# "trên phạm vi cả nước", "toàn quốc": the national level, said without "cấp" ("Chiến lược phát
# triển chăn nuôi trên phạm vi cả nước …" is not the provincial strategy a question asks about)
_NATIONWIDE = re.compile(r"\b(?:pham vi ca nuoc|toan quoc)\b")


# A level a body's name says without "cấp": the Party committee of a province or a district
# ("Tỉnh ủy", "Huyện ủy"), a province's People's Committee or Council ("Ủy ban nhân dân tỉnh"). (Not
# "Đảng ủy", which every level's plan says for its own committee.)
# Only the body that acts: not one the item sends to, reports to, advises or cites.
_OWNED_LEVEL = re.compile(r"\b(tinh|huyen)(?= uy\b)|\b(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd) (tinh|huyen|xa|phuong)\b")
# ("đối với các huyện ủy, …" names the actor; "theo hướng dẫn của Tỉnh ủy" does not)
_NOT_ACTING = re.compile(r"\b(?:ve|len|gui|cho|(?<!doi )voi|truoc|tham muu|theo|den|toi)(?: [a-z]+){0,3} $")


def other_level(q: Question, item: dict) -> bool:
    """The question names an administrative level ("Hội nghị cấp huyện", "district-level", "hạn
    chót cấp xã", "Hội đồng quốc gia") and the item names only others ("Hội nghị cấp phường",
    "hội đồng thẩm định cấp tỉnh"): another meeting's date, another level's deadline or unit. Only
    the level written as "cấp …" (or the national one, ``_NATIONWIDE``) counts on either side (a
    ward's plan says "Đảng ủy" for its own committee)."""
    asked = {a or b for a, b in _LEVEL.findall(folded_words(q.vi_text if q.language == "en" else q.text))}
    if not asked:
        return False
    # (a deadline's own ";"-clause, not its whole sentence: "a) Diễn tập … cấp cơ sở … ít nhất 02 năm
    # một lần …; b) Diễn tập … cấp huyện, cấp tỉnh … theo kế hoạch …" — the 02 years are the
    # grassroots level's only)
    quote = deadline_clause(item) if item.get("kind") == "deadline" and item.get("when") else item.get("quote") or ""
    task = "" if item.get("kind") == "deadline" and item.get("task") == item.get("quote") else item.get("task") or ""
    own = " ".join([quote, task, item.get("lead") or "", *(item.get("section_path") or [])])
    folded = _NATIONWIDE.sub("quoc gia", folded_words(own))
    said = {a or b for a, b in _LEVEL.findall(folded)}
    for m in _OWNED_LEVEL.finditer(folded):
        if _NOT_ACTING.search(folded, max(0, m.start() - 40), m.start()):
            continue  # (a body reported to or advised, a rule followed: "… về Ban Thường vụ Huyện ủy")
        level = m.group(1) or m.group(2)
        said |= {"xa", "phuong"} if level in ("xa", "phuong") else {level}  # (a ward is a commune-level unit)
    return bool(said) and not (said & asked)


# A meeting's level as a plan heads it ("1. Cấp phường", "2. Cấp cơ sở", folded: no dots), and as a
# question says it without "cấp", read with its diacritics ("hội nghị của phường", "ở các chi bộ"; not
# the "tinh" of "tinh thần" nor the "phương" of "địa phương") or in English ("the ward's own
# conference", "Party cells": ``EN_LEVELS``).
_LEVEL_HEADING = re.compile(r"^(?:\d+ |[ivx]+ |[a-z] )?cap (xa|phuong|huyen|tinh|co so)\b")
_BARE_LEVEL_VI = re.compile(r"(?<!\w)(xã|phường|huyện|tỉnh|cơ sở|chi bộ)(?!\w)")
_BARE_LEVEL_EN = re.compile(rf"\b({'|'.join(EN_LEVELS)})\b")
_MEETING_ROLES_ASKED = ("báo cáo viên", "thành phần", "tham dự")


def other_meeting_level(q: Question, item: dict) -> bool:
    """Who presents at or attends a meeting, asked of one level by its bare word ("At the Resolution
    92 conference organised by Nông Tiến ward, who is the presenter?"), and an item under a plan's
    heading of another level ("2. Cấp cơ sở › Báo cáo viên: … bí thư chi bộ …" against "1. Cấp phường
    › Báo cáo viên: Thường trực Đảng ủy"): the other level's meeting. The words of every level the
    question says count ("của phường Nông Tiến … ở các chi bộ" says both, and decides nothing)."""
    if q.kind != "who" or q.role not in _MEETING_ROLES_ASKED:
        return False
    headed = {m.group(1) for p in item.get("section_path") or [] if (m := _LEVEL_HEADING.match(folded_words(p)))}
    if not headed:
        return False
    if q.language == "en":
        asked = {EN_LEVELS[w] for w in _BARE_LEVEL_EN.findall(q.text.lower())}
    else:
        said = (q.text if q.language == "vi" else q.vi_text or "").lower()
        asked = {"co so" if w == "chi bộ" else folded_words(w) for w in _BARE_LEVEL_VI.findall(said)}
    return bool(asked) and not (asked & headed)


_PROVISION = re.compile(r"\b(?:diem ([a-zđ]) )?(?:khoan (\d+) )?dieu (\d+)\b")


# (in English: "point a, clause 2, Article 116", "point a of clause 2 of Article 116")
_PROVISION_EN = re.compile(r"\b(?:point ([a-z]) (?:of )?)?(?:clause (\d+) (?:of )?)?article (\d+)\b")


def _provisions(text: str) -> set[tuple[str, str, str]]:
    folded = folded_words(text)
    return {(m.group(1) or "", m.group(2) or "", m.group(3))
            for pattern in (_PROVISION, _PROVISION_EN) for m in pattern.finditer(folded)}


def other_provision(q: Question, item: dict) -> bool:
    """The question cites a provision ("(điểm a khoản 2 Điều 116)") and the item's sentence cites
    the same article only at another point or clause ("… đối với trường hợp quy định tại điểm b
    khoản 2 Điều 116"), never the one asked: the law's list gives each cited case its own value
    ("1. 04 tháng … điểm a …; 2. 02 tháng … điểm b …"), and the words of the question, the same
    for both, could not tell them apart."""
    asked = {p for p in _provisions(q.text) if p[0] or p[1]}
    if not asked:
        return False
    said = _provisions(item.get("quote") or "")
    if not said or asked & said:
        return False
    return any(p[2] == a[2] and (p[0], p[1]) != (a[0], a[1]) for p in said for a in asked)


_ARTICLE_ASKED = re.compile(r"\b(?:dieu|article)\s+(\d{1,3})\b")
_ARTICLE_OF = re.compile(r"^\s*Điều\s+(\d{1,3})\b")


def other_article(q: Question, item: dict) -> bool:
    """The question names the article it asks about ("Article 56 sets …", "theo Điều 39") and the
    item stands in another article whose words do not cite it: another provision's rule."""
    folded = folded_words(q.text)
    # (not an article the question sets aside: "(trừ khoản 3 Điều 29)", "except Article 29")
    asked = {m.group(1) for m in _ARTICLE_ASKED.finditer(folded)
             if not re.search(r"\b(?:tru|ngoai|except|other than)\b(?:\s+\S+){0,4}\s*$", folded[:m.start()])}
    if not asked:
        return False
    own = {m.group(1) for part in item.get("section_path") or [] if (m := _ARTICLE_OF.match(part))}
    cited = set(_ARTICLE_ASKED.findall(folded_words(item.get("quote") or "")))
    return bool(own) and not (own | cited) & asked
