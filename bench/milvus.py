"""Milvus-mode benchmark: indexing throughput and search latency of MilvusEngine beside LocalEngine,
at the plans + laws corpus and at grown sizes (10k, 100k passages).

MILVUS LITE IS A STAND-IN FOR A MILVUS CLUSTER: one Python process on this machine (2 shared cores),
brute-force scoring, no query nodes. Its figures show that the Milvus path works end to end and
where the time goes on this machine; they are not what a cluster gives (docs/deploy-milvus.md).

The corpus comes from a local index built with the real model (``--base``, e.g. plans + the 17 ALQAC
laws): its documents are turned back into ``DocumentRecord``s (text, blocks, passages with their
terms and stored vectors, items, accent counts) so nothing is embedded again, and grown like
bench/scale.py does — documents repeated under new ids (``<id>~cN``) until the target passage count.
Both engines receive the same records through ``Engine.write`` (the step after the backend-agnostic
pipeline). Search latency is ``Service.search`` (hybrid: both legs + fusion + passage reads) over the
dev questions, measured after a warm pass so the query embeddings are cached and the figures are the
engine's; the lexical and dense legs are also timed alone. At the plans + laws size, hit@5 of the dev
and unseen (blind) plan questions is computed on both engines (the "within .02" check).

Writes bench/results/milvus.json. Usage:
    python bench/milvus.py --base /tmp/dall [--sizes 10000 100000] [--work /tmp/nq-milvus]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from indexer.engine.base import DocumentRecord, PassageRecord  # noqa: E402
from indexer.engine.milvus_lite import LiteServer  # noqa: E402
from indexer.index.analyzer import folded_terms, word_terms  # noqa: E402
from indexer.index.generations import current_name, generations_dir  # noqa: E402
from indexer.search.evaluate import load_questions  # noqa: E402
from indexer.settings import Settings  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "bench" / "results"
STAND_IN = ("Milvus Lite is a stand-in for a Milvus cluster: one local process on a shared 2-core "
            "machine; a cluster's figures differ (docs/deploy-milvus.md).")


def pct(values: list[float]) -> dict:
    v = sorted(values)
    return {"p50": round(1000 * statistics.median(v), 2),
            "p95": round(1000 * v[min(len(v) - 1, int(0.95 * len(v)))], 2), "n": len(v)}


def records_from_local(data_dir: Path) -> list[DocumentRecord]:
    """The documents of a local index as DocumentRecords, with their stored vectors."""
    path = generations_dir(data_dir) / current_name(data_dir) / "store.sqlite"
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)  # another's index: read only
    conn.row_factory = sqlite3.Row
    vectors = {r[0]: np.frombuffer(r[1], np.float32) for r in conn.execute("SELECT key, vector FROM vectors")}
    out = []
    for d in conn.execute("SELECT * FROM documents ORDER BY id").fetchall():
        blocks = [{"idx": b["idx"], "start": b["start"], "end": b["end"], "kind": b["kind"], "marker": b["marker"],
                   "level": b["level"], "parents": json.loads(b["parents_json"])}
                  for b in conn.execute("SELECT * FROM blocks WHERE doc_id = ? ORDER BY idx", (d["id"],))]
        passages = [PassageRecord(p["ordinal"], p["start"], p["end"], p["kind"], json.loads(p["section_path_json"]),
                                  p["text"], p["vector_key"], vectors[p["vector_key"]], p["words"].split(),
                                  p["folded"].split(), p["page"])
                    for p in conn.execute("SELECT * FROM passages WHERE doc_id = ? ORDER BY ordinal", (d["id"],))]
        items = [json.loads(r[0]) for r in conn.execute(
            "SELECT data_json FROM items WHERE doc_id = ? ORDER BY ordinal", (d["id"],))]
        version = conn.execute("SELECT version FROM item_versions WHERE doc_id = ?", (d["id"],)).fetchone()
        accents = conn.execute("SELECT data_json FROM accents WHERE doc_id = ?", (d["id"],)).fetchone()
        out.append(DocumentRecord(d["id"], d["source"], d["content_hash"], d["text"], json.loads(d["meta_json"]),
                                  blocks, passages, items, version[0] if version else 0,
                                  json.loads(accents[0]) if accents else {}))
    conn.close()
    return out


def grow(records: list[DocumentRecord], target: int) -> list[DocumentRecord]:
    """The base documents, then copies under new ids, until ``target`` passages."""
    out, total, copy = list(records), sum(len(r.passages) for r in records), 0
    while total < target:
        copy += 1
        for r in records:
            if total >= target:
                break
            out.append(DocumentRecord(f"{r.id}~c{copy}", f"{r.source}#copy{copy}", r.content_hash, r.text, r.meta,
                                      r.blocks, r.passages, r.items, r.extract_version, r.accent_counts))
            total += len(r.passages)
    return out


def write_timed(engine, records: list[DocumentRecord], batch_passages: int = 5000) -> dict:
    """Write ``records`` in batches of about ``batch_passages`` and time it (Milvus: batches, as a
    large indexing run should; local: one write, since each write builds a whole new generation)."""
    started = time.perf_counter()
    batch, size, first = [], 0, True
    with engine.writer(rebuild=True):
        for r in records:
            batch.append(r)
            size += len(r.passages)
            if size >= batch_passages:
                engine.write(batch, [], fresh=first)
                batch, size, first = [], 0, False
        if batch:
            engine.write(batch, [], fresh=first)
    seconds = time.perf_counter() - started
    n = sum(len(r.passages) for r in records)
    return {"passages": n, "documents": len(records), "seconds": round(seconds, 2),
            "passages_per_s": round(n / seconds, 1)}


def search_timed(service, questions: list[str]) -> dict:
    engine = service.engine
    for q in questions:  # warm: query embeddings cached, segmenter loaded
        service.search(q, k=10)
    hybrid = []
    for q in questions:
        t = time.perf_counter()
        service.search(q, k=10)
        hybrid.append(time.perf_counter() - t)
    lexical, dense = [], []
    for q in questions:
        w, f = word_terms(q), folded_terms(q)
        t = time.perf_counter()
        engine.lexical(w, f, 0.3, service.settings.candidates)
        lexical.append(time.perf_counter() - t)
        v = service.embedder.encode_query(q)
        t = time.perf_counter()
        engine.dense(v, service.settings.candidates)
        dense.append(time.perf_counter() - t)
    return {"hybrid_ms": pct(hybrid), "lexical_ms": pct(lexical), "dense_ms": pct(dense)}


def quality(service) -> dict:
    """hit@5 (and hit@1, MRR@10) of the plan questions: dev and the blind (unseen) set."""
    from indexer.search.evaluate import engine_searcher, score_rows, summarize

    out = {}
    for label, path in (("dev", EVAL / "questions.dev.jsonl"),
                        ("unseen", ROOT / "bench" / "data" / "questions.blind.jsonl")):
        rows, _ = score_rows(load_questions(path), engine_searcher(service))
        out[label] = {k: round(v, 4) for k, v in summarize(rows).items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="data dir of a local index (plans + laws)")
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/nq-milvus-bench"))
    ap.add_argument("--questions", type=int, default=60, help="dev questions timed per size")
    ap.add_argument("--max-seconds", type=float, default=1800, help="skip sizes once this much time is spent")
    args = ap.parse_args()
    from indexer.service import Service

    print(f"NOTE: {STAND_IN}")
    base = records_from_local(args.base)
    manifest = json.loads((generations_dir(args.base) / current_name(args.base) / "manifest.json").read_text())
    model = manifest["model"]
    questions = [q["question"] for name in ("questions.dev.jsonl", "alqac.dev.jsonl")
                 for q in load_questions(EVAL / name)][: args.questions]
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    results = {"note": STAND_IN, "model": model, "base": str(args.base), "base_passages": sum(len(r.passages) for r in base),
               "sizes": []}
    began = time.perf_counter()
    embedder = None
    with LiteServer(args.work / "milvus") as uri:
        base_n = sum(len(r.passages) for r in base)
        for label, target in [("base", base_n)] + [(f"{s // 1000}k", s) for s in args.sizes]:
            if time.perf_counter() - began > args.max_seconds:
                results["sizes"].append({"label": label, "skipped": f"time budget of {args.max_seconds:.0f} s spent"})
                print(f"{label}: skipped (time budget)")
                continue
            records = grow(base, target)
            row = {"label": label}
            for name in ("local", "milvus"):
                settings = Settings(data_dir=args.work / f"local-{label}", model=model, engine=name,
                                    milvus_uri=uri, milvus_prefix=f"b{uuid.uuid4().hex[:8]}")
                service = Service(settings, embedder=embedder)
                row[name] = {"write": write_timed(service.engine, records,
                                                        5000 if name == "milvus" else 10**9)}
                embedder = service.embedder
                row[name]["search"] = search_timed(service, questions)
                if label == "base":
                    row[name]["quality"] = quality(service)
                print(f"{label} {name}: {json.dumps(row[name])}", flush=True)
            results["sizes"].append(row)
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / "milvus.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"wrote {RESULTS / 'milvus.json'}\nNOTE: {STAND_IN}")


if __name__ == "__main__":
    main()
