"""Writing endpoints: upload documents (``POST /api/documents``, multipart, optional field
``visibility``), delete one (``DELETE /api/documents/{id}``), change a document's visibility
(``PUT /api/documents/{id}/visibility``): all need the editor role (``Authorization: Bearer
<token>``). The audit log (``GET /api/audit``) needs the admin role; ``GET /api/me`` says who you are.

Indexing runs in the threadpool, never on the event loop: searches keep being answered from the
current index while the new one is built, then the engine switches atomically."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from indexer import visibility as vis
from indexer.accounts import Principal
from indexer.auth import client_ip
from indexer.engine.errors import UnknownDocument
from indexer.models import AuditList, DocumentInfo, IndexReportModel, Me, VisibilityChange
from indexer.service import Busy
from indexer.uploads import MAX_FILES, UploadTooLarge, read_limited_body, uploaded_files

from .deps import AdminOnlyDep, EditorDep, ServiceDep, SettingsDep, get_principal

router = APIRouter(tags=["admin"])

_UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                     "description": ".txt .md .docx .doc .odt .rtf .pdf .html files or page images (.png .jpg .tif)"},
                           "visibility": {"type": "string", "enum": ["auto", "public", "internal"],
                                          "description": "public, internal, or auto (default: "
                                                         "internal when marked MẬT / lưu hành nội bộ)"}}}}},
    }
}


@router.post("/api/documents", openapi_extra=_UPLOAD_SCHEMA, response_model=IndexReportModel)
async def upload(request: Request, service: ServiceDep, settings: SettingsDep, who: EditorDep) -> dict:
    """Index uploaded files (multipart field ``files``, several allowed). Returns the per-file report:
    added / updated / unchanged / failed with the reason (``message_vi`` in Vietnamese)."""
    try:
        await read_limited_body(request, settings.max_upload_mb)
    except UploadTooLarge as exc:
        raise HTTPException(413, str(exc)) from None
    try:
        form = await request.form(max_files=MAX_FILES)
    except Exception as exc:  # malformed multipart, too many parts
        raise HTTPException(400, f"could not read the multipart upload ({exc})") from None
    try:
        visibility = vis.check(str(form.get("visibility") or "") or None)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    files = await uploaded_files(form)
    if not files:
        raise HTTPException(422, "no files: send them as multipart field 'files'")
    try:
        report = await run_in_threadpool(service.add_files, files, visibility, who.label, client_ip(request))
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return service.report_dict(report)


@router.delete("/api/documents/{doc_id}", response_model=IndexReportModel)
async def delete(doc_id: str, service: ServiceDep, who: EditorDep, request: Request) -> dict:
    """Remove a document from the index."""
    try:
        report = await run_in_threadpool(service.delete, [doc_id], who.label, client_ip(request))
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return service.report_dict(report)


@router.put("/api/documents/{doc_id}/visibility", response_model=DocumentInfo)
def set_visibility(doc_id: str, body: VisibilityChange, service: ServiceDep, who: EditorDep,
                   request: Request) -> DocumentInfo:
    """Make a document public (anyone) or internal (signed-in users only); audited."""
    try:
        return service.set_visibility(doc_id, body.visibility, who.label, client_ip(request))
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None


@router.get("/api/audit", response_model=AuditList)
def audit(service: ServiceDep, who: AdminOnlyDep,
          limit: int = Query(200, ge=1, le=10_000, description="Newest entries first"),
          action: str | None = Query(None, max_length=40, description="Only this action")) -> AuditList:
    """The audit log: who did what, when (uploads, deletes, visibility, sign-ins, users)."""
    return AuditList(entries=service.accounts.audit_entries(limit, action or None))


@router.get("/api/me", response_model=Me)
def me(principal: Principal = Depends(get_principal)) -> Me:
    """Who the request is authenticated as (anonymous: nulls)."""
    return Me(name=principal.name, role=principal.role)
