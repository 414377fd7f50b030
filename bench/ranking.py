"""Ranking ablation: which fusion puts the best passage first.

Each question's legs are computed once with the product's own code (BM25 over the words field and
the folded field separately, the e5 leg, the glossary-translated e5 leg for English) and kept with
their scores; every fusion variant then re-ranks the same candidates, so the table compares methods,
not noise. Gold: a result answers when its text contains a gold quote (score.py's definition).

Tuning discipline: the blind set is frozen; only its ODD lines (1, 3, 5, ...) and the dev sets are
used to choose anything (weights by cross-validation over them); its EVEN lines are reported
separately as held-out and never looked at when choosing.

Writes bench/results/ranking.json. Usage:
    python bench/ranking.py --data-dir /tmp/rank-index
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.index.analyzer import folded_terms, word_terms  # noqa: E402
from indexer.search.accents import restore  # noqa: E402
from indexer.search.articles import article_leg, article_map  # noqa: E402
from indexer.search.evaluate import load_questions, norm, summarize  # noqa: E402
from indexer.search.fusion import fuse_legs, top_positions  # noqa: E402
from indexer.search.kinds import answer_type_bonus, classify  # noqa: E402
from indexer.search.translate import translate  # noqa: E402
from indexer.service import ANSWER_TYPE_DEPTH, Service  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.text import query_language  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
BLIND = ROOT / "bench" / "data" / "questions.blind.jsonl"
RESULTS = ROOT / "bench" / "results"


def question_sets() -> dict[str, list[dict]]:
    blind = load_questions(BLIND)
    sets = {"dev": load_questions(EVAL / "questions.dev.jsonl"),
            "blind_odd": blind[0::2],  # lines 1, 3, 5, ... (tuning)
            "blind_even": blind[1::2],  # lines 2, 4, 6, ... (held out)
            "alqac": load_questions(EVAL / "alqac.dev.jsonl")}
    return sets


def collect(service: Service, q: dict, n: int) -> dict:
    """Every leg's top-n (key, score) for one question, as Service.search computes them."""
    s = service.settings
    query = q["question"]
    lang = query_language(query)
    interpreted = restore(query, service.accent_model()) if lang == "vi-noaccent" else query
    translated = translate(query) if lang == "en" and s.translate_en else ""
    text = translated or interpreted
    gen = service.engine.generation()
    w = gen.words.scores(word_terms(text))
    f = gen.folded.scores(folded_terms(text))
    legs = {}
    for name, scores in (("words", w), ("folded", f), ("lexical03", w + 0.3 * f), ("lexical10", w + f)):
        top = top_positions(scores, n)
        legs[name] = [(gen.keys[p], float(scores[p])) for p in top.tolist()]
    legs["dense"] = [(h.key, h.score) for h in service.engine.dense(service.embedder.encode_query(interpreted), n)]
    if translated:
        legs["dense_vi"] = [(h.key, h.score) for h in service.engine.dense(service.embedder.encode_query(translated), n)]
    return {"id": q["id"], "question": query, "lang": lang, "qlang": q.get("lang", lang),
            "kind": q.get("kind", ""), "translated": bool(translated), "legs": legs, "quotes": [norm(g["quote"]) for g in q["gold"]]}


def rank_of(texts: list[str], quotes: list[str], k: int = 10) -> tuple[int | None, float]:
    """score.py's rank and recall@10 over texts and quotes already passed through ``norm``."""
    rank = next((i + 1 for i, t in enumerate(texts[:k]) if any(g in t for g in quotes)), None)
    found = sum(1 for g in quotes if any(g in t for t in texts[:10]))
    return rank, found / len(quotes) if quotes else 0.0


