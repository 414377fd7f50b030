"""JSON API of answers: /api/ask, the extracted items of a document (JSON, CSV, XLSX) and the units
view (everything one unit must do across documents)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from indexer.answer import ask as ask_question
from indexer.answer.export import to_csv, to_xlsx
from indexer.extract import normalize_unit, unit_key
from indexer.text import fold
from indexer.search.engine import UnknownDocument
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query

router = APIRouter(tags=["answers"])
_PLURAL = {"responsibilities": "responsibility", "targets": "target", "deadlines": "deadline"}
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/api/ask")
def ask(request: Request,
        q: str = Query(..., description="A question (Vietnamese, English, or without diacritics)",
                       max_length=4 * MAX_QUERY_CHARS),
        k: int = Query(10, ge=1, le=50, description="Passages retrieved")) -> dict:
    """Extractive answer: {question, kind, answer (words of the documents, or null), items, citations}."""
    try:
        question = check_query(q)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    return ask_question(request.app.state.engine, question, k=k)


def _items(request: Request, doc_id: str, kind: str) -> list[dict]:
    try:
        return request.app.state.engine.items(doc_id, kind)
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None


def _register(plural: str) -> None:
    kind = _PLURAL[plural]

    def endpoint(request: Request, doc_id: str,
                 format: str = Query("json", pattern="^(json|csv|xlsx)$",
                                     description="json, csv or xlsx")):
        items = _items(request, doc_id, kind)
        name = f"{doc_id}-{plural}"
        if format == "csv":
            return Response(to_csv(items, kind), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if format == "xlsx":
            return Response(to_xlsx(items, kind), media_type=_XLSX,
                            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
        return {"doc_id": doc_id, "kind": kind, "items": items}

    endpoint.__name__ = f"document_{plural}"
    endpoint.__doc__ = f"Extracted {plural} of one document with their spans (JSON, CSV or XLSX)."
    router.add_api_route(f"/api/documents/{{doc_id}}/{plural}", endpoint, methods=["GET"])


for _plural in _PLURAL:
    _register(_plural)


def list_units(engine, q: str | None = None, doc: str | None = None) -> list[dict]:
    """Units named in responsibilities with their counts, most widespread first. ``q`` keeps the units
    whose name (normalized or as written) contains it, case- and diacritics-insensitively; ``doc``
    keeps the units of one document (counts stay over all documents)."""
    seen: dict[str, dict] = {}
    for d in engine.documents():
        for item in engine.items(d["id"], "responsibility"):
            key = unit_key(item["unit_normalized"])
            entry = seen.setdefault(key, {"name": item["unit_normalized"], "key": key, "items": 0,
                                          "documents": set(), "written": set()})
            entry["items"] += 1
            entry["documents"].add(d["id"])
            entry["written"].add(item["unit"])
    out = [{**e, "documents": sorted(e["documents"]), "written": sorted(e["written"])}
           for e in sorted(seen.values(), key=lambda e: (-len(e["documents"]), -e["items"], e["key"]))]
    if q:
        needle = " ".join(fold(q).lower().split())
        out = [u for u in out if any(needle in " ".join(fold(n).lower().split())
                                     for n in [u["name"], *u["written"]])]
    if doc:
        out = [u for u in out if doc in u["documents"]]
    return out


def unit_groups(engine, name: str) -> list[dict]:
    """Everything one unit must do across all documents, grouped by document, with deadlines."""
    groups: dict[str, dict] = {}
    for item in engine.unit_items(name):
        g = groups.setdefault(item["doc_id"], {"doc_id": item["doc_id"],
                                               "doc_title": item.get("doc_title", ""),
                                               "responsibilities": [], "deadlines": []})
        g["responsibilities" if item["kind"] == "responsibility" else "deadlines"].append(item)
    return list(groups.values())


@router.get("/api/units")
def units(request: Request,
          q: str | None = Query(None, max_length=200, description="Keep units whose name contains this "
                                                                  "(no diacritics needed)"),
          doc: str | None = Query(None, max_length=200, description="Keep units of one document")) -> dict:
    """Every unit named in a responsibility, with how many items and documents mention it."""
    return {"units": list_units(request.app.state.engine, q=q or None, doc=doc or None)}


@router.get("/api/units/{name}")
def unit(request: Request, name: str) -> dict:
    """Everything one unit must do across all documents, grouped by document, with deadlines."""
    groups = unit_groups(request.app.state.engine, name)
    if not groups:
        raise HTTPException(404, f"no responsibilities found for unit '{name}'")
    return {"unit": normalize_unit(name), "documents": groups}
