"""JSON API of the cross-check and the study brief:

- ``GET /api/compare?parent=&child=[&format=json|md|docx|xlsx]`` — align a plan (child) with the
  document it implements (parent; found from the child's "thực hiện …" references when omitted);
- ``GET /api/documents/{id}/brief[?format=json|docx]`` — the study brief of one document.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from indexer.brief import build_brief, to_docx as brief_docx
from indexer.compare import SideNotFound, run_compare, side_from_index
from indexer.compare.report import to_docx, to_markdown, to_xlsx

router = APIRouter(tags=["compare"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ID = {"max_length": 200, "pattern": r"^[A-Za-z0-9_.\-]+$"}


def _attachment(body: bytes | str, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def compare_ids(engine, parent: str | None, child: str) -> dict:
    """Compare two indexed documents (ids only: the API does not read server files)."""
    for ref in (parent, child):
        if ref and engine.document(ref) is None:
            raise HTTPException(404, f"unknown document id '{ref}'")
    if parent and parent == child:
        raise HTTPException(422, "parent and child must be two different documents")
    try:
        return run_compare(engine, parent, child)
    except SideNotFound as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from None


@router.get("/api/compare")
async def compare_endpoint(request: Request,
                           child: str = Query(..., description="Id of the plan to check", **_ID),
                           parent: str | None = Query(None, description="Id of the document it "
                                                      "implements (default: found from its references)",
                                                      **_ID),
                           format: str = Query("json", pattern="^(json|md|docx|xlsx)$",
                                               description="json, md, docx or xlsx")):
    """Every task, target, deadline and responsibility of the parent with its status in the child
    (covered, partial, missing; weaker/stricter/changed; later/earlier), both sides cited verbatim,
    and the child's additions."""
    engine = request.app.state.engine
    result = await run_in_threadpool(compare_ids, engine, parent or None, child)
    name = f"doi-chieu-{result['parent']['id']}-{result['child']['id']}"
    if format == "md":
        return _attachment(to_markdown(result), "text/markdown; charset=utf-8", f"{name}.md")
    if format == "docx":
        return _attachment(await run_in_threadpool(to_docx, result), DOCX, f"{name}.docx")
    if format == "xlsx":
        return _attachment(await run_in_threadpool(to_xlsx, result), XLSX, f"{name}.xlsx")
    return result


def brief_of(engine, doc_id: str) -> dict:
    if engine.document(doc_id) is None:
        raise HTTPException(404, f"unknown document id '{doc_id}'")
    return build_brief(side_from_index(engine, doc_id))


@router.get("/api/documents/{doc_id}/brief")
async def brief_endpoint(request: Request, doc_id: str,
                         format: str = Query("json", pattern="^(json|docx)$", description="json or docx")):
    """Study brief: identity, purpose, targets, main tasks, who does what, deadlines, review
    questions with answers — all verbatim with citations."""
    brief = await run_in_threadpool(brief_of, request.app.state.engine, doc_id)
    if format == "docx":
        return _attachment(await run_in_threadpool(brief_docx, brief), DOCX, f"{doc_id}-tai-lieu-hoc-tap.docx")
    return brief
