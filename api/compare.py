"""JSON API of the cross-check and the study brief:

- ``GET /api/compare?parent=&child=[&format=json|md|docx|xlsx]`` — align a plan (child) with the
  document it implements (parent; found from the child's "thực hiện …" references when omitted);
- ``GET /api/documents/{id}/brief[?format=json|docx]`` — the study brief of one document.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from indexer.brief import to_docx as brief_docx
from indexer.compare import SideNotFound
from indexer.compare.report import to_docx, to_markdown, to_xlsx
from indexer.engine.errors import UnknownDocument
from indexer.models import Brief, CompareResult

from .deps import ServiceDep

router = APIRouter(tags=["compare"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ID = {"max_length": 200, "pattern": r"^[A-Za-z0-9_.\-]+$"}


def _attachment(body: bytes | str, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/api/compare", response_model=CompareResult)
async def compare_endpoint(service: ServiceDep,
                           child: str = Query(..., description="Id of the plan to check", **_ID),
                           parent: str | None = Query(None, description="Id of the document it "
                                                      "implements (default: found from its references)",
                                                      **_ID),
                           format: str = Query("json", pattern="^(json|md|docx|xlsx)$",
                                               description="json, md, docx or xlsx")):
    """Every task, target, deadline and responsibility of the parent with its status in the child
    (covered, partial, missing; weaker/stricter/changed; later/earlier), both sides cited verbatim,
    and the child's additions."""
    try:
        result = await run_in_threadpool(service.compare_indexed, parent or None, child)
    except UnknownDocument as exc:
        raise HTTPException(404, f"unknown document id {exc}") from None
    except SideNotFound as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from None
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    name = f"doi-chieu-{result['parent']['id']}-{result['child']['id']}"
    if format == "md":
        return _attachment(to_markdown(result), "text/markdown; charset=utf-8", f"{name}.md")
    if format == "docx":
        return _attachment(await run_in_threadpool(to_docx, result), DOCX, f"{name}.docx")
    if format == "xlsx":
        return _attachment(await run_in_threadpool(to_xlsx, result), XLSX, f"{name}.xlsx")
    return result


@router.get("/api/documents/{doc_id}/brief", response_model=Brief)
async def brief_endpoint(service: ServiceDep, doc_id: str,
                         format: str = Query("json", pattern="^(json|docx)$", description="json or docx")):
    """Study brief: identity, purpose, targets, main tasks, who does what, deadlines, review
    questions with answers — all verbatim with citations."""
    try:
        brief = await run_in_threadpool(service.brief_indexed, doc_id)
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None
    if format == "docx":
        return _attachment(await run_in_threadpool(brief_docx, brief), DOCX, f"{doc_id}-tai-lieu-hoc-tap.docx")
    return brief