def evaluate(rows: list[dict], texts: dict, config: dict) -> dict:
    out = []
    for r in rows:
        fused = fuse_legs(r["legs"], r["lang"], r["translated"], config, scored=True)
        if config.get("answer_type") and r.get("question"):  # Service.search's answer-type bonus
            fused = answer_type_bonus(classify(r["question"]), fused, texts, config["answer_type"],
                                      ANSWER_TYPE_DEPTH)
        ranked = [k for k, _, _ in fused[:10]]
        rank, recall = rank_of([texts[k] for k in ranked], r["quotes"], 10)
        out.append({"rank": rank, "recall10": recall, "lang": r["qlang"]})
    m = summarize(out)
    langs = sorted({o["lang"] for o in out})
    m["hit@5_by_lang"] = {lg: summarize([o for o in out if o["lang"] == lg])["hit@5"] for lg in langs}
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in m.items()}


BASELINE = {"method": "rrf", "rrf_k": 5, "lexical_leg": "lexical03",
            "weights": {"vi": {"lexical": 1.0, "dense": 0.7}, "vi-noaccent": {"lexical": 1.0, "dense": 0.7},
                        "en": {"lexical": 1.0, "dense": 0.7, "dense_vi": 0.5}}}


def variants() -> dict[str, dict]:
    """Named configurations compared in the ablation (weights for the 'tuned' ones come from CV)."""
    v = {"baseline (RRF k=5, words+0.3·folded, dense .7)": BASELINE}
    v["lexical only"] = {**BASELINE, "weights": {lg: {"lexical": 1.0} for lg in BASELINE["weights"]}}
    v["dense only"] = {**BASELINE, "weights": {lg: {"dense": 1.0} for lg in BASELINE["weights"]}}
    v["words + folded as two RRF legs"] = {**BASELINE, "lexical_leg": None, "weights": {
        lg: {**{k: x for k, x in w.items() if k != "lexical"}, "words": 1.0, "folded": 0.5}
        for lg, w in BASELINE["weights"].items()}}
    v["words+1.0·folded"] = {**BASELINE, "lexical_leg": "lexical10"}
    for rk in (2, 10, 60):
        v[f"RRF k={rk}"] = {**BASELINE, "rrf_k": rk}
    v["score fusion (min-max)"] = {**BASELINE, "method": "minmax"}
    v["two RRF legs + article leg (0.5)"] = {**v["words + folded as two RRF legs"], "weights": {
        lg: {**w, "articles": 0.5} for lg, w in v["words + folded as two RRF legs"]["weights"].items()}}
    v["+ answer-type bonus (0.1 over the top 10)"] = {**v["words + folded as two RRF legs"], "answer_type": 0.1}
    for wa in (0.5, 1.0):
        v[f"+ article leg (weight {wa})"] = {**BASELINE, "weights": {
            lg: {**w, "articles": wa} for lg, w in BASELINE["weights"].items()}}
    return v


def grid() -> list[dict]:
    out = []
    for method, rk, lex, wd, wa in itertools.product(("rrf", "minmax"), (3, 5, 10), ("lexical03", "lexical10"),
                                                     (0.3, 0.5, 0.7, 1.0, 1.4), (0.0, 0.5, 1.0)):
        out.append({"method": method, "rrf_k": rk, "lexical_leg": lex, "w_dense": wd, "w_dense_vi": 0.5,
                    "w_articles": wa})
    return out


def with_lang_weights(base: dict, per_lang: dict[str, dict]) -> dict:
    cfg = {**BASELINE, "weights": {}}
    for lg, g in per_lang.items():
        cfg["method"], cfg["rrf_k"], cfg["lexical_leg"] = g["method"], g["rrf_k"], g["lexical_leg"]
        cfg["weights"][lg] = {"lexical": 1.0, "dense": g["w_dense"], "dense_vi": g["w_dense_vi"],
                              "articles": g.get("w_articles", 0.0)}
    return cfg


def objective(rows, texts, cfg) -> float:
    m = evaluate(rows, texts, cfg)
    return m["mrr@10"] + 0.5 * m["hit@5"]


