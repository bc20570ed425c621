"""A comparison holds each town as a compact assessment: what it writes must not change."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from conftest import EXAMPLES

from cluster_assess.compare.comparison import column_keys, compare
from cluster_assess.compare.index import rank_ranges
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


def _intervals(n: int, seed: int) -> list[tuple[str, float, float]]:
    """Towns with index intervals rounded as the index is (0.1), so that bounds often touch."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        low = round(rng.uniform(0, 90), 1)
        out.append((f"town {k}", low, round(low + rng.choice([0.0, rng.uniform(0, 10), rng.uniform(0, 40)]), 1)))
    return out


def _overlapping(towns, key, low, high):
    """The pairwise definition the rank range and the groups replace: closed intervals that meet."""
    return [k for k, lo, hi in towns if k != key and lo <= high and low <= hi]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rank_range_counts_what_the_pairwise_overlaps_counted(seed):
    towns = _intervals(300, seed)
    ranges = rank_ranges([lo for _, lo, _ in towns], [hi for _, _, hi in towns])
    for (key, low, high), (best, worst) in zip(towns, ranges):
        above = sum(1 for _, lo, _ in towns if lo > high)
        assert best == 1 + above
        assert worst - best == len(_overlapping(towns, key, low, high))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_groups_and_bands_chain_the_pairwise_overlaps(seed):
    """The groups shown to users are the ones the list of overlapping names gave: a town joins the
    group before it when it overlaps any member."""
    from types import SimpleNamespace

    from cluster_assess.compare.index import inseparable_groups, overlap_runs

    towns = sorted(_intervals(200, seed), key=lambda t: -(t[1] + t[2]))
    ranking = [SimpleNamespace(key=k, low=lo, high=hi) for k, lo, hi in towns]
    expected: list[list[str]] = []
    for key, low, high in towns:
        if expected and set(expected[-1]) & set(_overlapping(towns, key, low, high)):
            expected[-1].append(key)
        else:
            expected.append([key])
    assert overlap_runs(ranking) == expected
    assert inseparable_groups(SimpleNamespace(ranking=ranking)) == [g for g in expected if len(g) > 1]


def test_every_ranked_town_ranks_within_its_range(towns):
    pack, whole, _ = towns
    result = compare(whole, pack)
    assert result.ranking
    assert all(r.best <= r.rank <= r.worst for r in result.ranking)


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


def test_a_town_assessed_for_a_comparison_builds_only_the_facts_it_keeps(tmp_path):
    """compare and report build a town's list of known facts only for the indicator rows they
    show: the compact town is the same as from a whole assessment."""
    import sys
    from pathlib import Path

    from cluster_assess.compare.slim import kept_facts, slim
    from cluster_assess.engine.assess import assess
    from cluster_assess.profile.loading import load_profile
    from cluster_assess.rubric.loading import load_rubric

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from profiles import generate

    pack = load_rubric("cluster-core")
    folder = generate(tmp_path / "towns", 40, seed=3)
    paths = [*sorted(folder.rglob("*.yaml")), *sorted(EXAMPLES.glob("*.yaml"))]
    for path in paths:
        profile = load_profile(path).profile
        lean = assess(profile, pack, facts_shown=kept_facts(pack))
        whole = assess(profile, pack)
        assert slim(lean, pack) == slim(whole, pack), path
        assert {f.path for f in lean.facts} <= kept_facts(pack)
        assert len(lean.facts) < len(whole.facts), path  # the rest was never built
