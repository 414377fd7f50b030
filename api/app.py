"""JSON API (FastAPI). Every error is a JSON body {"detail": "..."} with a 4xx/5xx status, never a
traceback. The web UI (issue "2 of 5") mounts its pages on the same app."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from indexer.embed.embedder import ModelUnavailable
from indexer.index.generations import IndexUnavailable
from indexer.search.engine import Engine, LocalEngine, UnknownDocument
from indexer.search.query import MAX_QUERY_CHARS, QueryError, check_query
from indexer.settings import Settings

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

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'] if p != 'query')}: {e['msg']}"
                             for e in exc.errors())
        return JSONResponse({"detail": f"invalid parameters: {problems}"}, status_code=422)

    @app.exception_handler(IndexUnavailable)
    async def _no_index(_: Request, exc: IndexUnavailable):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(ModelUnavailable)
    async def _no_model(_: Request, exc: ModelUnavailable):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception):
        log.exception("unexpected error")
        return JSONResponse({"detail": "internal error; see the server log"}, status_code=500)

    @app.get("/api/health", tags=["status"])
    def health() -> dict:
        """Index status: generation, document and passage counts, model."""
        return engine.health()

    @app.get("/api/search", tags=["search"])
    def search(q: str = Query(..., description="Question or keywords (Vietnamese, English, or without "
                                               "diacritics)", max_length=4 * MAX_QUERY_CHARS),
               k: int = Query(10, ge=1, le=100, description="Number of results"),
               doc: str | None = Query(None, description="Restrict to one document id", max_length=200)
               ) -> dict:
        """Hybrid (BM25 + embeddings) search; verbatim passages with offsets, best first."""
        try:
            query = check_query(q)
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None
        try:
            return engine.search(query, k=k, doc=doc or None).to_dict()
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

    return app


def _warm_up(engine: Engine) -> None:
    try:
        engine.search("khởi động", k=1)
    except Exception as exc:  # no index yet, or no model: requests will say so clearly
        log.info("warm-up skipped: %s", exc)


def _public(doc: dict) -> dict:
    keys = ("id", "title", "number", "type", "issuer", "place", "date", "passages", "implements")
    return {k: doc.get(k) for k in keys}
