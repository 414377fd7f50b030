"""Reciprocal rank fusion of ranked legs, keeping each item's rank per leg (1-based) so a user can
see why a result ranked where it did."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np


def top_positions(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
    """Positions of the k best positive scores, best first (optionally only ``allowed`` ones)."""
    if allowed is not None:
        masked = np.full_like(scores, -np.inf)
        masked[allowed] = scores[allowed]
        scores = masked
    positive = np.flatnonzero(scores > 0)
    if len(positive) == 0:
        return positive
    if len(positive) > k:
        part = np.argpartition(-scores[positive], k - 1)[:k]
        positive = positive[part]
    return positive[np.argsort(-scores[positive], kind="stable")]


def rrf(legs: dict[str, np.ndarray], weights: dict[str, float], k: int
        ) -> list[tuple[int, float, dict[str, int | None]]]:
    """Fuse ranked position lists: score = sum over legs of weight / (k + rank)."""
    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int | None]] = {}
    for leg, positions in legs.items():
        w = weights.get(leg, 1.0)
        for rank, pos in enumerate(positions.tolist(), start=1):
            fused[pos] = fused.get(pos, 0.0) + w / (k + rank)
            ranks.setdefault(pos, {name: None for name in legs})[leg] = rank
    order = sorted(fused, key=lambda p: (-fused[p], p))
    return [(p, fused[p], ranks[p]) for p in order]


NO_RANKS: Mapping = MappingProxyType({})


def rrf_keys(legs: dict[str, list], weights: dict[str, float], k: int, ranks: bool = True
             ) -> list[tuple[object, float, Mapping]]:
    """Fuse ranked lists of passage keys: score = sum over legs of weight / (k + rank); ties by key.
    ``ranks=False`` leaves every item's leg ranks empty (``leg_ranks`` gives them for the few
    results shown): building a dict for each of the ~300 candidates was two thirds of the fusion."""
    fused: dict = {}
    for leg, keys in legs.items():
        w = weights.get(leg, 1.0)
        for rank, key in enumerate(keys, start=1):
            fused[key] = fused.get(key, 0.0) + w / (k + rank)
    order = sorted(fused, key=lambda p: (-fused[p], p))
    if not ranks:
        return [(p, fused[p], NO_RANKS) for p in order]
    positions = leg_positions(legs)
    return [(p, fused[p], leg_ranks(positions, p)) for p in order]


def leg_positions(legs: dict[str, list]) -> dict[str, dict]:
    """Each leg's 1-based rank of each key it holds (a key twice in one leg: its last rank)."""
    return {leg: {key: rank for rank, key in enumerate(keys, start=1)} for leg, keys in legs.items()}


def leg_ranks(positions: dict[str, dict], key) -> dict[str, int | None]:
    """``key``'s rank in every leg (None where the leg does not hold it)."""
    return {leg: pos.get(key) for leg, pos in positions.items()}


def minmax_keys(legs: dict[str, list[tuple[object, float]]], weights: dict[str, float]) -> list[tuple[object, float]]:
    """Score fusion: each leg's scores scaled to [0, 1] over its own candidates (best = 1, worst
    kept = 0), then a weighted sum; a candidate missing from a leg gets 0 there. Unlike RRF it keeps
    how far ahead the best candidate is, which matters for the first place."""
    fused: dict = {}
    for leg, hits in legs.items():
        w = weights.get(leg, 0.0)
        if not w or not hits:
            continue
        values = [s for _, s in hits]
        hi, lo = max(values), min(values)
        span = (hi - lo) or 1.0
        for key, s in hits:
            fused[key] = fused.get(key, 0.0) + w * (s - lo) / span
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def fuse_legs(legs: dict[str, list[tuple[object, float]]], language: str, translated: bool,
              config: dict, scored: bool = False) -> list:
    """Ranked keys from scored legs under a fusion ``config`` (bench/ranking.py's variants):
    ``method`` rrf or minmax, ``rrf_k``, ``lexical_leg`` (which lexical scoring stands for the
    "lexical" leg), ``weights`` per question language; ``scored`` keeps (key, score, ranks). English
    without a glossary translation keeps BM25 at a fifth of its weight (the index shares few words
    with it)."""
    weights = dict(config["weights"].get(language) or config["weights"]["vi"])
    if language == "en" and not translated:
        for leg in ("lexical", "words", "folded"):
            if leg in weights:
                weights[leg] *= 0.2
    named = dict(legs)
    if config.get("lexical_leg"):
        named["lexical"] = legs[config["lexical_leg"]]
    named = {leg: hits for leg, hits in named.items() if weights.get(leg)}
    if config["method"] == "minmax":
        fused = [(k, s, {}) for k, s in minmax_keys(named, weights)]
    else:
        fused = rrf_keys({leg: [k for k, _ in hits] for leg, hits in named.items()}, weights, config["rrf_k"])
    return fused if scored else [k for k, _, _ in fused]
