"""compare(): many Assessments → one Comparison. Pure: no I/O, no clock, no randomness.

A bureau putting towns side by side and a town following itself over the years do the same thing:
they compare assessments. The Comparison holds every judgement a renderer needs — the side-by-side
rows with the best and weakest value of each marked, the maturity index and its confidence, the
ranking (towns known too little are listed apart, never ranked last), which factors explain the
gap between neighbours, and the trajectory of each cluster seen in more than one year.

The maturity index is defined by the rubric (`maturity_index`), never here: unknown parts weigh
zero and lower the confidence instead of counting as 0.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Literal

from pydantic import Field

from cluster_assess.assessment import NOT_APPLICABLE, UNDETERMINED, Assessment, RubricRef, Value
from cluster_assess.errors import UserError
from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.model import Better, MaturityIndex, Rubric, Text, metric_paths

SEVERITIES = ("high", "medium", "low")
TOP_RECOMMENDATIONS = 3
MAX_DRIVERS = 5
MIN_DRIVER_POINTS = 0.5
SORT_KEYS = ("index", "name", "year", "input")


class Column(Value):
    """One assessed town (a cluster in one year)."""

    key: str
    name: str | None
    region: str | None
    industry: str | None
    year: int | None
    origin: str | None = Field(None, description="the file (and row) it came from")


class Cell(Value):
    value: float | int | str | None = Field(None, description="the raw value; None when unknown")
    score: float | None = Field(None, description="the number that orders the row (None when unknown)")
    display: Text
    best: bool = False
    worst: bool = False


class Row(Value):
    id: str
    group: Literal["index", "stage", "factor", "indicator", "problems", "recommendations"]
    label: Text
    unit: str = ""
    better: Better = "none"
    source: str | None = None
    cells: list[Cell]


class Component(Value):
    """One weighted part of the maturity index for one town."""

    id: str
    kind: Literal["model", "factor"]
    name: Text
    weight: float
    score: float | None
    known: float = Field(description="how well known, 0–1 (stage confidence, or 1/0 for a factor)")


class IndexResult(Value):
    value: float | None = Field(description="0–100, or None when nothing weighted is known")
    confidence: float
    components: list[Component]


class Ranked(Value):
    key: str
    rank: int
    index: float
    confidence: float


class Apart(Value):
    key: str
    index: float | None
    confidence: float
    reason: Text


class Driver(Value):
    id: str
    kind: Literal["model", "factor"]
    name: Text
    higher: float
    lower: float
    points: float = Field(description="index points this part contributes to the gap (may be negative)")


class Difference(Value):
    higher: str
    lower: str
    gap: float
    drivers: list[Driver]
    unknown_in_one: list[Text] = Field(default_factory=list, description="parts known for only one of the two")


class StageChange(Value):
    model: str
    name: Text
    from_stage: str
    to_stage: str
    from_name: Text
    to_name: Text
    direction: Literal["up", "down", "same", "unclear"]


class Delta(Value):
    indicator: str
    name: Text
    unit: str
    before: float
    after: float
    before_display: Text
    after_display: Text
    change: float
    growth: float | None = Field(description="after/before − 1, or None when before is 0")
    annual_growth: float | None = Field(description="compound yearly growth over the years between")


class Step(Value):
    from_year: int
    to_year: int
    from_key: str
    to_key: str
    index_change: float | None
    stages: list[StageChange]
    deltas: list[Delta]
    resolved: list[Text]
    new: list[Text]
    unverifiable: list[Text] = Field(default_factory=list, description="problems no longer checkable")


class Trajectory(Value):
    name: str
    years: list[int]
    keys: list[str]
    index: list[float | None]
    steps: list[Step]
    notes: list[Text] = Field(default_factory=list)


class IndexDefinition(Value):
    name: Text
    formula: Text
    models: dict[str, float]
    factors: dict[str, float]
    min_confidence: float
    source: str
    rationale: Text


class Comparison(Value):
    rubric: RubricRef
    index: IndexDefinition | None
    columns: list[Column]
    rows: list[Row]
    indexes: dict[str, IndexResult]
    ranking: list[Ranked]
    apart: list[Apart]
    baseline: str | None
    differences: list[Difference]
    trajectories: list[Trajectory]
    # the indicator rows the rubric keeps in the one-line-per-town view (not part of the JSON)
    compact: list[str] = Field(default_factory=list, exclude=True)


# ---------------------------------------------------------------------------------------------
# The maturity index


def stage_position(assessment: Assessment, rubric: Rubric, model_id: str) -> float | None:
    """0 for the first rung, 1 for the top; not applicable counts as the first rung; None if unknown."""
    result = assessment.stages.get(model_id)
    if result is None or result.stage == UNDETERMINED:
        return None
    if result.stage == NOT_APPLICABLE:
        return 0.0
    order = [s.id for s in rubric.model(model_id).stages]
    return order.index(result.stage) / (len(order) - 1)


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
        parts.append(Component(id=model_id, kind="model", name=rubric.model(model_id).name,
                               weight=weight, score=score, known=known))
    for factor_id, weight in spec.factors.items():
        factor = assessment.factors.get(factor_id)
        score = factor.score if factor is not None else None
        parts.append(Component(id=factor_id, kind="factor", name=rubric.factor(factor_id).name,
                               weight=weight, score=score, known=0.0 if score is None else 1.0))
    total = sum(p.weight for p in parts)
    known_weight = sum(p.weight for p in parts if p.score is not None)
    value = (100 * sum(p.weight * p.score for p in parts if p.score is not None) / known_weight
             if known_weight else None)
    confidence = sum(p.weight * p.known for p in parts) / total if total else 0.0
    return IndexResult(value=None if value is None else round(value, 1),
                       confidence=round(confidence, 3), components=parts)


# ---------------------------------------------------------------------------------------------
# compare()


def compare(
    assessments: list[Assessment],
    rubric: Rubric,
    *,
    baseline: str | None = None,
    sort: str = "index",
    origins: list[str | None] | None = None,
) -> Comparison:
    """Put assessments side by side, rank them, explain the gaps and follow clusters over years."""
    if not assessments:
        raise UserError.single("nothing to compare: no profiles were given or all of them failed")
    columns = _columns(assessments, origins or [None] * len(assessments))
    by_key = dict(zip((c.key for c in columns), assessments))
    indexes = {c.key: r for c in columns if (r := maturity(by_key[c.key], rubric)) is not None}
    ranking, apart = _rank(columns, indexes, rubric.maturity_index)
    chosen = _find_baseline(baseline, columns) if baseline else None
    order = _order(columns, by_key, ranking, apart, sort, rubric)
    ordered = [columns[i] for i in order]
    rows = _rows([by_key[c.key] for c in ordered], [indexes.get(c.key) for c in ordered],
                 {r.key: r.rank for r in ranking}, [c.key for c in ordered], rubric)
    if chosen is not None:
        # each town against the baseline, the higher of the two first (gap >= 0 reads the same way)
        base_value = indexes[chosen].value if chosen in indexes else None
        others = [c.key for c in ordered if c.key != chosen and c.key in indexes
                  and indexes[c.key].value is not None and base_value is not None]
        differences = [_difference(k, chosen, indexes) if (indexes[k].value or 0) >= (base_value or 0)
                       else _difference(chosen, k, indexes) for k in others]
    else:
        differences = [_difference(a.key, b.key, indexes) for a, b in zip(ranking, ranking[1:])]
    spec = rubric.maturity_index
    definition = None if spec is None else IndexDefinition(
        name=spec.name, formula=spec.formula, models=dict(spec.models), factors=dict(spec.factors),
        min_confidence=spec.min_confidence, source=spec.source, rationale=spec.rationale,
    )
    return Comparison(
        rubric=RubricRef(id=rubric.id, version=rubric.version, title=rubric.title),
        index=definition, columns=ordered, rows=rows, indexes=indexes, ranking=ranking, apart=apart,
        baseline=chosen, differences=differences,
        trajectories=_trajectories(columns, by_key, indexes, rubric),
        compact=list(rubric.comparison.compact) if rubric.comparison is not None else [],
    )


def column_keys(assessments: list[Assessment]) -> list[str]:
    """Each assessment's column key, in input order: `name · year`, numbered when repeated."""
    seen: dict[str, int] = defaultdict(int)
    keys = []
    for n, a in enumerate(assessments, start=1):
        base = a.profile.name or f"#{n}"
        if a.profile.year is not None:
            base += f" · {a.profile.year}"
        seen[base] += 1
        keys.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return keys


