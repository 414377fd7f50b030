"""JSON API of the coverage matrix and the implementation graph:

- ``GET /api/documents/{id}/coverage?children=a,b[&format=json|md|xlsx|docx]`` — the document's
  items against every implementing plan (default: the linked ones), one status per cell;
- ``GET /api/documents/{id}/tree`` — the plans implementing it, recursively, with coverage figures.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from indexer.compare.coverage_report import to_docx, to_markdown, to_xlsx
from indexer.engine.errors import UnknownDocument
from indexer.models import CoverageResult, TreeNode

from .deps import ServiceDep

router = APIRouter(tags=["coverage"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_IDS = re.compile(r"^[A-Za-z0-9_.\-]{1,200}$")
MAX_CHILDREN = 200


def parse_children(raw: str | None) -> list[str] | None:
    """``a,b,c`` -> ids (blank -> None: the linked children). Raises ValueError on a bad id."""
    if not raw or not raw.strip():
        return None
    ids = [x.strip() for x in raw.split(",") if x.strip()]
    bad = [x for x in ids if not _IDS.match(x)]
    if bad:
        raise ValueError(f"invalid document id {bad[0][:60]!r}")
    if len(ids) > MAX_CHILDREN:
        raise ValueError(f"at most {MAX_CHILDREN} children")
    return list(dict.fromkeys(ids))


def _attachment(body: bytes | str, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/api/documents/{doc_id}/coverage", response_model=CoverageResult)
async def coverage_endpoint(service: ServiceDep, doc_id: str,
                            children: str | None = Query(None, max_length=20000,
                                                         description="Comma-separated ids of the "
                                                         "implementing plans (default: the linked ones)"),
                            format: str = Query("json", pattern="^(json|md|docx|xlsx)$",
                                                description="json, md, docx or xlsx")):
    """Every task, target, deadline and responsibility of the document with its status in each
    implementing plan (covered, partial, missing, weaker, stricter, changed, later, earlier), the
    child's citation per cell and a summary per child."""
    try:
        ids = parse_children(children)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    try:
        result = await run_in_threadpool(service.coverage, doc_id, ids)
    except UnknownDocument as exc:
        raise HTTPException(404, f"unknown document id {exc}") from None
    name = f"bao-phu-{doc_id}"
    if format == "md":
        return _attachment(to_markdown(result), "text/markdown; charset=utf-8", f"{name}.md")
    if format == "docx":
        return _attachment(await run_in_threadpool(to_docx, result), DOCX, f"{name}.docx")
    if format == "xlsx":
        return _attachment(await run_in_threadpool(to_xlsx, result), XLSX, f"{name}.xlsx")
    return result


@router.get("/api/documents/{doc_id}/tree", response_model=TreeNode)
async def tree_endpoint(service: ServiceDep, doc_id: str,
                        figures: bool = Query(True, description="Add each child's coverage of its parent")):
    """The implementation tree below a document: the plans that say they implement it, and theirs."""
    try:
        return await run_in_threadpool(service.coverage_tree, doc_id, figures)
    except UnknownDocument as exc:
        raise HTTPException(404, f"unknown document id {exc}") from None
