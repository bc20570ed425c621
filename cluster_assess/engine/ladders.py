"""A model's range as the result readers see: the range in words, the evidence that establishes the
lower bound, the gaps to the next stage and the facts that would narrow the range."""

from __future__ import annotations

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
    ids = [s.id for s in stages]
    at_least = NOT_APPLICABLE if lo == NA else ids[lo]
    at_most = NOT_APPLICABLE if hi == NA else ids[hi]
    name_lo = NOT_APPLICABLE_NAME if lo == NA else stages[lo].name
    name_hi = NOT_APPLICABLE_NAME if hi == NA else stages[hi].name
    single = lo == hi
    stage = at_least if single else UNDETERMINED
    gates = [g for s in stages for g in s.gates]
    informed = [g for g in gates if factors.informed(g)]
    confidence = len(informed) / len(gates) if gates else 1.0
    evidence_upto = max(lo, 0) if lo != NA else -1
    evidence = [factors.result(g) for s in stages[: evidence_upto + 1] for g in s.gates]
    evidence = [e for e in evidence if e.status == "met"]
    nxt = stages[lo + 1] if lo != NA and lo + 1 < len(stages) else None
    gaps = [_gap(g, factors) for g in (nxt.gates if nxt else []) if factors.outcome(g).value is not True]
    deciding: list[str] = []
    for between in stages[max(lo, 0) + 1: hi + 1]:
        for gate in between.gates:
            if factors.outcome(gate).value is None:
                deciding.extend(p for p in factors.result(gate).missing if p not in deciding)
    reason = None
    if hi == NA and model.not_applicable is not None:
        reason = model.not_applicable
    elif lo == NA:
        reason = Text(zh="尚无法判断是否适用：" + (model.not_applicable.zh if model.not_applicable else "不适用"),
                      en="cannot yet tell whether it applies: "
                         + (model.not_applicable.en if model.not_applicable else "does not apply"))
    return StageResult(
        model=model.id, name=model.name, source=model.source,
        stage=stage, stage_name=name_lo if single else UNDETERMINED_NAME,
        at_least=at_least, at_most=at_most, at_least_name=name_lo, at_most_name=name_hi,
        summary=summary(model, lo, hi), confidence=round(confidence, 3),
        could_be_higher=hi > lo, reason=reason, evidence=evidence,
        implied=[] if hi == NA else [*bounds.implied, *(extra or [])], gaps=gaps, deciding=deciding,
        next_stage=nxt.id if nxt else None,
        ladder=[Rung(id=s.id, name=s.name, reached=lo != NA and k <= lo, current=single and k == lo,
                     possible=hi != NA and k <= hi) for k, s in enumerate(stages)],
    )


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
