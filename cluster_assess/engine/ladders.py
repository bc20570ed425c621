"""A model's range as the result readers see: the range in words, the evidence that establishes the
lower bound, the gaps to the next stage and the facts that would narrow the range."""

from __future__ import annotations

from typing import Any

from cluster_assess.assessment import NOT_APPLICABLE, UNDETERMINED, Gap, Rung, StageResult
from cluster_assess.engine.factors import Factors
from cluster_assess.engine.stages import NA, Bounds
from cluster_assess.rubric.model import StageModel, Text

UNDETERMINED_NAME = Text(zh="无法判断", en="undetermined")
NOT_APPLICABLE_NAME = Text(zh="尚不适用", en="not applicable")


def stage_result(model: StageModel, bounds: Bounds, factors: Factors, extra: list | None = None) -> StageResult:
    """The StageResult of one model from its bounds."""
    stages = model.stages
    lo, hi = bounds.lo, bounds.hi
    single = lo == hi
    name_lo, name_hi = _name(model, lo), _name(model, hi)
    nxt = stages[lo + 1] if lo != NA and lo + 1 < len(stages) else None
    return StageResult(
        model=model.id, name=model.name, source=model.source,
        stage=_id(model, lo) if single else UNDETERMINED, stage_name=name_lo if single else UNDETERMINED_NAME,
        at_least=_id(model, lo), at_most=_id(model, hi), at_least_name=name_lo, at_most_name=name_hi,
        summary=summary(model, lo, hi), confidence=_confidence(model, factors),
        could_be_higher=hi > lo, reason=_reason(model, lo, hi), evidence=_evidence(model, lo, factors),
        implied=[] if hi == NA else [*bounds.implied, *(extra or [])],
        gaps=[_gap(g, factors) for g in (nxt.gates if nxt else []) if factors.outcome(g).value is not True],
        deciding=_deciding(model, lo, hi, factors), next_stage=nxt.id if nxt else None,
        ladder=[Rung(id=s.id, name=s.name, reached=lo != NA and k <= lo, current=single and k == lo,
                     possible=hi != NA and k <= hi) for k, s in enumerate(stages)],
    )


def _id(model: StageModel, index: int) -> str:
    return NOT_APPLICABLE if index == NA else model.stages[index].id


def _name(model: StageModel, index: int) -> Text:
    return NOT_APPLICABLE_NAME if index == NA else model.stages[index].name


def _confidence(model: StageModel, factors: Factors) -> float:
    """The share of the model's gate factors anything speaks to, whatever it says."""
    gates = [g for s in model.stages for g in s.gates]
    return round(sum(1 for g in gates if factors.informed(g)) / len(gates), 3) if gates else 1.0


def _evidence(model: StageModel, lo: int, factors: Factors) -> list[Any]:
    """The gate factors met up to the established stage."""
    if lo == NA:
        return []
    results = [factors.result(g) for s in model.stages[: lo + 1] for g in s.gates]
    return [r for r in results if r.status == "met"]


def _deciding(model: StageModel, lo: int, hi: int, factors: Factors) -> list[str]:
    """The facts behind the unknown gates between the bounds: collecting them narrows the range."""
    out: list[str] = []
    for between in model.stages[max(lo, 0) + 1: hi + 1]:
        for gate in between.gates:
            if factors.outcome(gate).value is None:
                out.extend(p for p in factors.result(gate).missing if p not in out)
    return out


def _reason(model: StageModel, lo: int, hi: int) -> Text | None:
    if hi == NA:
        return model.not_applicable
    if lo != NA:
        return None
    why = model.not_applicable or Text(zh="不适用", en="does not apply")
    return Text(zh="尚无法判断是否适用：" + why.zh, en="cannot yet tell whether it applies: " + why.en)


def summary(model: StageModel, lo: int, hi: int) -> Text:
    """The range in words: 成长期; 至少成长期（可能已达成熟期）; 介于集中与集群之间; 无法判断."""
    stages = model.stages
    if lo == hi:
        return NOT_APPLICABLE_NAME if lo == NA else stages[lo].name
    top = stages[hi].name
    if lo == NA:
        return Text(zh=f"尚不确定是否适用；若适用，最高可能为{top.zh}",
                    en=f"not yet known whether it applies; if it does, at most {top.en}")
    low = stages[lo].name
    if lo == 0 and hi == len(stages) - 1:
        return Text(zh=f"无法判断（{low.zh}至{top.zh}均有可能）",
                    en=f"undetermined (anywhere from {low.en} to {top.en})")
    if hi == lo + 1:
        return Text(zh=f"至少{low.zh}（可能已达{top.zh}）", en=f"at least {low.en} (possibly {top.en})")
    return Text(zh=f"介于{low.zh}与{top.zh}之间", en=f"between {low.en} and {top.en}")


def _gap(factor_id: str, factors: Factors) -> Gap:
    result = factors.result(factor_id)
    factor = factors.rubric.factor(factor_id)
    return Gap(
        factor=factor_id, name=result.name,
        status="unknown" if result.status == "unknown" else "not_met",
        needed=result.rule or Text(zh="—", en="—"), facts=result.facts, missing=result.missing,
        recommendations=list(factor.recommendations), source=factor.source,
    )
