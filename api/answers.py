"""JSON API of answers: /api/ask, the extracted items of a document (JSON, CSV, XLSX) and the units
view (everything one unit must do across documents)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from indexer.answer.export import to_csv, to_xlsx
from indexer.engine.errors import UnknownDocument
from indexer.models import AskResponse, ItemList, UnitDetail, UnitList
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query

from .deps import ServiceDep, model_json

router = APIRouter(tags=["answers"])
_PLURAL = {"responsibilities": "responsibility", "targets": "target", "deadlines": "deadline"}
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/api/ask", response_model=AskResponse)
def ask(service: ServiceDep,
        q: str = Query(..., description="A question (Vietnamese, English, or without diacritics)",
                       max_length=4 * MAX_QUERY_CHARS),
        k: int = Query(10, ge=1, le=50, description="Passages retrieved")) -> Response:
    """Extractive answer: {question, kind, answer (words of the documents, or null), items, citations}."""
    try:
        question = check_query(q)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    return model_json(service.ask(question, k=k))


def _register(plural: str) -> None:
    kind = _PLURAL[plural]

    async def endpoint(service: ServiceDep, doc_id: str,
                       format: str = Query("json", pattern="^(json|csv|xlsx)$",
                                           description="json, csv or xlsx")):
        try:
            items = await run_in_threadpool(service.items, doc_id, kind)
        except UnknownDocument:
            raise HTTPException(404, f"unknown document id '{doc_id}'") from None
        name = f"{doc_id}-{plural}"
        if format == "csv":
            return Response(to_csv(items, kind), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if format == "xlsx":
            return Response(to_xlsx(items, kind), media_type=_XLSX,
                            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
        return ItemList(doc_id=doc_id, kind=kind, items=items)

    endpoint.__name__ = f"document_{plural}"
    endpoint.__doc__ = f"Extracted {plural} of one document with their spans (JSON, CSV or XLSX)."
    router.add_api_route(f"/api/documents/{{doc_id}}/{plural}", endpoint, methods=["GET"],
                         response_model=ItemList)


for _plural in _PLURAL:
    _register(_plural)


@router.get("/api/units", response_model=UnitList)
def units(service: ServiceDep,
          q: str | None = Query(None, max_length=200, description="Keep units whose name contains this "
                                                                  "(no diacritics needed)"),
          doc: str | None = Query(None, max_length=200, description="Keep units of one document")) -> UnitList:
    """Every unit named in a responsibility, with how many items and documents mention it."""
    return UnitList(units=service.units(q=q or None, doc=doc or None))


@router.get("/api/units/{name}", response_model=UnitDetail)
def unit(service: ServiceDep, name: str) -> UnitDetail:
    """Everything one unit must do across all documents, grouped by document, with deadlines."""
    detail = service.unit(name)
    if detail is None:
        raise HTTPException(404, f"no responsibilities found for unit '{name}'")
    return detail
