"""How many tasks, solutions or targets a plan lists, counted in its outline (counts.py)."""

from __future__ import annotations

from indexer.search.translate import lookup
from indexer.structure.outline import label as outline_label

from .citations import citation
from .counts import asked_list, count_listed, written_in
from .named import named_documents
from .question import analyze
from .texts import _documents, _written
from .wording import _shown_interpretation


def _count_answer(service, question: str, response, doc_ids: set[str] | None) -> dict | None:
    """How many tasks, solutions or targets a plan lists, counted in its outline (counts.py): in the
    documents the question names, else in the search's first passage's document; one document's
    count, cited by the heading and the last numbered item ("10. Kinh phí thực hiện")."""
    english = response.language == "en"
    asked = asked_list(question, lookup if english else None)
    if not asked or not response.results:
        return None
    q = analyze(question, response.interpreted, response.translated, response.language,
                written=_written(service))
    docs = _documents(service)
    named = named_documents(q, docs)
    ids = named or {response.results[0].doc_id}
    if doc_ids is not None:
        ids &= doc_ids
    found = []
    for doc_id in sorted(ids):
        detail = service.document(doc_id)
        if detail is None:
            continue
        blocks = [b.model_dump() if hasattr(b, "model_dump") else b for b in detail.blocks]
        counted = count_listed(asked, question, detail.text, blocks)
        if counted is not None:
            found.append((doc_id, detail, blocks, counted))
    if len(found) != 1:
        return None  # none, or two plans the words fit: which one the question means is not said
    doc_id, detail, blocks, c = found[0]
    title = next((d.get("title") or "" for d in docs if d["id"] == doc_id), "")
    by_idx = {b["idx"]: b for b in blocks}

    def item(b: dict, answer: bool) -> dict:
        path = [outline_label(detail.text[by_idx[i]["start"]:by_idx[i]["end"]]) for i in b.get("parents") or []
                if i in by_idx]
        out = {"kind": "target", "doc_id": doc_id, "doc_title": title, "start": b["start"], "end": b["end"],
               "quote": detail.text[b["start"]:b["end"]], "section_path": path, "via": "count",
               "subject": detail.text[c.heading["start"]:c.heading["end"]]}
        if answer:
            out.update(answer=detail.text[c.number_start:c.number_end], answer_start=c.number_start,
                       answer_end=c.number_end)
        return out

    last, heading = item(c.last, True), item(c.heading, False)
    words = [written_in(heading["quote"], alts) for alts in asked]  # as the heading writes them
    # why: the heading says the list asked, and its last item's number is the count (marked there)
    support = {"coverage": 1.0, "own": 1.0, "missing": [], "matched": {"section": words}, "read": "count",
               "says": heading["quote"].strip(), "fields": {"section": "section heading"}, "words": words}
    return {"question": question, "kind": "target", "role": None,
            "interpreted": _shown_interpretation(response, question),
            "answer": f"{c.n} ({heading['quote'].strip()})", "message": None, "support": support,
            "items": [last, heading], "citations": [citation(last), citation(heading)]}
