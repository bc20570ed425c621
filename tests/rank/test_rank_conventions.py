"""Each convention changes results where the literature says it does; we name it and pin both sides."""

from __future__ import annotations

import numpy as np
import pytest
from test_rank_published import ELSAYED, OT, OT_BENEFIT, WANG_CHIN

from cluster_assess.rank import ahp
from cluster_assess.rank import weights as W
from cluster_assess.rank.methods import Method, competition_ranks, prepare, score


def test_topsis_normalisation_changes_the_winner():
    w = np.array([0.5, 0.5])
    vector = competition_ranks(score(prepare(OT, OT_BENEFIT, Method("topsis", "vector")), w))
    minmax = competition_ranks(score(prepare(OT, OT_BENEFIT, Method("topsis", "minmax")), w))
    assert list(vector) == [1, 2, 3] and list(minmax) == [2, 1, 2]


def test_topsis_distance_is_a_convention():
    w = np.array([0.5, 0.5])
    e = score(prepare(OT, OT_BENEFIT, Method("topsis", "vector", "euclidean")), w)
    m = score(prepare(OT, OT_BENEFIT, Method("topsis", "vector", "manhattan")), w)
    assert not np.allclose(e, m)


def test_entropy_variants_differ_by_up_to_006():
    a = W.entropy(ELSAYED, np.ones(5, bool), "sum").values
    b = W.entropy(ELSAYED, np.ones(5, bool), "minmax").values
    assert np.max(np.abs(a - b)) == pytest.approx(0.0609, abs=5e-4)


def test_random_index_tables_give_different_cr():
    crs = {t: ahp.consistency(WANG_CHIN, "eigenvector", t).cr for t in ahp.RANDOM_INDEX}
    assert crs["saaty"] == pytest.approx(0.2290, abs=1e-4)
    assert len({round(v, 4) for v in crs.values() if v is not None}) == 3


def test_ahp_priority_methods_differ_on_an_inconsistent_matrix_and_agree_on_a_consistent_one():
    ws = {m: ahp.priorities(WANG_CHIN, m)[0] for m in ahp.PRIORITY_METHODS}
    assert not np.allclose(ws["eigenvector"], ws["sum-product"], atol=1e-3)
    v = np.array([0.5, 0.3, 0.2])
    consistent = v[:, None] / v[None, :]
    for m in ahp.PRIORITY_METHODS:
        r = ahp.consistency(consistent, m, "saaty")
        assert r.weights == pytest.approx(v, abs=1e-9) and r.cr == pytest.approx(0, abs=1e-9)


def test_gra_distinguishing_coefficient_matters():
    w = np.array([0.5, 0.5])
    a = score(prepare(OT, OT_BENEFIT, Method("gra", rho=0.5)), w)
    b = score(prepare(OT, OT_BENEFIT, Method("gra", rho=0.2)), w)
    assert not np.allclose(a, b)


def test_flat_column_gets_weight_zero_and_is_named():
    x = np.array([[1, 5.0], [2, 5.0], [3, 5.0]])
    for variant in ("sum", "minmax"):
        found = W.entropy(x, np.ones(2, bool), variant)
        assert found.values[1] == 0 and found.flat == [1]
    assert W.critic(x, np.ones(2, bool)).flat == [1]


def test_aggregating_experts_keeps_the_matrix_reciprocal():
    a = ahp.aggregate([WANG_CHIN, WANG_CHIN.T])
    assert np.allclose(a * a.T, 1)
