"""Supported items, best first (``score_items``): the support gate, the fit and the vetoes, the
retrieval rank, a value's own subject, the model's credit for the words a sentence cannot show
(semantic.py); and what tells items apart by sentence and by value (``_same_sentence``,
``_value_key``)."""

from __future__ import annotations

import re

from indexer.text import folded_words, spelling

from .actors import done_by_another, sent_for_another
from .fit import _fit, other_article, other_level, other_meeting_level, other_provision
from .fit_target import other_place, whole_of_part
from .fit_when import (_NAMED_HORIZON, CITED_MIN_COVERAGE, _asks_titled_span, _cited_exactly, _cites_full_number,
                       _own_enactment)
from .fit_who import (_asked_position, _bare_class, _class_for_one, _named_by_role_alone, _names_position,
                      _owner_of_class, _regulates_instead, said_by_question)
from .insitu import copula_named
from .named import _doc_context
from .own_text import _own_text
from .owners import _asked_exception, _asked_owner, _clause_owner, _named_owner
from .question import Question, own_words_spelled_apart, question_slots, spelled_apart
from .roles import is_of_class, states_right
from .semantic import MAX_EMBEDDED, SEMANTIC_RANKED, Similarity, credits
from .support import Matcher, Support
from .unitnames import truncated_unit, undergoes


def _defined_subject(slots, item: dict) -> bool:
    """The item's unit is the subject a sentence defines by the question's predicate and then names
    after "là" ("Cơ quan thi hành án dân sự có thẩm quyền thi hành quyết định … là Cơ quan thi hành
    án dân sự tỉnh, …" for "Cơ quan nào có thẩm quyền thi hành quyết định …?"): the body asked is
    the one named, which the in-place reader reads (insitu.copula_named); the subject only repeats
    the question."""
    quote, at = item.get("quote") or "", item.get("unit_start")
    if at is None or not quote:
        return False
    read = copula_named(slots, quote, 0, len(quote))
    return read is not None and at - item["start"] < read.start


# -- scoring ----------------------------------------------------------------------------------------

def _rank_of(item: dict, results: list) -> int | None:
    return next((i for i, r in enumerate(results)
                 if r.doc_id == item["doc_id"] and item["start"] < r.end and r.start < item["end"]), None)


def attested(results: list) -> str:
    """The retrieved passages' words as spelled (``indexer.text.spelling``), padded: where a question
    typed without diacritics has its restored words confirmed (``own_words_spelled_apart``)."""
    return f" {spelling(' '.join(r.text for r in results))} "


