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

from collections import defaultdict

from cluster_assess.assessment import Assessment
from cluster_assess.compare.index import difference, maturity, rank_ranges
from cluster_assess.compare.model import Apart, Column, Comparison, IndexDefinition, IndexResult, Ranked, RubricRef
from cluster_assess.compare.rows import build_rows
from cluster_assess.compare.trajectories import trajectories
from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.rubric.model import MaturityIndex, Rubric, Text

SORT_KEYS = ("index", "name", "year", "input")



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
        raise UserError.single(msg("cmp_nothing"))
    columns = _columns(assessments, origins or [None] * len(assessments))
    by_key = dict(zip((c.key for c in columns), assessments))
    indexes = {c.key: r for c in columns if (r := maturity(by_key[c.key], rubric)) is not None}
    ranking, apart = _rank(columns, indexes, rubric.maturity_index)
    chosen = _find_baseline(baseline, columns) if baseline else None
    order = _order(columns, by_key, ranking, apart, sort, rubric)
    ordered = [columns[i] for i in order]
    rows = build_rows([by_key[c.key] for c in ordered], [indexes.get(c.key) for c in ordered],
                 {r.key: r.rank for r in ranking}, [c.key for c in ordered], rubric)
    if chosen is not None:
        # each town against the baseline, the higher of the two first (gap >= 0 reads the same way)
        base_value = indexes[chosen].value if chosen in indexes else None
        others = [c.key for c in ordered if c.key != chosen and c.key in indexes
                  and indexes[c.key].value is not None and base_value is not None]
        differences = [difference(k, chosen, indexes) if (indexes[k].value or 0) >= (base_value or 0)
                       else difference(chosen, k, indexes) for k in others]
    else:
        differences = [difference(a.key, b.key, indexes) for a, b in zip(ranking, ranking[1:])]
    spec = rubric.maturity_index
    definition = None if spec is None else IndexDefinition(
        name=spec.name, formula=spec.formula, models=dict(spec.models), factors=dict(spec.factors),
        min_confidence=spec.min_confidence, source=spec.source, rationale=spec.rationale,
    )
    return Comparison(
        rubric=RubricRef(id=rubric.id, version=rubric.version, title=rubric.title),
        index=definition, columns=ordered, rows=rows, indexes=indexes, ranking=ranking, apart=apart,
        baseline=chosen, differences=differences,
        trajectories=trajectories(columns, by_key, indexes, rubric),
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
                low=result.low, high=result.high, display=result.display,
                reason=Text(
                    zh=f"数据不足：指数可信度{result.confidence:.0%}，低于{spec.min_confidence:.0%}，单列不排名",
                    en=f"too little is known: the index confidence is {result.confidence:.0%}, below "
                       f"{spec.min_confidence:.0%}, so it is listed apart rather than ranked",
                ),
            ))
        else:
            ranked.append((result.value, column.key, result.confidence))
    ranked.sort(key=lambda item: (-item[0], -item[2], item[1]))

    keys = [k for _, k, _ in ranked]
    ranges = rank_ranges([indexes[k].low for k in keys], [indexes[k].high for k in keys])
    return ([Ranked(key=k, rank=n, index=v, confidence=c, low=indexes[k].low, high=indexes[k].high,
                    display=indexes[k].display, best=best, worst=worst)
             for n, ((v, k, c), (best, worst)) in enumerate(zip(ranked, ranges), start=1)], apart)


def _find_baseline(wanted: str, columns: list[Column]) -> str:
    for column in columns:
        if wanted in (column.key, column.name):
            return column.key
    matches = [c.key for c in columns if c.name and wanted in c.name]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(c.key for c in columns)
    raise UserError.single(msg("cmp_baseline_many" if matches else "cmp_baseline_none", wanted=wanted,
                               choices=choices), field="--baseline")


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
    probe = build_rows(list(by_key.values()), [None] * len(columns), {}, [c.key for c in columns], rubric)
    row = next((r for r in probe if r.id == sort), None)
    if row is None:
        ids = ", ".join([*SORT_KEYS, *(r.id for r in probe)])
        raise UserError.single(msg("cmp_sort", sort=sort, ids=ids), field="--sort")
    sign = 1.0 if row.better == "lower" else -1.0

    def key(i: int) -> tuple[int, float, str]:
        score = row.cells[i].score
        return (score is None, 0.0 if score is None else sign * score, columns[i].key)

    return sorted(range(len(columns)), key=key)


