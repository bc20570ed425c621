"""What to do and what to find out, in order.

Advice fits the facts: a recommendation is offered firmly only for a detected problem or for a
gap whose factor is known not met; for a gap that is merely unknown it is offered conditionally
("if there is no industry association: …") and ranked after the firm ones; it is never offered
when its `unless` holds (the profile says the association exists). Ranking: severity of the
problems answered, then the known gaps closed, then the conditional ones.

Facts worth collecting are ranked by how much each would narrow the stage ranges and settle the
problem checks that cannot be run yet.
"""

from __future__ import annotations

from collections import defaultdict

from cluster_assess.assessment import (
    ProblemFound,
    ProblemUnchecked,
    RecommendationResult,
    StageResult,
    Unknown,
)
from cluster_assess.engine.evidence import Evidence
from cluster_assess.engine.factors import Factors
from cluster_assess.rubric.conditions import evaluate
from cluster_assess.rubric.model import SEVERITY_WEIGHT, Rubric, Text

GAP_WEIGHT = 1.5
FIT_BONUS = 0.5
BASE_PRIORITY = {"high": 1.0, "medium": 0.5, "low": 0.0}
RANGE_WEIGHT = 2.0
GAP_UNKNOWN_WEIGHT = 1.0


def recommendations(rubric: Rubric, found: list[ProblemFound], stages: dict[str, StageResult],
                    factors: Factors, evidence: Evidence) -> list[RecommendationResult]:
    answers: dict[str, list[str]] = defaultdict(list)
    severity: dict[str, float] = defaultdict(float)
    for problem in found:
        for rec in problem.recommendations:
            answers[rec].append(problem.id)
            severity[rec] += SEVERITY_WEIGHT[problem.severity]
    known_gaps: dict[str, list[str]] = defaultdict(list)
    open_gaps: dict[str, list[str]] = defaultdict(list)
    for result in stages.values():
        for gap in result.gaps:
            bucket = known_gaps if gap.status == "not_met" else open_gaps
            for rec in gap.recommendations:
                if gap.factor not in bucket[rec]:
                    bucket[rec].append(gap.factor)
    scored = []
    for order, rec in enumerate(rubric.recommendations):
        unless = evaluate(rec.unless, factors.ctx).value if rec.unless is not None else False
        presumed = evaluate(rec.when, factors.ctx).value if rec.when is not None else True
        if unless is True or presumed is False:
            continue
        fits = [m for m, allowed in rec.fits.items() if m in stages and stages[m].stage in allowed]
        bonus = BASE_PRIORITY[rec.priority] + (FIT_BONUS if fits else 0.0)
        firm = bool(answers[rec.id] or known_gaps[rec.id])
        if firm:
            score = severity[rec.id] + GAP_WEIGHT * len(known_gaps[rec.id]) + bonus
        elif open_gaps[rec.id]:
            score = GAP_WEIGHT * len(open_gaps[rec.id]) + bonus
        else:
            continue
        conditions = [] if firm else [_if_unmet(rubric, f) for f in open_gaps[rec.id]]
        if unless is None and rec.unless is not None:
            conditions.insert(0, _unless_text(evidence.describe(rec.unless)))
        if presumed is None:
            conditions.insert(0, _when_text(evidence.describe(rec.when)))
        conditional = bool(conditions)
        tier = 1 if conditional else 0
        condition = Text(zh="；".join(c.zh for c in conditions), en="; ".join(c.en for c in conditions)) \
            if conditions else None
        closes = known_gaps[rec.id] + [g for g in open_gaps[rec.id] if g not in known_gaps[rec.id]]
        scored.append((tier, -score, order, rec, score, fits, conditional, condition, closes))
    scored.sort(key=lambda item: item[:3])
    return [
        RecommendationResult(
            id=rec.id, priority=rank, level=_level(score, conditional), score=round(score, 3),
            title=rec.title, text=rec.text, answers=answers[rec.id], closes=closes, fits=fits,
            conditional=conditional, condition=condition, source=rec.source,
        )
        for rank, (_, _, _, rec, score, fits, conditional, condition, closes) in enumerate(scored, start=1)
    ]


def _if_unmet(rubric: Rubric, factor_id: str) -> Text:
    name = rubric.factor(factor_id).name
    return Text(zh=f"若“{name.zh}”尚不具备", en=f"if '{name.en}' is not yet in place")


def _unless_text(rule: Text) -> Text:
    return Text(zh=f"若并非已有以下情况：{rule.zh}", en=f"unless this already holds: {rule.en}")


def _when_text(rule: Text) -> Text:
    return Text(zh=f"若{rule.zh}", en=f"if {rule.en}")


def _level(score: float, conditional: bool) -> str:
    if conditional:
        return "low" if score < 4 else "medium"
    return "high" if score >= 4 else "medium" if score >= 2 else "low"


def unknowns(rubric: Rubric, stages: dict[str, StageResult], unchecked: list[ProblemUnchecked],
             evidence: Evidence) -> list[Unknown]:
    affects: dict[str, list[Text]] = defaultdict(list)
    weight: dict[str, float] = defaultdict(float)
    for result in stages.values():
        text = Text(zh=f"{result.name.zh}：可缩小阶段范围（目前：{result.summary.zh}）",
                    en=f"{result.name.en}: narrows the stage range (now: {result.summary.en})")
        for path in result.deciding:
            affects[path].append(text)
            weight[path] += RANGE_WEIGHT
        for gap in result.gaps:
            if gap.status != "unknown" or result.next_stage is None:
                continue
            nxt = evidence.name_of(f"stage:{result.model}", result.next_stage)
            gap_text = Text(zh=f"{result.name.zh}：判定“{gap.name.zh}”（达到{nxt.zh}所需）",
                            en=f"{result.name.en}: decides '{gap.name.en}' (needed for {nxt.en})")
            for path in gap.missing:
                if path not in result.deciding and gap_text not in affects[path]:
                    affects[path].append(gap_text)
                    weight[path] += GAP_UNKNOWN_WEIGHT
    severity = {p.id: p.severity for p in rubric.problems}
    for problem in unchecked:
        text = Text(zh=f"问题核查：{problem.title.zh}", en=f"problem check: {problem.title.en}")
        for path in problem.missing:
            affects[path].append(text)
            weight[path] += SEVERITY_WEIGHT[severity.get(problem.id, "low")]
    return [
        Unknown(path=path, name=evidence.name_of("fact", path), affects=texts, weight=round(weight[path], 3))
        for path, texts in sorted(affects.items(), key=lambda kv: (-weight[kv[0]], kv[0]))
    ]
