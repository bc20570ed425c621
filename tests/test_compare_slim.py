"""A comparison holds each town as a compact assessment: what it writes must not change."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from conftest import EXAMPLES

from cluster_assess.compare.comparison import _overlaps, column_keys, compare
from cluster_assess.compare.model import IndexResult
from cluster_assess.compare.slim import slim
from cluster_assess.engine.assess import assess
from cluster_assess.io.inputs import load_all
from cluster_assess.render import renderer
from cluster_assess.report.comparison import build_comparison_report
from cluster_assess.rubric.loading import load_rubric


@pytest.fixture(scope="module")
def towns():
    pack = load_rubric(None)
    whole = [assess(p.profile, pack) for p in load_all([EXAMPLES])]
    return pack, whole, [slim(a, pack) for a in whole]


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_comparison_of_slim_assessments_writes_the_same(towns, fmt, lang):
    pack, whole, slim_ones = towns
    outputs = []
    for assessments in (whole, slim_ones):
        stream = io.StringIO()
        renderer("comparison", fmt)(compare(assessments, pack), stream, lang, plain=True)
        outputs.append(stream.getvalue())
    assert outputs[0] == outputs[1]


def test_a_comparison_report_of_slim_assessments_is_the_same(towns):
    pack, whole, slim_ones = towns
    day = dt.date(2026, 1, 1)
    docs = [renderer("report", "md")(build_comparison_report(compare(a, pack), dict(zip(column_keys(a), a)), "en", day))
            for a in (whole, slim_ones)]
    assert docs[0] == docs[1]


def test_slim_parts_are_shared_between_towns(towns):
    pack, _, slim_ones = towns
    again = slim(assess(load_all([EXAMPLES / "shishi.yaml"])[0].profile, pack), pack)
    first = next(a for a in slim_ones if a.profile.name == again.profile.name)
    assert all(again.factors[k] is first.factors[k] for k in first.factors)
    assert all(not s.evidence and not s.gaps for s in again.stages.values())  # the ladders stay, for the grids


def test_overlaps_of_many_towns_match_the_pairwise_definition():
    rng = random.Random(3)
    keys = [f"town {n}" for n in range(300)]
    indexes = {}
    for k in keys:
        low = rng.uniform(0, 90)
        indexes[k] = IndexResult(value=low, confidence=1.0, low=low, high=low + rng.uniform(0, 10), components=[])
    expected = [[k for k in keys if k != key and indexes[k].low <= indexes[key].high
                 and indexes[key].low <= indexes[k].high] for key in keys]
    assert _overlaps(keys, indexes) == expected
    assert _overlaps(keys[:50], indexes) == [[k for k in row if k in keys[:50]] for row in expected[:50]]


def test_assessing_leaves_no_reference_cycles(towns):
    """Batches run with the collector mostly idle (cli.batch.batch_gc): assessing must free its
    working state by reference counting alone."""
    import gc

    pack = towns[0]
    loaded = load_all([EXAMPLES])
    gc.collect()
    gc.disable()
    try:
        for item in loaded:
            assess(item.profile, pack)
        assert gc.collect() == 0
    finally:
        gc.enable()
