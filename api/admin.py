"""Writing endpoints: upload documents (``POST /api/documents``, multipart) and delete one
(``DELETE /api/documents/{id}``). Both need ``Authorization: Bearer <NGHIQUYET_ADMIN_TOKEN>``;
without a configured token they are disabled.

Indexing runs in the threadpool, never on the event loop: searches keep being answered from the
current index while the new one is built, then the engine switches atomically."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from indexer.engine.errors import UnknownDocument
from indexer.models import IndexReportModel
from indexer.service import Busy
from indexer.uploads import MAX_FILES, UploadTooLarge, read_limited_body, uploaded_files

from .deps import AdminDep, ServiceDep, SettingsDep

router = APIRouter(tags=["admin"])

_UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                     "description": ".txt .md .docx .doc .odt .rtf .pdf .html files or page images (.png .jpg .tif)"}}}}},
    }
}


@router.post("/api/documents", openapi_extra=_UPLOAD_SCHEMA, response_model=IndexReportModel,
             dependencies=[AdminDep])
async def upload(request: Request, service: ServiceDep, settings: SettingsDep) -> dict:
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
    files = await uploaded_files(form)
    if not files:
        raise HTTPException(422, "no files: send them as multipart field 'files'")
    try:
        report = await run_in_threadpool(service.add_files, files)
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return service.report_dict(report)


@router.delete("/api/documents/{doc_id}", response_model=IndexReportModel, dependencies=[AdminDep])
async def delete(doc_id: str, service: ServiceDep) -> dict:
    """Remove a document from the index."""
    try:
        report = await run_in_threadpool(service.delete, [doc_id])
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return service.report_dict(report)
