"""Extraction and ask-mode benchmark.

1. Precision / recall per item type (responsibility, target, deadline) of the extractor against the
   hand-labelled gold in tests/data/gold/*.json. A predicted item matches a gold item when its span
   overlaps the gold quote and its key agrees: the unit (normalized) and role of a responsibility,
   the value of a target, the time phrase of a deadline. Matching is one-to-one.
2. Ask mode: for the who/target/deadline questions of questions.dev.jsonl, does the first citation
   of ``ask()`` contain a gold quote; the short answers are listed for checking by hand.

    .venv/bin/python bench/extract.py [--data-dir DIR] [--no-ask]
Writes bench/results/extract.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.document import parse_bytes  # noqa: E402
from indexer.extract import extract, unit_key  # noqa: E402
from indexer.text import fold  # noqa: E402
from indexer.settings import Settings  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.dev.jsonl"


def _key(kind: str, item: dict):
    if kind == "responsibility":
        return unit_key(item["unit"]), item["role"]
    if kind == "target":
        return float(item["value"])
    return re.sub(r"\s+", " ", fold(item["when"]).lower())


def _source(name: str) -> Path:
    """A gold file's document: a bundled plan, else an ALQAC law."""
    for folder in (ROOT / "corpus", ROOT.parent / "shared" / "corpus-alqac"):
        if (folder / name).exists():
            return folder / name
    raise SystemExit(f"gold document not found: {name}")


def _span(gold: dict, text: str) -> tuple[int, int]:
    """The labelled part of the document: all of it, or the gold's ``span`` (laws are labelled over
    whole chapters; predictions outside the span are not counted against precision)."""
    span = gold.get("span")
    if not span:
        return 0, len(text)
    start = text.find(span["start"])
    end = text.find(span["end"], max(start, 0))
    if start < 0 or end < 0:
        raise SystemExit(f"span of {gold['doc']} not found in its text")
    return start, end + len(span["end"])


def score_document(gold: dict, settings: Settings) -> dict:
    path = _source(gold["doc"])
    doc = parse_bytes("bench", str(path), path.name, path.read_bytes(), settings)
    lo, hi = _span(gold, doc.text)
    items = [i.to_dict() for i in extract(doc)]
    out = {}
    for kind in ("responsibility", "target", "deadline"):
        preds = [i for i in items if i["kind"] == kind and lo <= i["start"] and i["end"] <= hi]
        golds = gold.get(kind, [])
        used: set[int] = set()
        tp = 0
        missed = []
        for g in golds:
            spans = [(m.start(), m.start() + len(g["quote"])) for m in re.finditer(re.escape(g["quote"]), doc.text)]
            if not spans:
                raise SystemExit(f"gold quote not in {gold['doc']}: {g['quote']!r}")
            want = _key(kind, g)
            hit = next((i for i, p in enumerate(preds) if i not in used and _key(kind, p) == want
                        and any(p["start"] < e and s < p["end"] for s, e in spans)), None)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
                tp += 1
        extra = [{"unit": p.get("unit"), "role": p.get("role"), "value": p.get("value"),
                  "when": p.get("when"), "quote": p["quote"][:100]} for i, p in enumerate(preds) if i not in used]
        out[kind] = {"gold": len(golds), "predicted": len(preds), "correct": tp,
                     "precision": round(tp / len(preds), 3) if preds else None,
                     "recall": round(tp / len(golds), 3) if golds else None,
                     "missed": missed, "extra": extra}
    return out


def ask_mode(data_dir: Path | None) -> dict:
    from indexer.answer import ask
    from indexer.service import Service

    settings = Settings(data_dir=data_dir) if data_dir else Settings(data_dir=ROOT / "data" / "bench-extract")
    engine = Service(settings)
    from indexer.index.generations import IndexMismatch

    try:
        engine.index_paths([ROOT / "corpus"])
    except IndexMismatch:  # built with other settings: rebuild from the corpus
        engine.index_paths([ROOT / "corpus"], rebuild=True)
    rows = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if q["kind"] not in ("who", "target", "deadline"):
            continue
        started = time.perf_counter()
        r = ask(engine, q["question"])
        first = r["citations"][0]["text"] if r["citations"] else ""
        rows.append({"id": q["id"], "kind": q["kind"], "lang": q["lang"], "question": q["question"],
                     "classified": r["kind"], "answer": r["answer"], "first_citation": first,
                     "first_citation_doc": r["citations"][0]["doc_id"] if r["citations"] else None,
                     "hit": any(g["quote"] in first for g in q["gold"]),
                     "ms": round((time.perf_counter() - started) * 1000, 1)})
    unanswerable = ["Ai chịu trách nhiệm phóng tàu vũ trụ lên sao Hỏa?",
                    "Mục tiêu số lượng máy bay không người lái là bao nhiêu?",
                    "who is responsible for the space program"]
    nulls = [{"question": u, "answer": ask(engine, u)["answer"]} for u in unanswerable]
    return {"questions": len(rows), "first_citation_hits": sum(r["hit"] for r in rows),
            "hit_rate": round(sum(r["hit"] for r in rows) / max(1, len(rows)), 3), "rows": rows,
            "unanswerable": nulls}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--no-ask", action="store_true")
    args = ap.parse_args()
    settings = Settings()
    per_doc = {}
    totals = {k: {"gold": 0, "predicted": 0, "correct": 0} for k in ("responsibility", "target", "deadline")}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        res = score_document(gold, settings)
        per_doc[gold["doc"]] = res
        print(f"{gold['doc'][:30]:30s} " + "  ".join(
            f"{kind[:6]} P={r['precision']} R={r['recall']} ({r['correct']}/{r['predicted']}/{r['gold']})"
            for kind, r in res.items()))
        for kind, r in res.items():
            for f in ("gold", "predicted", "correct"):
                totals[kind][f] += r[f]
    for kind, t in totals.items():
        t["precision"] = round(t["correct"] / t["predicted"], 3) if t["predicted"] else None
        t["recall"] = round(t["correct"] / t["gold"], 3) if t["gold"] else None
        print(f"{kind:15s} P={t['precision']} R={t['recall']}  (gold {t['gold']}, predicted "
              f"{t['predicted']}, correct {t['correct']})")
    result = {"extraction": totals, "documents": per_doc}
    if not args.no_ask:
        result["ask"] = ask_mode(args.data_dir)
        a = result["ask"]
        print(f"ask: first citation contains a gold quote for {a['first_citation_hits']}/{a['questions']}"
              f" who/target/deadline questions ({a['hit_rate']:.0%})")
        for row in a["rows"]:
            print(f"  {row['id']} {'OK ' if row['hit'] else 'MISS'} {row['answer']!r}")
        for u in a["unanswerable"]:
            print(f"  unanswerable: {u['question']!r} -> {u['answer']!r}")
    out = ROOT / "bench" / "results" / "extract.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
