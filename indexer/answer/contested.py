"""Two different answers too close to tell apart (``contested``), and the readings that tell close
values apart first: a value's own sentence, a condition the question names, a report sent
elsewhere, two deadlines one sentence reads alike, an owner's words."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .margins import CONTESTED_MARGIN
from .own_text import _own_text
from .question import Question
from .scoring import _same_sentence, _value_key
from .support import TOP_PASSAGE, Support, current_gate
from .when_vetoes import _other_body, _other_destination
from .who import _rank_units, _unit_rivals


def contested(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> bool:
    """A different answer scores within ``CONTESTED_MARGIN`` of the best one (not the best item's
    own sentence, whose units or numbers are answered together): the support cannot tell them
    apart, and a wrong short answer is worse than none."""
    if q.kind == "who":
        ranked = _rank_units(q, scored, named)
        rivals = _unit_rivals(q, ranked)
        return bool(rivals) and ranked[0][0] - rivals[0][0] < CONTESTED_MARGIN
    if q.kind == "when":
        scored = _sent_elsewhere_dropped(q, scored)
    if q.kind in ("target", "when"):
        # A rival whose own subject says less of the question than the best one's is told apart
        # ("nữ từ đủ 18 tuổi" against "Nam từ đủ 20 tuổi" for "nữ … bao nhiêu tuổi").
        top_score, best, top_sup = scored[0]
        if q.kind == "when" and _equal_elsewhere(scored):
            return True
        if q.kind == "when" and best.get("subject"):
            return _contested_owned(scored)
        if q.kind == "when" and best.get("ref_rank") is not None and any(
                it.get("ref_rank") == best["ref_rank"] and _value_key(it) != _value_key(best) for _, it, _ in scored[1:]):
            return True  # the documents cite the number asked with two dates: no telling which is right
        rivals = [sc for sc, it, sup in scored[1:] if (not _same_sentence(it, best) or _told_apart_by_nothing(q, it, best))
                  and _value_key(it) != _value_key(best) and (sup.subject >= top_sup.subject or q.kind == "when")]
        return bool(rivals) and top_score - rivals[0] < CONTESTED_MARGIN
    return False


def _equal_elsewhere(scored: list[tuple[float, dict, Support]]) -> bool:
    """Under the lower gate (``support.TOP_PASSAGE``) the search's first passage is the second
    witness: a value of another sentence whose words say more of the question is then a rival
    whatever its rank — the rank is what the lower gate already spent ("The Binh Lu tourism plan
    must be consistent with the Lai Chau provincial master plan for which period?": the plan's own
    "giai đoạn 2026 - 2030" in the first passage saying 66% of it, "Quy hoạch tỉnh Lai Châu thời kỳ
    2021 - 2030" in the third 71%). (A value saying as much is no rival: the summary procedure's
    "07 ngày" says the words of the plain appeal period's "15 ngày" as well.)"""
    if current_gate() is not TOP_PASSAGE or len(scored) < 2:
        return False
    _, best, top_sup = scored[0]
    return any(not _same_sentence(it, best) and _value_key(it) != _value_key(best)
               and sup.coverage > top_sup.coverage + 0.02 for _, it, sup in scored[1:])


SENTENCE_LEAD = 0.3


def _own_sentence_first(scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Two values within ``CONTESTED_MARGIN`` whose items say the question alike — one in its own
    sentence, the other only with the sentence before it or its headings ("Thời gian lưu hành của
    sản phẩm thức ăn bổ sung là 05 năm …. Trong thời gian 06 tháng trước khi hết hạn lưu hành …"
    for "… được lưu hành trong thời gian bao lâu"): the value whose own sentence says
    ``SENTENCE_LEAD`` more of the question is asked, and the other is no rival of it."""
    if len(scored) < 2:
        return scored
    head = scored[0][0]
    close = [x for x in scored if head - x[0] < CONTESTED_MARGIN]
    if len(close) < 2:
        return scored
    best = max(close, key=lambda x: x[2].sentence)
    if any(x is not best and x[2].sentence > best[2].sentence - SENTENCE_LEAD for x in close):
        return scored
    rest = [x for x in scored if x is not best and x not in close]
    return [best] + rest


# (up to the consequent or a time frame: "… đối với giống cây trồng lâu năm | tính đến ngày … thì …")
_CONDITION_AFTER = re.compile(r"[ \t]+(?:nếu|đối với)[ \t]+([^,;.:\n]+?)(?=[ \t]+(?:thì|tính đến|kể từ|tính từ|mà)(?!\w)|[,;.:\n]|$)")


def _named_condition_first(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Values of one sentence each stated with its own condition after it ("… ít nhất là 07 năm nếu
    có bằng cử nhân …, ít nhất là 03 năm nếu có bằng thạc sĩ …, ít nhất là 02 năm nếu có bằng tiến
    sĩ …"; "Sau 06 tháng, … hoặc sau 01 năm đối với gia súc thả rông": the general rule and a case)
    score alike, the question's words being the sentence's: the one whose condition says a word the
    question says and no other condition says ("tiến sĩ") is asked, and the others are no rivals of
    it. None told apart so: unchanged (and ``contested`` then leaves it unanswered)."""
    if len(scored) < 2:
        return scored
    head = scored[0][0]
    close = [x for x in scored if head - x[0] < CONTESTED_MARGIN]
    sentence = close[0][1].get("sentence") or close[0][1].get("quote") or ""
    if len(close) < 2 or any((x[1].get("sentence") or x[1].get("quote") or "") != sentence for x in close):
        return scored
    conditions, spans = [], []
    for _, it, _ in close:
        value = it.get("answer") or it.get("when") or ""
        at = sentence.find(value) if value else -1
        if at < 0 or sentence.count(value) != 1:
            return scored
        m = _CONDITION_AFTER.match(sentence, at + len(value))
        # (a value with no condition is the general rule: "Sau 06 tháng, … hoặc sau 01 năm đối với
        # gia súc thả rông" — the case named asks the other)
        conditions.append(set(folded_words(m.group(1)).split()) if m else set())
        spans += [m.span(1)] if m else []
    if not any(conditions):
        return scored
    asked = set(folded_words(f"{q.text} {q.vi_text}").split())
    # a condition's own words: said by no other condition nor by the sentence around them (the
    # topic the whole sentence is about: "giống cây trồng … lâu năm")
    outside = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(sentence))
    around = set(folded_words(outside).split())
    own = [c - around - set().union(*(o for j, o in enumerate(conditions) if j != i))
           for i, c in enumerate(conditions)]
    named = [i for i, words in enumerate(own) if words & asked]
    if len(named) != 1:
        return scored
    best = close[named[0]]
    return [best] + [x for x in scored if x not in close]


def _sent_elsewhere_dropped(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """The rivals of the best deadline without those sent to another body than the question names
    ("… gửi về Văn phòng Tỉnh ủy trước ngày 10/11/2021" asked, "… gửi về Thường trực Tỉnh ủy trước
    ngày 20/11/2021" a later step of the same report): ``_other_destination`` and ``_other_body``
    veto such a deadline as the answer, so it is no rival of the one that goes where asked either
    (each step of a plan's reporting chain shares the report's words)."""
    if len(scored) < 2 or _other_destination(q, scored[0][1]) or _other_body(q, scored[0][1]):
        return scored
    return scored[:1] + [x for x in scored[1:] if not (_other_destination(q, x[1]) or _other_body(q, x[1]))]


def _told_apart_by_nothing(q: Question, a: dict, b: dict) -> bool:
    """Two deadlines of one sentence read with the same words ("… không chọn được Trọng tài viên
    trong thời hạn 30 ngày, kể từ ngày bị đơn nhận được đơn khởi kiện, thì … trong thời hạn 15
    ngày …"): for a when-question nothing tells which one is asked, so the second is a rival of
    the first, not a part of the same answer (as a sentence's units are for a who-question)."""
    if q.kind != "when" or _own_text(q, a) != _own_text(q, b):
        return False
    # one expression read twice ("Tháng 3 hằng năm" as "Tháng 3" and "hằng năm") is one answer
    (s1, e1), (s2, e2) = sorted(((x.get("when_start") or 0, x.get("when_end") or 0) for x in (a, b)))
    between = (a.get("quote") or "")[e1 - a["start"]:s2 - a["start"]] if a["start"] == b["start"] else "x x"
    return s2 > e1 and len(between.split()) >= 2


def _contested_owned(scored: list[tuple[float, dict, Support]]) -> bool:
    """``contested`` for a when-answer read with the words it belongs to (``passages._owned``: two
    horizons or periods of one sentence, "… tầm nhìn đến năm 2045 và Quy hoạch tỉnh … tầm nhìn đến
    năm 2050"): a rival of the same sentence counts too, unless its own words say less of the
    question; one without such words always counts."""
    top_score, best, top_sup = scored[0]
    rivals = [sc for sc, it, sup in scored[1:] if _value_key(it) != _value_key(best)
              and (not it.get("subject") or sup.subject >= top_sup.subject)]
    return bool(rivals) and top_score - rivals[0] < CONTESTED_MARGIN
