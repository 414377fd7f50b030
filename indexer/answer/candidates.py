"""Candidates read at question time beside the stored items: a when-question's durations,
frequencies, periods, horizons and cited dates (passages.py; a list line with its list's lead), and
the documents' signatures for a signer question."""

from __future__ import annotations

import re

from indexer.search.named import doc_numbers
from indexer.text import folded_words

from .fit_when import _asks_frequency
from .own_text import _LIST_LINE
from .passages import (asked_refs, asked_vision, cycle_items, duration_items, frequency_items, horizon_items,
                       is_cycle_question, is_duration_question, is_horizon_question, is_issued_question,
                       is_period_question, is_year_of_question, issued_items, names_unnumbered_first, period_items,
                       signer_items, vision_items, year_of_items)
from .question import Question
from .texts import _doc_heads, _doc_texts, _texts


def _passage_items(service, q: Question, results: list, docs: list[dict]) -> list[dict]:
    """Durations, frequencies, periods, horizons and the dates of referenced documents read from the
    passages and documents (see passages.py)."""
    folded_q = folded_words(q.text)
    out = []
    if is_cycle_question(folded_q):
        out += cycle_items(results)  # "chu kỳ bao nhiêu năm": the length of a cycle, no other duration
    elif _asks_frequency(folded_q):
        out += frequency_items(results)
    elif is_duration_question(folded_q):
        out += _list_leads(service, duration_items(results))
    if is_period_question(folded_q):
        out += period_items(results)
    if is_year_of_question(folded_q):
        out += year_of_items(results)
    if is_issued_question(folded_q):
        refs = asked_refs(q.text) or asked_refs(q.vi_text)
        if refs and names_unnumbered_first(q.text):
            return out  # (the plan asked is not the resolution it names: ``names_unnumbered_first``)
        if refs:
            return out + issued_items(refs, _doc_texts(service, docs))
    elif asked_vision(folded_q):
        out += vision_items(results)
    period = is_period_question(folded_q)
    if (is_horizon_question(folded_q) or period) and q.doc_refs and not is_issued_question(folded_q):
        out += horizon_items(q.doc_refs, [t for t in _doc_texts(service, docs)
                                          if doc_numbers(next(d for d in docs if d["id"] == t[0])) & set(q.doc_refs)],
                             period=period)
    return out


def _list_leads(service, items: list[dict]) -> list[dict]:
    """A duration on a list line ("a) 01 năm kể từ ngày nhận được … quyết định hành chính …;")
    belongs to the line that opens the list ("2. Thời hiệu khởi kiện đối với từng trường hợp được
    quy định như sau:"), which the passage often starts after: that line is its ``lead`` (as
    ``passages._opens_with`` gives a duration the sentence before it), read from the document —
    the nearest line above that is not itself a list line, if it ends with ":"."""
    texts = None
    for it in items:
        if it.get("lead") or it.get("when_kind") != "duration":
            continue
        quote = it.get("quote") or ""
        at = (it.get("when_start") or it["start"]) - it["start"]
        line_start = quote.rfind("\n", 0, max(at, 0)) + 1
        if not _LIST_LINE.match(quote, line_start) or (line_start and not _LIST_LINE.match(quote)):
            continue  # not a list line, or the list's opening is in the sentence itself
        texts = texts if texts is not None else _texts(service)
        doc = texts.get(it["doc_id"], "")
        if doc[it["start"]:it["start"] + 40] != quote[:40]:
            continue  # offsets not of this text: nothing to read above
        lines = doc[max(0, it["start"] - 4000):it["start"]].splitlines()
        for line in reversed(lines):
            if not line.strip() or _LIST_LINE.match(line):
                continue
            if line.rstrip().endswith(":"):
                it["lead"] = line.strip()
            break
    return items


def _signed_plan_by_number(q: Question) -> bool:
    """"Ai ký kế hoạch thực hiện Kết luận 224-KL/TU?": a signer question that names its plan only by
    the number it implements (no other words to support it). Not "Ai ký Nghị quyết 08-NQ/TU?": the
    resolution itself is not here, and the plan that implements it was signed by someone else."""
    return q.kind == "who" and q.role == "ký" and bool(q.doc_refs) and \
        bool(re.search(r"\b(?:ke hoach|plans?)\b", folded_words(q.text)))


def _implemented_numbers(doc: dict) -> set[str]:
    """The leading numbers of the documents ``doc`` implements ("08-NQ/TU" -> "8")."""
    out = set()
    for r in doc.get("implements") or []:
        number = (r.get("number") if isinstance(r, dict) else getattr(r, "number", "")) or ""
        m = re.match(r"0*(\d+)", number)
        if m:
            out.add(m.group(1))
    return out


def _signs_another(q: Question, item: dict, docs: list[dict]) -> bool:
    """"Who signed Resolution 17-NQ/TU …?" names the resolution a plan implements: the plan's
    signature (its task is the plan's opening, which cites the resolution in full) is not the
    resolution's, which is not here — unless the question asks about the plan ("Ai ký kế hoạch
    thực hiện Kết luận 224?", ``_signed_plan_by_number``)."""
    if _signed_plan_by_number(q):
        return False
    asked = {m.group(1) for ref in asked_refs(q.text) + asked_refs(q.vi_text or "")
             if (m := re.match(r"0*(\d+)", ref[0]))}
    doc = next((d for d in docs if d["id"] == item["doc_id"]), None)
    return bool(asked) and doc is not None and asked <= _implemented_numbers(doc)


def _signer_items(service, docs: list[dict]) -> list[dict]:
    """The signature of every document (passages.signer_items), its task the document's opening."""
    heads = _doc_heads(service)
    return signer_items([(doc_id, title, text, heads.get(doc_id, ""))
                         for doc_id, title, text in _doc_texts(service, docs) if text])
