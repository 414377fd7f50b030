"""OpenAPI docs served without a CDN: Swagger UI at /docs and ReDoc at /redoc load their
JavaScript, CSS and icon from this server (the files FastAPI would fetch from jsDelivr ship in the
``fastapi-offline`` wheel, MIT; Swagger UI Apache-2.0, ReDoc MIT), so /docs works on an offline
machine like every other page.

    app = FastAPI(..., docs_url=None, redoc_url=None)
    mount_docs(app)
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

log = logging.getLogger("nghiquyet.api")

ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")


def assets_dir() -> Path | None:
    """Folder holding the Swagger UI and ReDoc files, or None when the package is missing."""
    try:
        folder = Path(str(resources.files("fastapi_offline") / "static"))
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if all((folder / name).is_file() for name in ASSETS) else None


def mount_docs(app: FastAPI, docs_url: str = "/docs", redoc_url: str = "/redoc",
               static_url: str = "/docs-static") -> bool:
    """Serve Swagger UI and ReDoc from local files. Returns False (and logs why) when the asset
    files are missing: the JSON schema at ``app.openapi_url`` still works, /docs then says so."""
    folder = assets_dir()
    openapi_url = app.openapi_url or "/openapi.json"
    title = f"{app.title} · API"
    if folder is None:
        log.warning("Swagger UI assets not found (package fastapi-offline missing): /docs shows a "
                    "plain notice; the schema is at %s", openapi_url)

        @app.get(docs_url, include_in_schema=False)
        def docs_missing() -> HTMLResponse:
            return HTMLResponse(
                "<!doctype html><html lang='vi'><meta charset='utf-8'><title>API</title>"
                f"<p>Thiếu tệp giao diện tài liệu API. Lược đồ OpenAPI: <a href='{openapi_url}'>"
                f"{openapi_url}</a></p></html>", status_code=503)

        return False
    app.mount(static_url, StaticFiles(directory=str(folder)), name="docs-static")
    oauth_url = f"{docs_url}/oauth2-redirect"

    @app.get(docs_url, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url, title=title, oauth2_redirect_url=oauth_url,
            swagger_js_url=f"{static_url}/swagger-ui-bundle.js",
            swagger_css_url=f"{static_url}/swagger-ui.css",
            swagger_favicon_url=f"{static_url}/favicon.png")

    @app.get(oauth_url, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(redoc_url, include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=openapi_url, title=title,
                              redoc_js_url=f"{static_url}/redoc.standalone.js",
                              redoc_favicon_url=f"{static_url}/favicon.png", with_google_fonts=False)

    return True
