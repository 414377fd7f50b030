"""Reciprocal rank fusion of ranked legs, keeping each item's rank per leg (1-based) so a user can
see why a result ranked where it did."""

from __future__ import annotations

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


def rrf_keys(legs: dict[str, list], weights: dict[str, float], k: int) -> list[tuple[object, float, dict]]:
    """Fuse ranked lists of passage keys: score = sum over legs of weight / (k + rank); ties by key."""
    fused: dict = {}
    ranks: dict = {}
    for leg, keys in legs.items():
        w = weights.get(leg, 1.0)
        for rank, key in enumerate(keys, start=1):
            fused[key] = fused.get(key, 0.0) + w / (k + rank)
            ranks.setdefault(key, {name: None for name in legs})[leg] = rank
    order = sorted(fused, key=lambda p: (-fused[p], p))
    return [(p, fused[p], ranks[p]) for p in order]
