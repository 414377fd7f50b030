"""End to end: two `nghiquyet serve` replicas (separate processes, NGHIQUYET_ENGINE=milvus, the same
Milvus Lite server, different ports) behave as one index — a document uploaded through one is found
through the other within 10 s, and a delete through one is seen by the other."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from indexer.engine.milvus_lite import free_port
from tests.conftest import PLANS

ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "replica-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def replicas(milvus_uri, tmp_path):
    env = {**os.environ, "NGHIQUYET_ENGINE": "milvus", "NGHIQUYET_MILVUS_URI": milvus_uri,
           "NGHIQUYET_MILVUS_PREFIX": f"e2e{uuid.uuid4().hex[:10]}", "NGHIQUYET_MODEL": "hash-256",
           "NGHIQUYET_ADMIN_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
    procs, urls = [], []
    try:
        for i in range(2):
            port = free_port()
            log = open(tmp_path / f"replica{i}.log", "wb")
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "indexer.cli", "serve", "--data-dir", str(tmp_path / f"d{i}"),
                 "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT, stdout=log,
                stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 120
        for url, proc in zip(urls, procs):
            while True:
                assert proc.poll() is None, (tmp_path / "replica0.log").read_text(errors="replace")[-3000:]
                try:
                    if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, f"replica at {url} did not start"
                time.sleep(0.5)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait(check, seconds: float = 10.0):
    """Seconds until ``check()`` is true, or fail after ``seconds``."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        assert time.monotonic() - start < seconds, "not seen by the other replica in time"
        time.sleep(0.2)


@pytest.mark.slow  # two server processes: minutes on a busy machine; runs in `make test`
def test_two_replicas_share_one_index(replicas):
    a, b = replicas
    plan = PLANS["004"]
    r = httpx.post(f"{a}/api/documents", headers=AUTH, timeout=300,
                   files=[("files", (plan.name, plan.read_bytes(), "text/plain"))])
    assert r.status_code == 200, r.text
    assert r.json()["summary"]["added"] == 1
    doc_id = plan.stem

    def found_on_b() -> bool:
        res = httpx.get(f"{b}/api/search", params={"q": "sơ kết việc thực hiện nghị quyết", "k": 5}, timeout=30)
        return res.status_code == 200 and any(x["doc_id"] == doc_id for x in res.json()["results"])

    seen = _wait(found_on_b)
    assert seen < 10
    assert httpx.get(f"{b}/api/documents/{doc_id}", timeout=30).json()["id"] == doc_id
    assert httpx.get(f"{b}/api/health", timeout=30).json()["documents"] == 1
    for path in (f"/documents/{doc_id}", "/documents", "/units", f"/documents/{doc_id}/responsibilities",
                 "/?q=s%C6%A1+k%E1%BA%BFt"):
        page = httpx.get(f"{b}{path}", timeout=60)
        assert page.status_code == 200, (path, page.text[:500])
    assert doc_id in httpx.get(f"{b}/documents", timeout=60).text

    d = httpx.delete(f"{b}/api/documents/{doc_id}", headers=AUTH, timeout=300)
    assert d.status_code == 200, d.text

    def gone_on_a() -> bool:
        docs = httpx.get(f"{a}/api/documents", timeout=30).json()["documents"]
        res = httpx.get(f"{a}/api/search", params={"q": "sơ kết việc thực hiện nghị quyết", "k": 5}, timeout=30)
        return not docs and res.status_code == 200 and not any(x["doc_id"] == doc_id for x in res.json()["results"])

    assert _wait(gone_on_a) < 10
    assert httpx.get(f"{a}/api/documents/{doc_id}", timeout=30).status_code == 404