def _columns(assessments: list[Assessment], origins: list[str | None]) -> list[Column]:
    return [
        Column(key=key, name=a.profile.name, region=a.profile.region, industry=a.profile.industry,
               year=a.profile.year, origin=origin)
        for key, a, origin in zip(column_keys(assessments), assessments, origins)
    ]


def _rank(columns: list[Column], indexes: dict[str, IndexResult],
          spec: MaturityIndex | None) -> tuple[list[Ranked], list[Apart]]:
    if spec is None:
        reason = Text(zh="评估规则未定义成熟度指数，无法排名",
                      en="the rubric defines no maturity index, so nothing is ranked")
        return [], [Apart(key=c.key, index=None, confidence=0.0, reason=reason) for c in columns]
    ranked: list[tuple[float, str, float]] = []
    apart: list[Apart] = []
    for column in columns:
        result = indexes[column.key]
        if result.value is None or result.confidence < spec.min_confidence:
            apart.append(Apart(
                key=column.key, index=result.value, confidence=result.confidence,
                reason=Text(
                    zh=f"数据不足：指数可信度{result.confidence:.0%}，低于{spec.min_confidence:.0%}，单列不排名",
                    en=f"too little is known: the index confidence is {result.confidence:.0%}, below "
                       f"{spec.min_confidence:.0%}, so it is listed apart rather than ranked",
                ),
            ))
        else:
            ranked.append((result.value, column.key, result.confidence))
    ranked.sort(key=lambda item: (-item[0], -item[2], item[1]))
    return ([Ranked(key=k, rank=n, index=v, confidence=c) for n, (v, k, c) in enumerate(ranked, start=1)],
            apart)


