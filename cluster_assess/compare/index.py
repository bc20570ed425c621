"""The maturity index of one town, and what explains the gap between two: all in index points.

The index is defined by the rubric (`maturity_index`), never here: unknown parts weigh zero and
lower the confidence instead of counting as 0.
"""

from __future__ import annotations

from typing import Any

from cluster_assess.assessment import NOT_APPLICABLE, UNDETERMINED, Assessment
from cluster_assess.compare.model import Component, Difference, Driver, IndexResult
from cluster_assess.rubric.model import Rubric, Text

MAX_DRIVERS = 5
MIN_DRIVER_POINTS = 0.5
NARROW = 10.0  # index points: an interval at most this wide is shown as its point


def position(rubric: Rubric, model_id: str, stage: str) -> float:
    """0 for the first rung (and for not applicable), 1 for the top."""
    if stage in (NOT_APPLICABLE, UNDETERMINED):
        return 0.0
    return rubric.stage_index(model_id, stage) / (len(rubric.model(model_id).stages) - 1)


def index_display(low: float, high: float, value: float | None) -> str:
    if value is not None and high - low <= NARROW:
        return f"{value:.1f}"
    return f"{low:.0f}–{high:.0f}"



def stage_position(assessment: Assessment, rubric: Rubric, model_id: str) -> float | None:
    """0 for the first rung, 1 for the top; not applicable counts as the first rung; None if unknown."""
    result = assessment.stages.get(model_id)
    if result is None or result.stage == UNDETERMINED:
        return None
    return position(rubric, model_id, result.stage)


def _component(rubric: Rubric, ident: str, kind: str, name: Text, weight: float, score: float | None,
               known: float, low: float, high: float) -> Component:
    """One part of the index. Most towns share most parts (a factor met, a stage known), and parts
    are frozen: equal parts are one object, kept on the rubric's memo (bounded)."""
    memo = rubric.memo.get("index.components")
    if memo is None or len(memo) > 50_000:
        memo = rubric.memo["index.components"] = {}
    key = (ident, kind, weight, type(score), score, type(known), known, type(low), low, type(high), high)
    found = memo.get(key)
    if found is None:
        found = memo[key] = Component(id=ident, kind=kind, name=name, weight=weight, score=score, known=known,
                                      low=low, high=high)
    return found


def maturity(assessment: Assessment, rubric: Rubric) -> IndexResult | None:
    """The rubric's maturity index for one assessment (None when the rubric defines none)."""
    spec = rubric.maturity_index
    if spec is None:
        return None
    parts: list[Component] = []
    for model_id, weight in spec.models.items():
        result = assessment.stages.get(model_id)
        score = stage_position(assessment, rubric, model_id)
        known = 0.0 if score is None or result is None else (
            1.0 if result.stage == NOT_APPLICABLE else result.confidence)
        low = position(rubric, model_id, result.at_least) if result is not None else 0.0
        high = position(rubric, model_id, result.at_most) if result is not None else 1.0
        parts.append(_component(rubric, model_id, "model", rubric.model(model_id).name, weight, score, known,
                                low, high))
    for factor_id, weight in spec.factors.items():
        factor = assessment.factors.get(factor_id)
        score = factor.score if factor is not None else None
        parts.append(_component(rubric, factor_id, "factor", rubric.factor(factor_id).name, weight, score,
                                0.0 if score is None else 1.0, 0.0 if score is None else score,
                                1.0 if score is None else score))
    total = sum(p.weight for p in parts)
    known_weight = sum(p.weight for p in parts if p.score is not None)
    value = (100 * sum(p.weight * p.score for p in parts if p.score is not None) / known_weight
             if known_weight else None)
    confidence = sum(p.weight * p.known for p in parts) / total if total else 0.0
    low = 100 * sum(p.weight * p.low for p in parts) / total if total else 0.0
    high = 100 * sum(p.weight * p.high for p in parts) / total if total else 100.0
    point = None if value is None else round(value, 1)
    return IndexResult(value=point, confidence=round(confidence, 3), components=parts,
                       low=round(low, 1), high=round(high, 1), display=index_display(low, high, point))




def difference(higher: str, lower: str, indexes: dict[str, IndexResult]) -> Difference:
    a, b = indexes[higher], indexes[lower]
    parts_b = {(p.kind, p.id): p for p in b.components}
    common = [(p, parts_b[(p.kind, p.id)]) for p in a.components
              if (p.kind, p.id) in parts_b and p.score is not None and parts_b[(p.kind, p.id)].score is not None]
    weight = sum(p.weight for p, _ in common)
    drivers = []
    for pa, pb in common:
        points = 100 * pa.weight * (pa.score - pb.score) / weight if weight else 0.0  # type: ignore[operator]
        if abs(points) >= MIN_DRIVER_POINTS:
            drivers.append(Driver(id=pa.id, kind=pa.kind, name=pa.name, higher=pa.score, lower=pb.score,
                                  points=round(points, 1)))
    drivers.sort(key=lambda d: (-abs(d.points), d.id))
    one_sided = [p.name for p in a.components
                 if (p.score is None) != (parts_b.get((p.kind, p.id)) is None
                                          or parts_b[(p.kind, p.id)].score is None)]
    gap = (a.value or 0.0) - (b.value or 0.0) if a.value is not None and b.value is not None else 0.0
    return Difference(higher=higher, lower=lower, gap=round(gap, 1), drivers=drivers[:MAX_DRIVERS],
                      unknown_in_one=one_sided)


def rank_ranges(lows: list[float], highs: list[float]) -> list[tuple[int, int]]:
    """(best, worst): the ranks each town could take given the index intervals [low, high], for
    towns in any order. A town can rank no better than after those whose interval lies wholly
    above its own, and no worse than before those wholly below; the `worst − best` others overlap
    it. Sorted bounds and bisection: O(n log n), and two numbers a town however many overlap."""
    from bisect import bisect_left, bisect_right

    n = len(lows)
    sorted_lows, sorted_highs = sorted(lows), sorted(highs)
    return [(1 + n - bisect_right(sorted_lows, high), n - bisect_left(sorted_highs, low))
            for low, high in zip(lows, highs)]


def overlap_runs(ranking: list[Any]) -> list[list[str]]:
    """The ranking cut into runs: a town joins the run before it when its index interval overlaps
    the interval of any town in that run. Those intervals chain, so their union is one interval,
    and overlapping any member is overlapping the union: one comparison a town."""
    runs: list[list[str]] = []
    low = high = 0.0
    for ranked in ranking:
        if runs and ranked.low <= high and low <= ranked.high:
            runs[-1].append(ranked.key)
            low, high = min(low, ranked.low), max(high, ranked.high)
        else:
            runs.append([ranked.key])
            low, high = ranked.low, ranked.high
    return runs


def inseparable_groups(c: Any) -> list[list[str]]:
    """Runs of neighbours in the ranking whose index intervals overlap: not yet told apart."""
    return [run for run in overlap_runs(c.ranking) if len(run) > 1]
