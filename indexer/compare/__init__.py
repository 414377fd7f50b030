"""Cross-check a plan against the document it implements.

    from indexer.compare import compare, load_side, find_parent
    child = load_side("child.docx", service)                       # a file, or an indexed id
    parent_id = find_parent(child.meta["implements"], service.documents(), child.id)  # its references
    result = compare(load_side(parent_id, service), child, settings, embedder=service.embedder)
    result["summary"]   # {"covered": 31, "missing": 4, "weaker": 1, …}

Output (also ``GET /api/compare`` and ``nghiquyet compare --format json``)::

    {"parent": {...}, "child": {...}, "summary": {status: count},
     "items": [{"kind", "status", "parent": {"text", "section_path", "start", "end", "passage"},
                "child": {...} | null, "score", "note", "values"?, "unit"?}],
     "additions": [{"kind", "child": {...}, "parent_nearest", "score", "note"}]}
"""

from __future__ import annotations

from .align import GAPS, KIND_ORDER, STATUSES, compare, deadline_verdict, same_unit, target_verdict
from indexer.links import find_parent, link_candidates
from .side import Side, SideNotFound, load_side, side_from_file, side_from_index, side_from_text


def run_compare(service, parent_ref: str | None, child_ref: str, settings=None) -> dict:
    """Compare two documents given as ids or file paths; without a parent, the one the child says
    it implements (raises SideNotFound when none is in the index)."""
    settings = settings or service.settings
    child = load_side(child_ref, service, settings)
    if not parent_ref:
        parent_ref = find_parent(child.meta.get("implements") or [], service.documents(), child.id)
        if parent_ref is None:
            refs = ", ".join(f"{r.get('type')} {r.get('number')}" for r in child.meta.get("implements") or [])
            raise SideNotFound(f"no indexed document matches what {child.id} implements"
                               + (f" ({refs})" if refs else " (it names none)"))
    parent = load_side(parent_ref, service, settings)
    result = compare(parent, child, settings, embedder=service.embedder)
    # Does the child say it implements this parent? (The CLI and the page warn when it does not.)
    parent_doc = {**parent.meta, "id": parent.id}
    result["linked"] = any(link["doc_id"] == parent.id for link in
                           link_candidates(child.meta.get("implements") or [], [parent_doc], child.id))
    return result


__all__ = ["GAPS", "KIND_ORDER", "STATUSES", "Side", "SideNotFound", "compare", "deadline_verdict",
           "find_parent", "link_candidates", "load_side", "run_compare", "same_unit",
           "side_from_file", "side_from_index", "side_from_text", "target_verdict"]
