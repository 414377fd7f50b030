"""Extractive answers: classify the question, retrieve passages with the hybrid search, prefer the
extracted items (responsibilities, targets, deadlines) whose spans fall in those passages, and answer
with words taken from the document (a unit name, the number with its unit, the deadline) plus the
verbatim spans they come from. Nothing is generated; when nothing supports an answer, ``answer`` is
None and the citations are the closest passages.

A generative reader could later be plugged in behind the same citations (it would only rephrase
``items``); none is shipped.
"""

from __future__ import annotations

import re

from indexer.text import folded_words

from .classify import QUESTION_KINDS, classify, content_terms, role_words

NOT_FOUND_VI = "Không tìm thấy câu trả lời trong các văn bản đã có"
_ITEM_KIND = {"who": "responsibility", "tasks": "responsibility", "target": "target", "when": "deadline"}
MAX_ITEMS = 5


def _overlap(terms: list[str], text: str) -> tuple[float, int]:
    """(share of the question's content words found in ``text``, number of word pairs found)."""
    if not terms:
        return 0.0, 0
    hay = f" {folded_words(text)} "
    found = sum(1 for t in terms if f" {t} " in hay)
    pairs = sum(1 for a, b in zip(terms, terms[1:]) if f" {a} {b} " in hay)
    return found / len(terms), pairs


def _item_text(item: dict) -> str:
    parts = [item.get("quote", "")]
    for key in ("unit", "unit_normalized", "subject", "task"):
        if item.get(key):
            parts.append(str(item[key]))
    return " ".join(parts)


def _citation(item_or_result: dict) -> dict:
    path = item_or_result.get("section_path") or []
    if isinstance(path, str):
        path = [p for p in path.split(" › ") if p]
    return {"text": item_or_result.get("quote") or item_or_result.get("text", ""),
            "doc_id": item_or_result["doc_id"], "doc_title": item_or_result.get("doc_title", ""),
            "section_path": path, "start": item_or_result["start"], "end": item_or_result["end"]}


def rank_items(question: str, interpreted: str, kind: str, results: list, items: list[dict]) -> list[tuple[float, dict]]:
    """Items scored by: the rank of the retrieved passage holding them, the share of the question's
    content words they contain (with pairs of adjacent words counting extra), the role the question
    asks about, and a unit the question names."""
    terms = content_terms(interpreted or question)
    roles = role_words(interpreted or question)
    folded_q = f" {folded_words(interpreted or question)} "
    scored = []
    for item in items:
        rank = next((i for i, r in enumerate(results)
                     if r.doc_id == item["doc_id"] and item["start"] < r.end and r.start < item["end"]), None)
        share, pairs = _overlap(terms, _item_text(item))
        path_share, _ = _overlap(terms, " ".join(item.get("section_path") or []))
        if share == 0 and not pairs:
            continue
        score = 2.0 * share + 0.5 * min(pairs, 6) + 0.3 * path_share
        if rank is not None:
            score += 1.0 / (1 + rank)
        if item["kind"] == "target" and any(re.search(r"(?i)mục tiêu|chỉ tiêu", p)
                                            for p in item.get("section_path") or []):
            score += 0.6  # the list of targets rather than a task restating one
        if item["kind"] == "target" and item.get("measure"):
            measure = folded_words(item["measure"]) or "phan tram"
            if "%" in item["measure"]:
                measure = "phan tram"
            if f" {measure.split()[0]} " in folded_q or (measure == "phan tram" and " ty le " in folded_q):
                score += 0.3  # the question names the measure ("bao nhiêu lượt", "tỷ lệ")
        if item["kind"] == "responsibility":
            item_roles = item.get("roles") or [item.get("role")]
            if roles and any(r in item_roles for r in roles):
                score += 0.6 if item.get("role") in roles else 0.3
            unit = folded_words(item.get("unit_normalized") or item.get("unit") or "")
            if len(unit) > 4 and f" {unit} " in folded_q:
                score += 1.5
            if kind == "who" and item.get("role") == "phối hợp":
                score -= 0.3
        scored.append((score, share, pairs, item))
    scored.sort(key=lambda x: -x[0])
    return [(s, it) for s, share, pairs, it in scored if share >= 0.5]


def _answer_text(kind: str, best: list[dict]) -> str | None:
    if not best:
        return None
    top = best[0]
    if kind == "who":
        names = []
        for item in best:
            if item["doc_id"] != top["doc_id"] or item["start"] != top["start"]:
                continue
            if item["unit"] not in names and (item.get("role") != "phối hợp" or not names):
                names.append(item["unit"])
        role = top.get("role")
        return "; ".join(names) + (f" ({role})" if role and role != "thực hiện" else "")
    if kind == "tasks":
        task = top.get("task") or top["quote"]
        if len(task) > 240:
            cut = task.rfind(" ", 0, 240)
            task = task[:cut if cut > 0 else 240] + "…"
        return f"{top['unit']}: {task}"
    if kind == "target":
        from indexer.extract.targets import target_answer

        return target_answer(top) or None
    if kind == "when":
        return top.get("when")
    return None


def ask(service, question: str, k: int = 10, response=None, doc_ids: set[str] | None = None) -> dict:
    """{"question", "kind", "answer", "items", "citations", "interpreted"} for one question.

    ``response``: the ``SearchResponse`` of this same question when the caller already searched (the
    search page), so the search is not run twice; its first ``k`` results are used. ``doc_ids``: only
    answer from these documents (a filtered search)."""
    kind = classify(question)
    if response is None:
        response = service.search(question, k=k)
    interpreted = response.interpreted or question
    results = response.results[:k]
    best: list[dict] = []
    item_kind = _ITEM_KIND.get(kind)
    if item_kind:
        items = service.all_items(item_kind, doc_ids)
        ranked = rank_items(question, interpreted, kind, results, items)
        best = [it for _, it in ranked[:MAX_ITEMS]]
    answer = _answer_text(kind, best)
    if answer is None:
        best = []
    citations = [_citation(it) for it in best] if best else \
        [_citation(r.to_dict()) for r in results[:3]]
    return {"question": question, "kind": kind, "interpreted": interpreted if interpreted != question else "",
            "answer": answer, "message": None if answer else NOT_FOUND_VI,
            "items": [dict(it) for it in best], "citations": citations}


__all__ = ["NOT_FOUND_VI", "QUESTION_KINDS", "ask", "classify", "rank_items"]
