"""Diacritics restoration benchmark: the Vietnamese questions of every answer set
(bench/data/ask.*.jsonl, lang "vi"), folded and restored by the index's model, compared syllable by
syllable with what the asker typed (tone placement normalised, case ignored). The odd lines chose the
model's design and its smoothing weight; the even lines are reported beside them.

Writes bench/results/accents.json. Usage:
    python bench/accents.py [--data-dir bench/.data/ask]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ask import open_service  # noqa: E402
from indexer.search.accents import restore  # noqa: E402
from indexer.text import fold, modern_tones  # noqa: E402

OUT = ROOT / "bench" / "results" / "accents.json"
_WORD = re.compile(r"\w+")


def _syllables(text: str) -> list[str]:
    return [modern_tones(w).lower() for w in _WORD.findall(text)]


def score(questions: list[str], model) -> dict:
    syllables = right = whole = 0
    confusions: Counter = Counter()
    started = time.perf_counter()
    for q in questions:
        typed, got = _syllables(q), _syllables(restore(fold(q), model))
        ok = len(typed) == len(got)
        for a, b in zip(typed, got):
            if not any(c.isalpha() for c in a):
                continue
            syllables += 1
            right += a == b
            if a != b:
                ok = False
                confusions[f"{a} -> {b}"] += 1
        whole += ok
    ms = (time.perf_counter() - started) * 1000 / max(1, len(questions))
    return {"questions": len(questions), "syllables": syllables, "syllable_accuracy": round(right / max(1, syllables), 4),
            "questions_right": round(whole / max(1, len(questions)), 3), "ms_per_question": round(ms, 2),
            "top_confusions": confusions.most_common(15)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT / "bench" / ".data" / "ask")
    args = ap.parse_args()
    service = open_service(args.data_dir)
    model = service.accent_model()
    halves: dict[str, list[str]] = {"odd": [], "even": []}
    for path in sorted((ROOT / "bench" / "data").glob("ask.*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and (row := json.loads(line)).get("lang") == "vi":
                halves["odd" if n % 2 else "even"].append(row["question"])
    out = {half: score(qs, model) for half, qs in halves.items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    for half, r in out.items():
        print(f"{half}: {r['questions']} questions, syllables right {100 * r['syllable_accuracy']:.2f}%, "
              f"whole questions right {100 * r['questions_right']:.1f}%, {r['ms_per_question']} ms each")


if __name__ == "__main__":
    main()