def _find_baseline(wanted: str, columns: list[Column]) -> str:
    for column in columns:
        if wanted in (column.key, column.name):
            return column.key
    matches = [c.key for c in columns if c.name and wanted in c.name]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(c.key for c in columns)
    what = "matches several towns" if matches else "matches no town"
    raise UserError.single(f"{wanted!r} {what}; give one of: {choices}", field="--baseline")


def _order(columns: list[Column], by_key: dict[str, Assessment], ranking: list[Ranked], apart: list[Apart],
           sort: str, rubric: Rubric) -> list[int]:
    position = {c.key: i for i, c in enumerate(columns)}
    if sort == "index":
        keys = [r.key for r in ranking] + [a.key for a in apart]
        return [position[k] for k in keys]
    if sort == "input":
        return list(range(len(columns)))
    if sort == "name":
        return sorted(range(len(columns)), key=lambda i: (columns[i].name or "", columns[i].year or 0))
    if sort == "year":
        return sorted(range(len(columns)), key=lambda i: (columns[i].year or 0, columns[i].name or ""))
    # any row id: sort by that row, best first, unknown last
    probe = _rows(list(by_key.values()), [None] * len(columns), {}, [c.key for c in columns], rubric)
    row = next((r for r in probe if r.id == sort), None)
    if row is None:
        ids = ", ".join([*SORT_KEYS, *(r.id for r in probe)])
        raise UserError.single(f"cannot sort by {sort!r}; choose one of: {ids}", field="--sort")
    sign = 1.0 if row.better == "lower" else -1.0

    def key(i: int) -> tuple[int, float, str]:
        score = row.cells[i].score
        return (score is None, 0.0 if score is None else sign * score, columns[i].key)

    return sorted(range(len(columns)), key=key)


