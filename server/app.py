"""JSON API (FastAPI). Every error is a JSON body {"detail": "..."} with a 4xx/5xx status, never a
traceback. The web UI (issue "2 of 5") mounts its pages on the same app."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from indexer.embed.embedder import ModelUnavailable
from indexer.index.generations import IndexUnavailable
from indexer.search.engine import DocFilter, Engine, LocalEngine, UnknownDocument
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query
from indexer.settings import Settings
from web.errors import html_error, is_page

log = logging.getLogger("nghiquyet.api")


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = engine or LocalEngine(settings)
    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # Load the index, the segmenter and the model in the background so /api/health answers at
        # once and the first real query does not pay for loading.
        threading.Thread(target=_warm_up, args=(engine,), daemon=True).start()
        yield

    app = FastAPI(title="nghiquyet", version="0.1.0", lifespan=lifespan,
                  description="Semantic search over Vietnamese resolution texts with exact citations.")
    app.state.settings = settings
    app.state.engine = engine
    # No CORS middleware on purpose: browsers keep other sites from reading the API (SECURITY.md).
    app.add_middleware(BodyLimit, settings=settings)

    # Pages (web UI) get Vietnamese HTML error pages; /api paths keep JSON bodies.
    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if is_page(request):
            return html_error(request, exc.status_code)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        if is_page(request):
            return html_error(request, 422)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p != 'query')}: {e['msg']}"
                             for e in exc.errors())
        return JSONResponse({"detail": f"invalid parameters: {problems}"}, status_code=422)

    @app.exception_handler(IndexUnavailable)
    async def _no_index(request: Request, exc: IndexUnavailable):
        if is_page(request):
            return html_error(request, 503, "Chỉ mục văn bản chưa sẵn sàng (chưa lập chỉ mục, hoặc "
                                            "đang có một lượt lập chỉ mục khác).")
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(ModelUnavailable)
    async def _no_model(request: Request, exc: ModelUnavailable):
        if is_page(request):
            return html_error(request, 503, "Mô hình ngôn ngữ chưa sẵn sàng trên máy chủ.")
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error")
        if is_page(request):
            return html_error(request, 500)
        return JSONResponse({"detail": "internal error; see the server log"}, status_code=500)

    @app.get("/api/health", tags=["status"])
    def health() -> dict:
        """Index status: generation, document and passage counts, model."""
        return engine.health()

    @app.get("/api/search", tags=["search"])
    def search(q: str = Query(..., description="Question or keywords (Vietnamese, English, or without "
                                               "diacritics)", max_length=4 * MAX_QUERY_CHARS),
               k: int = Query(10, ge=1, le=100, description="Number of results"),
               doc: str | None = Query(None, description="Restrict to one document id", max_length=200),
               type: str | None = Query(None, description="Document type, e.g. Kế hoạch", max_length=100),
               issuer: str | None = Query(None, description="Issuing body (substring, no diacritics "
                                                            "needed)", max_length=200),
               year: int | None = Query(None, ge=1900, le=2100, description="Year of the document date")
               ) -> dict:
        """Hybrid (BM25 + embeddings) search; verbatim passages with offsets, best first."""
        try:
            query = check_query(q)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        try:
            filters = DocFilter(doc_type=type or None, issuer=issuer or None, year=year)
            return engine.search(query, k=k, doc=doc or None, filters=filters or None).to_dict()
        except UnknownDocument:
            raise HTTPException(404, f"unknown document id '{doc}'") from None

    @app.get("/api/documents", tags=["documents"])
    def documents() -> dict:
        """All indexed documents with their metadata."""
        return {"documents": [_public(d) for d in engine.documents()]}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: str) -> dict:
        """One document: metadata, stored text (offsets point into it) and outline."""
        doc = engine.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"unknown document id '{doc_id}'")
        return {**_public(doc), "text": doc["text"], "outline": doc["outline"]}

    from api.admin import router as admin_router
    from api.answers import router as answers_router
    from web.pages import STATIC_DIR, router as pages_router

    app.include_router(admin_router)
    app.include_router(answers_router)
    app.include_router(pages_router)
    from web.answer_pages import router as answer_pages_router
    app.include_router(answer_pages_router)
    app.include_router(__import__("api.compare", fromlist=["router"]).router)
    app.include_router(__import__("web.compare_pages", fromlist=["router"]).router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


class BodyLimit:
    """Refuse request bodies over the limit with 413: ``max_upload_mb`` for multipart uploads,
    ``max_request_kb`` for anything else. Checks Content-Length first, then counts the chunks
    actually received (a chunked body without a length cannot slip through)."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.upload = int(settings.max_upload_mb * 1024 * 1024) + 64 * 1024  # + multipart framing
        self.other = settings.max_request_kb * 1024

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        multipart = headers.get("content-type", "").lower().startswith("multipart/form-data")
        limit = self.upload if multipart else self.other
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return await self._refuse(scope, receive, send, limit)
        received = 0
        too_large = False

        async def counting_receive():
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _BodyTooLarge()
            return message

        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send, limit)
        except Exception:
            if too_large and not started:
                return await self._refuse(scope, receive, send, limit)
            raise

    @staticmethod
    async def _refuse(scope, receive, send, limit: int):
        size = f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
        request = Request(scope)
        if is_page(request):  # the upload page shows the limit in Vietnamese, in the site layout
            response = html_error(request, 413, f"Dữ liệu gửi lên vượt giới hạn {size}.")
        else:
            response = JSONResponse({"detail": f"request body over the limit of {size}"}, status_code=413)
        await response(scope, receive, send)


class _BodyTooLarge(Exception):
    """Raised inside the app when the body read so far passes the limit."""


def _warm_up(engine: Engine) -> None:
    try:
        engine.search("khởi động", k=1)
    except Exception as exc:  # no index yet, or no model: requests will say so clearly
        log.info("warm-up skipped: %s", exc)


def _public(doc: dict) -> dict:
    keys = ("id", "title", "number", "type", "issuer", "place", "date", "passages", "implements")
    return {k: doc.get(k) for k in keys}
