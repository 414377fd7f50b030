"""Answer changes measured the way issue "2 of 7" asks: rows of the tuning halves, aggregates only of
the held-back halves and of the sets nobody tunes on.

Each answer set has a role (``ask_sets.ROLES``): tuned on its odd lines (its even lines held back), or never
tuned on (both halves held back). ``run`` asks every question of the chosen halves against one index
and writes a JSON file; only the tuning halves keep their rows (question, answer, expected), the
held-back ones keep counts. ``compare`` sets two such files side by side and lists the tuning rows
whose answer changed — never a held-back one, so a change is decided on the tuning halves and the
others only report it.

Why a tool: one session's changes gained 8 answers on the tuning halves and lost 2 (with 10 more
wrong) on the held-back and never-tuned ones together; the held-back figures are what tell a method
from a fit, and they must be measured the same way every time.

Usage:
    python bench/ask_halves.py run OUT.json [--held] [--data-dir bench/.data/full] [--sets fresh16 …]
    python bench/ask_halves.py compare A.json B.json
``--held`` runs the held-back and never-tuned halves (aggregates only) instead of the tuning ones.
The code measured is this checkout's; the index is the one in ``--data-dir`` (plans + laws).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.answer.evaluate import load_ask_questions, score_one  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from ask_sets import HELD_HALVES, ROLES, TUNED_HALVES  # noqa: E402  (bench/, this script's folder)

DATA = ROOT / "bench" / "data"


def halves(held: bool, sets: list[str] | None = None) -> list[tuple[str, str]]:
    """(set, "odd" | "even") of the tuning halves, or of the held-back and never-tuned ones."""
    chosen = HELD_HALVES if held else TUNED_HALVES
    return [(name, half) for name, role in ROLES.items() if not sets or name in sets for half in chosen[role]]


def counts(rows: list[dict]) -> dict:
    return {"n": len(rows), "right": sum(r["right"] for r in rows),
            "wrong": sum(bool(r["wrong"] and r["answerable"]) for r in rows),
            "unanswerable_answered": sum(bool(r["wrong"] and not r["answerable"]) for r in rows),
            "null": sum(bool(r["null"] and r["answerable"]) for r in rows)}


def run(out: Path, held: bool, data_dir: Path, sets: list[str] | None) -> None:
    service = Service(Settings(data_dir=data_dir))
    result = {"held": held, "halves": {}}
    started = time.perf_counter()
    for name, half in halves(held, sets):
        rows = []
        for q in load_ask_questions(DATA / f"ask.{name}.jsonl"):
            if (q["line"] % 2 == 1) != (half == "odd"):
                continue
            try:
                answer = service.ask(q["question"], k=10).model_dump()
            except Exception as exc:  # (a crash is a null answer here, and is counted as one)
                print(f"{name} {q.get('id')}: {exc!r}", file=sys.stderr)
                answer = {"answer": None, "citations": []}
            rows.append(score_one(q, answer))
        entry = {"counts": counts(rows)}
        if not held:
            entry["rows"] = [{k: r[k] for k in ("id", "question", "expected", "answer", "right", "wrong", "null")}
                             for r in rows]
        result["halves"][f"{name} {half}"] = entry
        print(f"{name:8} {half:4} {entry['counts']}", file=sys.stderr, flush=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _state(row: dict) -> str:
    return "right" if row["right"] else "wrong" if row["wrong"] else "null"


def compare(a_path: Path, b_path: Path) -> None:
    a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (a_path, b_path))
    total_a, total_b = Counter(), Counter()
    print(f"{'half':14} {'right':>11} {'wrong':>9} {'unans.':>9} {'null':>9}")
    for key in a["halves"]:
        if key not in b["halves"]:
            continue
        ca, cb = a["halves"][key]["counts"], b["halves"][key]["counts"]
        total_a.update(ca), total_b.update(cb)
        print(f"{key:14} " + " ".join(f"{ca[k]:>4} → {cb[k]:<4}" for k in ("right", "wrong", "unanswerable_answered", "null")))
    print(f"{'total':14} " + " ".join(f"{total_a[k]:>4} → {total_b[k]:<4}" for k in ("right", "wrong", "unanswerable_answered", "null")))
    if a.get("held") or b.get("held"):
        return  # held-back halves: aggregates only
    for key, half in a["halves"].items():
        other = {r["id"]: r for r in b["halves"].get(key, {}).get("rows", [])}
        for row in half.get("rows", []):
            new = other.get(row["id"])
            if new and (new["answer"] != row["answer"] or _state(new) != _state(row)):
                print(f"{key} {row['id']}: {_state(row)} → {_state(new)}  {row['answer']!r} → {new['answer']!r}  "
                      f"(expected {row['expected']!r})\n    {row['question']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--held", action="store_true")
    r.add_argument("--data-dir", type=Path, default=ROOT / "bench" / ".data" / "full")
    r.add_argument("--sets", nargs="+")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "run":
        run(args.out, args.held, args.data_dir, args.sets)
    else:
        compare(args.a, args.b)


if __name__ == "__main__":
    main()
