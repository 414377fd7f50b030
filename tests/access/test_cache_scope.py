"""Caches never cross the visibility line: what a signed-in reader's search, ask or coverage
computed is never served to an anonymous viewer, and the reverse (regression: one result cache and
one coverage runner were shared by both views, keyed by the same version)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from indexer.service import Service
from indexer.settings import Settings
from server.app import create_app
from tests.conftest import PLANS

BOOT = "bootstrap-admin-token-0123456789"
SEC = "tu-tuong-noi-bo"
QUERY = "công tác tư tưởng Kết luận 224"


def _client(tmp_path):
    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256", admin_token=BOOT))
    marked = "LƯU HÀNH NỘI BỘ\n\n".encode() + PLANS["002"].read_bytes()
    report = service.add_files([(f"{SEC}.txt", marked), ("du-lich.txt", PLANS["000"].read_bytes())])
    assert report.summary()["added"] == 2
    return TestClient(create_app(service.settings, service))


def _docs(body: dict) -> set[str]:
    return {r["doc_id"] for r in body.get("results") or body.get("citations") or []}


def test_signed_in_first_then_anonymous(tmp_path):
    client = _client(tmp_path)
    auth = {"Authorization": f"Bearer {BOOT}"}
    for path in ("/api/search", "/api/ask"):
        signed = client.get(path, params={"q": QUERY}, headers=auth).json()
        anon = client.get(path, params={"q": QUERY}).json()
        assert SEC in _docs(signed), path
        assert SEC not in _docs(anon), path
        assert SEC not in str(anon), path


def test_anonymous_first_then_signed_in(tmp_path):
    client = _client(tmp_path)
    auth = {"Authorization": f"Bearer {BOOT}"}
    anon = client.get("/api/search", params={"q": QUERY}).json()
    signed = client.get("/api/search", params={"q": QUERY}, headers=auth).json()
    assert SEC not in _docs(anon) and SEC in _docs(signed)
