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
