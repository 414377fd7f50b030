"""Answer evaluation (``nghiquyet eval --ask``, bench/ask.py): is the short answer right, wrong or
null, and does the first citation hold a gold quote?

A question (JSONL) has ``question``, ``answer`` (null when no document answers it), ``accept``
(other spellings of the answer), ``gold`` (quotes), and for grouping ``kind``, ``role``, ``lang``.

- right: the expected answer or one of ``accept``, normalized (NFC, case, white space, "*"
  removed), is contained in the returned answer; for an unanswerable question, the answer is null;
- wrong: an answer was given and it is not right (a wrong number, or an answer where none exists);
- null: no answer for an answerable question (safe, but not right);
- first citation holds gold: the first citation's text contains a gold quote (without its list
  marker and end punctuation), lies inside one, or shares 60% of it as one stretch (citations of
  extracted items are single clauses; a gold quote may start a clause earlier). The plain
  containment test is kept as ``first_gold_strict`` and reported beside it.

Two askers: in-process (a ``Service``) and a running server (``GET URL/api/ask``)."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from indexer.search.evaluate import EvalError, latency_ms, norm

Asker = Callable[[str, int], dict]
MIN_INSIDE = 30  # a citation shorter than this does not "hold" a gold quote by lying inside it


def load_ask_questions(path: Path) -> list[dict]:
    """Questions of an answer set: each needs ``question`` and an ``answer`` key (string or null)."""
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
        if not isinstance(q, dict) or not isinstance(q.get("question"), str) or "answer" not in q \
                or not (q["answer"] is None or isinstance(q["answer"], str)):
            raise EvalError(f"{path}:{n}: needs 'question' and 'answer' (a string or null)")
        q.setdefault("id", f"line{n}")
        q["line"] = n
        out.append(q)
    if not out:
        raise EvalError(f"{path} has no questions")
    return out


def is_right(expected: str | None, accept: list[str], answer: str | None) -> bool:
    if expected is None:
        return answer is None
    if not answer:
        return False
    got = norm(answer)
    return any(norm(a) in got for a in [expected, *(accept or [])] if a and a.strip())


_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\)|\(\d{1,2}\)|[-–•+])\s*")
MIN_SHARED = 0.6  # share of the gold quote a citation must hold when the two only overlap


def _gold_text(quote: str) -> str:
    """A gold quote as content: without its list marker ("5. ", "a) ", "- ") and end punctuation —
    labellers copy them, citations of clauses start after them."""
    return _MARKER.sub("", norm(quote)).rstrip(" .;:,")


def holds_gold(citation_text: str, gold: list[dict], strict: bool = False) -> bool:
    """The citation holds a gold quote: contains it, lies inside it, or (not ``strict``) shares at
    least ``MIN_SHARED`` of it as one stretch (a clause citation and a gold quote cut one clause
    earlier or later). ``strict`` is the plain containment test reported before."""
    text = norm(citation_text or "")
    if not text:
        return False
    for g in gold or []:
        quote = norm(g.get("quote") or "")
        if quote and (quote in text or (len(text) >= MIN_INSIDE and text in quote)):
            return True
        if strict:
            continue
        quote = _gold_text(g.get("quote") or "")
        if not quote:
            continue
        if quote in text or (len(text) >= MIN_INSIDE and text in quote):
            return True
        m = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(0, len(text), 0, len(quote))
        if m.size >= max(MIN_INSIDE, MIN_SHARED * len(quote)):
            return True
    return False


def score_one(q: dict, result: dict, seconds: float = 0.0) -> dict:
    answer = result.get("answer")
    answerable = q["answer"] is not None
    right = is_right(q["answer"], q.get("accept") or [], answer)
    citations = result.get("citations") or []
    first = citations[0]["text"] if citations else ""
    return {"id": q["id"], "line": q.get("line"), "kind": q.get("kind") or "", "role": q.get("role") or "",
            "lang": q.get("lang") or "", "answerable": answerable, "right": right,
            "wrong": answer is not None and not right, "null": answer is None,
            "first_gold": holds_gold(first, q.get("gold") or []) if answerable else None,
            "first_gold_strict": holds_gold(first, q.get("gold") or [], strict=True) if answerable else None,
            "expected": q["answer"], "answer": answer, "asked_kind": result.get("kind"),
            "asked_role": result.get("role"), "question": q["question"], "seconds": seconds}


def summarize(rows: list[dict]) -> dict:
    n = len(rows)
    if not n:
        return {"n": 0}
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    out = {"n": n, "answerable": len(ans), "unanswerable": len(una),
           "accuracy": sum(r["right"] for r in rows) / n,
           "right": sum(r["right"] for r in rows), "wrong": sum(r["wrong"] for r in rows),
           "null": sum(r["null"] for r in rows)}
    if ans:
        out["answerable_accuracy"] = sum(r["right"] for r in ans) / len(ans)
        out["wrong_rate"] = sum(r["wrong"] for r in ans) / len(ans)
        out["null_rate"] = sum(r["null"] for r in ans) / len(ans)
        out["first_citation_gold"] = sum(bool(r["first_gold"]) for r in ans) / len(ans)
        out["first_citation_gold_strict"] = sum(bool(r.get("first_gold_strict")) for r in ans) / len(ans)
    if una:
        out["unanswerable_null_rate"] = sum(r["null"] for r in una) / len(una)
    return out


def report(rows: list[dict], latencies: list[float] | None = None) -> dict:
    groups: dict[str, dict[str, list[dict]]] = {"kind": defaultdict(list), "role": defaultdict(list),
                                                 "lang": defaultdict(list)}
    for r in rows:
        groups["kind"][r["kind"]].append(r)
        groups["lang"][r["lang"]].append(r)
        if r["role"]:
            groups["role"][r["role"]].append(r)
    wtw = [r for r in rows if r["answerable"] and r["kind"] in ("who", "target", "when")]
    out = {"overall": summarize(rows),
           "first_citation_gold_who_target_when": (sum(bool(r["first_gold"]) for r in wtw) / len(wtw)
                                                   if wtw else None),
           "first_citation_gold_who_target_when_strict": (
               sum(bool(r.get("first_gold_strict")) for r in wtw) / len(wtw) if wtw else None),
           "by_kind": {k: summarize(v) for k, v in sorted(groups["kind"].items())},
           "by_role": {k: summarize(v) for k, v in sorted(groups["role"].items())},
           "by_lang": {k: summarize(v) for k, v in sorted(groups["lang"].items())},
           "rows": rows}
    if latencies:
        out["latency_ms"] = latency_ms(latencies)
    return out


# -- askers ---------------------------------------------------------------------------------------
def service_asker(service) -> Asker:
    """In-process answers from a ``Service``."""
    return lambda q, k: service.ask(q, k=k).model_dump()


def url_asker(url: str, timeout: float = 120.0) -> Asker:
    """``GET {url}/api/ask?q=&k=``."""
    base = url.rstrip("/")

    def ask(question: str, k: int) -> dict:
        full = f"{base}/api/ask?" + urllib.parse.urlencode({"q": question, "k": k})
        try:
            with urllib.request.urlopen(full, timeout=timeout) as resp:
                body = json.load(resp)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise EvalError(f"{base} answered {exc.code} for {question!r}: {detail}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise EvalError(f"cannot ask {base}: {exc}") from None
        if not isinstance(body, dict) or "answer" not in body:
            raise EvalError(f"{base}/api/ask did not answer {{'answer': ...}}")
        return body

    return ask


def evaluate_ask(questions: list[dict], source, k: int = 10) -> dict:
    """Score every question with ``source`` (a Service, a URL string or an Asker)."""
    if isinstance(source, str):
        asker = url_asker(source)
    elif callable(source):
        asker = source
    else:
        asker = service_asker(source)
    rows, latencies = [], []
    for q in questions:
        started = time.perf_counter()
        result = asker(q["question"], k)
        seconds = time.perf_counter() - started
        latencies.append(seconds)
        rows.append(score_one(q, result, round(seconds, 3)))
    return report(rows, latencies)


def _pct(v) -> str:
    return "   -  " if v is None else f"{100 * v:5.1f}%"


def format_report(rep: dict, show_rows: bool = True) -> str:
    lines = [f"{'group':<26}{'n':>4}{'acc':>8}{'wrong':>8}{'null':>8}{'unans0':>8}{'cite1':>8}",
             "  (acc: right/all; wrong, null: of answerable; unans0: unanswerable left null; "
             "cite1: first citation holds gold)"]
    named = [("overall", rep["overall"])]
    for group in ("kind", "role", "lang"):
        named += [(f"{group}={k}", v) for k, v in rep[f"by_{group}"].items()]
    for name, m in named:
        lines.append(f"{name:<26}{m['n']:>4}{_pct(m.get('accuracy')):>8}{_pct(m.get('wrong_rate')):>8}"
                     f"{_pct(m.get('null_rate')):>8}{_pct(m.get('unanswerable_null_rate')):>8}"
                     f"{_pct(m.get('first_citation_gold')):>8}")
    if rep.get("first_citation_gold_who_target_when") is not None:
        lines.append(f"first citation holds gold (who/target/when): "
                     f"{_pct(rep['first_citation_gold_who_target_when']).strip()} (strict containment: "
                     f"{_pct(rep.get('first_citation_gold_who_target_when_strict')).strip()})")
    if rep.get("latency_ms"):
        lines.append(f"latency p50 {rep['latency_ms']['p50']:.0f} ms, p95 {rep['latency_ms']['p95']:.0f} ms")
    if show_rows:
        for r in rep["rows"]:
            if r["wrong"]:
                lines.append(f"WRONG {r['id']}: {r['question']} -> {r['answer']!r} (expected {r['expected']!r})")
    return "\n".join(lines)
