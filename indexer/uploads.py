"""Reading multipart uploads safely, for the API and the upload page: the body is read with a hard
size limit (also when no Content-Length is sent) before the form is parsed."""

from __future__ import annotations

from pathlib import Path

MAX_FILES = 200


class UploadTooLarge(Exception):
    def __init__(self, limit_mb: float):
        super().__init__(f"the upload is larger than the limit of {limit_mb:g} MB")
        self.limit_mb = limit_mb


async def read_limited_body(request, limit_mb: float) -> None:
    """Read the request body, refusing more than ``limit_mb``, and keep it on the request so
    ``request.form()`` parses it from memory."""
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
    from starlette.datastructures import UploadFile

    out = []
    for key in ("files", "file"):
        for item in form.getlist(key):
            if isinstance(item, UploadFile) and (item.filename or "").strip():
                out.append((Path(item.filename).name, await item.read()))
    return out
