"""Answer benchmark (issue "2 of 7"): the blind answer set bench/data/ask.blind.jsonl against an index
of the five plans and the 17 ALQAC laws (built once under bench/.data/ask, reused when present).

The set was frozen before tuning; the method is tuned on its odd lines (1st, 3rd, …) only. The
held-back half (even lines) is reported in aggregate; its per-question rows are not written, so
nobody tunes on them by reading the results file.

Writes bench/results/ask.json. Usage:
    python bench/ask.py [--data-dir bench/.data/ask] [--half odd|even|both] [--verbose]
``--verbose`` prints the tuning half's rows (never the held-back half's).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.answer.evaluate import evaluate_ask, format_report, load_ask_questions  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"
QUESTIONS = ROOT / "bench" / "data" / "ask.blind.jsonl"
OUT = ROOT / "bench" / "results" / "ask.json"
HEADLINE = "who is responsible for propaganda"


def open_service(data_dir: Path) -> Service:
    settings = Settings(data_dir=data_dir)
    service = Service(settings)
    try:
        ready = (service.health().get("documents") or 0) >= 22
    except Exception:
        ready = False
    if not ready:
        started = time.perf_counter()
        service.index_paths([ROOT / "corpus", SHARED / "corpus-alqac"])
        print(f"indexed plans + laws in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return service


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT / "bench" / ".data" / "ask")
    ap.add_argument("--questions", type=Path, default=QUESTIONS,
                    help="answer set (default the blind set; bench/data/ask.fresh.jsonl is the second)")
    ap.add_argument("--half", choices=("odd", "even", "both"), default="both")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--unseen", action="store_true",
                    help="a set nobody tunes on (ask.fresh8): both halves in aggregate, no rows printed or kept")
    ap.add_argument("-k", type=int, default=10)
    args = ap.parse_args()
    service = open_service(args.data_dir)
    questions = load_ask_questions(args.questions)
    halves = {("odd lines (never tuned)" if args.unseen else "tuning (odd lines)"):
              [q for q in questions if q["line"] % 2 == 1],
              ("even lines (never tuned)" if args.unseen else "held-back (even lines)"):
              [q for q in questions if q["line"] % 2 == 0]}
    if args.half != "both":
        halves = {name: qs for name, qs in halves.items() if name.startswith(
            ("tuning", "odd") if args.half == "odd" else ("held-back", "even"))}
    out = {"questions": str(args.questions.resolve().relative_to(ROOT)), "k": args.k,
           "documents": service.health().get("documents"), "model": service.health().get("model"),
           "halves": {}}
    for name, qs in halves.items():
        rep = evaluate_ask(qs, service, args.k)
        tuning = name.startswith("tuning") and not args.unseen
        print(f"== {name}: {len(qs)} questions")
        print(format_report(rep, show_rows=tuning))
        if tuning and args.verbose:
            for r in rep["rows"]:
                mark = "ok   " if r["right"] else ("WRONG" if r["wrong"] else "null ")
                print(f"{mark} {r['id']} [{r['kind']}/{r['asked_kind']} {r['role']}/{r['asked_role']} {r['lang']}] "
                      f"cite1={r['first_gold']} got={r['answer']!r} exp={r['expected']!r}")
        if not tuning:
            rep = {k: v for k, v in rep.items() if k != "rows"}
        out["halves"][name] = rep
    head = service.ask(HEADLINE).model_dump()
    out["headline"] = {"question": HEADLINE, "answer": head["answer"], "role": head.get("role"),
                       "citations": [{"doc_id": c["doc_id"], "text": c["text"][:200]} for c in head["citations"]]}
    print(f"headline: {HEADLINE!r} -> {head['answer']!r}")
    if args.half == "both":
        OUT = ROOT / "bench" / "results" / ("ask.json" if args.questions.resolve() == QUESTIONS
                                            else f"ask-{args.questions.stem.split('.')[-1]}.json")
        OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
