"""Profiles as input: the rubric says the criteria (factor scores, metrics that declare `better`,
the chain metric), unknown stays unknown, and a value known only as a range stays within it."""

from __future__ import annotations

import numpy as np
from conftest import EXAMPLES

from cluster_assess.compare.comparison import column_keys
from cluster_assess.engine.assess import assess
from cluster_assess.io.inputs import load_all
from cluster_assess.rank.profiles import table_from_assessments
from cluster_assess.rank.ranges import completions
from cluster_assess.rank.run import Spec, run
from cluster_assess.rank.table import Table
from cluster_assess.rubric.loading import load_rubric


def _examples():
    pack = load_rubric(None)
    assessments = [assess(p.profile, pack) for p in load_all([EXAMPLES])]
    return pack, assessments, table_from_assessments(assessments, column_keys(assessments), pack)


def test_criteria_are_factors_and_metrics_that_say_which_way_is_better():
    pack, _, table = _examples()
    declared = {f"metrics.{m.id}" for m in pack.metrics if m.better != "none"}
    declared.add(f"metrics.{pack.chain_metric.id}")
    undeclared = {f"metrics.{m.id}" for m in pack.metrics if m.better == "none"}
    metrics = {c for c in table.criteria if c.startswith("metrics.")}
    assert metrics <= declared and not metrics & undeclared
    assert f"metrics.{pack.chain_metric.id}" in metrics  # the examples name chain segments
    for j, c in enumerate(table.criteria):
        if c.startswith("metrics."):
            metric = pack.metrics_by_path[c]
            assert bool(table.benefit[j]) == (metric.better == "higher")


def test_unknown_factor_score_is_an_unknown_cell():
    _, assessments, table = _examples()
    for i, a in enumerate(assessments):
        for j, c in enumerate(table.criteria):
            if c.startswith("factor."):
                score = a.factors[c.removeprefix("factor.")].score
                assert np.isnan(table.x[i, j]) == (score is None)


def test_chain_completeness_range_bounds_its_cell():
    pack, assessments, table = _examples()
    j = table.criteria.index(f"metrics.{pack.chain_metric.id}")
    seen_range = False
    for i, a in enumerate(assessments):
        if a.chain is None:
            assert np.isnan(table.x[i, j]) and np.isnan(table.cell_lo[i, j])
        elif a.chain.completeness == a.chain.completeness_max:
            assert table.x[i, j] == a.chain.completeness
        else:
            seen_range = True
            assert np.isnan(table.x[i, j])  # never imputed
            assert (table.cell_lo[i, j], table.cell_hi[i, j]) == (a.chain.completeness, a.chain.completeness_max)
    assert seen_range


def test_a_cell_range_wins_over_the_criterion_scale():
    x = np.array([[0.5, 1.0], [np.nan, 2.0], [np.nan, 3.0]])
    cell_lo = np.full(x.shape, np.nan)
    cell_hi = np.full(x.shape, np.nan)
    cell_lo[1, 0], cell_hi[1, 0] = 0.25, 0.75  # e.g. a chain 25–75 % complete
    benefit = np.array([True, False])
    worst, best = completions(x, benefit, np.array([0.0, np.nan]), np.array([1.0, np.nan]), cell_lo, cell_hi)
    assert worst[1, 0] == 0.25 and best[1, 0] == 0.75  # its own range
    assert worst[2, 0] == 0.0 and best[2, 0] == 1.0  # the scale
    assert (worst[:, 1] == x[:, 1]).all()


def test_bounded_cells_narrow_the_rank_range():
    x = np.array([[0.9, 0.5], [0.1, 0.5], [np.nan, 0.5]])
    benefit = np.array([True, True])
    loose = Table(["a", "b", "c"], ["q", "r"], x, benefit, lo=np.array([0.0, 0.0]), hi=np.array([1.0, 1.0]))
    tight = Table(["a", "b", "c"], ["q", "r"], x, benefit, lo=np.array([0.0, 0.0]), hi=np.array([1.0, 1.0]),
                  cell_lo=np.array([[np.nan] * 2, [np.nan] * 2, [0.4, np.nan]]),
                  cell_hi=np.array([[np.nan] * 2, [np.nan] * 2, [0.6, np.nan]]))
    spec = Spec(weights="equal", stability=False)
    r_loose, r_tight = run(loose, spec), run(tight, spec)
    assert (r_loose.ranges.best[2], r_loose.ranges.worst[2]) == (1, 3)
    assert (r_tight.ranges.best[2], r_tight.ranges.worst[2]) == (2, 2)
    assert run(tight, Spec(weights="equal", stability=False, complete_only=True)).table.cell_lo.shape == (2, 2)
