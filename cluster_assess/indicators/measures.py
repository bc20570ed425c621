"""Scalar indicator formulas on plain sequences: the reference definitions.

These are deliberately small and dependency-free so each can be read against its citation in
docs/indicators.md and tested against published worked examples. The table code in regions.py
and firms.py computes the same quantities vectorised and is tested against these.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass


def _total(values: Sequence[float]) -> float:
    t = float(sum(values))
    if t <= 0:
        raise ValueError("the values must have a positive total")
    return t


def location_quotient(e_ij: float, e_j: float, e_i: float, e: float) -> float:
    """LQ = (e_ij / e_j) / (e_i / e): industry i's share in region j over its share overall."""
    return (e_ij / e_j) / (e_i / e)


def gini(values: Sequence[float], normalised: bool = False) -> float:
    """Unweighted Gini: mean absolute difference over twice the mean (0 = equal).

    `normalised` multiplies by n/(n-1) so one-holder-takes-all gives 1 for any n.
    """
    xs = sorted(float(v) for v in values)
    n = len(xs)
    total = _total(xs)
    g = sum((2 * (k + 1) - n - 1) * x for k, x in enumerate(xs)) / (n * total)
    return g * n / (n - 1) if normalised and n > 1 else g


def herfindahl(values: Sequence[float]) -> float:
    """HHI on shares (0..1]: sum of squared shares."""
    t = _total(values)
    return sum((v / t) ** 2 for v in values)


def herfindahl_normalised(values: Sequence[float]) -> float:
    """(H - 1/n) / (1 - 1/n): 0 for equal sizes, 1 for monopoly, comparable across n."""
    n = len(values)
    h = herfindahl(values)
    return (h - 1 / n) / (1 - 1 / n) if n > 1 else 1.0


def concentration_ratio(values: Sequence[float], k: int) -> float:
    """CRk: combined share of the k largest holders."""
    t = _total(values)
    return sum(sorted(values, reverse=True)[:k]) / t


def krugman_index(region: Sequence[float], reference: Sequence[float]) -> float:
    """K = Σ_i |s_ir - s_i|: distance between two industry structures (0..2)."""
    tr, tn = _total(region), _total(reference)
    return sum(abs(a / tr - b / tn) for a, b in zip(region, reference, strict=True))


def hachman_index(region: Sequence[float], reference: Sequence[float]) -> float:
    """HI = 1 / Σ_i s_ir · LQ_ir: 1 = same structure as the reference, → 0 = dissimilar."""
    tr, tn = _total(region), _total(reference)
    s = [a / tr for a in region]
    lq = [(a / tr) / (b / tn) if b > 0 else 0.0 for a, b in zip(region, reference, strict=True)]
    return 1 / sum(x * q for x, q in zip(s, lq, strict=True))


def gini_of_lq(e_ij: Sequence[float], e_j: Sequence[float]) -> float:
    """Farhauer/Kroell Gini of concentration (or specialisation): unweighted Gini of the LQs.

    For concentration pass an industry's employment by region and the regions' totals; for
    specialisation pass a region's employment by industry and the industries' reference totals.
    """
    ti, t = _total(e_ij), _total(e_j)
    return gini([(a / b) / (ti / t) if b > 0 else 0.0 for a, b in zip(e_ij, e_j, strict=True)])


def locational_gini(industry: Sequence[float], totals: Sequence[float]) -> float:
    """Krugman's locational Gini: area between the diagonal and the industry's Lorenz curve
    against total employment, regions ordered by LQ (0 = spread like all jobs, max 0.5)."""
    ti, t = _total(industry), _total(totals)
    pts = sorted(
        ((a / ti, b / t) for a, b in zip(industry, totals, strict=True)),
        key=lambda cp: (cp[0] / cp[1]) if cp[1] > 0 else float("inf"),
    )
    area, c_prev, p_prev = 0.0, 0.0, 0.0
    for c, p in pts:
        area += p * (c_prev + c_prev + c) / 2
        c_prev += c
        p_prev += p
    return 0.5 - area


@dataclass(frozen=True)
class EllisonGlaeser:
    """γ with its parts: G (raw geographic concentration) and H (plant Herfindahl)."""

    gamma: float | None  # undefined for a single firm (H = 1) or a single region (Σx² = 1)
    g: float
    h: float


def ellison_glaeser(
    firm_employment: Sequence[float],
    firm_region: Sequence[Hashable],
    region_employment: Mapping[Hashable, float],
) -> EllisonGlaeser:
    """Ellison & Glaeser (1997) γ = (G - (1 - Σx²)H) / ((1 - Σx²)(1 - H)).

    s_j: the industry's share of employment in region j; x_j: region j's share of all
    employment; G = Σ_j (s_j - x_j)²; H = Σ_k z_k² over the industry's firms.
    """
    ti = _total(firm_employment)
    tx = _total(list(region_employment.values()))
    s: dict[Hashable, float] = {}
    for e, r in zip(firm_employment, firm_region, strict=True):
        s[r] = s.get(r, 0.0) + e / ti
    x = {r: v / tx for r, v in region_employment.items()}
    regions = set(s) | set(x)
    g = sum((s.get(r, 0.0) - x.get(r, 0.0)) ** 2 for r in regions)
    h = sum((e / ti) ** 2 for e in firm_employment)
    sx2 = sum(v * v for v in x.values())
    denom = (1 - sx2) * (1 - h)
    gamma = (g - (1 - sx2) * h) / denom if denom > 1e-15 else None
    return EllisonGlaeser(gamma=gamma, g=g, h=h)
