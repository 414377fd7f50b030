"""JSON API contract and error cases (hash embedder: fast, deterministic)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from tests.conftest import PLANS


@pytest.fixture
def client(fake_engine):
    fake_engine.add_files([(PLANS["000"].name, PLANS["000"].read_bytes()),
                           (PLANS["002"].name, PLANS["002"].read_bytes())])
    return TestClient(create_app(fake_engine.settings, fake_engine))


def test_search_contract(client):
    body = client.get("/api/search", params={"q": "tổng lượt khách du lịch", "k": 5}).json()
    assert set(body) >= {"query", "took_ms", "results"}
    assert 0 < len(body["results"]) <= 5
    r = body["results"][0]
    assert set(r) >= {"text", "doc_id", "doc_title", "doc_number", "doc_type", "section_path", "start",
                      "end", "score", "ranks", "highlights"}
    assert set(r["ranks"]) == {"lexical", "dense"}
    doc = client.get(f"/api/documents/{r['doc_id']}").json()
    assert doc["text"][r["start"]:r["end"]] == r["text"]
    for s, e in r["highlights"]:
        assert 0 <= s < e <= len(r["text"])


def test_search_without_highlights_returns_the_same_passages(client):
    params = {"q": "tổng lượt khách du lịch", "k": 5}
    marked = client.get("/api/search", params=params).json()["results"]
    plain = client.get("/api/search", params={**params, "highlights": "false"}).json()["results"]
    assert any(r["highlights"] for r in marked)
    assert [(r["doc_id"], r["start"], r["end"], r["score"]) for r in plain] == \
        [(r["doc_id"], r["start"], r["end"], r["score"]) for r in marked]
    assert all(r["highlights"] == [] for r in plain)


def test_documents(client):
    docs = client.get("/api/documents").json()["documents"]
    assert {d["id"] for d in docs} == {"000_ab11ea391550b282", "002_0f875316a6b16de4"}
    assert set(docs[0]) >= {"id", "title", "number", "type", "issuer", "date", "passages"}
    doc = client.get("/api/documents/002_0f875316a6b16de4").json()
    assert doc["implements"][0]["number"] == "224-KL/TU"
    headings = [h["text"] for h in doc["outline"]]
    assert "B- NỘI DUNG" in headings and "Nơi nhận:" not in headings
    assert any(h.startswith("4. Nâng cao chất lượng hoạt động bảo vệ") for h in headings)
    for h in doc["outline"]:
        assert doc["text"][h["start"]:h["end"]] == h["text"]


@pytest.mark.parametrize("params,status", [
    ({}, 422), ({"q": ""}, 422), ({"q": "   "}, 422), ({"q": "x" * 1001}, 422),
    ({"q": "du lịch", "k": 0}, 422), ({"q": "du lịch", "k": 101}, 422), ({"q": "du lịch", "k": "abc"}, 422),
    ({"q": "du lịch", "doc": "nope"}, 404),
])
def test_bad_parameters(client, params, status):
    resp = client.get("/api/search", params=params)
    assert resp.status_code == status
    assert isinstance(resp.json()["detail"], str) and resp.json()["detail"]


@pytest.mark.parametrize("q", ["!!!???", "😀🎉", "<script>alert(1)</script>", "' OR 1=1; DROP TABLE passages;--",
                               "Ai chịu trách nhiệm 誰 ответственный?", "a" * 1000])
def test_odd_queries_get_a_sane_answer(client, q):
    resp = client.get("/api/search", params={"q": q})
    assert resp.status_code == 200
    assert isinstance(resp.json()["results"], list)


def test_unknown_document_and_health(client):
    assert client.get("/api/documents/nope").status_code == 404
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["documents"] == 2
    assert client.get("/docs").status_code == 200
    assert "/api/search" in client.get("/openapi.json").json()["paths"]


def test_no_index_is_503_with_message(fake_settings):
    client = TestClient(create_app(fake_settings))
    resp = client.get("/api/search", params={"q": "du lịch"})
    assert resp.status_code == 503 and "nghiquyet index" in resp.json()["detail"]


def test_every_api_route_documents_its_response_shape(client):
    """/docs shows a response model for every JSON endpoint (a new route without one fails here)."""
    spec = client.get("/openapi.json").json()
    missing = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            content = op["responses"].get("200", {}).get("content", {})
            if "application/json" not in content and content:
                continue  # a declared file download (e.g. the original document)
            schema = content.get("application/json", {}).get("schema", {})
            if not schema.get("$ref", "").startswith("#/components/schemas/"):
                missing.append(f"{method.upper()} {path}")
    assert not missing, missing
    assert {"SearchResponse", "DocumentDetail", "AskResponse", "Item"} <= set(spec["components"]["schemas"])


def test_api_and_web_never_import_each_other():
    """The layers call downwards only: api/ and web/ both call the service, never one another."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for package, other in (("api", "web"), ("web", "api"), ("indexer", "api"), ("indexer", "web")):
        for path in (root / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
                assert not any(n == other or n.startswith(other + ".") for n in names), (path, names)