def score_items(q: Question, items: list[dict], results: list, docs: list[dict],
                named: set[str], heads: dict[str, str] | None = None,
                similarity: Similarity | None = None, headings=None) -> list[tuple[float, dict, Support]]:
    """Supported items, best first: (score, item, support). ``similarity``: the model's view of
    the question, which credits the words the lexical gate cannot read (semantic.py)."""
    matcher = Matcher(q, items, _doc_context(docs, heads), named, headings)
    of_class = {(it["doc_id"], it["start"]) for it in items if is_of_class(it, q.unit_class)} \
        if q.kind == "who" and q.unit_class else set()
    out = []
    position = _asked_position(q) if q.kind == "who" else None
    # (read once, and only where it is used: a who-question typed without diacritics)
    spelled_results = attested(results) if q.kind == "who" and q.language == "vi-noaccent" else ""
    pending = []  # items that pass only if the model credits the words they cannot show
    # "<noun> nào <predicate>?" (a Vietnamese who-question): the slots a body named after "là" is read in
    copula = [slot for slot in question_slots(q, "who") if slot.asked and slot.right] \
        if q.kind == "who" and q.language != "en" else []
    for item in items:
        if named and item["doc_id"] not in named and not _cites_full_number(q, item):
            continue  # the question names its document: another document's item answers another question
        if q.kind == "when" and other_provision(q, item):
            continue  # "điểm a khoản 2 Điều 116" asked, "điểm b khoản 2 Điều 116" said: another case
        if other_article(q, item):
            continue  # "Article 56 sets …" asked, Điều 57 said
        if q.kind == "when" and not named and _own_enactment(item):
            continue  # "Luật này … có hiệu lực": the date of the document the question names, none named here
        if copula and _defined_subject(copula, item):
            continue  # "Cơ quan thi hành án dân sự có thẩm quyền thi hành … là Cơ quan thi hành án dân sự tỉnh …"
        fit = _fit(q, item)
        if fit is None or (q.kind == "who" and said_by_question(q, item) and not _bare_class(q, item)):
            continue
        if other_level(q, item) or other_meeting_level(q, item):
            continue
        if q.kind == "who" and (_class_for_one(q, item) or not _names_position(q, item, position)):
            continue
        if q.asks_right and item["kind"] == "responsibility" and not states_right(item):
            continue
        if q.kind == "who" and q.unit_class and not is_of_class(item, q.unit_class) and \
                (item["doc_id"], item["start"]) not in of_class:
            item = _owner_of_class(item, q.unit_class)
            if item is None:
                continue  # (a unit listed with one of the class is answered with it: "Các chi bộ, đảng bộ …")
        if not matcher.groups and (_cited_exactly(item) or (item.get("via") == "title" and _asks_titled_span(q))):
            # "Kết luận 224-KL/TU ban hành ngày nào?": the full number is all the question says
            out.append(_scored(q, matcher, item, Support(1.0, 1.0, own_total=1.0), fit, results, named))
            continue
        sup = matcher.support(item, _own_text(q, item), settle=True)
        if item.get("via") == "title" and sup.missing and not _NAMED_HORIZON.search(f" {folded_words(q.text)} "):
            # a word the title lacks, and no horizon named ("mốc xã đạt chuẩn nông thôn mới là năm
            # nào"): a thing in the document, not the document's own horizon
            continue
        if not sup.ok and _cited_exactly(item):
            sup = matcher.support(item, _own_text(q, item))
            if sup.coverage >= CITED_MIN_COVERAGE:
                out.append(_scored(q, matcher, item, sup, fit, results, named))
                continue
        if sup.ok and q.kind == "target" and other_place(q, item, sup.missing):
            continue  # "… ở thành phố" asked, "… ở vùng cao, miền núi" said: another place's number
        if sup.ok and q.kind == "target" and (
                spelled_apart(q, sup.matched.get("item", []), _own_text(q, item)) or
                spelled_apart(q, sup.matched.get("section", []), " ".join(item.get("section_path") or []))):
            continue  # an English sense found only by its fold is another word ("thành niên")
        if sup.ok and q.kind == "who" and own_words_spelled_apart(q, sup.matched.get("item", []), _own_text(q, item),
                                                                  spelled_results):
            continue  # "cơ yếu" asked, "có yêu cầu" said: another word of the same fold
        if not sup.ok and _named_by_role_alone(q, matcher, item, fit, named):
            sup = matcher.support(item, _own_text(q, item))
            sup.titled = sup.coverage  # (said by the document the question names: see Support.titled)
            out.append(_scored(q, matcher, item, sup, fit, results, named))
            continue
        if not sup.ok:
            if similarity is not None and matcher.has_unsure:
                most = matcher.support(item, _own_text(q, item), settle=True, credit=1.0)
                if most.ok:
                    pending.append((item, fit, most.coverage))
            continue
        out.append(_scored(q, matcher, item, sup, fit, results, named))
    out += _semantic_scored(q, matcher, pending, [it for _, it, _ in out], similarity, results, named)
    if q.kind == "who":
        # (left out after the scoring: as candidates they still stand in the model's comparison of
        # the pending units, which credits only the nearest)
        asked = folded_words(q.vi_text or q.text)
        asked_both = f"{asked} {folded_words(q.text)}"
        out = [x for x in out if not truncated_unit(x[1]) and not _regulates_instead(q, x[1])
               and not undergoes(x[1], asked)
               and not done_by_another(q.vi_text or q.text, q.text if q.language == "en" else None, x[1])
               and not sent_for_another(q.groups, q.soft, asked_both, x[1])]
    if q.kind == "when":
        out = _asked_exception(q, out)
        out = _asked_owner(q, out)
        out = _named_owner(q, out)
        out = _clause_owner(q, out)
    out.sort(key=lambda x: -x[0])
    return out


