"""The CLI mirrors the API: index, search, documents, show; errors are one line, exit non-zero."""

from __future__ import annotations

import json

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
