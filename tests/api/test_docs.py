"""/docs and /redoc work offline: their HTML references only this server, and the referenced
assets are served (a tiny FastAPI app, no network)."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.docs import mount_docs


def _app() -> TestClient:
    app = FastAPI(title="nghiquyet", docs_url=None, redoc_url=None)

    @app.get("/api/ping")
    def ping() -> dict:
        return {"ok": True}

    assert mount_docs(app)
    return TestClient(app)


def _urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*['"]([^'"]+)['"]""", html)


def test_docs_and_redoc_reference_only_local_assets_which_are_served():
    client = _app()
    for page in ("/docs", "/redoc"):
        r = client.get(page)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        html = r.text
        assert "cdn" not in html.lower() and "googleapis" not in html and "https://" not in html, page
        urls = [a or b for a, b in _urls(html)]
        assert urls, page
        for url in urls:
            assert url.startswith("/"), (page, url)
            asset = client.get(url)
            assert asset.status_code == 200 and len(asset.content) > 100, (page, url)
    assert "SwaggerUIBundle" in client.get("/docs-static/swagger-ui-bundle.js").text[:400000]
    assert client.get("/openapi.json").json()["paths"]["/api/ping"]
    assert client.get("/docs/oauth2-redirect").status_code == 200
