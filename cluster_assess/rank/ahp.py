"""AHP (层次分析法): weights from Saaty pairwise-comparison matrices, with every convention named.

Three priority methods are in use and give different weights for the same inconsistent matrix:
the principal eigenvector (Saaty), the row geometric mean (Crawford & Williams), and 和积法 (the
"sum-product" of Chinese textbooks: normalise each column, average the rows). The consistency
ratio CR = CI / RI depends on which random-index table is used; we name it and refuse CR ≥ 0.1
unless the caller allows it. Several experts are aggregated by the geometric mean of their
judgements (AIJ), which keeps the matrix reciprocal; each expert's CR is kept for display.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PRIORITY_METHODS = ("eigenvector", "geometric", "sum-product")

# Random indices by matrix order n (index 0 is n = 1). Each table is named by where it comes from.
RANDOM_INDEX: dict[str, tuple[float, ...]] = {
    # Saaty (1980), The Analytic Hierarchy Process, 500 random matrices, n = 1..10
    "saaty": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49),
    # Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), n = 1..15
    "alonso-lamata": (0.0, 0.0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                      1.5141, 1.5365, 1.5551, 1.5713, 1.5838),
    # 龚木森、许树柏 (1986), the table of most Chinese textbooks, 1000 random matrices, n = 1..15
    "gong-xu": (0.0, 0.0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
}
CR_LIMIT = 0.1
SAATY_SCALE = tuple(float(v) for v in range(1, 10)) + tuple(1.0 / v for v in range(2, 10))


@dataclass(frozen=True)
class AhpResult:
    """Weights from one (possibly aggregated) matrix, with its consistency figures."""

    weights: np.ndarray
    lambda_max: float
    ci: float
    ri: float | None  # None: the table has no entry for this order
    cr: float | None  # None for n <= 2 (always consistent) or when ri is unknown


def check_matrix(a: np.ndarray) -> list[tuple[int, int, str]]:
    """Problems with a pairwise matrix as (row, column, kind), 0-based; empty when it is valid.

    kinds: not_square, not_positive, diagonal, not_reciprocal, off_scale. Checked here, not
    trusted: a matrix typed by hand is often one cell off, and the weights would silently drift.
    """
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        return [(0, 0, "not_square")]
    problems: list[tuple[int, int, str]] = []
    n = a.shape[0]
    scale = np.array(SAATY_SCALE)
    for i in range(n):
        for j in range(n):
            v = a[i, j]
            if not np.isfinite(v) or v <= 0:
                problems.append((i, j, "not_positive"))
            elif i == j and abs(v - 1) > 1e-9:
                problems.append((i, j, "diagonal"))
            elif i < j and np.isfinite(a[j, i]) and a[j, i] > 0 and abs(v * a[j, i] - 1) > 0.02:
                problems.append((j, i, "not_reciprocal"))
            elif i != j and np.min(np.abs(scale - v) / scale) > 0.02:
                problems.append((i, j, "off_scale"))
    return problems


def random_index(n: int, table: str) -> float | None:
    values = RANDOM_INDEX[table]
    return values[n - 1] if n <= len(values) else None


def priorities(a: np.ndarray, method: str) -> tuple[np.ndarray, float]:
    """(weights summing to 1, λmax). λmax is the eigenvalue for the eigenvector method, else the
    textbook estimate mean((A·w)_i / w_i), which is what papers using that method report."""
    n = a.shape[0]
    if method == "eigenvector":
        values, vectors = np.linalg.eig(a)
        k = int(np.argmax(values.real))
        w = np.abs(vectors[:, k].real)
        w = w / w.sum()
        return w, float(values[k].real)
    if method == "geometric":
        g = np.exp(np.log(a).mean(axis=1))
        w = g / g.sum()
    elif method == "sum-product":
        w = (a / a.sum(axis=0)).mean(axis=1)
    else:
        raise ValueError(method)
    lam = float(np.mean((a @ w) / w)) if n > 0 else 0.0
    return w, lam


def consistency(a: np.ndarray, method: str, table: str) -> AhpResult:
    """Weights, λmax, CI = (λmax − n)/(n − 1) and CR = CI/RI for one matrix."""
    n = a.shape[0]
    w, lam = priorities(a, method)
    if n <= 2:
        return AhpResult(w, float(n), 0.0, 0.0, None)
    ci = max(0.0, (lam - n) / (n - 1))
    ri = random_index(n, table)
    cr = ci / ri if ri else None
    return AhpResult(w, lam, ci, ri, cr)


def aggregate(matrices: list[np.ndarray]) -> np.ndarray:
    """Geometric mean of the experts' judgements, element by element (Aczél & Saaty's AIJ)."""
    return np.exp(np.mean(np.log(np.stack(matrices)), axis=0))


def fill_reciprocals(a: np.ndarray) -> np.ndarray:
    """Fill missing (NaN) cells from their mirror, so that only one triangle need be written."""
    out = a.copy()
    n = out.shape[0]
    for i in range(n):
        if np.isnan(out[i, i]):
            out[i, i] = 1.0
        for j in range(n):
            if np.isnan(out[i, j]) and np.isfinite(out[j, i]) and out[j, i] > 0:
                out[i, j] = 1.0 / out[j, i]
    return out
