"""nghiquyet and txtai side by side: same passages, same e5 model folder, same questions, one run.

txtai is a BENCH-ONLY dependency: it is not in pyproject.toml and the product never imports it.
Install it into the venv by hand to run this script (``pip install txtai``); without it the script
reports nghiquyet alone and says so.

txtai gets exactly the passage texts nghiquyet returns (from the nghiquyet index in --data-dir) and
runs hybrid search (its BM25 + dense, ``hybrid: True``) with data/model/multilingual-e5-small and
e5's "query: " / "passage: " instructions. Both run in-process, one query at a time, with no result
or query-vector cache on the nghiquyet side (txtai has none), and are scored with score.py's
definition (a result answers when its text contains a gold quote), in three rounds of alternating
blocks (``run``). nghiquyet returns passages as txtai does (texts with offsets, section paths and
document fields, without the highlight spans txtai does not compute); the same search with the
spans, as /api/search serves it, is timed as a third block. Reports p50/p95 latency, the p50 ratios
(txtai / nghiquyet: > 1 means nghiquyet is faster) and hit@1/hit@5/MRR@10.

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


ROUNDS = 3


def cold(service: Service) -> None:
    """Forget what an earlier round left in nghiquyet's process-wide caches (query segmentation,
    passage words, question kinds, passage rows): every round starts as cold as the first."""
    from indexer.index import analyzer
    from indexer.search import highlight, kinds

    analyzer.segmented.cache_clear()
    highlight._WORDS_CACHE.clear()
    highlight._query_words.cache_clear()
    kinds.classify.cache_clear()
    kinds.holds_kind.cache_clear()
    store = service.engine.generation().store
    if hasattr(store, "_rows"):
        store._rows.clear()


def run(systems: dict, questions: list[dict], before: dict) -> dict:
    """``ROUNDS`` rounds; in each, every system answers all the questions in one block, the order
    of the blocks alternating between rounds (A B, B A, A B), so a busy stretch of the shared
    machine is not charged to one system. Per system: hit@k/MRR (the same every round) and the
    latency percentiles of the round with the median p50."""
    names = list(systems)
    for q in questions[:3]:
        for name in names:
            systems[name](q["question"])  # warm
    rounds: dict = {name: [] for name in names}
    out = {}
    for r in range(ROUNDS):
        for name in (names if r % 2 == 0 else names[::-1]):
            if name in before:
                before[name]()
            rows, lat = [], []
            for q in questions:
                t0 = time.perf_counter()
                texts = systems[name](q["question"])
                lat.append(time.perf_counter() - t0)
                rank, recall = rank_of(texts, [g["quote"] for g in q["gold"]], 10)
                rows.append({"rank": rank, "recall10": recall})
            rounds[name].append({k: round(v, 2) for k, v in latency_ms(lat).items()})
            out[name] = {k: round(v, 4) for k, v in summarize(rows).items()}
    for name in names:
        by_p50 = sorted(rounds[name], key=lambda x: x["p50"])
        out[name]["latency_ms"] = by_p50[len(by_p50) // 2]
        out[name]["latency_p50_by_round"] = [x["p50"] for x in rounds[name]]
        print(name, out[name], file=sys.stderr)
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
    # Passages in, passages out, as txtai returns them: nghiquyet's results still carry offsets,
    # section paths and document metadata, but not the highlight spans (txtai computes none; the
    # answer engine's own searches skip them too). The same search with highlights, as /api/search
    # serves it, is timed beside them and reported with its own ratio.
    systems = {"nghiquyet": lambda q: [r.text for r in service.search(q, k=10, highlights=False).results],
               "nghiquyet_with_highlights": lambda q: [r.text for r in service.search(q, k=10).results]}
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
        systems["txtai"] = lambda q: [r["text"] for r in emb.search(q, 10)]
    res.update(run(systems, questions, {"nghiquyet": lambda: cold(service),
                                        "nghiquyet_with_highlights": lambda: cold(service)}))
    if res.get("txtai"):
        res["p50_ratio_txtai_over_nghiquyet"] = round(
            res["txtai"]["latency_ms"]["p50"] / res["nghiquyet"]["latency_ms"]["p50"], 2)
        res["p50_ratio_txtai_over_nghiquyet_with_highlights"] = round(
            res["txtai"]["latency_ms"]["p50"] / res["nghiquyet_with_highlights"]["latency_ms"]["p50"], 2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "txtai_compare.json").write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
