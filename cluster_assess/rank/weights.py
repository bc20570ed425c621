"""Objective weights (entropy, CRITIC), equal weights and their combination with AHP (组合赋权).

Unknown cells are NaN. They are left out, never filled: each column's entropy uses its known
cells (with ln of their count), CRITIC's spread uses known cells and its correlations the rows
known on both criteria. A column that cannot separate the alternatives (constant, or all zero in
the sum-normalised variant) gets weight 0 and is reported, instead of the 0·ln 0 or 0/0 that some
libraries turn silently into a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

ENTROPY_VARIANTS = ("sum", "minmax")


@dataclass
class Weights:
    """Weights summing to 1, with the criteria that were given weight 0 because they are flat."""

    values: np.ndarray
    flat: list[int] = field(default_factory=list)


def equal(m: int) -> Weights:
    return Weights(np.full(m, 1.0 / m))


def minmax_columns(x: np.ndarray, benefit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column rescaled to 0–1, 1 the best (cost columns reversed); and which columns are flat."""
    lo = np.nanmin(x, axis=0)
    hi = np.nanmax(x, axis=0)
    span = hi - lo
    flat = ~(span > 0)
    safe = np.where(flat, 1.0, span)
    z = np.where(benefit, (x - lo) / safe, (hi - x) / safe)
    return np.where(flat & ~np.isnan(x), 0.0, z), flat


def entropy(x: np.ndarray, benefit: np.ndarray, variant: str) -> Weights:
    """Entropy weights. `sum`: p = x / Σx on the raw values (Hwang & Yoon; direction plays no part).
    `minmax`: min-max first, with cost columns reversed, then p = z / Σz (the usual 熵权法).
    e_j = −Σ p ln p / ln(n_j) with 0·ln 0 = 0; w ∝ 1 − e_j."""
    if variant == "sum":
        z = x.astype(float)
        flat = ~(np.nansum(z, axis=0) > 0) | ~(np.nanmax(z, axis=0) > np.nanmin(z, axis=0))
    elif variant == "minmax":
        z, flat = minmax_columns(x, benefit)
    else:
        raise ValueError(variant)
    known = (~np.isnan(z)).sum(axis=0)
    flat = flat | (known < 2)
    total = np.where(flat, 1.0, np.nansum(z, axis=0))
    p = np.nan_to_num(z / total, nan=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / np.log(np.maximum(known, 2))
    d = np.where(flat, 0.0, 1.0 - e)
    return _normalised(d, flat)


def critic(x: np.ndarray, benefit: np.ndarray) -> Weights:
    """CRITIC (Diakoulaki et al. 1995): min-max with cost columns reversed, C_j = σ_j Σ_k (1 − r_jk),
    w ∝ C. Whether σ divides by n or n − 1 cancels out in the normalisation, so it is not a convention."""
    z, flat = minmax_columns(x, benefit)
    m = z.shape[1]
    sigma = np.array([np.nanstd(z[:, j]) if (~np.isnan(z[:, j])).sum() > 1 else 0.0
                      for j in range(m)])
    r = np.eye(m)
    for j in range(m):
        for k in range(j + 1, m):
            both = ~np.isnan(z[:, j]) & ~np.isnan(z[:, k])
            a, b = z[both, j], z[both, k]
            value = 0.0
            if both.sum() >= 2 and a.std() > 0 and b.std() > 0:
                value = float(np.corrcoef(a, b)[0, 1])
            r[j, k] = r[k, j] = value
    c = sigma * (1.0 - r).sum(axis=1)
    flat = flat | ~(c > 0)
    return _normalised(np.where(flat, 0.0, c), flat)


def combine(subjective: np.ndarray, objective: np.ndarray, alpha: float) -> np.ndarray:
    """组合赋权, the linear form: w = α·w_subjective + (1 − α)·w_objective (α = 0.5 unless given)."""
    w = alpha * subjective + (1.0 - alpha) * objective
    return w / w.sum()


def _normalised(d: np.ndarray, flat: np.ndarray) -> Weights:
    total = d.sum()
    if not total > 0:
        return Weights(np.full(d.shape[0], np.nan), [int(j) for j in np.flatnonzero(flat)])
    return Weights(d / total, [int(j) for j in np.flatnonzero(flat)])
