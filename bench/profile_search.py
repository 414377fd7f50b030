"""Where a search's milliseconds go: a per-stage profile of ``Service.search``.

(Not named bench/profile.py: a script's folder comes first on sys.path, and a bench/profile.py
would shadow the standard library's ``profile`` module, which torch/transformers import, in every
script run from bench/.)

Runs the stages of ``Service.search`` one by one with the same functions it calls (query analysis —
language, diacritics restoration, glossary translation —, word segmentation and folding, query
encoding, BM25 over the words and folded fields, FAISS, fusion, passage rows, highlights, result
models), checks that the staged run returns the very same passages as ``Service.search``, then
times what lies around it: the pydantic JSON serialization and HTTP through a live ``nghiquyet
serve`` (the difference between the server's p50 and the in-process p50 is the web stack's share).
Every query is timed cold (query-vector cache, segmentation cache and result cache cleared) and
repeated (served by the result cache).

Writes bench/results/profile.json. Usage:
    python bench/profile_search.py --data-dir /tmp/rank-index [--questions a.jsonl b.jsonl] [--no-http]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.index import analyzer  # noqa: E402
from indexer.index.analyzer import folded_terms, word_terms  # noqa: E402
from indexer.search.accents import restore  # noqa: E402
from indexer.search.evaluate import load_questions  # noqa: E402
from indexer.search.fusion import rrf_keys, top_positions  # noqa: E402
from indexer.search.kinds import answer_type_bonus, classify  # noqa: E402
from indexer.service import ANSWER_TYPE_DEPTH  # noqa: E402
from indexer.search.highlight import highlight_spans  # noqa: E402
from indexer.search.named import named_documents  # noqa: E402
from indexer.search.translate import translate  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.text import query_language  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "bench" / "results"
DEFAULT_QUESTIONS = [EVAL / "questions.dev.jsonl", ROOT / "bench" / "data" / "questions.blind.jsonl",
                     EVAL / "alqac.dev.jsonl"]


def ms(values: list[float]) -> dict:
    v = sorted(values)
    return {"p50": round(1000 * statistics.median(v), 3), "p95": round(1000 * v[min(len(v) - 1, int(.95 * len(v)))], 3),
            "mean": round(1000 * sum(v) / len(v), 3)}


def clear_caches(service: Service) -> None:
    emb = service.embedder
    with emb._lock:
        emb._cache.clear()
    analyzer._segment_cached.cache_clear()
    analyzer.segmented.cache_clear()


def staged(service: Service, query: str, k: int = 10) -> tuple[dict[str, float], list]:
    """One search, stage by stage (sequential: the encoder does not overlap BM25 here)."""
    s = service.settings
    t: dict[str, float] = {}
    clock = time.perf_counter

    a = clock()
    lang = query_language(query)
    interpreted = restore(query, service.accent_model()) if lang == "vi-noaccent" else query
    translated = translate(query) if lang == "en" and s.translate_en else ""
    t["analysis"] = clock() - a

    text, text_lang = (translated, "vi") if translated else (interpreted, lang)
    a = clock()
    words = word_terms(text)
    t["segment_words"] = clock() - a
    a = clock()
    folded = folded_terms(text)
    if translated:  # glossary alternatives sharing a term count it once (as Service.search does)
        words, folded = list(dict.fromkeys(words)), list(dict.fromkeys(folded))
    t["fold_terms"] = clock() - a

    a = clock()
    vectors = {"dense": service.embedder.encode_query(interpreted)}
    if translated and s.weight_dense_translated:
        vectors["dense_vi"] = service.embedder.encode_query(translated)
    t["encode"] = clock() - a

    gen = service.engine.generation()
    a = clock()
    w_scores = gen.words.scores(words)
    t["bm25_words"] = clock() - a
    a = clock()
    split = bool(s.weight_folded_leg)
    f_scores = gen.folded.scores(folded)
    if not split:
        w_scores = w_scores + (0.3 if text_lang == "vi" else 1.0) * f_scores
    t["bm25_folded"] = clock() - a
    a = clock()
    ranked = {"lexical": [gen.keys[p] for p in top_positions(w_scores, s.candidates).tolist()]}
    if split:
        ranked["folded"] = [gen.keys[p] for p in top_positions(f_scores, s.candidates).tolist()]
    t["bm25_top"] = clock() - a

    a = clock()
    for leg, vec in vectors.items():
        ranked[leg] = [h.key for h in service.engine.dense(vec, s.candidates)]
    t["dense"] = clock() - a

    a = clock()
    weights = s.leg_weights(lang, bool(translated))
    weights["folded"] = weights["lexical"] * s.weight_folded_leg
    if s.weight_named:
        named = named_documents([query, interpreted, translated], service._documents(), titles=False)
        if named:
            ranked["named"] = [key for key, _, _ in rrf_keys(ranked, weights, s.rrf_k) if key[0] in named]
            weights["named"] = s.weight_named
    fused = rrf_keys(ranked, weights, s.rrf_k, ranks=False)
    t["fusion"] = clock() - a

    a = clock()
    depth = ANSWER_TYPE_DEPTH if s.weight_answer_type else 0
    rows = service.engine.passages_at([key for key, _, _ in fused[:max(k, depth)]])
    if depth:  # the answer-type bonus (a number / a date first among equals), as Service.search
        fused = answer_type_bonus(classify(query), fused, {key: row["text"] for key, row in rows.items()},
                                  s.weight_answer_type, depth)
    fused = fused[:k]
    docs = {d["id"]: d for d in service._documents()}
    t["rows"] = clock() - a

    a = clock()
    spans = [highlight_spans(rows[key]["text"], translated or query, rows[key].get("words"))
             for key, _, _ in fused if key in rows]
    t["highlights"] = clock() - a
    _ = docs
    return t, [key for key, _, _ in fused]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_profile(data_dir: Path, queries: list[str]) -> dict:
    """p50 of GET /api/search through a live server, cold (first time) and repeated."""
    port = free_port()
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data_dir)}
    log = open("/tmp/nq-profile-server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--port", str(port)], cwd=ROOT,
                              env=env, stdout=log, stderr=log)
    try:
        conn = None
        t0 = time.perf_counter()
        for _ in range(1200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                conn.request("GET", "/api/health")
                if json.loads(conn.getresponse().read()).get("ready"):
                    break
            except OSError:
                pass
            time.sleep(0.1)
        ready_s = time.perf_counter() - t0
        out = {"ready_after_s": round(ready_s, 2)}
        for label in ("cold", "repeated"):
            lat, took = [], []
            for q in queries:
                path = "/api/search?" + urllib.parse.urlencode({"q": q, "k": 10})
                a = time.perf_counter()
                conn.request("GET", path)
                body = conn.getresponse().read()
                lat.append(time.perf_counter() - a)
                took.append(json.loads(body)["took_ms"] / 1000)
            out[label] = {"http": ms(lat), "service_took": ms(took),
                          "web_stack_p50_ms": round(1000 * (statistics.median(lat) - statistics.median(took)), 3)}
        status = Path(f"/proc/{server.pid}/status").read_text().splitlines()
        out["server_peak_rss_mb"] = next(round(int(x.split()[1]) / 1024, 1) for x in status if x.startswith("VmHWM"))
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--questions", type=Path, nargs="*", default=DEFAULT_QUESTIONS)
    ap.add_argument("--limit", type=int, default=0, help="at most this many questions (0: all)")
    ap.add_argument("--no-http", action="store_true")
    args = ap.parse_args()
    service = Service(Settings(data_dir=args.data_dir))
    service.warm_up()
    queries = [q["question"] for path in args.questions for q in load_questions(path)]
    if args.limit:
        queries = queries[: args.limit]

    stages: dict[str, list[float]] = {}
    totals, mismatches = [], 0
    size, service._results.size = service._results.size, 0  # cold: no result cache
    for q in queries:
        clear_caches(service)
        t, keys = staged(service, q)
        for name, value in t.items():
            stages.setdefault(name, []).append(value)
        clear_caches(service)
        a = time.perf_counter()
        response = service.search(q, k=10)
        totals.append(time.perf_counter() - a)
        a = time.perf_counter()
        response.model_dump_json()
        stages.setdefault("json", []).append(time.perf_counter() - a)
        if [(r.doc_id, r.passage) for r in response.results] != [tuple(key) for key in keys]:
            mismatches += 1
    service._results.size = size
    for q in queries:
        service.search(q, k=10)
    repeated = []
    for q in queries:
        a = time.perf_counter()
        service.search(q, k=10)
        repeated.append(time.perf_counter() - a)

    summed = sum(statistics.mean(v) for name, v in stages.items() if name != "json")
    res = {
        "date": time.strftime("%Y-%m-%d %H:%M"), "data_dir": str(args.data_dir), "queries": len(queries),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "passages": service.health().passages,
        "stages_ms": {name: ms(v) for name, v in stages.items()},
        "stages_share_of_sequential_sum": {name: round(statistics.mean(v) / summed, 3)
                                           for name, v in stages.items() if name != "json"},
        "service_search_cold_ms": ms(totals),
        "service_search_repeated_ms": ms(repeated),
        "staged_vs_service_mismatches": mismatches,
        "result_cache": {"hits": service._results.hits, "misses": service._results.misses},
    }
    if not args.no_http:
        res["http"] = http_profile(args.data_dir, queries)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "profile.json").write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
