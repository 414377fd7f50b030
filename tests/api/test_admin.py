"""Upload and delete API: token rules (constant-time comparison), size limit, per-file report with
Vietnamese reasons, and the index staying searchable while an upload is being indexed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from indexer.ingest.errors import MESSAGES_VI
from tests.conftest import PLANS

TOKEN = "s3cret-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = ("chuyen-doi-so.txt", "KẾ HOẠCH\n\nvề chuyển đổi số\n\nI. MỤC ĐÍCH\n\nĐẩy mạnh chuyển đổi số trong "
        "các cơ quan đảng, bảo đảm an toàn thông tin mạng.".encode(), "text/plain")


@pytest.fixture
def engine(fake_engine):
    fake_engine.add_files([(PLANS["004"].name, PLANS["004"].read_bytes())])
    return fake_engine


def make_client(engine, **overrides) -> TestClient:
    settings = engine.settings.model_copy(update={"admin_token": TOKEN, **overrides})
    return TestClient(create_app(settings, engine))


def upload(client, *files, headers=AUTH):
    return client.post("/api/documents", files=[("files", f) for f in files], headers=headers)


def test_no_writing_without_configured_token_or_users(engine):
    client = make_client(engine, admin_token="")
    for r in (upload(client, GOOD), client.delete("/api/documents/004_009c11248b00d7be", headers=AUTH)):
        assert r.status_code == 403
        assert "NGHIQUYET_ADMIN_TOKEN" in r.json()["detail"]
    assert upload(client, GOOD, headers={"Authorization": "Bearer "}).status_code == 401
    assert len(client.get("/api/documents").json()["documents"]) == 1


@pytest.mark.parametrize("headers,status", [
    ({}, 401), ({"Authorization": "Basic czNjcmV0"}, 401), ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": f"Bearer {TOKEN}x"}, 403),
    ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
])
def test_token_rules(engine, headers, status):
    client = make_client(engine)
    r = upload(client, GOOD, headers=headers)
    assert r.status_code == status and r.json()["detail"]
    if status == 401:
        assert r.headers["www-authenticate"] == "Bearer"
    d = client.delete("/api/documents/004_009c11248b00d7be", headers=headers)
    assert d.status_code == status
    assert len(client.get("/api/documents").json()["documents"]) == 1


def test_token_compared_in_constant_time(engine, monkeypatch):
    import indexer.auth

    calls = []
    real = indexer.auth.hmac.compare_digest
    monkeypatch.setattr(indexer.auth.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    client = make_client(engine)
    assert upload(client, GOOD, headers={"Authorization": "Bearer nope"}).status_code == 403
    assert calls and calls[-1] == (b"nope", TOKEN.encode())


def test_upload_report_and_search(engine):
    client = make_client(engine)
    empty = ("rong.txt", b"", "text/plain")
    scanned = ("anh.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")
    r = upload(client, GOOD, empty, scanned)
    assert r.status_code == 200
    body = r.json()
    assert body["summary"]["added"] == 1 and body["summary"]["failed"] == 2
    files = {f["name"]: f for f in body["files"]}
    assert files["chuyen-doi-so.txt"]["status"] == "added" and files["chuyen-doi-so.txt"]["doc_id"]
    assert files["rong.txt"]["status"] == "failed" and files["rong.txt"]["message_vi"] == MESSAGES_VI["empty"]
    assert files["anh.pdf"]["message_vi"] in MESSAGES_VI.values()
    hits = client.get("/api/search", params={"q": "chuyển đổi số", "k": 3}).json()["results"]
    assert hits[0]["doc_id"] == files["chuyen-doi-so.txt"]["doc_id"]
    again = upload(client, GOOD).json()
    assert again["summary"]["unchanged"] == 1


def test_upload_needs_files(engine):
    client = make_client(engine)
    r = client.post("/api/documents", data={"x": "1"}, headers=AUTH)
    assert r.status_code == 422 and "files" in r.json()["detail"]


def test_upload_size_limit(engine):
    client = make_client(engine, max_upload_mb=0.01)
    big = ("big.txt", ("KẾ HOẠCH\n\n" + "Nội dung. " * 3000).encode(), "text/plain")
    r = upload(client, big)
    assert r.status_code == 413 and "0.01 MB" in r.json()["detail"]
    # without a Content-Length header the body is still counted
    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n"
        for _ in range(50):
            yield b"x" * 1024
        yield b"\r\n--b--\r\n"
    r = client.post("/api/documents", content=chunks(),
                    headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413
    assert len(client.get("/api/documents").json()["documents"]) == 1


def test_delete(engine):
    client = make_client(engine)
    assert client.delete("/api/documents/khong-co", headers=AUTH).status_code == 404
    r = client.delete("/api/documents/004_009c11248b00d7be", headers=AUTH)
    assert r.status_code == 200 and r.json()["summary"]["removed"] == 1
    assert client.get("/api/documents/004_009c11248b00d7be").status_code == 404
    assert client.get("/api/documents").json()["documents"] == []


def test_searchable_while_indexing(engine, monkeypatch):
    """The upload is indexed in the threadpool: searches (API and page) answer meanwhile, and a
    second write is refused (409) while the first one runs."""
    from indexer.pipeline import IndexRun

    client = make_client(engine)
    started, release = threading.Event(), threading.Event()
    real_run = IndexRun.run

    def slow_run(self, *a, **k):
        started.set()
        assert release.wait(20), "the test never released the upload"
        return real_run(self, *a, **k)

    monkeypatch.setattr(IndexRun, "run", slow_run)
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("r", upload(client, GOOD)))
    worker.start()
    try:
        assert started.wait(20)
        assert client.get("/api/search", params={"q": "du lịch"}).status_code == 200
        assert client.get("/", params={"q": "du lịch"}).status_code == 200
        # a second write while the first runs is refused, not queued behind it
        busy = upload(client, GOOD)
        assert busy.status_code == 409
    finally:
        release.set()
        worker.join(30)
    assert outcome["r"].status_code == 200 and outcome["r"].json()["summary"]["added"] == 1


def test_cli_twins_delete_and_filters(tmp_path):
    """`nghiquyet delete` is the twin of DELETE /api/documents/{id}; `search --type/--year` of the
    page's filters."""
    import json

    from typer.testing import CliRunner

    from indexer.cli import app

    runner = CliRunner()
    env = {"NGHIQUYET_MODEL": "hash-256"}

    def run(*args):
        return runner.invoke(app, [*args, "--data-dir", str(tmp_path / "data")], env=env)

    nq = Path(__file__).resolve().parents[1] / "web" / "nq08.txt"
    assert run("index", str(PLANS["004"]), str(nq)).exit_code == 0
    found = json.loads(run("search", "du lịch", "--type", "Nghị quyết", "--year", "2026", "--json").stdout)
    assert found["results"] and {r["doc_id"] for r in found["results"]} == {"nq08"}
    assert run("delete", "khong-co").exit_code == 2
    result = run("delete", "nq08")
    assert result.exit_code == 0 and "removed 1" in result.stdout
    docs = json.loads(run("documents", "--json").stdout)["documents"]
    assert [d["id"] for d in docs] == ["004_009c11248b00d7be"]
