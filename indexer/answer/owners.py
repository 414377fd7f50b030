"""Several values of one sentence, each with the words it belongs to (durations, horizons and
periods, ";"-clauses): the owner the question names is asked (``score_items``, when-questions)."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .question import Question
from .support import Support, _padded


_JOINERS = frozenset({"va", "hoac", "nhung", "con"})
# Modal and tense words, which one clause writes and its sibling leaves out ("… phải thông báo …;
# trước 03 tháng, … ra quyết định …"): no case of an owner, so no word that tells the owners apart.
_MODALS = frozenset({"phai", "duoc", "thi", "se", "da", "can"})
_QUESTION_PHRASES = re.compile(r" (?:bao lau|bao nhieu|how long|how many|la gi|what is|what) ")


def _asked_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Several durations of one sentence, each with its own words (``passages._duration_owners``):
    the one whose words that the others lack the question says ("lâu năm" against "hằng năm",
    "bất động sản" against "động sản") is asked, by a full point. Read from the question's own
    words and the owners' differences, not the question's groups: the analysis drops words like
    "lâu" of "lâu năm" (its "bao lâu") or "năm", which are what tells the owners apart here."""
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if it.get("subject") and it.get("when_kind") == "duration":
            by_sentence.setdefault((it["doc_id"], it["start"]), []).append(i)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    asked = set(_QUESTION_PHRASES.sub(" ", f" {folded_words(q.text)} {folded_words(q.vi_text or '')} ").split())
    out = list(scored)
    for ix in by_sentence.values():
        if len(ix) < 2:
            continue
        words = []
        for i in ix:
            it = out[i][1]
            own = it["subject"].replace(it.get("when") or "\0", " ")
            # (a "và", "hoặc" left at a clause's edge tells no owner apart; "không" does: "không xác
            # định thời hạn" against "xác định thời hạn")
            words.append({w for w in folded_words(own).split()
                          if not w.isdigit() and w not in _JOINERS and w not in _MODALS})
        distinct = [w - set().union(*(o for m, o in enumerate(words) if m != n)) for n, w in enumerate(words)]
        said = [bool(d & asked) for d in distinct]
        plain = [not d for d in distinct]  # an owner with no words of its own but the shared ones
        for n, i in enumerate(ix):
            sc, it, sup = out[i]
            if said[n]:
                out[i] = (sc + 1.0, it, sup)
            elif distinct[n] and any(said[m] or plain[m] for m in range(len(ix)) if m != n):
                out[i] = (sc - 1.0, it, sup)  # its own case ("bất động sản") is not the one asked
    return out


