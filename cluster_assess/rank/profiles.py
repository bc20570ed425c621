"""Assessed profiles → a decision table: the rubric says what the criteria are and which way is better.

Criteria are every factor's score (0–1: the rating ÷ 5, or 1/0 when its rule holds or fails; more
is better by definition) and every rubric metric, the chain metric included, that declares which
way is better (`better: higher` is a benefit criterion, `better: lower` a cost one; `none` is not a
criterion). An unknown factor or metric is an unknown cell; chain completeness, which profiles
often know only as a range, is an unknown cell bounded by that range. Factor scores and share metrics have a
declared scale [0, 1], so an unknown can be anything on it; counts can be anything between the
known extremes. `--weights rubric` takes the maturity index's weight for a factor (else the
factor's own); the index does not weigh metrics, so each metric weighs 1 (as one factor does).
"""

from __future__ import annotations

import numpy as np

from cluster_assess.assessment import Assessment
from cluster_assess.rank.table import Table
from cluster_assess.rubric.model import Rubric

METRIC_WEIGHT = 1.0  # under --weights rubric: the index weighs no metric, so each counts as one factor


def table_from_assessments(assessments: list[Assessment], names: list[str], rubric: Rubric) -> Table:
    criteria: list[str] = []
    labels: list[dict[str, str]] = []
    benefit: list[bool] = []
    lo: list[float] = []
    hi: list[float] = []
    weights: list[float] = []
    columns: list[list[Cell]] = []
    index_weights = rubric.maturity_index.factors if rubric.maturity_index is not None else {}
    for factor in rubric.factors:
        criteria.append(f"factor.{factor.id}")
        labels.append({"zh": factor.name.zh, "en": factor.name.en})
        benefit.append(True)
        lo.append(0.0)
        hi.append(1.0)
        weights.append(index_weights.get(factor.id, factor.weight))
        columns.append([_cell(a.factors[factor.id].score if factor.id in a.factors else None) for a in assessments])
    metrics = [*rubric.metrics, *([rubric.chain_metric] if rubric.chain_metric is not None else [])]
    for metric in metrics:
        if metric.better == "none":
            continue
        criteria.append(f"metrics.{metric.id}")
        labels.append({"zh": metric.name.zh, "en": metric.name.en})
        benefit.append(metric.better == "higher")
        share = metric.unit == "share"
        lo.append(0.0 if share else np.nan)
        hi.append(1.0 if share else np.nan)
        weights.append(METRIC_WEIGHT)
        chain = rubric.chain_metric is not None and metric.id == rubric.chain_metric.id
        columns.append([_chain(a) if chain else _cell(a.metrics.get(metric.id)) for a in assessments])
    cells = np.array(columns, dtype=float).transpose(1, 0, 2) if columns else np.zeros((len(assessments), 0, 3))
    x, cell_lo, cell_hi = cells[..., 0], cells[..., 1], cells[..., 2]
    known = ~np.isnan(x) | ~np.isnan(cell_lo)  # a value, or at least a range for it
    keep = known.any(axis=0) if x.size else np.zeros(0, dtype=bool)
    dropped = [labels[j] for j in np.flatnonzero(~keep)]  # {zh, en}: said in the reader's language
    pick = np.flatnonzero(keep)
    return Table(
        names=names, criteria=[criteria[j] for j in pick], x=x[:, pick], benefit=np.array(benefit, bool)[pick],
        lo=np.array(lo)[pick], hi=np.array(hi)[pick], labels=[labels[j] for j in pick],
        rubric_weights=np.array(weights)[pick], source="", dropped=dropped,
        cell_lo=cell_lo[:, pick], cell_hi=cell_hi[:, pick],
    )


Cell = tuple[float, float, float]  # (value or NaN, and for an unknown value its own range: lo, hi or NaN)


def _cell(value: float | None) -> Cell:
    return (np.nan if value is None else float(value), np.nan, np.nan)


def _chain(a: Assessment) -> Cell:
    """Chain completeness is known as a range (segments present … all but those stated absent): a
    point when the two meet, else an unknown cell that may lie only within that range."""
    if a.chain is None:
        return _cell(None)
    low, high = a.chain.completeness, a.chain.completeness_max
    return _cell(low) if high - low < 1e-12 else (np.nan, float(low), float(high))
