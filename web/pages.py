"""HTML pages of the web UI (Vietnamese). Every page works without JavaScript; each has a JSON twin
under /api (search -> /api/search, documents -> /api/documents, reader -> /api/documents/{id},
upload/delete -> POST/DELETE /api/documents).

Templates live in web/templates (Jinja2, autoescaped); static files in web/static."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from indexer import visibility as visibility_rules
from indexer.auth import client_ip
from indexer.engine.errors import UnknownDocument
from indexer.search.highlight import highlight_spans
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query
from indexer.service import Busy, DocFilter
from indexer.uploads import MAX_FILES, UploadTooLarge, read_limited_body, uploaded_files

from . import render
from .account_pages import csrf_refused, gate
from .answer_pages import answer_box
from .layout import error_page, page, service_of, url
from .security import viewer

log = logging.getLogger("nghiquyet.web")

EXAMPLES = ["Ai chịu trách nhiệm tuyên truyền?", "Chỉ tiêu tỷ lệ che phủ rừng", "ty le ho ngheo"]
PAGE_STEP = 10
MAX_K = 100

router = APIRouter(include_in_schema=False)
_url = url


# -- search ----------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def search_page(request: Request,
                q: str | None = Query(None, max_length=4 * MAX_QUERY_CHARS),
                doc: str | None = Query(None, max_length=200),
                type: str | None = Query(None, max_length=100),
                issuer: str | None = Query(None, max_length=200),
                year: str | None = Query(None, max_length=10),
                k: int = Query(PAGE_STEP, ge=1, le=1000)) -> HTMLResponse:
    service = service_of(request)
    k = min(k, MAX_K)
    health = service.health()
    docs = service.documents() if health.get("status") == "ok" else []
    doc, type, issuer, year = (v.strip() if v else "" for v in (doc, type, issuer, year))
    ctx: dict = {
        "nav": "search", "q": q or "", "doc": doc, "type": type, "issuer": issuer, "year": year, "k": k,
        "examples": EXAMPLES, "health": health, "documents": docs,
        "choices": render.filter_choices(docs), "response": None, "results": [], "error": None,
        "more_url": None, "clear_filters_url": None, "filtered": bool(doc or type or issuer or year),
        "doc_names": {d["id"]: render.doc_heading(d["type"], d["title"], d["id"]) for d in docs},
    }
    if q is None or not q.strip():
        ctx["q"] = ""
        return page(request, "search.html", ctx)
    if health.get("status") != "ok":
        return error_page(request, 503, "Chưa có chỉ mục văn bản",
                          "Máy chủ chưa có văn bản nào để tìm kiếm.",
                          "Hãy chạy «make serve» (lập chỉ mục thư mục corpus/) hoặc thêm văn bản ở trang "
                          "«Thêm văn bản».")
    status = 200
    try:
        query = check_query(q)
    except QueryError:
        ctx["error"] = (f"Câu hỏi không hợp lệ: hãy nhập từ 1 đến {MAX_QUERY_CHARS} ký tự "
                        "(chữ, số hoặc dấu câu).")
        return page(request, "search.html", ctx, 422)
    year_value = None
    if year:
        if not (year.isdigit() and len(year) == 4):
            ctx["error"] = f"Năm «{year}» không hợp lệ: hãy nhập năm gồm 4 chữ số, ví dụ 2026."
            return page(request, "search.html", ctx, 422)
        year_value = int(year)
    filters = DocFilter(doc_type=type or None, issuer=issuer or None, year=year_value)
    try:
        response = service.search(query, k=k, doc=doc or None, filters=filters or None)
    except UnknownDocument:
        ctx["error"] = "Không tìm thấy văn bản đã chọn trong chỉ mục (có thể đã bị xóa)."
        ctx["doc"] = ""
        return page(request, "search.html", ctx, 404)
    data = response.model_dump()
    results = []
    for i, r in enumerate(data["results"], 1):
        results.append({
            **r, "rank": i, "parts": render.split_highlights(r["text"], r["highlights"]),
            "citation": render.citation(r),
            "heading": render.doc_heading(r["doc_type"], r["doc_title"], r["doc_id"]),
            "reader_url": _url(f"/documents/{r['doc_id']}", p=r["passage"], q=query) + f"#p-{r['passage']}",
        })
    params = {"q": query, "doc": doc, "type": type, "issuer": issuer, "year": year}
    if len(results) >= k and k < MAX_K:
        ctx["more_url"] = _url("/", **params, k=min(MAX_K, k + PAGE_STEP)) + f"#r-{k + 1}"
    if ctx["filtered"]:
        ctx["clear_filters_url"] = _url("/", q=query)
    ctx["answer"] = answer_box(service, query, response, k, doc or None, filters or None, docs)
    ctx.update(response=data, results=results, q=query,
               api_url=_url("/api/search", q=query, k=k, doc=doc, type=type, issuer=issuer, year=year))
    return page(request, "search.html", ctx, status)


# -- documents -------------------------------------------------------------------------------------

@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, sort: str = Query("title", max_length=20),
                   order: str = Query("asc", pattern="^(asc|desc)$")) -> HTMLResponse:
    service = service_of(request)
    health = service.health()
    docs = service.documents() if health.get("status") == "ok" else []
    if sort not in render.SORT_KEYS:
        sort = "title"
    rows = render.sort_documents(docs, sort, order)
    columns = [("type", "Loại"), ("number", "Số hiệu"), ("title", "Tên văn bản"),
               ("issuer", "Cơ quan ban hành"), ("date", "Ngày ban hành"), ("passages", "Số đoạn")]
    headers = []
    for key, label in columns:
        active = key == sort
        next_order = "desc" if active and order == "asc" else "asc"
        headers.append({"key": key, "label": label, "active": active,
                        "aria": ("ascending" if order == "asc" else "descending") if active else None,
                        "url": _url("/documents", sort=key, order=next_order)})
    return page(request, "documents.html", {"nav": "documents", "rows": rows, "headers": headers,
                                            "sort": sort, "order": order, "health": health})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def reader_page(request: Request, doc_id: str, p: int | None = Query(None, ge=0),
                q: str | None = Query(None, max_length=4 * MAX_QUERY_CHARS)) -> HTMLResponse:
    service = service_of(request)
    doc = service.document(doc_id)
    if doc is None:
        return error_page(request, 404, "Không tìm thấy văn bản",
                          f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Văn bản có thể đã bị xóa hoặc đường dẫn bị sai. Xem danh sách văn bản.")
    query = None
    if q:
        try:
            query = check_query(q)
        except QueryError:
            query = None
    passages = [{"ordinal": x["ordinal"], "start": x["start"], "end": x["end"]} for x in doc["passage_list"]]
    groups = render.reader_layout(doc["text"], doc["blocks"], passages, target=p, query=query,
                                  highlighter=highlight_spans)
    implements = doc["implements"]
    return page(request, "reader.html", {
        "nav": "documents", "doc": doc, "groups": groups,
        "outline": render.outline_entries(doc["blocks"], doc["text"]),
        "implements": implements, "target": p, "q": query or "",
        "heading": render.doc_heading(doc["type"], doc["title"], doc["id"]),
        "source_name": doc["file_name"],
        "has_original": service.original(doc_id) is not None,
        "VISIBILITY_VI": VISIBILITY_VI,
        "implemented_by": _implemented_by(service, doc_id),
    })


def _implemented_by(service, doc_id: str) -> list:
    """The indexed plans that implement this document (the one link resolver, indexer.links)."""
    docs = {d["id"]: d for d in service.documents()}
    return [docs[c] for c in service.children(doc_id) if c in docs]


# -- add / delete documents, visibility (editor role) ----------------------------------------------------

VISIBILITY_VI = {"public": "Công khai", "internal": "Lưu hành nội bộ"}


def _admin_ctx(request: Request, **extra) -> dict:
    settings = request.app.state.settings
    service = service_of(request)
    health = service.health()
    docs = service.documents() if health.get("status") == "ok" else []
    return {"nav": "admin", "enabled": True, "max_upload_mb": settings.max_upload_mb,
            "documents": render.sort_documents(docs, "title", "asc"), "VISIBILITY_VI": VISIBILITY_VI,
            "report": None, "error": None, "notice": None, **extra}


@router.get("/admin/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    return gate(request, "editor") or page(request, "upload.html", _admin_ctx(request))


@router.post("/admin/upload", response_class=HTMLResponse)
async def upload_submit(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    try:
        await read_limited_body(request, settings.max_upload_mb)
        form = await request.form(max_files=MAX_FILES)
    except UploadTooLarge:
        return gate(request, "editor", post=True) or page(request, "upload.html", _admin_ctx(
            request, error=f"Dung lượng tải lên vượt giới hạn {settings.max_upload_mb:g} MB. Hãy chia "
                           "thành nhiều lần tải."), 413)
    except Exception:
        return gate(request, "editor", post=True) or page(request, "upload.html", _admin_ctx(
            request, error="Không đọc được dữ liệu tải lên. Hãy chọn lại tệp và thử lại."), 400)
    refused = gate(request, "editor", post=True) or csrf_refused(request, form)
    if refused:
        return refused
    try:
        wanted = visibility_rules.check(str(form.get("visibility") or "") or None)
    except ValueError:
        return page(request, "upload.html", _admin_ctx(request, error="Phạm vi không hợp lệ."), 422)
    files = await uploaded_files(form)
    if not files:
        return page(request, "upload.html", _admin_ctx(
            request, error="Chưa chọn tệp nào. Hãy chọn một hoặc nhiều tệp văn bản (.txt, .docx, .doc, .pdf, ảnh quét…)."),
            422)
    service = service_of(request)
    try:
        report = await run_in_threadpool(service.add_files, files, wanted, viewer(request).label,
                                         client_ip(request))
    except Busy:
        return page(request, "upload.html", _admin_ctx(
            request, error="Đang có một lượt lập chỉ mục khác. Hãy thử lại sau ít phút."), 409)
    return page(request, "upload.html", _admin_ctx(request, report=service.report_dict(report)))


@router.get("/admin/documents/{doc_id}/delete", response_class=HTMLResponse)
def delete_confirm(request: Request, doc_id: str) -> HTMLResponse:
    refused = gate(request, "editor")
    if refused:
        return refused
    doc = service_of(request).document(doc_id)
    if doc is None:
        return error_page(request, 404, "Không tìm thấy văn bản",
                          f"Không có văn bản mã «{doc_id}» trong chỉ mục.", None)
    return page(request, "delete.html", _admin_ctx(
        request, doc=doc, heading=render.doc_heading(doc["type"], doc["title"], doc["id"])))


@router.post("/admin/documents/{doc_id}/delete", response_class=HTMLResponse)
async def delete_submit(request: Request, doc_id: str):
    form = await request.form()
    refused = gate(request, "editor", post=True) or csrf_refused(request, form)
    if refused:
        return refused
    service = service_of(request)
    doc = service.document(doc_id)
    if doc is None:
        return error_page(request, 404, "Không tìm thấy văn bản",
                          f"Không có văn bản mã «{doc_id}» trong chỉ mục (có thể đã được xóa).", None)
    heading = render.doc_heading(doc["type"], doc["title"], doc["id"])
    try:
        await run_in_threadpool(service.delete, [doc_id], viewer(request).label, client_ip(request))
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản", "Văn bản đã được xóa trước đó.", None)
    except Busy:
        return page(request, "delete.html", _admin_ctx(
            request, doc=doc, heading=heading,
            error="Đang có một lượt lập chỉ mục khác. Hãy thử lại sau ít phút."), 409)
    return page(request, "upload.html", _admin_ctx(request, notice=f"Đã xóa văn bản «{heading}» khỏi chỉ mục."))


@router.post("/admin/documents/{doc_id}/visibility", response_class=HTMLResponse)
async def visibility_submit(request: Request, doc_id: str):
    form = await request.form()
    refused = gate(request, "editor", post=True) or csrf_refused(request, form)
    if refused:
        return refused
    wanted = str(form.get("visibility") or "")
    if wanted not in VISIBILITY_VI:
        return error_page(request, 422, "Phạm vi không hợp lệ", "Hãy chọn «Công khai» hoặc «Lưu hành nội bộ».")
    try:
        service_of(request).set_visibility(doc_id, wanted, viewer(request).label, client_ip(request))
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.")
    return RedirectResponse(f"/documents/{quote(doc_id, safe='')}", status_code=303)


@router.get("/admin", include_in_schema=False)
def admin_root() -> RedirectResponse:
    return RedirectResponse("/admin/upload", status_code=307)
