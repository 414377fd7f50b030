"""`nghiquyet eval`: the same metrics as ../shared/eval/score.py (checked against score.py itself on
the same rows), in-process and against a running server, JSON and table output, clear errors."""

from __future__ import annotations

import importlib.util
import json
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

from indexer.cli import app
from indexer.search import evaluate as ev
from tests.conftest import PLANS, SHARED

runner = CliRunner()
SCORE_PY = SHARED / "eval" / "score.py"


def load_score_py():
    if not SCORE_PY.exists():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("score_py", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


QUESTIONS = [
    {"id": "a", "kind": "target", "lang": "vi", "question": "x",
     "gold": [{"doc": "d", "quote": "Tổng  lượt *khách* du lịch"}]},
    {"id": "b", "kind": "target", "lang": "en", "question": "y",
     "gold": [{"doc": "d", "quote": "alpha"}, {"doc": "d", "quote": "beta"}]},
    {"id": "c", "kind": "task", "lang": "vi", "question": "z", "gold": [{"doc": "d", "quote": "gamma"}]},
    {"id": "d", "kind": "task", "lang": "vi-noaccent", "question": "w",
     "gold": [{"doc": "d", "quote": "delta"}]},
]
RESULTS = {  # question -> result texts, best first
    "x": ["TỔNG LƯỢT KHÁCH\n du  lịch đạt 900.000", "other"],
    "y": ["nothing", "nothing", "beta here", "x", "y", "z", "alpha at 7"],
    "z": ["a"] * 6 + ["gamma"],
    "w": ["none"],
}


def fake_search(q, k):
    return RESULTS[q][:k]


def test_metrics_match_score_py():
    score_py = load_score_py()
    rows, lat = ev.score_rows(QUESTIONS, fake_search, 10)
    assert [r["rank"] for r in rows] == [1, 3, 7, None]
    assert rows[1]["recall10"] == 1.0
    mine = ev.summarize(rows)
    assert mine == score_py.summarize(rows)
    assert mine == {"n": 4, "hit@1": 0.25, "hit@5": 0.5, "recall@10": 0.75,
                    "mrr@10": pytest.approx((1 + 1 / 3 + 1 / 7) / 4)}
    rep = ev.report(rows, lat)
    assert set(rep["by_kind"]) == {"target", "task"} and set(rep["by_lang"]) == {"vi", "en", "vi-noaccent"}
    assert rep["by_kind"]["task"]["hit@5"] == 0.0
    assert [m["id"] for m in rep["misses"]] == ["c", "d"]
    # k=5 cuts the list before matching, as score.py --k 5 does
    rows5, _ = ev.score_rows(QUESTIONS, fake_search, 5)
    assert [r["rank"] for r in rows5] == [1, 3, None, None]


def test_latency_percentiles_like_score_py():
    lat = [i / 1000 for i in range(1, 21)]  # 1..20 ms
    got = ev.latency_ms(lat)
    assert got["p50"] == pytest.approx(10.5)
    assert got["p95"] == pytest.approx(20.0)  # sorted[min(n-1, int(0.95 n))], as score.py
    assert ev.latency_ms([]) == {"p50": 0.0, "p95": 0.0}


def test_bad_question_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "q"}\n', encoding="utf-8")
    with pytest.raises(ev.EvalError, match="gold"):
        ev.load_questions(bad)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ev.EvalError, match="not JSON"):
        ev.load_questions(bad)
    with pytest.raises(ev.EvalError, match="cannot read"):
        ev.load_questions(tmp_path / "missing.jsonl")


@pytest.fixture
def indexed(fake_engine, tmp_path):
    fake_engine.add_files([(PLANS["000"].name, PLANS["000"].read_bytes())])
    qfile = tmp_path / "q.jsonl"
    qs = [{"id": "q1", "kind": "target", "lang": "vi", "question": "Tổng lượt khách du lịch năm 2030",
           "gold": [{"doc": "000", "quote": "Tổng lượt khách du lịch đạt trên 900.000 lượt"}]},
          {"id": "q2", "kind": "target", "lang": "en", "question": "zebra quantum",
           "gold": [{"doc": "000", "quote": "this sentence is in no document"}]}]
    qfile.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in qs) + "\n", encoding="utf-8")
    return fake_engine, qfile


def test_cli_eval_local(indexed):
    engine, qfile = indexed
    env = {"NGHIQUYET_MODEL": "hash-256"}
    args = ["eval", str(qfile), "--data-dir", str(engine.settings.data_dir)]
    result = runner.invoke(app, args + ["--json"], env=env)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["overall"]["n"] == 2
    assert body["by_lang"]["en"]["hit@5"] == 0.0
    assert [m["id"] for m in body["misses"]][-1] == "q2"
    assert set(body["latency_ms"]) == {"p50", "p95"}
    table = runner.invoke(app, args, env=env)
    assert table.exit_code == 0 and "overall" in table.output and "miss q2" in table.output
    ask = runner.invoke(app, args + ["--ask"], env=env)  # a retrieval set has no expected answers
    assert ask.exit_code != 0 and "'answer'" in ask.output and "Traceback" not in ask.output
    afile = qfile.with_name("ask.jsonl")
    afile.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "a1", "kind": "who", "lang": "en", "question": "who is responsible for propaganda",
         "answer": "Ban Tuyên giáo", "gold": [{"quote": "Ban Tuyên giáo Tỉnh ủy"}]},
        {"id": "a2", "kind": "target", "lang": "vi", "question": "Tỷ lệ hộ dùng internet cáp quang là bao nhiêu?",
         "answer": None, "gold": []}]) + "\n", encoding="utf-8")
    ask = runner.invoke(app, ["eval", str(afile), "--data-dir", str(engine.settings.data_dir), "--ask", "--json"],
                        env=env)
    assert ask.exit_code == 0, ask.output
    rep = json.loads(ask.stdout)
    assert rep["overall"]["n"] == 2 and rep["overall"]["unanswerable_null_rate"] == 1.0
    assert set(rep["by_kind"]) == {"who", "target"} and "wrong_rate" in rep["overall"]
    missing = runner.invoke(app, ["eval", str(qfile), "--data-dir", str(engine.settings.data_dir / "none")],
                            env=env)
    assert missing.exit_code == 1 and "no index" in missing.output and "Traceback" not in missing.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_eval_url_matches_local(indexed):
    import uvicorn

    from server.app import create_app

    engine, qfile = indexed
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine.settings, engine), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        remote = ev.evaluate(qfile, ev.url_searcher(f"http://127.0.0.1:{port}"), 10)
        local = ev.evaluate(qfile, ev.engine_searcher(engine), 10)
        assert remote["overall"] == local["overall"]
        result = runner.invoke(app, ["eval", str(qfile), "--url", f"http://127.0.0.1:{port}", "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["overall"] == local["overall"]
    finally:
        server.should_exit = True
        thread.join(10)
    down = runner.invoke(app, ["eval", str(qfile), "--url", f"http://127.0.0.1:{port}"])
    assert down.exit_code == 1 and "cannot search" in down.output
