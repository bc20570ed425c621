"""Region indicators against independent numpy implementations on dense matrices.

EconGeo (PABalland/EconGeo) documents `Hachman`, `Krugman.index`, `locational.Gini`,
`Herfindahl` and `location.quotient` with random example matrices (set.seed(31)) but prints
no outputs, so there is no published number to match. Instead the dense formulas below are
line-by-line transcriptions of its R sources (R/Hachman.r @40081a9c, R/Krugman.index.r
@59ae21a6, R/locational.Gini.r @8daf3e8c, R/Herfindahl.r @40081a9c, R/location.quotient.r
@2e223c35), and the sparse, vectorised Polars code must agree with them on random tables —
including tables with absent (implicit zero) cells, which the Polars code handles in closed form.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_assess.indicators import regions as rg
from cluster_assess.indicators.tables import TableSource

SRC = TableSource(Path("random.csv"), "csv")


def econgeo_lq(mat: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return _econgeo_lq(mat)


def _econgeo_lq(mat: np.ndarray) -> np.ndarray:
    share_city = mat / mat.sum(1, keepdims=True)
    share_total = mat.sum(0) / mat.sum()
    return np.nan_to_num(share_city / share_total)


def econgeo_krugman(mat: np.ndarray) -> np.ndarray:
    return np.abs(mat / mat.sum(1, keepdims=True) - mat.sum(0) / mat.sum()).sum(1)


def econgeo_hachman(mat: np.ndarray) -> np.ndarray:
    share_city = mat / mat.sum(1, keepdims=True)
    return 1 / (econgeo_lq(mat) * share_city).sum(1)


def econgeo_herfindahl(mat: np.ndarray) -> np.ndarray:
    return (mat * mat).sum(1) / mat.sum(1) ** 2


def econgeo_locational_gini(mat: np.ndarray) -> np.ndarray:
    pop_all = mat.sum(1) / mat.sum()
    out = []
    for col in range(mat.shape[1]):
        ind, pop = mat[:, col], pop_all
        if ind.sum() == 0:
            out.append(np.nan)
            continue
        o = np.argsort(ind / pop, kind="stable")
        cind = np.cumsum(ind[o]) / np.cumsum(ind[o]).max()
        cpop = np.cumsum(pop[o]) / np.cumsum(pop[o]).max()
        out.append((np.sum(cind[1:] * cpop[:-1]) - np.sum(cind[:-1] * cpop[1:])) / 2)
    return np.array(out)


def unweighted_gini(x: np.ndarray) -> float:
    """Mean absolute difference over twice the mean (all pairs)."""
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean()))


def to_long(mat: np.ndarray, drop_zeros: bool) -> pl.DataFrame:
    rows = [
        (f"r{r}", f"i{i}", float(mat[r, i]))
        for r in range(mat.shape[0]) for i in range(mat.shape[1])
        if not (drop_zeros and mat[r, i] == 0)
    ]
    return pl.DataFrame(rows, schema=["region", "industry", "value"], orient="row")


def check(mat: np.ndarray, drop_zeros: bool) -> None:
    res = rg.compute(rg.prepare_cells(to_long(mat, drop_zeros), SRC, "value"))
    regs = res.regions.sort("region", maintain_order=True)
    order_r = [int(s[1:]) for s in regs["region"]]
    m = mat[order_r]
    ok_cols = mat.sum(0) > 0
    assert np.allclose(regs["krugman"].to_numpy(), econgeo_krugman(m), rtol=1e-9, atol=1e-12)
    assert np.allclose(regs["hachman"].to_numpy(), econgeo_hachman(m), rtol=1e-9)
    assert np.allclose(regs["hhi"].to_numpy(), econgeo_herfindahl(m), rtol=1e-9)
    lq = econgeo_lq(mat)
    spec = [unweighted_gini(lq[r, ok_cols]) if ok_cols.all() else None for r in order_r]
    if ok_cols.all():
        assert np.allclose(regs["gini_specialisation"].to_numpy(), np.array(spec), rtol=1e-9)
    inds = res.industries
    for row in inds.iter_rows(named=True):
        i = int(row["industry"][1:])
        if mat[:, i].sum() == 0:
            continue
        assert row["locational_gini"] == pytest.approx(
            econgeo_locational_gini(mat)[i], rel=1e-9, abs=1e-12)
        assert row["gini_concentration"] == pytest.approx(
            unweighted_gini(lq[:, i]), rel=1e-9, abs=1e-12)
    cells = res.cells
    for row in cells.iter_rows(named=True):
        r, i = int(row["region"][1:]), int(row["industry"][1:])
        if mat[:, i].sum() == 0:  # EconGeo writes 0 for 0/0; we leave it undefined (null)
            assert row["lq"] is None
            continue
        assert row["lq"] == pytest.approx(lq[r, i], rel=1e-12, abs=1e-12)


def test_dense_table_matches_econgeo_formulas() -> None:
    rng = np.random.default_rng(31)
    check(rng.integers(0, 101, size=(5, 4)).astype(float) + 1, drop_zeros=False)


def test_sparse_table_treats_absent_cells_as_zero() -> None:
    rng = np.random.default_rng(7)
    mat = rng.integers(0, 50, size=(12, 9)).astype(float)
    mat[rng.random(mat.shape) < 0.4] = 0
    mat[:, 0] += 1  # every region has some employment
    check(mat, drop_zeros=True)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 7).flatmap(
        lambda r: st.integers(2, 6).flatmap(
            lambda c: st.lists(
                st.lists(st.integers(0, 1000), min_size=c, max_size=c), min_size=r, max_size=r
            )
        )
    ),
    st.booleans(),
)
def test_random_tables(rows: list[list[int]], drop_zeros: bool) -> None:
    mat = np.array(rows, dtype=float)
    mat[:, 0] += 1  # region totals > 0 so every EconGeo formula is defined
    check(mat, drop_zeros)
