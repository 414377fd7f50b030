"""Precision / recall of the cross-check statuses on constructed parent/child pairs.

Pairs: the hand-written commune child of the Lai Châu plan (synth.CHILD_OF_002) and children
generated from 000, 002, 003, 004 (synth.auto_edits: dropped tasks, lowered / raised targets,
moved deadlines, an added local task). Every parent item has a known expected status; additions
are scored by whether they fall in the added paragraph. Runs with the hash embedder and, unless
--fast, with the real e5 model. Writes bench/results/compare.json.

    .venv/bin/python bench/compare.py [--fast]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.compare import compare, side_from_file, side_from_text  # noqa: E402
from bench.synth import CHILD_OF_002, auto_edits, build, hand_written_pairs  # noqa: E402
from indexer.settings import Settings  # noqa: E402

CORPUS = ROOT / "corpus"


HAND = ROOT / "tests" / "data" / "children"


def pairs(settings, which: str = "all"):
    if which in ("all", "hand"):
        for name, parent, pair in hand_written_pairs(HAND, settings):
            yield f"hand:{name}", parent, pair
    if which == "hand":
        return
    files = {p.name[:3]: p for p in sorted(CORPUS.glob("*.txt"))}
    parent = side_from_file(files["002"], settings)
    yield "002-handmade", parent, build(parent.text, CHILD_OF_002)
    for key in ("000", "002", "003", "004"):
        side = side_from_file(files[key], settings)
        yield f"{key}-auto", side, build(side.text, auto_edits(side))


def score(rows):
    """Per status: precision, recall, support; plus micro accuracy."""
    out = {}
    statuses = sorted({g for g, _ in rows} | {p for _, p in rows})
    for s in statuses:
        tp = sum(1 for g, p in rows if g == s and p == s)
        pred = sum(1 for _, p in rows if p == s)
        gold = sum(1 for g, _ in rows if g == s)
        out[s] = {"precision": round(tp / pred, 3) if pred else None,
                  "recall": round(tp / gold, 3) if gold else None, "support": gold, "predicted": pred}
    out["_accuracy"] = round(sum(1 for g, p in rows if g == p) / len(rows), 3) if rows else None
    return out


def run(embedder_name: str, settings: Settings, embedder, which: str = "all") -> dict:
    rows, add_tp, add_pred, add_gold, per_pair, errors = [], 0, 0, 0, {}, []
    started = time.perf_counter()
    for name, parent, pair in pairs(settings, which):
        child = side_from_text(f"{name.replace(':', '-')}-child", pair.child_text, settings)
        result = compare(parent, child, settings, embedder=embedder)
        pr = [(pair.gold_status(it), it["status"]) for it in result["items"]]
        rows += pr
        for it, (g, p) in zip(result["items"], pr):
            if g != p:
                errors.append({"pair": name, "kind": it["kind"], "gold": g, "got": p,
                               "parent": it["parent"]["text"][:120], "score": it["score"]})
        good = sum(1 for a in result["additions"] if pair.is_added(a["child"]))
        add_tp += min(good, len(pair.added))
        add_pred += len(result["additions"])
        add_gold += len(pair.added)
        per_pair[name] = {"items": len(pr), "gold": dict(Counter(g for g, _ in pr)),
                          "got": dict(Counter(p for _, p in pr)), "additions": len(result["additions"]),
                          "additions_gold": len(pair.added)}
    gaps = [(g != "covered", p != "covered") for g, p in rows]
    tp = sum(1 for g, p in gaps if g and p)
    return {"embedder": embedder_name, "seconds": round(time.perf_counter() - started, 1),
            "items": len(rows), "statuses": score(rows),
            "gap_detection": {"precision": round(tp / max(1, sum(p for _, p in gaps)), 3),
                              "recall": round(tp / max(1, sum(g for g, _ in gaps)), 3)},
            "additions": {"precision": round(add_tp / add_pred, 3) if add_pred else None,
                          "recall": round(add_tp / add_gold, 3) if add_gold else None,
                          "predicted": add_pred, "gold": add_gold},
            "pairs": per_pair, "errors": errors}


def main() -> None:
    """``--fast``: hash embedder only; ``--hand``: only the hand-written children; ``--no-write``."""
    from indexer.compare.coverage import VectorCache
    from indexer.embed.embedder import HashEmbedder, load_embedder

    fast = "--fast" in sys.argv
    subsets = ("hand",) if "--hand" in sys.argv else ("hand", "constructed")
    settings = Settings()
    embedders = [("hash-256", HashEmbedder())]
    if not fast:
        embedders.append((settings.model, VectorCache(load_embedder(settings))))
    results = {"settings": {k: getattr(settings, k) for k in ("compare_dense_weight", "compare_covered",
                                                             "compare_partial", "compare_item_match")},
               "runs": [{**run(name, settings, emb, which), "subset": which}
                        for name, emb in embedders for which in subsets]}
    out = ROOT / "bench" / "results" / "compare.json"
    if "--no-write" not in sys.argv:
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    for r in results["runs"]:
        print(f"{r['embedder']} [{r['subset']}]: {r['items']} items in {r['seconds']}s, accuracy "
              f"{r['statuses']['_accuracy']}, gaps P/R {r['gap_detection']['precision']}/"
              f"{r['gap_detection']['recall']}, additions P/R {r['additions']['precision']}/"
              f"{r['additions']['recall']}")
        for s, v in r["statuses"].items():
            if not s.startswith("_"):
                print(f"  {s:9} P={v['precision']} R={v['recall']} (gold {v['support']}, predicted {v['predicted']})")
    if "--errors" in sys.argv:
        for r in results["runs"]:
            for e in r["errors"]:
                print(r["embedder"][:8], e)
    print(f"wrote {out}" if "--no-write" not in sys.argv else "not written")


if __name__ == "__main__":
    main()
