"""Heading-context ablation: the same corpus indexed with and without the title and heading path in
the indexed text (setting ``heading_context``), scored on the same question sets, per leg.

Needs two plans + laws data dirs, e.g.:
    nghiquyet index corpus ../shared/corpus-alqac --data-dir bench/.data/full
    NGHIQUYET_HEADING_CONTEXT=false nghiquyet index corpus ../shared/corpus-alqac --data-dir bench/.data/noctx
    python bench/context_ablation.py --with bench/.data/full --without bench/.data/noctx
Writes bench/results/context.json (bench/report.py renders it)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.service import Service  # noqa: E402
from indexer.search.evaluate import load_questions, report, score_rows  # noqa: E402
from indexer.settings import Settings  # noqa: E402

SETS = [ROOT.parent / "shared" / "eval" / "questions.dev.jsonl",
        ROOT.parent / "shared" / "eval" / "alqac.dev.jsonl",
        ROOT / "bench" / "data" / "questions.en.jsonl"]
LEGS = (("lexical",), ("dense",), ("lexical", "dense"))


def scores(data_dir: Path, heading_context: bool) -> dict:
    engine = Service(Settings(data_dir=data_dir, heading_context=heading_context))
    out = {}
    for path in SETS:
        if not path.exists():
            continue
        qs = load_questions(path)
        out[path.name] = {}
        for legs in LEGS:
            rows, lat = score_rows(qs, lambda q, k: [r.text for r in engine.search(q, k=k, legs=legs).results])
            m = report(rows, lat)["overall"]
            out[path.name]["+".join(legs)] = {k: round(v, 3) for k, v in m.items() if k != "n"}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--with", dest="with_dir", type=Path, default=ROOT / "bench" / ".data" / "full")
    ap.add_argument("--without", dest="without_dir", type=Path, default=ROOT / "bench" / ".data" / "noctx")
    args = ap.parse_args()
    res = {"date": time.strftime("%Y-%m-%d %H:%M"),
           "with_context": scores(args.with_dir, True), "without_context": scores(args.without_dir, False)}
    out = ROOT / "bench" / "results" / "context.json"
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
