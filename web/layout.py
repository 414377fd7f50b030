"""The site layout: templates, page and error-page rendering, URL building, and the service of a
request. Every page module renders through here."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from indexer.search.query import MAX_QUERY_CHARS

from . import render
from .security import csrf_field, set_csrf_cookie, viewer

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(
    format_date=render.format_date, doc_heading=render.doc_heading,
    doc_reference=render.doc_reference, STATUS_VI=render.STATUS_VI, MAX_QUERY_CHARS=MAX_QUERY_CHARS,
    csrf_field=csrf_field)
render.install_template_helpers(templates.env)


def service_of(request: Request):
    """The service layer every page calls (set on the app by server.app.create_app), as the
    viewer may see it: anonymous viewers get public documents only (indexer.access)."""
    return request.app.state.service.for_viewer(viewer(request))


def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    """Render a page of the layout; ``nav`` marks the current menu entry; ``viewer`` is who is
    signed in (the header shows it), and the CSRF cookie is set when the browser has none."""
    context = {"viewer": viewer(request), **context}
    response = templates.TemplateResponse(request, name, context, status_code=status)
    set_csrf_cookie(request, response)
    return response


def error_page(request: Request, status: int, title: str, message: str,
               hint: str | None = None) -> HTMLResponse:
    """A Vietnamese error page in the site layout (404, 422, 500, 503…)."""
    return page(request, "error.html", {"status": status, "title": title, "message": message,
                                        "hint": hint, "nav": None}, status)


def url(path: str, **params) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(clean)}" if clean else path