def _asked_exception(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """A duration of an exception clause (``passages.duration_items``: "Thời hạn hoãn phiên tòa sơ
    thẩm không quá 30 ngày …, trừ phiên tòa xét xử vụ án theo thủ tục rút gọn thì thời hạn hoãn là 15
    ngày") is asked when the question says more of the words only the exception says ("thủ tục rút
    gọn") than of those only the rule says; then the rule's durations of that sentence lose a full
    point. Otherwise the exception's duration is dropped: the rule is asked."""
    labels = [alts for label, alts in q.groups if label not in q.soft]
    excepted, asked = set(), set()
    for i, (_, it, _) in enumerate(scored):
        exc = it.get("exception")
        if not exc:
            continue
        own, rest = _padded(exc), _padded((it.get("quote") or "").replace(exc, " "))
        only_exc = sum(1 for alts in labels if any(f" {a} " in own for a in alts) and not any(f" {a} " in rest for a in alts))
        only_rule = sum(1 for alts in labels if any(f" {a} " in rest for a in alts) and not any(f" {a} " in own for a in alts))
        excepted.add(i)
        if only_exc > only_rule:
            asked.add((it["doc_id"], it["start"]))
    if not excepted:
        return scored
    out = []
    for i, (sc, it, sup) in enumerate(scored):
        if i in excepted:
            if (it["doc_id"], it["start"]) in asked:
                out.append((sc, it, sup))
        elif (it["doc_id"], it["start"]) in asked and it.get("when_kind") == "duration":
            out.append((sc - 1.0, it, sup))
        else:
            out.append((sc, it, sup))
    return out


def _own_clause(item: dict) -> str:
    """The ";"-clause that holds an item's value, without the sentence's opening."""
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 <= at <= len(quote):
        return quote
    e = quote.find(";", at)
    return quote[quote.rfind(";", 0, at) + 1:e if e >= 0 else len(quote)]


def _clause_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Values of one sentence in different ";"-clauses ("Bộ Tài nguyên và Môi trường lập báo cáo
    tổng quan về hiện trạng môi trường quốc gia 05 năm một lần …; hằng năm, lập báo cáo chuyên đề
    …"): each is read with the sentence's opening (``deadline_clause``), so both say the question
    alike; the one whose own clause says a larger share of the question's words — by a third of
    them — is asked, and the others are dropped (not a rival, not the answer: the stored item of the
    other clause outscored the passage's value by the stored items' lead).""" 
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if not it.get("subject") and it.get("when") and ";" in (it.get("quote") or ""):
            by_sentence.setdefault((it["doc_id"], it["end"]), []).append(i)  # (a stored item and the passage's end alike)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    labels = [alts for label, alts in q.groups if label not in q.soft]
    if not labels:
        return scored
    out, dropped = list(scored), set()
    for ix in by_sentence.values():
        clauses = {i: _padded(folded_words(_own_clause(out[i][1]))) for i in ix}
        if len(set(clauses.values())) < 2:
            continue
        found = {i: {n for n, alts in enumerate(labels) if any(f" {a} " in c for a in alts)} for i, c in clauses.items()}
        shares = {i: len(f) / len(labels) for i, f in found.items()}
        best = max(ix, key=lambda i: shares[i])
        # (or it says every word the other clause says and two more: "… báo cáo tổng quan … quốc gia
        # 05 năm một lần" against "hằng năm, lập báo cáo chuyên đề … quốc gia" for the overview report)
        if all(shares[best] - shares[i] >= 1 / 3 or (found[i] <= found[best] and len(found[best] - found[i]) >= 2)
               for i in ix if i != best and clauses[i] != clauses[best]):
            dropped |= {i for i in ix if clauses[i] != clauses[best]}
    return [x for i, x in enumerate(out) if i not in dropped]


_OWNER_NOISE = frozenset("thoi ky giai doan tam nhin dinh huong den toi nam va hoac cung".split())


def _named_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Several horizons or periods of one sentence, each with the words it belongs to
    (``passages._owned``: "… quy hoạch phát triển hệ thống du lịch Việt Nam …, tầm nhìn đến năm 2045
    và Quy hoạch tỉnh Lai Châu …, tầm nhìn đến năm 2050"): the question names one owner by its own
    words ("Quy hoạch tỉnh Lai Châu … có tầm nhìn đến năm nào" says all of the province plan's words
    and a few of the national one's). The owner whose words of its own (those the other owners do
    not share) the question says the largest share of — at least half of them, and twice the next
    one's share — is the one asked: the other owners of that sentence lose a full point (a loss,
not a gain: the named owner is told from its neighbours, not lifted over another sentence that
the question names better, "What period does Resolution 08-NQ/TU cover?" against the sentence that
also names the Lai Châu plan's period). Folded words of the question and its translation; the
    words that say the kind of value ("thời kỳ", "tầm nhìn") tell no owner apart."""
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if it.get("subject") and it.get("when_kind") in ("horizon", "period", "vision"):
            by_sentence.setdefault((it["doc_id"], it["start"]), []).append(i)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    asked = set(f"{folded_words(q.text)} {folded_words(q.vi_text or '')}".split())
    out = list(scored)
    for ix in by_sentence.values():
        words = []
        for i in ix:
            it = out[i][1]
            own = it["subject"].replace(it.get("when") or "\0", " ")
            words.append({w for w in folded_words(own).split() if not w.isdigit() and w not in _OWNER_NOISE})
        if len({frozenset(w) for w in words}) < 2:
            continue  # one owner read twice
        distinct = [w - set().union(*(o for m, o in enumerate(words) if m != n)) for n, w in enumerate(words)]
        shares = [len(d & asked) / len(d) if d else 0.0 for d in distinct]
        best = max(range(len(ix)), key=lambda n: shares[n])
        rest = max((sh for n, sh in enumerate(shares) if n != best), default=0.0)
        if shares[best] >= 0.5 and shares[best] >= 2 * rest:
            for n, i in enumerate(ix):
                if n != best and words[n] != words[best]:
                    sc, it, sup = out[i]
                    out[i] = (sc - 1.0, it, sup)
    return out
