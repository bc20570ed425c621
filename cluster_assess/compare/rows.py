"""The side-by-side rows of a comparison: index, stages, factors, the rubric's key indicators,
problems and recommendations, each cell with its raw value, the number that orders it and its text."""

from __future__ import annotations

from typing import Any

from cluster_assess.assessment import Assessment
from cluster_assess.compare.index import stage_position
from cluster_assess.compare.model import Cell, IndexResult, Row
from cluster_assess.display import money, number, percent
from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.model import Better, Factor, Rubric, StageModel, Text, metric_paths

SEVERITIES = ("high", "medium", "low")
TOP_RECOMMENDATIONS = 3



UNKNOWN = Text(zh="未知", en="unknown")

# Equal cells are one object: most towns share their stage, factor and count cells, so a comparison
# of thousands of towns holds each distinct cell once. Cells are frozen, so sharing is safe.
_CELLS: dict[tuple[Any, ...], Cell] = {}
_CELLS_MAX = 200_000


def _cell(value: float | int | str | None = None, score: float | None = None, *, display: Text,
          best: bool = False, worst: bool = False) -> Cell:
    key = (type(value), value, type(score), score, display.zh, display.en, best, worst)
    found = _CELLS.get(key)
    if found is None:
        if len(_CELLS) >= _CELLS_MAX:
            _CELLS.clear()
        found = _CELLS[key] = Cell(value=value, score=score, display=display, best=best, worst=worst)
    return found


def build_rows(assessments: list[Assessment], indexes: list[IndexResult | None], ranks: dict[str, int],
               keys: list[str], rubric: Rubric) -> list[Row]:
    """Every row of the side-by-side view, in its fixed order; the best and weakest marked."""
    return [
        *_index_rows(indexes, ranks, keys, rubric),
        *(row for model in rubric.stage_models for row in _stage_rows(assessments, model, rubric)),
        *(_factor_row(assessments, factor) for factor in rubric.factors),
        *(_indicator_row(assessments, path, rubric) for path in indicators(rubric)),
        *_problem_rows(assessments),
        _recommendation_row(assessments),
    ]


def _index_rows(indexes: list[IndexResult | None], ranks: dict[str, int], keys: list[str],
                rubric: Rubric) -> list[Row]:
    spec = rubric.maturity_index
    if spec is None:
        return []
    return [
        _mark(Row(id="index", group="index", label=spec.name, better="higher", source=spec.source, unit="0–100",
                  cells=[_cell(value=r.value, score=r.value, display=Text(zh=r.display, en=r.display))
                         if r and r.value is not None else _cell(display=UNKNOWN) for r in indexes]),
              eligible=[k in ranks for k in keys]),
        Row(id="index.confidence", group="index", label=Text(zh="指数可信度", en="index confidence"), unit="share",
            cells=[_cell(value=r.confidence, score=r.confidence, display=_pct(r.confidence)) if r
                   else _cell(display=UNKNOWN) for r in indexes]),
        Row(id="index.rank", group="index", label=Text(zh="排名", en="rank"),
            cells=[_cell(value=ranks[k], score=ranks[k], display=_num(ranks[k])) if k in ranks
                   else _cell(display=Text(zh="单列", en="apart")) for k in keys]),
    ]


def _stage_rows(assessments: list[Assessment], model: StageModel, rubric: Rubric) -> list[Row]:
    cells, conf = [], []
    for a in assessments:
        result = a.stages.get(model.id)
        if result is None:
            cells.append(_cell(display=UNKNOWN))
            conf.append(_cell(display=UNKNOWN))
            continue
        pos = stage_position(a, rubric, model.id)
        cells.append(_cell(value=result.stage, score=pos, display=result.summary))
        conf.append(_cell(value=result.confidence, score=result.confidence, display=_pct(result.confidence)))
    return [
        _mark(Row(id=f"stage.{model.id}", group="stage", label=model.name, better="higher", source=model.source,
                  cells=cells)),
        Row(id=f"stage.{model.id}.confidence", group="stage",
            label=Text(zh=f"{model.name.zh}：可信度", en=f"{model.name.en}: confidence"), unit="share", cells=conf),
    ]