def learn(rows: list[dict], texts: dict) -> dict:
    """Shared method/k/lexical field, then dense weights per question language, on ``rows``."""
    best_shared, best_score = None, -1.0
    for g in grid():
        cfg = with_lang_weights(BASELINE, {lg: g for lg in ("vi", "vi-noaccent", "en")})
        sc = objective(rows, texts, cfg)
        if sc > best_score:
            best_shared, best_score = g, sc
    per_lang = {}
    for lg in ("vi", "vi-noaccent", "en"):
        sub = [r for r in rows if r["lang"] == lg]
        best, bs = best_shared, -1.0
        for wd, wdvi in itertools.product((0.3, 0.5, 0.7, 1.0, 1.4), (0.0, 0.5, 1.0)):
            g = {**best_shared, "w_dense": wd, "w_dense_vi": wdvi if lg == "en" else 0.5}
            sc = objective(sub, texts, with_lang_weights(BASELINE, {lg: g})) if sub else 0
            if sc > bs + 1e-9:
                best, bs = g, sc
        per_lang[lg] = best
    return with_lang_weights(BASELINE, per_lang)


def cross_validate(rows: list[dict], texts: dict, folds: int = 5) -> dict:
    """Out-of-fold metrics of ``learn`` over the tuning rows (each fold scored with weights learned
    on the other folds)."""
    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    ranked_rows = []
    for f in range(folds):
        test = [rows[i] for i in order[f::folds]]
        train = [rows[i] for j, i in enumerate(order) if j % folds != f]
        cfg = learn(train, texts)
        for r in test:
            ranked = fuse_legs(r["legs"], r["lang"], r["translated"], cfg)[:10]
            rank, recall = rank_of([texts[k] for k in ranked], r["quotes"], 10)
            ranked_rows.append({"rank": rank, "recall10": recall})
    return {k: round(v, 4) for k, v in summarize(ranked_rows).items() if k != "n"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--candidates", type=int, default=50)
    ap.add_argument("--sets", nargs="*", default=["dev", "blind_odd", "blind_even", "alqac"])
    args = ap.parse_args()
    service = Service(Settings(data_dir=args.data_dir))
    sets = {k: v for k, v in question_sets().items() if k in args.sets}
    t0 = time.time()
    cache = Path(f"/tmp/nq-ranking-legs-v2-{args.data_dir.name}-{args.candidates}.pickle")
    saved = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    collected = {}
    for name, qs in sets.items():
        if name not in saved:
            saved[name] = [collect(service, q, args.candidates) for q in qs]
            cache.write_bytes(pickle.dumps(saved))
        collected[name] = saved[name]
    keys = {k for rows in collected.values() for r in rows for leg in r["legs"].values() for k, _ in leg}
    texts = {k: norm(row["text"]) for k, row in service.engine.passages_at(sorted(keys)).items()}
    articles = article_map({d["id"]: service.passages(d["id"]) for d in service._documents()})
    for rows in collected.values():
        for r in rows:
            r["legs"] = {leg: [(k, s) for k, s in hits if k in texts] for leg, hits in r["legs"].items()}
            r["legs"]["articles"] = article_leg(r["legs"]["lexical03"], articles)
    print(f"collected legs in {time.time() - t0:.0f} s", file=sys.stderr)

    tune_names = [n for n in ("dev", "blind_odd", "alqac") if n in collected]
    tune = [r for n in tune_names for r in collected[n]]
    learned = learn(tune, texts)
    table = []
    named = variants()
    named[f"learned per language (fit on {' + '.join(tune_names)})"] = learned
    for name, cfg in named.items():
        row = {"variant": name}
        for set_name, rows in collected.items():
            row[set_name] = evaluate(rows, texts, cfg)
        table.append(row)
        print(name, {s: (row[s]["hit@1"], row[s]["hit@5"], row[s]["mrr@10"]) for s in collected}, file=sys.stderr)
    res = {"date": time.strftime("%Y-%m-%d %H:%M"), "data_dir": str(args.data_dir),
           "passages": service.health().passages, "tuned_on": tune_names,
           "held_out": [n for n in collected if n not in tune_names],
           "learned_config": learned, "cross_validated_learned_on_tuning_rows": cross_validate(tune, texts),
           "ablation": table}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ranking.json").write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(json.dumps({k: v for k, v in res.items() if k != "ablation"}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
