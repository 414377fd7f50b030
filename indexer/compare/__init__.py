"""Cross-check a plan against the document it implements.

    from indexer.compare import compare, load_side, find_parent
    parent_id = find_parent(engine, "000_ab11ea391550b282")         # from its "thực hiện …" references
    result = compare(load_side(parent_id, engine), load_side("child.docx", engine), settings,
                     embedder=engine.embedder)
    result["summary"]   # {"covered": 31, "missing": 4, "weaker": 1, …}

Output (also ``GET /api/compare`` and ``nghiquyet compare --format json``)::

    {"parent": {...}, "child": {...}, "summary": {status: count},
     "items": [{"kind", "status", "parent": {"text", "section_path", "start", "end", "passage"},
                "child": {...} | null, "score", "note", "values"?, "unit"?}],
     "additions": [{"kind", "child": {...}, "parent_nearest", "score", "note"}]}
"""

from __future__ import annotations

from .align import GAPS, KIND_ORDER, STATUSES, compare, deadline_verdict, same_unit, target_verdict
from .link import find_parent, link_candidates
from .side import Side, SideNotFound, load_side, side_from_file, side_from_index, side_from_text


def run_compare(engine, parent_ref: str | None, child_ref: str, settings=None) -> dict:
    """Compare two documents given as ids or file paths; without a parent, the one the child says
    it implements (raises SideNotFound when none is in the index)."""
    settings = settings or engine.settings
    child = load_side(child_ref, engine, settings)
    if not parent_ref:
        parent_ref = find_parent(engine, child)
        if parent_ref is None:
            refs = ", ".join(f"{r.get('type')} {r.get('number')}" for r in child.meta.get("implements") or [])
            raise SideNotFound(f"no indexed document matches what {child.id} implements"
                               + (f" ({refs})" if refs else " (it names none)"))
    parent = load_side(parent_ref, engine, settings)
    result = compare(parent, child, settings, embedder=engine.embedder)
    return result


__all__ = ["GAPS", "KIND_ORDER", "STATUSES", "Side", "SideNotFound", "compare", "deadline_verdict",
           "find_parent", "link_candidates", "load_side", "run_compare", "same_unit",
           "side_from_file", "side_from_index", "side_from_text", "target_verdict"]
