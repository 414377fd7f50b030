"""Bad input and security: the API fuzzed from its own OpenAPI schema with schemathesis (bounded,
hash embedder) never answers 5xx; hostile queries get a 4xx or a sane result; CORS stays closed;
request bodies are limited; the server binds to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from server.app import create_app
from indexer.settings import Settings
from tests.conftest import PLANS

TOKEN = "fuzz-admin-token"


def _app():
    """One app over a temporary index (hash embedder) shared by the module: schemathesis needs the
    schema when the tests are collected."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    from indexer.service import Service

    tmp = Path(tempfile.mkdtemp(prefix="nq-fuzz-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    engine = Service(Settings(data_dir=tmp / "data", model="hash-256", admin_token=TOKEN))
    engine.add_files([(PLANS["004"].name, PLANS["004"].read_bytes())])
    for role in ("reader", "editor", "admin"):
        ROLE_TOKENS[role] = engine.accounts.add(f"fuzz-{role}", role)
    return create_app(engine.settings, engine)


ROLE_TOKENS: dict[str, str] = {}
APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


@schema.parametrize()
@FUZZ
def test_no_server_error_without_token(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
    if case.method in ("POST", "DELETE", "PUT", "PATCH") and case.path.startswith("/api/"):
        assert response.status_code in (400, 401, 403, 404, 405, 413, 422), response.text[:300]


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_error_with_token(case):
    """Every operation, reads included, with each role's token and the bootstrap admin token: no
    5xx, and a write is refused (403) for a reader but never for its lack of credentials (401)."""
    for role, token in [*ROLE_TOKENS.items(), ("bootstrap", TOKEN)]:
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        assert response.status_code < 500, f"{role}: {case.method} {case.formatted_path}: {response.text[:300]}"
        assert response.status_code != 401, f"{role}: {case.method} {case.formatted_path} asked for credentials"
        if role == "reader" and case.method in ("POST", "DELETE", "PUT") and case.path.startswith("/api/"):
            assert response.status_code in (400, 403, 404, 405, 413, 422), response.text[:300]
        if case.path == "/api/audit" and case.method == "GET":
            assert response.status_code in ((403,) if role in ("reader", "editor") else (200, 422))


@pytest.fixture
def client():
    return TestClient(APP)


HOSTILE = [
    "?!.,;:…—()[]{}\"'«»",
    "🙂🔥📜 🇻🇳",
    "du lịch 旅游 туризм سياحة tourism",
    "<script>alert('x')</script>",
    "' OR 1=1; DROP TABLE passages; --",
    "\"; SELECT * FROM documents WHERE id LIKE '%",
    "a" * 999,
    "../../etc/passwd",
    "%00%ff\\x00",
    "ﬁ Ｆｕｌｌｗｉｄｔｈ ＡＢＣ",  # compatibility characters
    "\u202etxt.exe",  # right-to-left override
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_give_a_sane_result(client, q):
    r = client.get("/api/search", params={"q": q, "k": 5})
    assert r.status_code in (200, 422), r.text[:300]
    if r.status_code == 200:
        body = r.json()
        assert isinstance(body["results"], list) and len(body["results"]) <= 5
        for item in body["results"]:
            assert 0 <= item["start"] < item["end"]
    assert client.get("/api/health").json()["status"] == "ok"  # nothing was dropped
    assert len(client.get("/api/documents").json()["documents"]) == 1


@pytest.mark.parametrize("q,status", [("x" * 10_000, 422), ("   ", 422), ("\x00\x01", 422), ("", 422)])
def test_queries_refused(client, q, status):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == status and "detail" in r.json()


@pytest.mark.parametrize("doc", ["../../etc/passwd", "x\x00y", "' OR 1=1 --", "%2e%2e%2f"])
def test_hostile_document_ids(client, doc):
    assert client.get("/api/search", params={"q": "sơ kết", "doc": doc}).status_code in (404, 422)
    from urllib.parse import quote

    assert client.get(f"/api/documents/{quote(doc, safe='')}").status_code in (404, 422)


def test_cors_closed_by_default(client):
    evil = {"Origin": "https://evil.example"}
    r = client.get("/api/search", params={"q": "sơ kết"}, headers=evil)
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = client.options("/api/documents", headers={**evil, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers and pre.status_code >= 400


def test_request_body_limit(client):
    big = b"x" * (65 * 1024)  # over max_request_kb=64 for a non-upload body
    r = client.post("/api/documents", content=big, headers={"Content-Type": "application/json",
                                                            "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"y" * 4096

    r = client.post("/api/documents", content=chunks(), headers={"Content-Type": "text/plain",
                                                                 "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413, r.text[:300]
    assert client.get("/api/health").json()["status"] == "ok"


def test_binds_localhost_by_default(monkeypatch, tmp_path):
    """`nghiquyet serve` without --host binds 127.0.0.1 (what uvicorn is actually given)."""
    for name in ("NGHIQUYET_HOST", "NGHIQUYET_PORT"):
        monkeypatch.delenv(name, raising=False)
    import uvicorn
    from typer.testing import CliRunner

    from indexer.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(kw))
    result = CliRunner().invoke(app, ["serve", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
