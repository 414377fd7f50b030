"""nghiquyet and txtai side by side: same passages, same e5 model folder, same questions, one run.

txtai is a BENCH-ONLY dependency: it is not in pyproject.toml and the product never imports it.
Install it into the venv by hand to run this script (``pip install txtai``); without it the script
reports nghiquyet alone and says so.

txtai gets exactly the passage texts nghiquyet returns (from the nghiquyet index in --data-dir) and
runs hybrid search (its BM25 + dense, ``hybrid: True``) with data/model/multilingual-e5-small and
e5's "query: " / "passage: " instructions. Both run in-process, one query at a time, with no result
or query-vector cache on the nghiquyet side (txtai has none), and are scored with score.py's
definition (a result answers when its text contains a gold quote). Reports p50/p95 latency, the
p50 ratio (txtai / nghiquyet: > 1 means nghiquyet is faster) and hit@1/hit@5/MRR@10.

Writes bench/results/txtai_compare.json. Usage:
    python bench/txtai_compare.py --data-dir /tmp/rank-plans [--questions q1.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.search.evaluate import latency_ms, load_questions, rank_of, summarize  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "bench" / "results"
MODEL = ROOT / "data" / "model" / "multilingual-e5-small"


def passages(service: Service) -> list[str]:
    gen = service.engine.generation()
    rows = service.engine.passages_at(list(gen.keys))
    return [rows[k]["text"] for k in gen.keys if k in rows]


def run(name: str, search, questions: list[dict]) -> dict:
    for q in questions[:3]:
        search(q["question"])  # warm
    rows, lat = [], []
    for q in questions:
        t0 = time.perf_counter()
        texts = search(q["question"])
        lat.append(time.perf_counter() - t0)
        rank, recall = rank_of(texts, [g["quote"] for g in q["gold"]], 10)
        rows.append({"rank": rank, "recall10": recall})
    out = {k: round(v, 4) for k, v in summarize(rows).items()}
    out["latency_ms"] = {k: round(v, 2) for k, v in latency_ms(lat).items()}
    print(name, out, file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True, help="a nghiquyet index (its passages are the corpus)")
    ap.add_argument("--questions", type=Path, nargs="*",
                    default=[EVAL / "questions.dev.jsonl", ROOT / "bench" / "data" / "questions.blind.jsonl"])
    args = ap.parse_args()
    questions = [q for path in args.questions for q in load_questions(path)]
    service = Service(Settings(data_dir=args.data_dir, query_cache_size=0, search_cache_size=0))
    service.warm_up()
    texts = passages(service)
    res: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "data_dir": str(args.data_dir),
                 "passages": len(texts), "questions": len(questions),
                 "question_files": [str(p) for p in args.questions],
                 "load_average_1m": round(os.getloadavg()[0], 2)}
    res["nghiquyet"] = run("nghiquyet", lambda q: [r.text for r in service.search(q, k=10).results], questions)
    try:
        from txtai import Embeddings
    except ImportError as exc:
        res["txtai"] = None
        res["note"] = f"txtai is not installed ({exc}); `pip install txtai` (bench-only) to compare"
    else:
        t0 = time.perf_counter()
        emb = Embeddings(path=str(MODEL), content=True, hybrid=True,
                         instructions={"query": "query: ", "data": "passage: "})
        emb.index([(i, t, None) for i, t in enumerate(texts)])
        res["txtai_index_s"] = round(time.perf_counter() - t0, 1)
        res["txtai"] = run("txtai", lambda q: [r["text"] for r in emb.search(q, 10)], questions)
        res["p50_ratio_txtai_over_nghiquyet"] = round(
            res["txtai"]["latency_ms"]["p50"] / res["nghiquyet"]["latency_ms"]["p50"], 2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "txtai_compare.json").write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
