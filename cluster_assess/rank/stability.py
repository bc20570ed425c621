"""Rank stability: how far the weights may move before a rank changes.

Two views, both on a complete matrix. One at a time: for each alternative, the smallest change of a
single weight (the others rescaled in proportion, so they still sum to 1) that changes its rank.
Monte Carlo: every weight multiplied by an independent uniform factor in [1 − s, 1 + s] and the
vector renormalised, `draws` times with a given seed; the share of draws in which each alternative
holds each rank. Both reuse the weight-free part of the method, so a draw is a matrix product.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cluster_assess.rank.methods import Prepared, batch_ranks, competition_ranks, score

SHARE_MATRIX_MAX = 200  # keep the full alternative × rank table only when it can be shown
CHUNK_CELLS = 4_000_000  # scores held at once (n × draws), to keep memory flat


@dataclass(frozen=True)
class MonteCarlo:
    draws: int
    spread: float
    seed: int
    hold: np.ndarray  # share of draws in which each alternative keeps its rank
    p05: np.ndarray  # 5th and 95th percentile of its rank
    p95: np.ndarray
    shares: np.ndarray | None  # (n, n): share of draws at rank r + 1, when n <= SHARE_MATRIX_MAX


@dataclass(frozen=True)
class Flip:
    """The smallest one-weight change that moves an alternative."""

    criterion: int
    weight_from: float
    weight_to: float
    rank_to: int


def perturbed(w: np.ndarray, draws: int, spread: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(draws, w.shape[0]))
    out = w[None, :] * factors
    return out / out.sum(axis=1, keepdims=True)


def monte_carlo(p: Prepared, w: np.ndarray, base: np.ndarray, draws: int = 1000, spread: float = 0.2,
                seed: int = 0) -> MonteCarlo:
    """Share of `draws` perturbed weight vectors in which each alternative holds each rank."""
    n = p.a.shape[0]
    weights = perturbed(w, draws, spread, seed)
    keep = n <= SHARE_MATRIX_MAX
    counts = np.zeros((n, n), dtype=np.int64) if keep else None
    hold = np.zeros(n, dtype=np.int64)
    chunk = max(1, CHUNK_CELLS // max(n, 1))
    all_ranks = np.empty((n, draws), dtype=np.int32)
    for start in range(0, draws, chunk):
        ranks = batch_ranks(score(p, weights[start:start + chunk]))
        all_ranks[:, start:start + chunk] = ranks
        hold += (ranks == base[:, None]).sum(axis=1)
        if counts is not None:
            rows = np.repeat(np.arange(n), ranks.shape[1])
            np.add.at(counts, (rows, ranks.ravel() - 1), 1)
    p05, p95 = np.percentile(all_ranks, [5, 95], axis=1, method="nearest")
    return MonteCarlo(draws, spread, seed, hold / draws, p05.astype(int), p95.astype(int),
                      None if counts is None else counts / draws)


def one_at_a_time(p: Prepared, w: np.ndarray, base: np.ndarray, grid: int = 200,
                  refine: int = 20) -> list[Flip | None]:
    """For each alternative, the smallest change of one weight that changes its rank (None: no single
    weight, moved anywhere in [0, 1], changes it). A grid finds the first change on each side of the
    current weight; bisection then narrows it to within 1/(grid·2^refine)."""
    n, m = p.a.shape
    best: list[Flip | None] = [None] * n
    gap = np.full(n, np.inf)
    ts = np.linspace(0.0, 1.0, grid + 1)
    for j in range(m):
        if w[j] >= 1.0 - 1e-12 or m == 1:
            continue
        ranks = batch_ranks(score(p, _moved(w, j, ts)))
        changed = ranks != base[:, None]
        for side in (-1, 1):
            idx = np.flatnonzero(ts < w[j]) [::-1] if side < 0 else np.flatnonzero(ts > w[j])
            if idx.size == 0:
                continue
            hit = changed[:, idx]
            any_hit = hit.any(axis=1)
            first = np.argmax(hit, axis=1)
            outer = np.where(any_hit, ts[idx[first]], np.nan)
            inner = np.where(first > 0, ts[idx[np.maximum(first - 1, 0)]], w[j])
            outer = _bisect(p, w, j, base, inner, outer, refine)
            dist = np.abs(outer - w[j])
            better = any_hit & (dist < gap)
            for i in np.flatnonzero(better):
                gap[i] = dist[i]
                moved_rank = competition_ranks(score(p, _moved(w, j, np.array([outer[i]]))[0]))[i]
                best[i] = Flip(j, float(w[j]), float(outer[i]), int(moved_rank))
    return best


def _moved(w: np.ndarray, j: int, ts: np.ndarray) -> np.ndarray:
    """Weight vectors with w_j set to each t and the others rescaled to sum to 1 − t."""
    rest = w.copy()
    rest[j] = 0.0
    total = rest.sum()
    out = np.outer(1.0 - ts, rest / total) if total > 0 else np.zeros((ts.shape[0], w.shape[0]))
    out[:, j] = ts
    return out


def _bisect(p: Prepared, w: np.ndarray, j: int, base: np.ndarray, inner: np.ndarray, outer: np.ndarray,
            steps: int) -> np.ndarray:
    """Narrow each [inner (same rank), outer (changed)] bracket; all alternatives at once."""
    todo = np.flatnonzero(~np.isnan(outer))
    if todo.size == 0 or todo.size > 500:  # bisection scores n × n: keep it to tables that are read
        return outer
    lo, hi = inner[todo].copy(), outer[todo].copy()
    for _ in range(steps):
        mid = (lo + hi) / 2
        ranks = batch_ranks(score(p, _moved(w, j, mid)))  # column c: weights for alternative todo[c]
        moved = ranks[todo, np.arange(todo.size)] != base[todo]
        hi = np.where(moved, mid, hi)
        lo = np.where(moved, lo, mid)
    out = outer.copy()
    out[todo] = hi
    return out
