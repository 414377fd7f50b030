"""Scale benchmark: search latency, memory and cold start at ~10k and ~100k passages.

The corpus is grown with real text: the documents of a base index (plans + the 17 ALQAC laws, built
with the real model) are repeated under new ids (``<id>~cN``, source ``<source>#copyN``) until the
target passage count is reached. Copies keep their text, terms and cached vector, exactly what the
indexer would store for the same files under other names, so no passage is embedded again. The BM25
and FAISS files are then built by the product's own ``finish_generation`` (FAISS kind chosen by
``dense_hnsw_threshold``).

Per size, a fresh worker process measures: open + first query, lexical/dense/hybrid p50/p95/p99
(query-embedding cache cleared per leg), where the time of a hybrid query goes (component timings
and a cProfile), HNSW recall@10 against exact flat search on the same vectors (tie-aware: a result
counts when its cosine is at least flat's 10th), filtered search, RSS. A server process gives the
cold start to healthy and to the first answered search, and its RSS under queries.

Writes bench/results/scale.json. Usage:
    python bench/scale.py [--base /tmp/dall] [--sizes 10000 100000] [--work /tmp/nq-scale] [--reuse]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from indexer.index import dense as dense_mod  # noqa: E402
from run import latency  # noqa: E402  (bench/run.py, same folder)
from indexer.index import generations as gen_mod  # noqa: E402
from indexer.index.generations import current_name, generations_dir  # noqa: E402
from indexer.index.store import Store  # noqa: E402
from indexer.search.evaluate import load_questions  # noqa: E402
from indexer.settings import Settings  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "bench" / "results"


def pct(values: list[float]) -> dict:
    v = sorted(values)
    pick = lambda q: 1000 * v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
    return {"p50": round(1000 * statistics.median(v), 2), "p95": round(pick(0.95), 2),
            "p99": round(pick(0.99), 2), "mean": round(1000 * statistics.fmean(v), 2)}


def rss_mb(pid: int | str = "self") -> dict:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = round(int(line.split()[1]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS"), "peak_rss_mb": out.get("VmHWM")}


def queries() -> list[str]:
    return [q["question"] for name in ("questions.dev.jsonl", "alqac.dev.jsonl")
            for q in load_questions(EVAL / name)]


# -- growing the corpus -------------------------------------------------------------------------
def grow(base: Path, target: int, out: Path, threshold: int) -> dict:
    """A data dir at ``out`` with the base documents repeated to ``target`` passages."""
    base_gen = generations_dir(base) / current_name(base)
    manifest = json.loads((base_gen / "manifest.json").read_text())
    shutil.rmtree(out, ignore_errors=True)
    tmp = generations_dir(out) / "g000001.tmp"
    tmp.mkdir(parents=True)
    started = time.perf_counter()
    Store(base_gen / "store.sqlite").copy_to(tmp / "store.sqlite").close()
    conn = sqlite3.connect(tmp / "store.sqlite", isolation_level=None)
    docs = conn.execute("SELECT id, n_passages FROM documents ORDER BY id").fetchall()
    total = sum(n for _, n in docs)
    conn.execute("BEGIN")
    copy = 0
    while total < target:
        copy += 1
        for doc_id, n in docs:
            if total >= target:
                break
            new = f"{doc_id}~c{copy}"
            conn.execute(
                "INSERT INTO documents (id, source, content_hash, type, number, title, issuer, place, date,"
                " meta_json, text, n_passages) SELECT ?, source || ?, content_hash, type, number, title,"
                " issuer, place, date, meta_json, text, n_passages FROM documents WHERE id = ?",
                (new, f"#copy{copy}", doc_id))
            conn.execute(
                'INSERT INTO blocks (doc_id, idx, start, "end", kind, marker, level, parents_json) '
                'SELECT ?, idx, start, "end", kind, marker, level, parents_json FROM blocks WHERE doc_id = ?',
                (new, doc_id))
            conn.execute(
                'INSERT INTO passages (doc_id, ordinal, start, "end", kind, section_path_json, text, '
                "vector_key, words, folded, page) SELECT ?, ordinal, start, \"end\", kind, section_path_json, "
                "text, vector_key, words, folded, page FROM passages WHERE doc_id = ?", (new, doc_id))
            conn.execute("INSERT INTO accents (doc_id, data_json) SELECT ?, data_json FROM accents"
                         " WHERE doc_id = ?", (new, doc_id))
            for table in ("items", "item_versions"):
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "doc_id"]
                conn.execute(f"INSERT INTO {table} (doc_id, {', '.join(cols)}) SELECT ?, {', '.join(cols)}"
                             f" FROM {table} WHERE doc_id = ?", (new, doc_id))
            total += n
    conn.execute("COMMIT")
    conn.close()
    store = Store(tmp / "store.sqlite")
    store.begin()
    store.assign_positions()
    store.commit()
    n_docs, total = store.counts()
    grown = time.perf_counter() - started
    # time the parts of finish_generation
    timings: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    orig = (gen_mod.LexicalIndex.build, gen_mod.DenseIndex.build)
    gen_mod.LexicalIndex.build = timed("bm25_build_s", orig[0])
    gen_mod.DenseIndex.build = timed("faiss_build_s", orig[1])
    try:
        t0 = time.perf_counter()
        name = gen_mod.finish_generation(out, tmp, store, {**manifest, "dense_hnsw_threshold": threshold})
        finish = time.perf_counter() - t0
    finally:
        gen_mod.LexicalIndex.build, gen_mod.DenseIndex.build = orig
    gdir = generations_dir(out) / name
    size = sum(f.stat().st_size for f in gdir.rglob("*") if f.is_file())
    return {"passages": total, "documents": n_docs,
            "copies": copy, "grow_store_s": round(grown, 2), "finish_generation_s": round(finish, 2),
            **{k: round(v, 2) for k, v in timings.items()}, "index_mb_on_disk": round(size / 2**20, 1)}


# -- measuring in a fresh process ---------------------------------------------------------------
def worker(data_dir: Path, n_queries: int) -> dict:
    from indexer.index.analyzer import folded_terms, word_terms
    from indexer.text import query_language
    from indexer.service import DocFilter, Service
    from indexer.search.fusion import rrf, top_positions

    settings = Settings(data_dir=data_dir)
    out: dict = {}
    t0 = time.perf_counter()
    engine = Service(settings)
    gen = engine.engine.generation()
    out["open_index_s"] = round(time.perf_counter() - t0, 2)
    engine.search("khởi động", k=1)
    out["open_and_first_query_s"] = round(time.perf_counter() - t0, 2)
    out["dense_kind"] = gen.dense.kind
    out["passages"] = gen.size
    qs = queries()[:n_queries]
    emb = engine.embedder

    out["latency_ms"] = latency(engine, qs, stats=pct)

    # where a hybrid query's time goes (uncached query embedding)
    emb._cache.clear()
    parts: dict[str, list[float]] = {k: [] for k in ("bm25_words", "bm25_folded", "top_positions",
                                                      "encode_query", "faiss_search", "fusion_and_rows")}
    n = settings.candidates
    for q in qs:
        lang = query_language(q)
        t = time.perf_counter(); w = gen.words.scores(word_terms(q)); parts["bm25_words"].append(time.perf_counter() - t)  # noqa: E702,E501
        t = time.perf_counter(); f = gen.folded.scores(folded_terms(q)); parts["bm25_folded"].append(time.perf_counter() - t)  # noqa: E702,E501
        t = time.perf_counter(); lex = top_positions(w + f, n, None); parts["top_positions"].append(time.perf_counter() - t)  # noqa: E702,E501
        t = time.perf_counter(); qv = emb.encode_query(q); parts["encode_query"].append(time.perf_counter() - t)  # noqa: E702,E501
        t = time.perf_counter(); dn = gen.dense.search(qv, n)[0]; parts["faiss_search"].append(time.perf_counter() - t)  # noqa: E702,E501
        t = time.perf_counter()
        fused = rrf({"lexical": lex, "dense": dn}, settings.leg_weights(lang), settings.rrf_k)[:10]
        gen.store.passages_at([p for p, _, _ in fused])
        parts["fusion_and_rows"].append(time.perf_counter() - t)
    out["hybrid_breakdown_ms"] = {k: pct(v)["mean"] for k, v in parts.items()}
    emb._cache.clear()
    prof = cProfile.Profile()
    prof.enable()
    for q in qs[:100]:
        engine.search(q, k=10)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(12)
    out["profile_top_tottime"] = [line.strip() for line in buf.getvalue().splitlines()
                                  if line.strip() and line.strip()[0].isdigit()][:12]

    # dense recall@10 against exact search on the same vectors; flat latency for comparison
    import faiss

    qvecs = np.stack([emb.encode_query(q) for q in qs]).astype(np.float32)
    index = gen.dense._index
    vectors = index.reconstruct_n(0, index.ntotal)
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    del vectors
    ref_scores, _ = flat.search(qvecs, 10)
    t = time.perf_counter()
    for v in qvecs:
        flat.search(v.reshape(1, -1), n)
    out["flat_search_ms_mean"] = round(1000 * (time.perf_counter() - t) / len(qvecs), 3)
    recalls = []
    for v, ref in zip(qvecs, ref_scores):
        _, scores = gen.dense.search(v, 10)
        recalls.append(float(np.sum(scores >= ref[-1] - 1e-5)) / 10)
    out["dense_recall@10_vs_flat"] = round(float(np.mean(recalls)), 4)
    out["dense_recall@10_min"] = round(float(np.min(recalls)), 2)
    del flat

    # filters keep working at this size
    year = next((d["date"][:4] for d in gen.store.documents() if d.get("date")), None)
    checks = {}
    filters = [("type=Luật", DocFilter(doc_type="Luật"))]
    if year:
        filters.append((f"year={year}", DocFilter(year=int(year))))
    for label, flt in filters:
        docs = {d["id"]: d for d in gen.store.documents()}
        times, ok, count = [], True, 0
        for q in qs[:50]:
            t = time.perf_counter()
            res = engine.search(q, k=10, filters=flt).results
            times.append(time.perf_counter() - t)
            ok &= all(flt.matches(docs[r.doc_id]) for r in res)
            count += len(res)
        checks[label] = {"all_results_match": ok, "results_per_query": round(count / 50, 1), **pct(times)}
    out["filtered_hybrid_ms"] = checks
    out.update(rss_mb())
    out["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)  # the machine is shared
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cold_start(data_dir: Path, n_queries: int = 100) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--port", str(port)], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    try:
        while time.perf_counter() - started < 300:
            try:
                with urllib.request.urlopen(url + "/api/health", timeout=5) as r:
                    if json.load(r).get("status") == "ok":
                        break
            except OSError:
                time.sleep(0.05)
        out["cold_start_to_healthy_s"] = round(time.perf_counter() - started, 2)
        with urllib.request.urlopen(url + "/api/search?" + urllib.parse.urlencode({"q": "hiến pháp", "k": 10}),
                                    timeout=300) as r:
            r.read()
        out["cold_start_to_first_search_s"] = round(time.perf_counter() - started, 2)
        while time.perf_counter() - started < 600:  # latencies as users get them: once warm
            with urllib.request.urlopen(url + "/api/health", timeout=5) as r:
                if json.load(r).get("ready"):
                    break
            time.sleep(0.1)
        out["cold_start_to_ready_s"] = round(time.perf_counter() - started, 2)
        times = []
        for q in queries()[:n_queries]:
            t = time.perf_counter()
            with urllib.request.urlopen(url + "/api/search?" + urllib.parse.urlencode({"q": q, "k": 10}),
                                        timeout=60) as r:
                r.read()
            times.append(time.perf_counter() - t)
        out["http_hybrid_ms"] = pct(times)
        out.update({f"server_{k}": v for k, v in rss_mb(proc.pid).items()})
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, default=Path("/tmp/dall"), help="data dir of plans + laws")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/nq-scale"))
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--reuse", action="store_true", help="keep grown data dirs of the right size")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.queries)))
        return
    if current_name(args.base) is None:
        sys.exit(f"no index in {args.base}: build plans + laws first "
                 f"(nghiquyet index corpus ../shared/corpus-alqac --data-dir {args.base})")
    settings = Settings()
    base_manifest = json.loads((generations_dir(args.base) / current_name(args.base) / "manifest.json").read_text())
    res = {"date": time.strftime("%Y-%m-%d %H:%M"), "base": str(args.base),
           "base_passages": base_manifest["passages"], "dense_hnsw_threshold": settings.dense_hnsw_threshold,
           "hnsw": {"M": dense_mod.HNSW_M, "efConstruction": dense_mod.HNSW_EF_CONSTRUCTION,
                    "efSearch": dense_mod.HNSW_EF_SEARCH}, "sizes": {}}
    for target in args.sizes:
        data_dir = args.work / f"n{target}"
        print(f"[{target}] growing the corpus …", flush=True)
        name = current_name(data_dir) if data_dir.exists() else None
        built = None
        if args.reuse and name:
            m = json.loads((generations_dir(data_dir) / name / "manifest.json").read_text())
            if m["passages"] >= target:
                built = {"passages": m["passages"], "reused": True}
        if built is None:
            built = grow(args.base, target, data_dir, settings.dense_hnsw_threshold)
        print(f"[{target}] {built}", flush=True)
        print(f"[{target}] measuring in a fresh process …", flush=True)
        load_before = round(os.getloadavg()[0], 2)
        proc = subprocess.run([sys.executable, __file__, "--worker", str(data_dir), "--queries", str(args.queries)],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            sys.exit(f"worker failed:\n{proc.stderr[-3000:]}")
        measured = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"[{target}] server cold start …", flush=True)
        served = server_cold_start(data_dir)
        res["sizes"][str(target)] = {"build": built, "load_average_1m_before": load_before, **measured, **served}
        print(json.dumps(res["sizes"][str(target)], ensure_ascii=False, indent=1), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"wrote {RESULTS / 'scale.json'}")


if __name__ == "__main__":
    main()