# ---------------------------------------------------------------------------------------------
# Rows


def _rows(assessments: list[Assessment], indexes: list[IndexResult | None], ranks: dict[str, int],
          keys: list[str], rubric: Rubric) -> list[Row]:
    rows: list[Row] = []
    unknown = Text(zh="未知", en="unknown")
    if rubric.maturity_index is not None:
        spec = rubric.maturity_index
        rows.append(_mark(Row(id="index", group="index", label=spec.name, better="higher", source=spec.source,
                              unit="0–100", cells=[
            Cell(value=r.value, score=r.value, display=_num(r.value)) if r and r.value is not None
            else Cell(display=unknown) for r in indexes]), eligible=[k in ranks for k in keys]))
        rows.append(Row(id="index.confidence", group="index", label=Text(zh="指数可信度", en="index confidence"),
                        unit="share", cells=[
            Cell(value=r.confidence, score=r.confidence, display=_pct(r.confidence)) if r else Cell(display=unknown)
            for r in indexes]))
        rows.append(Row(id="index.rank", group="index", label=Text(zh="排名", en="rank"), cells=[
            Cell(value=ranks[k], score=ranks[k], display=_num(ranks[k])) if k in ranks
            else Cell(display=Text(zh="单列", en="apart")) for k in keys]))
    for model in rubric.stage_models:
        cells, conf = [], []
        for a in assessments:
            result = a.stages.get(model.id)
            if result is None:
                cells.append(Cell(display=unknown))
                conf.append(Cell(display=unknown))
                continue
            pos = stage_position(a, rubric, model.id)
            cells.append(Cell(value=result.stage, score=pos, display=result.stage_name))
            conf.append(Cell(value=result.confidence, score=result.confidence, display=_pct(result.confidence)))
        rows.append(_mark(Row(id=f"stage.{model.id}", group="stage", label=model.name, better="higher",
                              source=model.source, cells=cells)))
        rows.append(Row(id=f"stage.{model.id}.confidence", group="stage",
                        label=Text(zh=f"{model.name.zh}：可信度", en=f"{model.name.en}: confidence"),
                        unit="share", cells=conf))
    for factor in rubric.factors:
        cells = []
        for a in assessments:
            result = a.factors.get(factor.id)
            if result is None or result.score is None:
                cells.append(Cell(display=unknown))
            else:
                cells.append(Cell(value=result.score, score=result.score, display=_pct(result.score)))
        rows.append(_mark(Row(id=f"factor.{factor.id}", group="factor", label=factor.name, better="higher",
                              unit="0–1", source=factor.source, cells=cells)))
    for path in indicators(rubric):
        label, source, better = _indicator_meta(path, rubric)
        cells = [_indicator(a, path, rubric) for a in assessments]
        units = {f.unit for a in assessments for f in a.facts if f.path == path}
        rows.append(_mark(Row(id=path, group="indicator", label=label, better=better, source=source,
                              unit=_unit(path, assessments, rubric), cells=cells), comparable=len(units) <= 1))
    for severity in SEVERITIES:
        label = Text(zh=f"问题数（{_SEV_ZH[severity]}）", en=f"problems ({severity})")
        cells = []
        for a in assessments:
            n = sum(1 for p in a.problems if p.severity == severity)
            cells.append(Cell(value=n, score=n, display=_num(n)))
        rows.append(_mark(Row(id=f"problems.{severity}", group="problems", label=label, better="lower",
                              cells=cells)))
    rows.append(Row(id="problems.unchecked", group="problems",
                    label=Text(zh="未能核查的问题数", en="problems not checkable"), cells=[
        Cell(value=len(a.unchecked), score=len(a.unchecked), display=_num(len(a.unchecked))) for a in assessments]))
    rec_cells = []
    for a in assessments:
        top = a.recommendations[:TOP_RECOMMENDATIONS]
        rec_cells.append(Cell(
            value=";".join(r.id for r in top) or None,
            display=Text(zh="；".join(r.title.zh for r in top) or "—", en="; ".join(r.title.en for r in top) or "—"),
        ))
    rows.append(Row(id="recommendations.top", group="recommendations",
                    label=Text(zh="首要建议", en="top recommendations"), cells=rec_cells))
    return rows


