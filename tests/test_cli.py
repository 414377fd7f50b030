"""The CLI mirrors the API: index, search, documents, show; errors are one line, exit non-zero."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from indexer.cli import app
from tests.conftest import PLANS

runner = CliRunner()


def run(*args, data_dir):
    return runner.invoke(app, [*args, "--data-dir", str(data_dir)], env={"NGHIQUYET_MODEL": "hash-256"})


def test_cli_twins(tmp_path):
    data = tmp_path / "data"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / PLANS["001"].name).write_bytes(PLANS["001"].read_bytes())
    (docs / "bad.docx").write_bytes(b"nope")
    result = run("index", str(docs), data_dir=data)
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output and "failed 1" in result.output
    assert "not a valid .docx" in result.output
    result = run("search", "Báo cáo viên", "--json", "-k", "3", data_dir=data)
    body = json.loads(result.stdout)
    assert body["results"] and body["results"][0]["doc_id"] == "001_13c436cc350afe16"
    listing = json.loads(run("documents", "--json", data_dir=data).stdout)
    assert listing["documents"][0]["passages"] > 5
    shown = run("show", "001_13c436cc350afe16", data_dir=data)
    assert "IV. TỔ CHỨC THỰC HIỆN" in shown.output and "92-NQ/TU" in shown.output


def test_cli_errors(tmp_path):
    data = tmp_path / "data"
    result = run("search", "du lịch", data_dir=data)
    assert result.exit_code == 1 and "no index" in result.output
    assert "Traceback" not in result.output
    result = run("search", "   ", data_dir=data)
    assert result.exit_code == 2 and "empty" in result.output
    result = run("show", "nope", data_dir=data)
    assert result.exit_code != 0


def test_cli_reads_like_an_official_would(tmp_path):
    """Results name the document (type + number or short title), not only its id; tables carry no
    offsets and cut long text at a word with an ellipsis; help shows no "<bool>" noise."""
    data = tmp_path / "data"
    assert run("index", str(PLANS["002"]), data_dir=data).exit_code == 0
    out = run("search", "kinh phí thực hiện", "-k", "2", data_dir=data).output
    assert "Kế hoạch" in out and "results — search" in out and "in all with start-up" in out
    assert not any(line.startswith(("1. ", "2. ")) for line in out.splitlines())  # rules carry the names
    assert "[" not in out.split("\n", 1)[1].split("—")[0]  # no [start:end] offsets in the human output
    table = run("responsibilities", "002_0f875316a6b16de4", data_dir=data).output
    assert "start" not in table.split("\n", 3)[1] and "…" in table
    assert "<bool>" not in runner.invoke(app, ["search", "--help"]).output


def test_cli_compare_warns_when_child_does_not_implement_parent(tmp_path):
    data = tmp_path / "data"
    assert run("index", str(PLANS["001"]), str(PLANS["004"]), data_dir=data).exit_code == 0
    result = run("compare", "001_13c436cc350afe16", "004_009c11248b00d7be", "--format", "json", data_dir=data)
    assert result.exit_code == 0, result.output
    assert "does not say it implements" in result.stderr
    assert json.loads(result.stdout)["linked"] is False


def test_cli_search_and_ask_through_a_running_server(fake_engine):
    """--url: the CLI asks a live server (no index or model loaded in the CLI process)."""
    import threading
    import time

    import uvicorn

    from server.app import create_app
    from tests.search.test_evaluate import free_port

    fake_engine.index_paths([PLANS["004"]])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(fake_engine.settings, fake_engine), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        local = fake_engine.search("sơ kết", k=3).model_dump()
        remote = json.loads(runner.invoke(app, ["search", "sơ kết", "-k", "3", "--url", url, "--json"]).stdout)
        assert [r["text"] for r in remote["results"]] == [r["text"] for r in local["results"]]
        shown = runner.invoke(app, ["search", "sơ kết", "--url", url]).output
        assert f"server {url}" in shown
        asked = runner.invoke(app, ["ask", "Ai chủ trì sơ kết?", "--url", url, "--format", "json"])
        assert asked.exit_code == 0 and json.loads(asked.stdout)["question"] == "Ai chủ trì sơ kết?"
    finally:
        server.should_exit = True
        thread.join(10)
    down = runner.invoke(app, ["search", "sơ kết", "--url", url])
    assert down.exit_code == 1 and "cannot reach" in down.output


# -- cold start (issue 7): the CLI answers what the service answers, quickly ------------------------

QUERIES = ["sơ kết", "so ket nam", "who is responsible for the report", "Báo cáo viên"]


def _indexed(tmp_path):
    from indexer.service import Service
    from indexer.settings import Settings

    data = tmp_path / "data"
    service = Service(Settings(data_dir=data, model="hash-256"))
    service.index_paths([PLANS["001"], PLANS["004"]])
    return data, service


def _body(body: dict) -> dict:
    return {k: v for k, v in body.items() if k != "took_ms"}


def test_cli_search_equals_the_service(tmp_path):
    data, service = _indexed(tmp_path)
    for q in QUERIES:
        result = run("search", q, "--json", "-k", "5", data_dir=data)
        assert result.exit_code == 0, result.output
        assert _body(json.loads(result.stdout)) == _body(service.search(q, k=5).model_dump())
        shown = run("search", q, "-k", "5", data_dir=data).output
        assert all(r.text.split("\n")[0][:60] in shown for r in service.search(q, k=5).results)


def test_cold_cli_process_prints_everything_then_exits_at_once(tmp_path):
    """`python -m indexer.cli search` (main(): the output flushed, then os._exit) in a fresh
    process: the whole JSON, exit 0; an error keeps its message and its exit code."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    data, service = _indexed(tmp_path)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("NGHIQUYET_")},
           "PYTHONPATH": str(ROOT), "NGHIQUYET_MODEL": "hash-256"}
    for q in QUERIES[:2]:
        out = subprocess.run([sys.executable, "-m", "indexer.cli", "search", q, "--json", "--data-dir", str(data)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert _body(json.loads(out.stdout)) == _body(service.search(q, k=10).model_dump())
    out = subprocess.run([sys.executable, "-m", "indexer.cli", "search", "sơ kết", "--data-dir",
                          str(tmp_path / "none")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "no index" in out.stderr


def test_nghiquyet_url_is_the_default_server(tmp_path, monkeypatch):
    """NGHIQUYET_URL stands for --url (search and ask); an explicit --url or --data-dir wins."""
    import indexer.cli as cli

    asked = []

    def fake_get(url, path, params):
        asked.append((url, path))
        if path == "/api/ask":
            return {"question": params["q"], "kind": "unit", "answer": "Ban Tuyên giáo", "message": "",
                    "citations": []}
        return {"query": params["q"], "took_ms": 1.0, "language": "vi", "interpreted": "", "translated": "",
                "results": []}

    monkeypatch.setattr(cli, "_get_json", fake_get)
    env = {"NGHIQUYET_URL": "http://server:8000", "NGHIQUYET_MODEL": "hash-256"}
    shown = runner.invoke(app, ["search", "sơ kết"], env=env)
    assert shown.exit_code == 0 and "server http://server:8000" in shown.output
    assert runner.invoke(app, ["ask", "Ai chủ trì?", "--format", "json"], env=env).exit_code == 0
    assert runner.invoke(app, ["search", "sơ kết", "--url", "http://other:1"], env=env).exit_code == 0
    assert asked == [("http://server:8000", "/api/search"), ("http://server:8000", "/api/ask"),
                     ("http://other:1", "/api/search")]
    data, _ = _indexed(tmp_path)  # --data-dir: this machine's index, not the server
    local = runner.invoke(app, ["search", "sơ kết", "--json", "--data-dir", str(data)], env=env)
    assert local.exit_code == 0 and json.loads(local.stdout)["results"] and len(asked) == 3


def test_help_and_server_paths_load_no_model_stack():
    """--help and --url import neither the settings, nor numpy, the index or the model."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    heavy = ("numpy", "indexer.settings", "indexer.service", "onnxruntime", "faiss", "underthesea_core")
    for args in (["--help"], ["search", "--help"], ["search", "sơ kết", "--url", "http://127.0.0.1:9"],
                 ["search", "sơ kết", "--url", "http://127.0.0.1:9", "--json"]):
        out = subprocess.run([sys.executable, "-X", "importtime", "-m", "indexer.cli", *args], cwd=ROOT,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, capture_output=True,
                             text=True, timeout=120)
        imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time")}
        assert imported and not imported & set(heavy), (args, imported & set(heavy))


@pytest.mark.slow
def test_cold_cli_equals_the_service_on_the_real_model(real_engine):
    """A fresh `nghiquyet search` process (quick tokenizer, light segmenter, numpy BM25 reader,
    stored accent model, model loaded on a thread) answers exactly what the service answers."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for q in ("ty le che phu rung", "tỷ lệ che phủ rừng đến năm 2030", "who is responsible for propaganda"):
        out = subprocess.run([sys.executable, "-m", "indexer.cli", "search", q, "--json", "--data-dir",
                              str(real_engine.settings.data_dir)], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert _body(json.loads(out.stdout)) == _body(real_engine.search(q, k=10).model_dump())