def _factor_row(assessments: list[Assessment], factor: Factor) -> Row:
    cells = []
    for a in assessments:
        result = a.factors.get(factor.id)
        if result is None or result.score is None:
            cells.append(_cell(display=UNKNOWN))
        else:
            cells.append(_cell(value=result.score, score=result.score, display=_pct(result.score)))
    return _mark(Row(id=f"factor.{factor.id}", group="factor", label=factor.name, better="higher", unit="0–1",
                     source=factor.source, cells=cells))


def _indicator_row(assessments: list[Assessment], path: str, rubric: Rubric) -> Row:
    label, source, better = indicator_meta(path, rubric)
    cells = [indicator(a, path, rubric) for a in assessments]
    units = {f.unit for a in assessments for f in a.facts if f.path == path}
    return _mark(Row(id=path, group="indicator", label=label, better=better, source=source,
                     unit=unit_of(path, assessments, rubric), cells=cells), comparable=len(units) <= 1)


def _problem_rows(assessments: list[Assessment]) -> list[Row]:
    rows = []
    for severity in SEVERITIES:
        label = Text(zh=f"问题数（{_SEV_ZH[severity]}）", en=f"problems ({severity})")
        counts = [sum(1 for p in a.problems if p.severity == severity) for a in assessments]
        rows.append(_mark(Row(id=f"problems.{severity}", group="problems", label=label, better="lower",
                              cells=[_cell(value=n, score=n, display=_num(n)) for n in counts])))
    rows.append(Row(id="problems.unchecked", group="problems",
                    label=Text(zh="未能核查的问题数", en="problems not checkable"), cells=[
        _cell(value=len(a.unchecked), score=len(a.unchecked), display=_num(len(a.unchecked))) for a in assessments]))
    return rows


def _recommendation_row(assessments: list[Assessment]) -> Row:
    cells = []
    for a in assessments:
        top = a.recommendations[:TOP_RECOMMENDATIONS]
        cells.append(_cell(
            value=";".join(r.id for r in top) or None,
            display=Text(zh="；".join(r.title.zh for r in top) or "—", en="; ".join(r.title.en for r in top) or "—"),
        ))
    return Row(id="recommendations.top", group="recommendations",
               label=Text(zh="首要建议", en="top recommendations"), cells=cells)


_SEV_ZH = {"high": "高", "medium": "中", "low": "低"}


def indicators(rubric: Rubric) -> list[str]:
    """The key indicator rows the rubric declares (none for a pack without `comparison:`)."""
    return list(rubric.comparison.indicators) if rubric.comparison is not None else []


def indicator_meta(path: str, rubric: Rubric) -> tuple[Text, str | None, Better]:
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


def indicator(a: Assessment, path: str, rubric: Rubric) -> Cell:
    metric = metric_paths(rubric).get(path)
    if metric is not None:
        value = _metric_value(a, path, rubric)
        if value is None:
            return _cell(display=Text(zh="未知", en="unknown"))
        shown = _pct(value) if metric.unit == "share" else _num(value)
        return _cell(value=value, score=value, display=shown)
    fact = next((f for f in a.facts if f.path == path), None)
    if fact is None or not isinstance(fact.value, int | float) or isinstance(fact.value, bool):
        return _cell(display=Text(zh="未知", en="unknown"))
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
    return _cell(value=fact.value, score=float(fact.value), display=display)


def unit_of(path: str, assessments: list[Assessment], rubric: Rubric) -> str:
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
    cells = [_cell(value=c.value, score=c.score, display=c.display, best=c.score == best, worst=c.score == worst)
             if c.score is not None and ok else c for c, ok in zip(row.cells, allowed)]
    return row.model_copy(update={"cells": cells})


def _num(value: float | int | None) -> Text:
    if value is None:
        return Text(zh="未知", en="unknown")
    return _same(number(value))


def _pct(value: float) -> Text:
    return _same(percent(value))


def _money(value: float, currency: str) -> Text:
    return Text(zh=money(value, currency, "zh"), en=money(value, currency, "en"))


def _same(text: str) -> Text:
    """A text that reads the same in both languages (a number)."""
    return Text(zh=text, en=text)


