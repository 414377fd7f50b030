"""The FastAPI application: JSON API routers (``api``) and pages (``web``) on one app. Every API error
is a JSON body {"detail": "..."} with a 4xx/5xx status, never a traceback; pages get Vietnamese
HTML error pages in the site layout."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import api
import web
from api.docs import mount_docs
from indexer.embed.embedder import ModelUnavailable
from indexer.engine.errors import IndexUnavailable
from indexer.service import Service
from indexer.settings import Settings
from web.errors import html_error, is_page

log = logging.getLogger("nghiquyet.server")


WARM_PATHS = ["/api/search?q=k%E1%BA%BF+ho%E1%BA%A1ch&k=10", "/api/ask?q=Ai+ch%E1%BB%A7+tr%C3%AC",
              "/?q=k%E1%BA%BF+ho%E1%BA%A1ch", "/documents", "/api/documents", "/units"]


def warm_routes(app: FastAPI) -> None:
    """One in-process request per route family (search API, ask, search page, document list,
    units) before the server reports ready: templates compile and response models build their
    serializers now, not on a user's first request. Plain ASGI calls (no HTTP client needed)."""
    import asyncio

    async def get(path: str) -> int:
        route, _, query = path.partition("?")
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": route, "raw_path": route.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 0),
                 "server": ("127.0.0.1", 80)}
        status = {"code": 0}

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]

        await app(scope, receive, send)
        return status["code"]

    for path in WARM_PATHS:
        code = asyncio.run(get(path))
        if code >= 500 or code == 0:
            log.warning("warm-up request %s answered %s", path, code)


def create_app(settings: Settings | None = None, service: Service | None = None) -> FastAPI:
    settings = settings or (service.settings if service is not None else Settings())
    service = service or Service(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # Load the index, the segmenter, the model and the answer path in the background so
        # /api/health answers at once ("ready": false until then) and no user request pays for it.
        threading.Thread(target=service.warm_up, kwargs={"then": lambda: warm_routes(app)},
                         daemon=True).start()
        yield

    app = FastAPI(title="nghiquyet", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Semantic search over Vietnamese resolution texts with exact citations.")
    mount_docs(app)  # Swagger UI and ReDoc served from local files: offices are offline
    app.state.settings = settings
    app.state.service = service
    # No CORS middleware on purpose: browsers keep other sites from reading the API (SECURITY.md).
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(QueryPool, size=settings.query_concurrency or (os.cpu_count() or 1) * 3 // 2 + 1)

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

    for router in api.routers + web.routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    return app


class QueryPool:
    """At most ``size`` searches, asks and search pages computed at once; the others wait their
    turn in arrival order (like Elasticsearch's search thread pool: 3/2 × cores + 1). Sixteen
    clients on two cores otherwise share the CPU sixteen ways; cheap routes (document lists,
    health) never wait behind them (bench/load.py, "documents": p50 ~55 ms instead of ~250)."""

    PATHS = ("/api/search", "/api/ask")

    def __init__(self, app, size: int):
        self.app = app
        self.size = max(1, size)
        self._gate: asyncio.Semaphore | None = None  # made inside the server's event loop

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self._heavy(scope):
            return await self.app(scope, receive, send)
        if self._gate is None:
            self._gate = asyncio.Semaphore(self.size)
        async with self._gate:  # asyncio wakes waiters first come, first served
            await self.app(scope, receive, send)

    def _heavy(self, scope) -> bool:
        path = scope.get("path", "")
        return path in self.PATHS or (path == "/" and b"q=" in scope.get("query_string", b""))


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
