"""HTML twins of the cross-check and the study brief (Vietnamese, no JavaScript needed):

- ``/compare?parent=&child=[&gaps=1]`` — pick two documents, see the parent's items side by side with
  the child's, colour-coded and labelled, links into the reader (``/documents/{id}#p-{passage}``);
- ``/documents/{id}/brief`` — printable study brief with a DOCX download link.
JSON twins: ``GET /api/compare``, ``GET /api/documents/{id}/brief``."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from indexer.compare import GAPS, SideNotFound
from indexer.engine.errors import UnknownDocument
from indexer.compare.report import KIND_VI, STATUS_ORDER, STATUS_VI, doc_label, ordered, path_text, summary_rows

from .layout import error_page, page, service_of

router = APIRouter(include_in_schema=False)
_ID = {"max_length": 200}


def _reader(doc_id: str, cite: dict | None) -> str | None:
    if not cite:
        return None
    if cite.get("passage") is None:
        return f"/documents/{doc_id}"
    return f"/documents/{doc_id}?p={cite['passage']}#p-{cite['passage']}"


@router.get("/compare", response_class=HTMLResponse)
async def compare_page(request: Request, parent: str | None = Query(None, **_ID),
                       child: str | None = Query(None, **_ID), gaps: int = Query(0, ge=0, le=1),
                       kind: str | None = Query(None, pattern="^(task|target|deadline|responsibility)?$")):
    service = service_of(request)
    docs = service.documents()
    ctx = {"nav": "compare", "docs": docs, "parent_id": parent or "", "child_id": child or "",
           "gaps": bool(gaps), "kind": kind or "", "result": None, "KIND_VI": KIND_VI,
           "STATUS_VI_CMP": STATUS_VI, "doc_label": doc_label, "path_text": path_text, "links": []}
    child_doc = next((d for d in docs if d["id"] == child), None) if child else None
    if child_doc is not None:
        ctx["links"] = child_doc["implements"]
    if not child:
        return page(request, "compare.html", ctx)
    try:
        result = await run_in_threadpool(service.compare_indexed, parent or None, child)
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản",
                          "Không có văn bản đã chọn trong chỉ mục (có thể đã bị xóa).",
                          "Chọn lại văn bản trong danh sách.")
    except SideNotFound:
        ctx["message"] = ("Chưa tìm thấy trong chỉ mục văn bản mà kế hoạch này thực hiện. "
                          "Hãy chọn văn bản cấp trên trong danh sách.")
        return page(request, "compare.html", ctx)
    except ValueError:
        return error_page(request, 422, "Không đối chiếu được",
                          "Văn bản cấp trên và kế hoạch cần đối chiếu phải là hai văn bản khác nhau.",
                          "Hãy chọn hai văn bản khác nhau.")
    rows = ordered(result)
    if gaps:
        rows = [r for r in rows if r["status"] in GAPS]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    for r in rows:
        r["parent_url"] = _reader(result["parent"]["id"], r["parent"])
        r["child_url"] = _reader(result["child"]["id"], r["child"]) if result["child"].get("indexed") else None
    for a in result["additions"]:
        a["child_url"] = _reader(result["child"]["id"], a["child"])
    ctx.update(result=result, rows=rows, summary=summary_rows(result), GAPS=GAPS,
               parent_id=result["parent"]["id"], n_gaps=sum(1 for it in result["items"] if it["status"] in GAPS),
               STATUS_ORDER=STATUS_ORDER)
    return page(request, "compare.html", ctx)


@router.get("/documents/{doc_id}/brief", response_class=HTMLResponse)
async def brief_page(request: Request, doc_id: str):
    service = service_of(request)
    try:
        brief = await run_in_threadpool(service.brief_indexed, doc_id)
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Xem danh sách văn bản.")
    return page(request, "brief.html", {"nav": "documents", "brief": brief, "doc_id": doc_id,
                                        "doc_label": doc_label, "path_text": path_text,
                                        "reader": lambda c: _reader(doc_id, c)})
