"""Retrieval evaluation with the definitions of ../shared/eval/score.py: a question is answered at
rank r when the r-th result's text contains one of its gold quotes after NFC, '*' removal, white
space and case folding. hit@1, hit@5, recall@10, MRR@10, per kind and language, latency."""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def score_rows(questions: list[dict], search: Callable[[str, int], list[str]], k: int = 10) -> tuple[list[dict], list[float]]:
    rows, latencies = [], []
    for q in questions:
        started = time.perf_counter()
        texts = search(q["question"], k)
        latencies.append(time.perf_counter() - started)
        texts = [norm(t) for t in texts[:k]]
        quotes = [norm(g["quote"]) for g in q["gold"]]
        rank = next((i + 1 for i, t in enumerate(texts) if any(g in t for g in quotes)), None)
        found = sum(1 for g in quotes if any(g in t for t in texts[:10]))
        rows.append({"id": q["id"], "kind": q.get("kind", ""), "lang": q.get("lang", ""), "rank": rank,
                     "recall10": found / len(quotes), "question": q["question"]})
    return rows, latencies


def summarize(rows: list[dict]) -> dict:
    n = len(rows)
    if not n:
        return {"n": 0}
    return {
        "n": n,
        "hit@1": sum(1 for r in rows if r["rank"] == 1) / n,
        "hit@5": sum(1 for r in rows if r["rank"] and r["rank"] <= 5) / n,
        "recall@10": sum(r["recall10"] for r in rows) / n,
        "mrr@10": sum(1 / r["rank"] for r in rows if r["rank"] and r["rank"] <= 10) / n,
    }


def report(rows: list[dict], latencies: list[float]) -> dict:
    groups: dict[str, dict[str, list[dict]]] = {"kind": defaultdict(list), "lang": defaultdict(list)}
    for r in rows:
        groups["kind"][r["kind"]].append(r)
        groups["lang"][r["lang"]].append(r)
    lat = sorted(latencies)
    return {
        "overall": summarize(rows),
        "by_kind": {k: summarize(v) for k, v in sorted(groups["kind"].items())},
        "by_lang": {k: summarize(v) for k, v in sorted(groups["lang"].items())},
        "latency_ms": {"p50": 1000 * statistics.median(lat) if lat else 0,
                       "p95": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else 0},
        "misses": [r for r in rows if not r["rank"] or r["rank"] > 5],
    }
