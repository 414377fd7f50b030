"""Glossary dropout on the tuning half: how the answers fare with English words the glossary does
not know — the held-back condition — measured without reading the held-back half.

The English questions of the odd lines of an answer set are asked with a random share of the
glossary entries they use removed (several seeds), so those words reach the answer engine untranslated.
Prints right / wrong / null of the answerable questions and how many unanswerable ones stay null.
Usage: python bench/ask_dropout.py [--share 0.3] [--seeds 1 2 3 4 5] [--questions FILE ...] [--no-semantic]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.answer.evaluate import is_right, load_ask_questions  # noqa: E402
from indexer.search.translate import MAX_PHRASE, base_form, default_glossary, tokens  # noqa: E402
from indexer.service import Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402


def used_entries(questions: list[dict], glossary: dict) -> list[tuple[str, ...]]:
    """The glossary keys the questions' words and phrases hit."""
    used = set()
    for q in questions:
        words = tokens(q["question"])
        keys = [base_form(w) for w in words]
        for i in range(len(words)):
            for n in range(1, MAX_PHRASE + 1):
                if i + n <= len(words) and tuple(keys[i:i + n]) in glossary:
                    used.add(tuple(keys[i:i + n]))
            if (words[i],) in glossary:
                used.add((words[i],))
    return sorted(used)


def run(service: Service, questions: list[dict]) -> tuple[int, int, int, int, int]:
    service._results.clear()
    service._asks.clear()
    right = wrong = null = kept = unanswerable = 0
    for q in questions:
        answer = service.ask(q["question"]).answer
        if q["answer"] is None:
            unanswerable += 1
            kept += answer is None
        elif answer is None:
            null += 1
        elif is_right(q["answer"], q.get("accept"), answer):
            right += 1
        else:
            wrong += 1
    return right, wrong, null, kept, unanswerable


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT / "bench" / ".data" / "full")
    ap.add_argument("--questions", type=Path, nargs="+",
                    default=[ROOT / "bench" / "data" / "ask.blind.jsonl", ROOT / "bench" / "data" / "ask.fresh.jsonl"])
    ap.add_argument("--share", type=float, default=0.3)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument("--no-semantic", action="store_true", help="without semantic support (answer_semantic off)")
    args = ap.parse_args()
    service = Service(Settings(data_dir=args.data_dir, answer_semantic=not args.no_semantic))
    questions = [q for path in args.questions for q in load_ask_questions(path)
                 if q["line"] % 2 == 1 and q.get("lang") == "en"]  # the tuning half only
    glossary = default_glossary()
    used = used_entries(questions, glossary)
    total = [0] * 5
    for seed in args.seeds:
        rnd = random.Random(seed)
        removed = {k: glossary.pop(k) for k in used if rnd.random() < args.share}
        try:
            result = run(service, questions)
        finally:
            glossary.update(removed)
        total = [a + b for a, b in zip(total, result)]
        print(f"seed {seed}: {len(removed)}/{len(used)} entries removed: right {result[0]} wrong {result[1]} "
              f"null {result[2]}, unanswerable null {result[3]}/{result[4]}")
    print(f"total: right {total[0]} wrong {total[1]} null {total[2]} of {sum(total[:3])} answerable; "
          f"unanswerable null {total[3]}/{total[4]}")


if __name__ == "__main__":
    main()