_SEV_ZH = {"high": "高", "medium": "中", "low": "低"}


def indicators(rubric: Rubric) -> list[str]:
    """The key indicator rows the rubric declares (none for a pack without `comparison:`)."""
    return list(rubric.comparison.indicators) if rubric.comparison is not None else []


def _indicator_meta(path: str, rubric: Rubric) -> tuple[Text, str | None, Better]:
    """An indicator's name, source and better direction, from the rubric's metrics or the field catalogue."""
    metric = metric_paths(rubric).get(path)
    if metric is not None:
        return metric.name, metric.source, metric.better
    spec = field_specs().get(path)
    if spec is not None:
        better: Better = "higher" if spec.better == "higher" else "lower" if spec.better == "lower" else "none"
        return Text(zh=spec.zh, en=spec.en), spec.why or None, better
    return Text(zh=path, en=path), None, "none"


def _metric_value(a: Assessment, path: str, rubric: Rubric) -> float | None:
    chain = rubric.chain_metric
    if chain is not None and path == f"metrics.{chain.id}":
        return a.chain.completeness if a.chain is not None else None
    return a.metrics.get(path.removeprefix("metrics."))


def _indicator(a: Assessment, path: str, rubric: Rubric) -> Cell:
    metric = metric_paths(rubric).get(path)
    if metric is not None:
        value = _metric_value(a, path, rubric)
        if value is None:
            return Cell(display=Text(zh="未知", en="unknown"))
        shown = _pct(value) if metric.unit == "share" else _num(value)
        return Cell(value=value, score=value, display=shown)
    fact = next((f for f in a.facts if f.path == path), None)
    if fact is None or not isinstance(fact.value, int | float) or isinstance(fact.value, bool):
        return Cell(display=Text(zh="未知", en="unknown"))
    if fact.kind in ("share", "rate"):
        display = _pct(fact.value)
    elif fact.kind == "money":
        display = _money(float(fact.value), fact.unit or "CNY")
    else:
        display = _num(fact.value)
    if fact.approx:
        marks = {"over": ("以上", "+"), "about": ("左右", "~"), "nearly": ("接近", "<")}
        zh, en = marks.get(fact.approx, ("", ""))
        display = Text(zh=display.zh + zh, en=display.en + en)
    return Cell(value=fact.value, score=float(fact.value), display=display)


def _unit(path: str, assessments: list[Assessment], rubric: Rubric) -> str:
    units = {f.unit for a in assessments for f in a.facts if f.path == path and f.unit}
    if len(units) == 1:
        return units.pop()
    metric = metric_paths(rubric).get(path)
    if metric is not None:
        return "share" if metric.unit == "share" else ""
    spec = field_specs().get(path)
    return spec.unit if spec else ""


def _mark(row: Row, comparable: bool = True, eligible: list[bool] | None = None) -> Row:
    """Mark the best and weakest known value of a row (only when at least two values differ).

    `eligible` limits the marks to some towns: the index is marked among ranked towns only, since
    an index built on 3% of the evidence is no 'best'."""
    allowed = eligible or [True] * len(row.cells)
    scores = [c.score for c, ok in zip(row.cells, allowed) if c.score is not None and ok]
    if row.better == "none" or not comparable or len(set(scores)) < 2:
        return row
    best = max(scores) if row.better == "higher" else min(scores)
    worst = min(scores) if row.better == "higher" else max(scores)
    cells = [c.model_copy(update={"best": c.score == best, "worst": c.score == worst})
             if c.score is not None and ok else c for c, ok in zip(row.cells, allowed)]
    return row.model_copy(update={"cells": cells})


