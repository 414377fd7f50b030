"""Writing endpoints: upload documents (``POST /api/documents``, multipart) and delete one
(``DELETE /api/documents/{id}``). Both need ``Authorization: Bearer <NGHIQUYET_ADMIN_TOKEN>``;
without a configured token they are disabled. The web page /admin/upload uses the same helpers.

Indexing runs in the threadpool, never on the event loop: searches keep being answered from the
current generation while the new one is built, then the engine switches atomically."""

from __future__ import annotations

import hmac
import threading
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from indexer.index.builder import IndexReport
from indexer.index.generations import IndexUnavailable
from indexer.ingest.errors import MESSAGES_VI
from indexer.search.engine import UnknownDocument

router = APIRouter(tags=["admin"])

# One upload or delete at a time from this server (the builder's file lock also guards other
# processes such as a concurrent `nghiquyet index`).
_write_lock = threading.Lock()

MAX_FILES = 200


class UploadTooLarge(Exception):
    def __init__(self, limit_mb: float):
        super().__init__(f"the upload is larger than the limit of {limit_mb:g} MB")
        self.limit_mb = limit_mb


class Busy(Exception):
    """Another indexing run holds the index."""


def token_configured(settings) -> bool:
    return bool((settings.admin_token or "").strip())


def token_ok(settings, given: str | None) -> bool:
    """Constant-time comparison with the configured token; always False when none is configured."""
    expected = (settings.admin_token or "").strip()
    if not expected or not given:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def require_token(request: Request) -> None:
    """403 when uploads are disabled or the token is wrong, 401 when it is missing."""
    settings = request.app.state.settings
    if not token_configured(settings):
        raise HTTPException(403, "uploads and deletes are disabled on this server: set "
                                 "NGHIQUYET_ADMIN_TOKEN and restart it")
    given = bearer(request)
    if given is None:
        raise HTTPException(401, "missing 'Authorization: Bearer <token>' header",
                            headers={"WWW-Authenticate": "Bearer"})
    if not token_ok(settings, given):
        raise HTTPException(403, "invalid admin token")


async def read_limited_body(request: Request, limit_mb: float) -> None:
    """Read the request body, refusing more than ``limit_mb`` (also when no Content-Length is
    sent), and keep it on the request so ``request.form()`` parses it from memory."""
    limit = int(limit_mb * 1024 * 1024)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise UploadTooLarge(limit_mb)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise UploadTooLarge(limit_mb)
        chunks.append(chunk)
    request._body = b"".join(chunks)  # Starlette's stream()/form() reuse a cached body


async def uploaded_files(form) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file part named ``files`` or ``file`` (empty parts skipped)."""
    out = []
    for key in ("files", "file"):
        for item in form.getlist(key):
            if isinstance(item, UploadFile) and (item.filename or "").strip():
                out.append((Path(item.filename).name, await item.read()))
    return out


def _exclusive(job):
    """Run one indexing job; Busy when another one (here or in another process) is running."""
    if not _write_lock.acquire(blocking=False):
        raise Busy()
    try:
        return job()
    except IndexUnavailable as exc:
        if "another indexing run" in str(exc):
            raise Busy() from None
        raise
    finally:
        _write_lock.release()


def index_uploads(engine, files: list[tuple[str, bytes]]) -> IndexReport:
    """Blocking: index the files into a new generation (call it in the threadpool)."""
    return _exclusive(lambda: engine.add_files(files))


def delete_document(engine, doc_id: str) -> IndexReport:
    """Blocking: remove one document (a new generation without it)."""
    return _exclusive(lambda: engine.delete([doc_id]))


def report_dict(report: IndexReport) -> dict:
    """The indexing report plus, per file, its upload name and a Vietnamese message."""
    body = report.to_dict()
    for f in body["files"]:
        f["name"] = f["source"].removeprefix("upload:")
        f["message_vi"] = (MESSAGES_VI.get(f.get("code") or "", f.get("reason") or "")
                           if f["status"] == "failed" else "")
    return body


_UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                     "description": ".txt, .md, .docx, .pdf or .html files"}}}}},
    }
}


@router.post("/api/documents", openapi_extra=_UPLOAD_SCHEMA)
async def upload(request: Request) -> dict:
    """Index uploaded files (multipart field ``files``, several allowed). Returns the per-file report:
    added / updated / unchanged / failed with the reason (``message_vi`` in Vietnamese)."""
    require_token(request)
    settings = request.app.state.settings
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
        report = await run_in_threadpool(index_uploads, request.app.state.engine, files)
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return report_dict(report)


@router.delete("/api/documents/{doc_id}")
async def delete(doc_id: str, request: Request) -> dict:
    """Remove a document from the index (a new generation without it)."""
    require_token(request)
    try:
        report = await run_in_threadpool(delete_document, request.app.state.engine, doc_id)
    except UnknownDocument:
        raise HTTPException(404, f"unknown document id '{doc_id}'") from None
    except Busy:
        raise HTTPException(409, "another indexing run is in progress; try again when it ends") from None
    return report_dict(report)
