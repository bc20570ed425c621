"""Unknown cells are never imputed: every completion's rank lies inside the reported range."""

from __future__ import annotations

import numpy as np
import pytest

from cluster_assess.rank.methods import Method, competition_ranks, prepare, score
from cluster_assess.rank.run import Spec, run
from cluster_assess.rank.table import Table


def _table(seed: int) -> Table:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10, size=(7, 4))
    x[rng.random(x.shape) < 0.2] = np.nan
    x[:, 0][np.isnan(x[:, 0])] = 5.0  # keep one column complete so bounds exist
    return Table([f"t{i}" for i in range(7)], ["a", "b", "c", "d"], x, np.array([True, False, True, True]))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("name", ["index", "gra", "topsis"])
def test_every_completion_lands_inside_the_rank_range(seed, name):
    table = _table(seed)
    method = Method(name, "minmax")
    result = run(table, Spec(method=method, weights="equal", stability=False))
    lo, hi = np.nanmin(table.x, axis=0), np.nanmax(table.x, axis=0)
    rng = np.random.default_rng(100 + seed)
    w = np.full(4, 0.25)
    for _ in range(50):
        filled = np.where(np.isnan(table.x), rng.uniform(lo, hi, size=table.x.shape), table.x)
        ranks = competition_ranks(score(prepare(filled, table.benefit, method), w))
        assert (ranks >= result.ranges.best).all() and (ranks <= result.ranges.worst).all()


def test_complete_only_says_how_many_were_left_out():
    table = _table(1)
    result = run(table, Spec(weights="equal", complete_only=True, draws=50))
    complete = int((~np.isnan(table.x).any(axis=1)).sum())
    assert len(result.table.names) == complete
    assert len(result.left_out) == 7 - complete
    assert result.monte_carlo is not None and result.flips is not None


def test_stability_shares_sum_to_one_and_are_reproducible():
    rng = np.random.default_rng(3)
    table = Table([f"t{i}" for i in range(6)], ["a", "b", "c"], rng.random((6, 3)), np.ones(3, bool))
    a = run(table, Spec(weights="equal", draws=300, seed=7))
    b = run(table, Spec(weights="equal", draws=300, seed=7))
    assert a.monte_carlo is not None and a.monte_carlo.shares is not None
    assert np.allclose(a.monte_carlo.shares.sum(axis=1), 1)
    assert np.array_equal(a.monte_carlo.hold, b.monte_carlo.hold)  # type: ignore[union-attr]
