"""Factors: one rule for ratings and facts.

When the assessor rated a factor, the rating decides: it is the expert's judgement, and the only
evidence some factors have. When not, the fact rule decides. When both exist and disagree, the
rating still stands, and the disagreement is reported as a conflict for the assessor to answer,
never silently resolved either way. A factor may also be settled by an implication of the rubric
(a factor whose evidence implies another's), but only where its own evidence is silent.
"""

from __future__ import annotations

from collections.abc import Callable

from cluster_assess.assessment import Conflict, FactorResult
from cluster_assess.engine.evidence import Evidence
from cluster_assess.engine.values import Values
from cluster_assess.rubric.conditions import Condition, Context, Outcome, Tri, evaluate
from cluster_assess.rubric.model import ChainMetric, Factor, Implication, Rubric, Text

FACTOR_MEMO_MAX = 4_000  # factor results kept for reuse across profiles; past it the memo starts again


class Factors:
    """Factor outcomes for one profile, memoised; `reset` forgets those that read stages."""

    def __init__(self, rubric: Rubric, values: Values, evidence: Evidence,
                 stage_at_least: Callable[[str, str], Tri]) -> None:
        self.rubric = rubric
        self.values = values
        self.evidence = evidence
        self.ctx = Context(values.values, values.kinds, values.currencies, self.outcome, stage_at_least,
                           values.intervals)
        self.forced: dict[str, tuple[bool, Implication]] = {}
        self._outcomes: dict[str, Outcome] = {}
        self._rule: dict[str, Outcome | None] = {}

    def release(self) -> None:
        """Drop the memo and the context, which refer back to this object (a reference cycle), so
        that a profile's working state is freed as soon as its assessment is made."""
        self.reset()
        self.ctx = None  # type: ignore[assignment]

    def reset(self) -> None:
        """Stage bounds moved: outcomes that may read them are worked out again."""
        self._outcomes.clear()
        self._rule.clear()

    def force(self, factor_id: str, value: bool, implication: Implication) -> bool:
        """Settle an unknown factor by an implication; True when that changed anything."""
        if factor_id in self.forced or self.own(factor_id).value is not None:
            return False
        self.forced[factor_id] = (value, implication)
        self.reset()
        return True

    def outcome(self, factor_id: str) -> Outcome:
        if factor_id not in self._outcomes:
            self._outcomes[factor_id] = Outcome(None)  # guards against a cycle of factors
            own = self.own(factor_id)
            if own.value is None and factor_id in self.forced:
                own = Outcome(self.forced[factor_id][0], own.used, set())
            self._outcomes[factor_id] = own
        return self._outcomes[factor_id]

    def own(self, factor_id: str) -> Outcome:
        """The factor's own evidence: its rating if given, else its rule."""
        factor = self.rubric.factor(factor_id)
        path = f"ratings.{factor.rating}" if factor.rating else None
        if path is not None and path in self.values.values:
            return Outcome(self.values.values[path] >= factor.threshold, {path})
        rule = self.rule(factor)
        missing = {path} if path else set()
        if rule is None:
            return Outcome(None, set(), missing)
        return Outcome(rule.value, rule.used, rule.missing | missing if rule.value is None else set())

    def rule(self, factor: Factor) -> Outcome | None:
        """What the facts alone say of a factor: met when its rule holds; not met when its
        `fails_when` holds (or, without one, when the rule fails); else unknown."""
        base = self._rule_only(factor)
        if base is None or factor.fails_when is None or base.value is not False:
            return base
        fails = evaluate(factor.fails_when, self.ctx)
        if fails.value is True:
            return Outcome(False, base.used | fails.used)
        return Outcome(None, base.used | fails.used, base.missing | fails.missing)

    def _rule_only(self, factor: Factor) -> Outcome | None:
        if factor.rule is None:
            return None
        if factor.id not in self._rule:
            self._rule[factor.id] = None  # a rule that reads its own factor is unknown, not endless
            self._rule[factor.id] = evaluate(factor.rule, self.ctx)
        return self._rule[factor.id] or Outcome(None)

    def result(self, factor_id: str) -> FactorResult:
        factor = self.rubric.factor(factor_id)
        outcome = self.outcome(factor_id)
        rule = self.rule(factor)
        path = f"ratings.{factor.rating}" if factor.rating else None
        rated = path is not None and path in self.values.values
        used = set(outcome.used) | (rule.used if rule is not None else set())
        if rated:
            score: float | None = self.values.values[path] / 5
        elif outcome.value is not None:
            score = 1.0 if outcome.value else 0.0
        else:
            score = None
        status = {True: "met", False: "not_met", None: "unknown"}[outcome.value]
        facts = self.evidence.shown_all(sorted(used))
        missing = self.inputs_of(outcome.missing)
        # Memoised by its inputs: many profiles give a factor the same outcome from the same facts
        # (facts shown are shared between profiles, see Evidence), and a result is frozen. The key
        # holds the facts by identity; the cached result holds them too, so no id is reused.
        memo = self.rubric.memo.get("factor_results")
        if memo is None or len(memo) > FACTOR_MEMO_MAX:
            memo = self.rubric.memo["factor_results"] = {}
        key = (factor.id, status, score, path, tuple(map(id, facts)), tuple(missing))
        found = memo.get(key)
        if found is not None and all(a is b for a, b in zip(found.facts, facts)):
            return found
        found = memo[key] = FactorResult(
            id=factor.id, name=factor.name, status=status, score=score,
            rule=self.evidence.factor_rule(factor), rating=path,
            facts=facts, missing=missing, source=factor.source, weight=factor.weight,
        )
        return found

    def conflicts(self) -> list[Conflict]:
        """Each factor whose rating and rule are both decided and disagree."""
        out = []
        for factor in self.rubric.factors:
            path = f"ratings.{factor.rating}" if factor.rating else None
            rule = self.rule(factor)
            if path is None or path not in self.values.values or rule is None or rule.value is None:
                continue
            score = self.values.values[path]
            met = score >= factor.threshold
            if met == rule.value:
                continue
            facts = self.evidence.shown_all(sorted(rule.used))
            said = Text(zh="；".join(f"{f.name.zh}：{_zh(f.display)}" for f in facts),
                        en="; ".join(f"{f.name.en}: {f.display}" for f in facts))
            verdict = Text(zh="达到" if met else "未达到", en="meets" if met else "is below")
            out.append(Conflict(
                factor=factor.id, name=factor.name, rating=path, score=score, threshold=factor.threshold,
                rated_met=met, facts_say=said, facts=facts, source=factor.source,
                text=Text(
                    zh=f"“{factor.name.zh}”评分为{score:g}/5（{verdict.zh}门槛{factor.threshold:g}），"
                       f"但事实表明{'不' if met else '已'}具备：{said.zh}。以评分为准，请评估者核实。",
                    en=f"'{factor.name.en}' is rated {score:g}/5 ({verdict.en} the threshold of "
                       f"{factor.threshold:g}), but the facts say it is {'not ' if met else ''}in place: "
                       f"{said.en}. The rating stands; the assessor should check it.",
                ),
            ))
        return out

    def inputs_of(self, paths: set[str]) -> list[str]:
        """Unknown metric paths replaced by the unknown facts they are computed from."""
        out: set[str] = set()
        for path in paths:
            leaves = fact_inputs(self.rubric, path)
            out |= {p for p in leaves if p not in self.values.values} if path in self.rubric.metrics_by_path \
                else leaves
        return sorted(out)

    def informed(self, factor_id: str, seen: set[str] | None = None) -> bool:
        """Whether anything speaks to a factor at all, whatever it says: a rating, or the facts
        its rule reads (one part of an `any` is enough); a stage of another model counts."""
        seen = set() if seen is None else seen
        if factor_id in seen:
            return False
        seen.add(factor_id)
        factor = self.rubric.factor(factor_id)
        if factor.rating and f"ratings.{factor.rating}" in self.values.known:
            return True
        return factor.rule is not None and self._informed(factor.rule, seen)

    def _informed(self, cond: Condition, seen: set[str]) -> bool:
        if cond.all_ is not None:
            return all(self._informed(c, seen) for c in cond.all_)
        if cond.any_ is not None:
            return any(self._informed(c, seen) for c in cond.any_)
        if cond.not_ is not None:
            return self._informed(cond.not_, seen)
        if cond.factor is not None:
            return self.informed(cond.factor, seen)
        if cond.model is not None:
            return True
        path = cond.fact or ""
        return path in self.values.values or all(p in self.values.known for p in fact_inputs(self.rubric, path))


def fact_inputs(rubric: Rubric, path: str) -> set[str]:
    """The profile paths behind a condition's path: metrics are computed from facts."""
    memo = rubric.memo.setdefault("fact_inputs", {})
    if path in memo:
        return memo[path]
    metric = rubric.metrics_by_path.get(path)
    out: set[str] = {path}
    if isinstance(metric, ChainMetric):
        out = {metric.segments, metric.absent}
    elif metric is not None:
        out = set()
        for part in (*(metric.ratio or ()), *([metric.count_of] if metric.count_of else [])):
            out |= fact_inputs(rubric, part)
    memo[path] = out
    return out


def _zh(display: str) -> str:
    return {"yes": "是", "no": "否"}.get(display, display)
