"""Retrieval evaluation with the definitions of ../shared/eval/score.py: a question is answered at
rank r when the r-th result's text contains one of its gold quotes after NFC, '*' removal, white
space and case folding. hit@1, hit@5, recall@10, MRR@10, per kind and language, latency (p50 is the
median, p95 is ``sorted[min(n - 1, int(0.95 * n))]``, both as score.py computes them).

Two searchers: ``engine_searcher`` (in-process, a ``LocalEngine`` on a data dir) and
``url_searcher`` (a running server's ``GET /api/search``, the contract score.py uses). ``evaluate``
runs one over a question file; ``format_report`` prints it. The answers mode (``--ask``) lives in
``indexer.answer.evaluate`` (``ASK_HOOK`` forwards to it)."""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

Searcher = Callable[[str, int], list[str]]


class EvalError(RuntimeError):
    """The question file or the search backend cannot be used; the message says why."""


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def load_questions(path: Path) -> list[dict]:
    """Questions of a JSONL file; each needs ``question`` and a non-empty ``gold`` list of quotes."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read {path}: {exc}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError as exc:
            raise EvalError(f"{path}:{n}: not JSON ({exc})") from None
        if not isinstance(q, dict) or not isinstance(q.get("question"), str) or not q.get("gold") \
                or not all(isinstance(g, dict) and isinstance(g.get("quote"), str) for g in q["gold"]):
            raise EvalError(f"{path}:{n}: needs 'question' and a 'gold' list of {{'quote': ...}}")
        q.setdefault("id", f"line{n}")
        out.append(q)
    return out


def rank_of(texts: list[str], quotes: list[str], k: int = 10) -> tuple[int | None, float]:
    """(rank of the first result containing a gold quote or None, recall@10 of the quotes)."""
    texts = [norm(t) for t in texts[:k]]
    quotes = [norm(g) for g in quotes]
    rank = next((i + 1 for i, t in enumerate(texts) if any(g in t for g in quotes)), None)
    found = sum(1 for g in quotes if any(g in t for t in texts[:10]))
    return rank, found / len(quotes) if quotes else 0.0


def score_rows(questions: list[dict], search: Searcher, k: int = 10) -> tuple[list[dict], list[float]]:
    rows, latencies = [], []
    for q in questions:
        started = time.perf_counter()
        texts = search(q["question"], k)
        latencies.append(time.perf_counter() - started)
        rank, recall = rank_of(texts, [g["quote"] for g in q["gold"]], k)
        rows.append({"id": q["id"], "kind": q.get("kind", ""), "lang": q.get("lang", ""), "rank": rank,
                     "recall10": recall, "question": q["question"]})
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


def latency_ms(latencies: list[float]) -> dict:
    lat = sorted(latencies)
    if not lat:
        return {"p50": 0.0, "p95": 0.0}
    return {"p50": 1000 * statistics.median(lat), "p95": 1000 * lat[min(len(lat) - 1, int(0.95 * len(lat)))]}


def report(rows: list[dict], latencies: list[float]) -> dict:
    groups: dict[str, dict[str, list[dict]]] = {"kind": defaultdict(list), "lang": defaultdict(list)}
    for r in rows:
        groups["kind"][r["kind"]].append(r)
        groups["lang"][r["lang"]].append(r)
    return {
        "overall": summarize(rows),
        "by_kind": {k: summarize(v) for k, v in sorted(groups["kind"].items())},
        "by_lang": {k: summarize(v) for k, v in sorted(groups["lang"].items())},
        "latency_ms": latency_ms(latencies),
        "misses": [r for r in rows if not r["rank"] or r["rank"] > 5],
    }


# -- searchers --------------------------------------------------------------------------------
def engine_searcher(engine) -> Searcher:
    """In-process search on a LocalEngine (or anything with its ``search``)."""
    return lambda q, k: [r.text for r in engine.search(q, k=k).results]


def url_searcher(url: str, timeout: float = 60.0) -> Searcher:
    """``GET {url}/api/search?q=&k=`` -> the results' texts, as score.py calls it."""
    base = url.rstrip("/")

    def search(query: str, k: int) -> list[str]:
        full = f"{base}/api/search?" + urllib.parse.urlencode({"q": query, "k": k})
        try:
            with urllib.request.urlopen(full, timeout=timeout) as resp:
                body = json.load(resp)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise EvalError(f"{base} answered {exc.code} for {query!r}: {detail}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise EvalError(f"cannot search {base}: {exc}") from None
        try:
            return [r.get("text", "") for r in body["results"]]
        except (KeyError, TypeError, AttributeError):
            raise EvalError(f"{base}/api/search did not answer {{'results': [...]}}") from None

    return search


def ASK_HOOK(questions: list[dict], source, k: int = 10) -> dict:  # noqa: N802 (kept name)
    """The answers mode: ``indexer.answer.evaluate.evaluate_ask`` (``nghiquyet eval --ask``)."""
    from indexer.answer.evaluate import evaluate_ask

    return evaluate_ask(questions, source, k)


def evaluate(questions_path: Path, search: Searcher, k: int = 10) -> dict:
    questions = load_questions(questions_path)
    if not questions:
        raise EvalError(f"{questions_path} has no questions")
    rows, latencies = score_rows(questions, search, k)
    out = report(rows, latencies)
    out["questions"] = str(questions_path)
    out["k"] = k
    return out


def format_report(rep: dict) -> str:
    """A plain-text table like score.py's."""
    lines = [f"{'group':<24}{'n':>5}{'hit@1':>8}{'hit@5':>8}{'rec@10':>8}{'mrr@10':>8}"]
    named = [("overall", rep["overall"])]
    named += [(f"kind={k}", v) for k, v in rep["by_kind"].items()]
    named += [(f"lang={k}", v) for k, v in rep["by_lang"].items()]
    for name, m in named:
        lines.append(f"{name:<24}{m['n']:>5}{m['hit@1']:>8.3f}{m['hit@5']:>8.3f}{m['recall@10']:>8.3f}"
                     f"{m['mrr@10']:>8.3f}")
    lat = rep["latency_ms"]
    lines.append(f"latency p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms")
    for r in rep["misses"]:
        lines.append(f"miss {r['id']} rank={r['rank']}: {r['question']}")
    return "\n".join(lines)
