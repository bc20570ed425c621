"""Trajectories: the same cluster seen in several years, step by step (stages, indicators, problems)."""

from __future__ import annotations

import math
from collections import defaultdict

from cluster_assess.assessment import Assessment
from cluster_assess.compare.index import position
from cluster_assess.compare.model import Column, Delta, IndexResult, StageChange, Step, Trajectory
from cluster_assess.compare.rows import indicator, indicator_meta, indicators, unit_of
from cluster_assess.rubric.model import Rubric, Text


def trajectories(columns: list[Column], by_key: dict[str, Assessment], indexes: dict[str, IndexResult],
                  rubric: Rubric) -> list[Trajectory]:
    groups: dict[str, list[Column]] = defaultdict(list)
    for column in columns:
        if column.name and column.year is not None:
            groups[column.name.strip()].append(column)
    out = []
    for name, members in groups.items():
        members.sort(key=lambda c: c.year or 0)
        series: list[Column] = []
        notes: list[Text] = []
        for column in members:
            if series and series[-1].year == column.year:
                notes.append(Text(zh=f"{column.year}年有多份资料，只用第一份（{series[-1].key}）",
                                  en=f"several profiles for {column.year}; only the first ({series[-1].key}) is used"))
                continue
            series.append(column)
        if len(series) < 2:
            continue
        steps = [_step(p, q, by_key, indexes, rubric) for p, q in zip(series, series[1:])]
        out.append(Trajectory(
            name=name, years=[c.year for c in series if c.year is not None], keys=[c.key for c in series],
            index=[indexes[c.key].value if c.key in indexes else None for c in series], steps=steps, notes=notes,
        ))
    return out


def _step(before: Column, after: Column, by_key: dict[str, Assessment], indexes: dict[str, IndexResult],
          rubric: Rubric) -> Step:
    """What changed from one year to the next: stages, indicators, problems and the index."""
    a, b = by_key[before.key], by_key[after.key]
    had = {p.id: p.title for p in a.problems}
    has = {p.id: p.title for p in b.problems}
    unchecked = {p.id for p in b.unchecked}
    ia, ib = indexes.get(before.key), indexes.get(after.key)
    index_change = (round(ib.value - ia.value, 1) if ia and ib and ia.value is not None and ib.value is not None
                    else None)
    years = (after.year or 0) - (before.year or 0)
    return Step(
        from_year=before.year or 0, to_year=after.year or 0, from_key=before.key, to_key=after.key,
        index_change=index_change, stages=_stage_changes(a, b, rubric),
        deltas=[d for path in indicators(rubric) if (d := _delta(a, b, path, years, rubric)) is not None],
        resolved=[t for i, t in had.items() if i not in has and i not in unchecked],
        new=[t for i, t in has.items() if i not in had],
        unverifiable=[t for i, t in had.items() if i in unchecked],
    )


def _stage_changes(a: Assessment, b: Assessment, rubric: Rubric) -> list[StageChange]:
    changes = []
    for model in rubric.stage_models:
        ra, rb = a.stages.get(model.id), b.stages.get(model.id)
        if ra is None or rb is None:
            continue
        lows = position(rubric, model.id, ra.at_least), position(rubric, model.id, rb.at_least)
        highs = position(rubric, model.id, ra.at_most), position(rubric, model.id, rb.at_most)
        if lows[0] == lows[1] and highs[0] == highs[1]:
            direction = "same"
        elif lows[1] >= lows[0] and highs[1] >= highs[0]:
            direction = "up"
        elif lows[1] <= lows[0] and highs[1] <= highs[0]:
            direction = "down"
        else:
            direction = "unclear"
        changes.append(StageChange(model=model.id, name=model.name, from_stage=ra.stage, to_stage=rb.stage,
                                   from_name=ra.summary, to_name=rb.summary, direction=direction))
    return changes


def _delta(a: Assessment, b: Assessment, path: str, years: int, rubric: Rubric) -> Delta | None:
    """An indicator's change with its growth and compound yearly growth; None when either end is
    unknown or the two are in different units (currencies are never subtracted)."""
    ca, cb = indicator(a, path, rubric), indicator(b, path, rubric)
    if ca.score is None or cb.score is None or unit_of(path, [a], rubric) != unit_of(path, [b], rubric):
        return None
    growth = cb.score / ca.score - 1 if ca.score else None
    annual = None
    if ca.score > 0 and cb.score >= 0 and years > 0:
        annual = (cb.score / ca.score) ** (1 / years) - 1
    return Delta(indicator=path, name=indicator_meta(path, rubric)[0], unit=unit_of(path, [a, b], rubric),
                 before=ca.score, after=cb.score, before_display=ca.display, after_display=cb.display,
                 change=cb.score - ca.score, growth=None if growth is None else _round(growth),
                 annual_growth=None if annual is None else _round(annual))


def _round(value: float) -> float:
    return value if math.isinf(value) else round(value, 4)
