"""HTML twins of the coverage matrix and the implementation graph (Vietnamese, no JavaScript):

- ``/documents/{id}/coverage?children=a,b&gaps=1&only=child`` — the document's items x its
  implementing plans, status by colour and by label, "thiếu ở N/M đơn vị" per item, a summary per
  plan; each cell links to both passages. Phones get a per-plan list instead of the wide table.
- ``/documents/{id}/tree`` — the plans implementing it, recursively, with each plan's coverage.
JSON twins: ``GET /api/documents/{id}/coverage``, ``GET /api/documents/{id}/tree``."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from indexer.compare import GAPS
from indexer.compare.coverage_report import SHORT_VI, child_label
from indexer.compare.report import KIND_VI, STATUS_VI, doc_label, path_text
from indexer.engine.errors import UnknownDocument

from .layout import error_page, page, service_of

router = APIRouter(include_in_schema=False)
_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,200}$")


def reader_url(doc_id: str, cite: dict | None) -> str:
    if not cite or cite.get("passage") is None:
        return f"/documents/{doc_id}"
    return f"/documents/{doc_id}?p={cite['passage']}#p-{cite['passage']}"


def _ids(values: list[str]) -> tuple[list[str], list[str]]:
    """Checkbox values and comma lists -> (valid ids, rejected values)."""
    ids, bad = [], []
    for v in values:
        for x in v.split(","):
            x = x.strip()
            if not x:
                continue
            (ids if _ID.match(x) else bad).append(x)
    return list(dict.fromkeys(ids)), bad


@router.get("/documents/{doc_id}/coverage", response_class=HTMLResponse)
async def coverage_page(request: Request, doc_id: str, children: list[str] = Query([]),
                        gaps: int = Query(0, ge=0, le=1), only: str | None = Query(None, max_length=200),
                        kind: str | None = Query(None, pattern="^(task|target|deadline|responsibility)?$")):
    service = service_of(request)
    ids, bad = _ids(children[:300])
    docs = service.documents()
    if not any(d["id"] == doc_id for d in docs):
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Xem danh sách văn bản.")
    try:
        result = await run_in_threadpool(service.coverage, doc_id, ids or None)
    except UnknownDocument as exc:
        return error_page(request, 404, "Không tìm thấy văn bản",
                          f"Không có văn bản mã {exc} trong chỉ mục (có thể đã bị xóa).",
                          "Bỏ văn bản đó khỏi danh sách kế hoạch cấp dưới rồi xem lại.")
    chosen = [c["id"] for c in result["children"]]
    cols = [c for c in result["children"] if not c["error"]]
    if only and only in chosen:
        cols = [c for c in cols if c["id"] == only]
    col_ids = [c["id"] for c in cols]
    rows = result["tasks"]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if gaps:
        rows = [r for r in rows if any(r["status"].get(c) in GAPS for c in col_ids)]
    for r in rows:
        r["parent_url"] = reader_url(doc_id, r)
        r["cells"] = {c: {"status": r["status"].get(c), "note": r["notes"].get(c, ""),
                          "url": reader_url(c, r["child"].get(c))} for c in col_ids}
    keep = {"children": ",".join(chosen) if ids else None, "gaps": gaps or None, "only": only, "kind": kind}

    def link(**change) -> str:
        params = {k: v for k, v in {**keep, **change}.items() if v not in (None, "", 0)}
        return f"/documents/{doc_id}/coverage" + (f"?{urlencode(params)}" if params else "")

    api = f"/api/documents/{doc_id}/coverage" + (f"?{urlencode({'children': ','.join(chosen)})}" if ids else "")
    sep = "&" if ids else "?"
    candidates = [d for d in docs if d["id"] != doc_id]
    return page(request, "coverage.html", {
        "nav": "documents", "result": result, "rows": rows, "cols": cols, "doc_id": doc_id,
        "chosen": chosen, "linked": result.get("linked") or [], "candidates": candidates, "bad": bad,
        "gaps": bool(gaps), "only": only or "", "kind": kind or "", "link": link, "KIND_VI": KIND_VI,
        "STATUS_VI_CMP": STATUS_VI, "SHORT_VI": SHORT_VI, "GAPS": GAPS, "doc_label": doc_label,
        "path_text": path_text, "child_label": child_label, "api": api, "sep": sep,
        "picked": bool(ids)})


@router.get("/documents/{doc_id}/tree", response_class=HTMLResponse)
async def tree_page(request: Request, doc_id: str):
    service = service_of(request)
    docs = {d["id"]: d for d in service.documents()}
    if doc_id not in docs:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Xem danh sách văn bản.")
    root, seen = doc_id, {doc_id}
    while (parent := service.parent_of(root)) and parent not in seen:  # up to the topmost indexed one
        seen.add(parent)
        root = parent
    try:
        tree = await run_in_threadpool(service.coverage_tree, root, True)
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Xem danh sách văn bản.")
    above = [r for r in docs[root]["implements"] if not r.doc_id]  # named but not indexed
    return page(request, "tree.html", {"nav": "documents", "tree": tree, "current": doc_id, "above": above,
                                       "doc_label": doc_label, "child_label": child_label})