def _semantic_scored(q: Question, matcher: Matcher, pending: list[tuple[dict, float, float]],
                     supported: list[dict], similarity: Similarity | None, results: list,
                     named: set[str]) -> list[tuple]:
    """The pending items the model credits with the words they cannot show: cosines against the
    question, relative to the nearest of all the candidates (``semantic.credits``). A who- or
    when-question weighs every unit or deadline of the documents, so there the nearest is trusted
    only when the search retrieved its passage too (in its first ``SEMANTIC_DEPTH``); a target's
    sentence with another number in it is not credited (the model reads a sentence, not which of
    its numbers is asked: comparing the numbers' own subjects answered wrong on the tuning half's
    English questions)."""
    if not pending or similarity is None:
        return []
    pending = sorted(pending, key=lambda p: -p[2])[:MAX_EMBEDDED]
    pool = [it for it, _, _ in pending] + supported[:MAX_EMBEDDED]
    cos = similarity.cosines(pool)
    out = []
    for (item, fit, _), c, credit in zip(pending, cos, credits(cos)):
        if credit <= 0 or (q.kind == "target" and any(
                _same_sentence(it, item) and _value_key(it) != _value_key(item) for it in pool)):
            continue  # the model reads a sentence, not which of its numbers is asked
        if q.kind in SEMANTIC_RANKED and _rank_of(item, similarity.retrieved() or results) is None:
            continue  # among ~1,800 units or every deadline, the nearest counts where the search agrees
        sup = matcher.support(item, _own_text(q, item), credit=credit)
        if sup.ok:
            sup.cosine = c
            out.append(_scored(q, matcher, item, sup, fit, results, named))
    return out


def _scored(q: Question, matcher: Matcher, item: dict, sup: Support, fit: float, results: list,
            named: set[str]) -> tuple[float, dict, Support]:
    """An item's score: coverage, own share and fit, retrieval rank, a target's own subject."""
    score = 3.0 * sup.coverage + 1.0 * sup.own + fit
    rank = sup.rank = _rank_of(item, results)
    if rank is not None:  # one passage's rank weighs less where documents are compared
        score += (0.5 if q.kind == "who" and not named else 1.0) / (1 + rank)
    if q.kind in ("target", "when"):
        sup.sentence = matcher.share(item.get("quote") or "")
    if q.kind in ("target", "when") and item.get("subject"):
        # the number whose own subject is asked, not its neighbour's: words said by the
        # subject itself, not by the headings both numbers share
        sup.subject = matcher.share(item["subject"])
        whole = whole_of_part(item)
        if whole and sup.subject > 0:
            sup.subject = matcher.share(f"{whole} {item['subject']}")
        if item.get("when_kind") != "duration":
            # (a duration's own words tell it from its siblings only, ``_asked_owner``: added to its
            # score they lifted a sentence of several durations over one that states a single one)
            score += 1.0 * sup.subject
    return score, item, sup


def _same_sentence(a: dict, b: dict) -> bool:
    return a["doc_id"] == b["doc_id"] and a["start"] == b["start"]


def _value_key(item: dict) -> tuple[str, ...]:
    """What a target's or deadline's answer says, as its numbers: "vào cuối tháng 11/2021" and
    "cuối tháng 11/2021" say the same; "hằng năm" (no number) is its words."""
    text = item.get("when") or item.get("answer") or item.get("value_text") or ""
    return tuple(re.findall(r"\d+", text)) or (folded_words(text),)