def _num(value: float | int | None) -> Text:
    if value is None:
        return Text(zh="未知", en="unknown")
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".removesuffix(".0")
    return Text(zh=text, en=text)


def _pct(value: float) -> Text:
    text = f"{value:.0%}"
    return Text(zh=text, en=text)


def _money(value: float, currency: str) -> Text:
    zh_unit = {"CNY": "元", "USD": "美元"}.get(currency, currency)
    if value >= 1e8:
        zh = f"{value / 1e8:,.4g}亿{zh_unit}"
    elif value >= 1e4:
        zh = f"{value / 1e4:,.4g}万{zh_unit}"
    else:
        zh = f"{value:,.0f}{zh_unit}"
    if value >= 1e9:
        en = f"{value / 1e9:,.3g} bn {currency}"
    elif value >= 1e6:
        en = f"{value / 1e6:,.3g} m {currency}"
    else:
        en = f"{value:,.0f} {currency}"
    return Text(zh=zh, en=en)


# ---------------------------------------------------------------------------------------------
# Differences between towns


def _difference(higher: str, lower: str, indexes: dict[str, IndexResult]) -> Difference:
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


# ---------------------------------------------------------------------------------------------
# Trajectories: the same cluster in several years


def _trajectories(columns: list[Column], by_key: dict[str, Assessment], indexes: dict[str, IndexResult],
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
    a, b = by_key[before.key], by_key[after.key]
    changes = []
    for model in rubric.stage_models:
        ra, rb = a.stages.get(model.id), b.stages.get(model.id)
        if ra is None or rb is None:
            continue
        pa, pb = stage_position(a, rubric, model.id), stage_position(b, rubric, model.id)
        if pa is None or pb is None:
            direction = "same" if ra.stage == rb.stage else "unclear"
        else:
            direction = "up" if pb > pa else "down" if pb < pa else "same"
        changes.append(StageChange(model=model.id, name=model.name, from_stage=ra.stage, to_stage=rb.stage,
                                   from_name=ra.stage_name, to_name=rb.stage_name, direction=direction))
    years = (after.year or 0) - (before.year or 0)
    deltas = []
    for path in indicators(rubric):
        ca, cb = _indicator(a, path, rubric), _indicator(b, path, rubric)
        if ca.score is None or cb.score is None:
            continue
        if _unit(path, [a], rubric) != _unit(path, [b], rubric):
            continue  # different currencies are never subtracted
        growth = cb.score / ca.score - 1 if ca.score else None
        annual = None
        if ca.score > 0 and cb.score >= 0 and years > 0:
            annual = (cb.score / ca.score) ** (1 / years) - 1
        name = _indicator_meta(path, rubric)[0]
        unit = _unit(path, [a, b], rubric)
        deltas.append(Delta(indicator=path, name=name, unit=unit, before=ca.score, after=cb.score,
                            before_display=ca.display, after_display=cb.display, change=cb.score - ca.score,
                            growth=None if growth is None else _round(growth),
                            annual_growth=None if annual is None else _round(annual)))
    had = {p.id: p.title for p in a.problems}
    has = {p.id: p.title for p in b.problems}
    unchecked = {p.id for p in b.unchecked}
    ia, ib = indexes.get(before.key), indexes.get(after.key)
    index_change = (round(ib.value - ia.value, 1) if ia and ib and ia.value is not None and ib.value is not None
                    else None)
    return Step(
        from_year=before.year or 0, to_year=after.year or 0, from_key=before.key, to_key=after.key,
        index_change=index_change, stages=changes, deltas=deltas,
        resolved=[t for i, t in had.items() if i not in has and i not in unchecked],
        new=[t for i, t in has.items() if i not in had],
        unverifiable=[t for i, t in had.items() if i in unchecked],
    )


def _round(value: float) -> float:
    return value if math.isinf(value) else round(value, 4)
