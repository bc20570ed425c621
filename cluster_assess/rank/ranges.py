"""Rank ranges over the unknown cells: never impute in silence, show what the unknowns allow.

Each unknown cell may lie anywhere between the worst and the best value known for its criterion
(or the criterion's declared scale, when it has one), or only within the cell's own range when the
input gives one (a chain completeness range, a stage range at_least–at_most). We score two
completions — every unknown at its worst, every unknown at its best — and give each alternative
the rank it gets when it is at its best and the others at their worst, and the reverse.
Alternatives whose ranges overlap cannot yet be told apart: collecting the missing values could
put either first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Ranges:
    score_lo: np.ndarray
    score_hi: np.ndarray
    best: np.ndarray  # the best (smallest) rank each alternative can reach
    worst: np.ndarray  # the worst (largest)


def completions(x: np.ndarray, benefit: np.ndarray, lo: np.ndarray | None = None,
                hi: np.ndarray | None = None, cell_lo: np.ndarray | None = None,
                cell_hi: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(every unknown at its worst, every unknown at its best). Bounds default to the known range;
    a cell's own bounds (`cell_lo`/`cell_hi`, NaN where none) win over its criterion's."""
    known_lo = _all_nan_safe(np.nanmin, x, lo)
    known_hi = _all_nan_safe(np.nanmax, x, hi)
    low = known_lo if lo is None else np.where(np.isnan(lo), known_lo, lo)
    high = known_hi if hi is None else np.where(np.isnan(hi), known_hi, hi)
    low = np.broadcast_to(low, x.shape)
    high = np.broadcast_to(high, x.shape)
    if cell_lo is not None:
        low = np.where(np.isnan(cell_lo), low, cell_lo)
    if cell_hi is not None:
        high = np.where(np.isnan(cell_hi), high, cell_hi)
    bad = np.where(benefit, low, high)
    good = np.where(benefit, high, low)
    unknown = np.isnan(x)
    return np.where(unknown, bad, x), np.where(unknown, good, x)


def _all_nan_safe(reduce: object, x: np.ndarray, scale: np.ndarray | None) -> np.ndarray:
    """Column min/max of the known cells; a column known only by ranges falls back to its scale (or its
    cells' own bounds), never to a warning and a NaN."""
    known = ~np.isnan(x)
    out = np.full(x.shape[1], np.nan)
    cols = known.any(axis=0)
    if cols.any():
        out[cols] = reduce(x[:, cols], axis=0)  # type: ignore[operator]
    if scale is not None:
        out = np.where(np.isnan(out), scale, out)
    return out


def rank_ranges(s_worst: np.ndarray, s_best: np.ndarray, tol: float = 1e-9) -> Ranges:
    """Best rank: 1 + #others whose worst beats my best; worst rank: 1 + #others whose best beats
    my worst. With no unknowns both are the ordinary competition rank."""
    lo, hi = np.minimum(s_worst, s_best), np.maximum(s_worst, s_best)
    sorted_lo, sorted_hi = np.sort(lo), np.sort(hi)
    n = lo.shape[0]
    beat_best = n - np.searchsorted(sorted_lo, hi + tol, side="right")
    beat_worst = n - np.searchsorted(sorted_hi, lo + tol, side="right")
    self_worst = (hi > lo + tol).astype(int)  # my own best beats my own worst: not another town
    return Ranges(lo, hi, beat_best + 1, beat_worst - self_worst + 1)


def inseparable_groups(best: np.ndarray, worst: np.ndarray) -> list[list[int]]:
    """Groups (of two or more) whose rank ranges overlap, chained: not yet separable."""
    order = sorted(range(len(best)), key=lambda i: (best[i], worst[i], i))
    groups: list[list[int]] = []
    current: list[int] = []
    reach = -1
    for i in order:
        if current and best[i] <= reach:
            current.append(i)
            reach = max(reach, int(worst[i]))
        else:
            if len(current) > 1:
                groups.append(current)
            current, reach = [i], int(worst[i])
    if len(current) > 1:
        groups.append(current)
    # a tie between known alternatives is a tie, not a want of data: keep groups an unknown widens
    return [g for g in groups if any(best[i] < worst[i] for i in g)]
