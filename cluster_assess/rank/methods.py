"""Scoring methods: a weighted index, TOPSIS and grey relational analysis (GRA), each with its
convention named, and all scored for many weight vectors at once.

Every method here splits into a weight-free part, computed once from the decision matrix, and a
matrix product with the weights. That is why a thousand Monte Carlo draws cost about one numpy
TOPSIS each: for TOPSIS, d⁺² = Σ_j w_j² (r_ij − r⁺_j)² is (R − R⁺)² @ w², because the ideal of a
weighted column is the weight times the ideal of the column (weights are never negative).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cluster_assess.rank.weights import minmax_columns

METHODS = ("index", "topsis", "gra")
NORMALISATIONS = ("vector", "minmax", "sum")
DISTANCES = ("euclidean", "manhattan")


@dataclass(frozen=True)
class Method:
    """Which method, with every convention that changes its result."""

    name: str = "topsis"
    normalisation: str = "vector"  # TOPSIS only; index and GRA always use min-max (named)
    distance: str = "euclidean"  # TOPSIS only
    rho: float = 0.5  # GRA's distinguishing coefficient (分辨系数)


@dataclass(frozen=True)
class Prepared:
    """The weight-free part of a method for one complete matrix: scores are `score(prepared, W)`."""

    method: Method
    a: np.ndarray  # index, GRA: the per-criterion terms; TOPSIS: distances to the ideal
    b: np.ndarray | None = None  # TOPSIS: distances to the anti-ideal


def normalise(x: np.ndarray, benefit: np.ndarray, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(r, benefit after normalising). vector: x/√Σx²; sum: x/Σx; minmax: (x−min)/(max−min) with
    cost columns reversed, after which every column is a benefit column."""
    if kind == "minmax":
        z, _ = minmax_columns(x, benefit)
        return z, np.ones_like(benefit, dtype=bool)
    if kind == "vector":
        denom = np.sqrt((x * x).sum(axis=0))
    elif kind == "sum":
        denom = x.sum(axis=0)
    else:
        raise ValueError(kind)
    return x / np.where(denom == 0, 1.0, denom), benefit


def prepare(x: np.ndarray, benefit: np.ndarray, method: Method) -> Prepared:
    """Precompute what does not depend on the weights. `x` must be complete (no NaN)."""
    if method.name == "index":
        z, _ = minmax_columns(x, benefit)
        return Prepared(method, z)
    if method.name == "gra":
        z, _ = minmax_columns(x, benefit)
        delta = np.abs(z.max(axis=0) - z)  # the reference sequence is the best of each column
        lo, hi = float(delta.min()), float(delta.max())
        xi = np.ones_like(delta) if hi == 0 else (lo + method.rho * hi) / (delta + method.rho * hi)
        return Prepared(method, xi)
    if method.name != "topsis":
        raise ValueError(method.name)
    r, ben = normalise(x, benefit, method.normalisation)
    best = np.where(ben, r.max(axis=0), r.min(axis=0))
    worst = np.where(ben, r.min(axis=0), r.max(axis=0))
    dp, dm = np.abs(r - best), np.abs(r - worst)
    if method.distance == "euclidean":
        dp, dm = dp * dp, dm * dm
    return Prepared(method, dp, dm)


def score(p: Prepared, w: np.ndarray) -> np.ndarray:
    """Scores for weight vectors `w` (m,) → (n,) or (k, m) → (n, k); higher is better."""
    batch = w.ndim == 2
    wt = w.T if batch else w
    if p.method.name in ("index", "gra"):
        total = wt.sum(axis=0)
        return (p.a @ wt) / np.where(total == 0, 1.0, total)
    assert p.b is not None
    if p.method.distance == "euclidean":
        w2 = wt * wt
        dplus, dminus = np.sqrt(p.a @ w2), np.sqrt(p.b @ w2)
    else:
        dplus, dminus = p.a @ wt, p.b @ wt
    denom = dplus + dminus
    return np.divide(dminus, denom, out=np.full_like(denom, 0.5), where=denom > 0)


def competition_ranks(s: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """1 + how many score strictly higher (ties share the better rank: 1, 2, 2, 4)."""
    order = np.sort(s)
    higher = s.shape[0] - np.searchsorted(order, s + tol, side="right")
    return higher + 1


def batch_ranks(s: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """Competition ranks of each column of an (n, k) score matrix, all columns at once."""
    n, k = s.shape
    order = np.argsort(-s, axis=0, kind="stable")
    desc = np.take_along_axis(s, order, axis=0)
    starts = np.ones((n, k), dtype=bool)
    starts[1:] = desc[1:] < desc[:-1] - tol
    at = np.where(starts, np.arange(1, n + 1, dtype=np.int32)[:, None], 0)
    ranks = np.empty((n, k), dtype=np.int32)
    ranks[order, np.arange(k)[None, :]] = np.maximum.accumulate(at, axis=0)
    return ranks
