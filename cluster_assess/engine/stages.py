"""Stages as ranges: for each model, `at_least` is the highest stage the evidence establishes and
`at_most` the highest stage no known fact rules out.

- Stages are cumulative (the sources: a stage needs "the elements of the stages before, and
  also …"): the climb to `at_least` needs every gate up to it known met; the climb to `at_most`
  stops only at a gate known NOT met. An unknown gate therefore never lowers `at_most`.
- A `history` model (000's governance stages) is a path walked in order: a later stage's evidence
  establishes the earlier ones, so `at_least` is the highest stage whose own gates are met.
- A model with `applies_when` (radiation presupposes the cluster stage) is not applicable when
  that is ruled out, and "perhaps not applicable" while it is undecided.
- Implications declared in the rubric move bounds across models and factors, both ways (if A then
  B; so if not B then not A), until nothing moves. Each move is kept as evidence with its passage.

Index -1 stands for "not applicable" throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cluster_assess.assessment import Implied
from cluster_assess.engine.factors import Factors
from cluster_assess.rubric.conditions import Tri, evaluate
from cluster_assess.rubric.model import Implication, Rubric, StageModel, Term, Text

NA = -1


@dataclass
class Bounds:
    """One model's range, as stage indexes (-1: not applicable), and what moved it."""

    lo: int
    hi: int
    raw_lo: int  # what the model's own gates establish, applicability aside
    applies: Tri
    implied: list[Implied] = field(default_factory=list)


class Stages:
    """Works out every model's range, with the rubric's implications applied to a fixpoint."""

    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric
        self.bounds: dict[str, Bounds] = {}
        self.forced_lo: dict[str, int] = {}
        self.forced_hi: dict[str, int] = {}
        self.moves: dict[str, list[Implied]] = {}
        self.contradictions: list[Implied] = []
        self.broken: dict[str, Implied] = {}  # implications whose premise holds and conclusion is ruled out

    def at_least(self, model_id: str, stage_id: str) -> Tri:
        """Three-valued `model >= stage`, for conditions: unknown until the model is worked out."""
        bounds = self.bounds.get(model_id)
        if bounds is None:
            return None
        index = self.rubric.stage_index(model_id, stage_id)
        if bounds.lo >= index:
            return True
        if bounds.hi < index:
            return False
        return None

    def solve(self, factors: Factors) -> dict[str, Bounds]:
        limit = 2 * (len(self.rubric.stage_models) + len(self.rubric.implications)) + 2
        for _ in range(limit):
            factors.reset()
            self.bounds = {}
            self.contradictions = []
            for model in self.rubric.stage_models:
                self.bounds[model.id] = self._model(model, factors)
            if not self._imply(factors):
                break
        for model_id, bounds in self.bounds.items():
            bounds.implied = list(self.moves.get(model_id, []))
        return self.bounds

    def _model(self, model: StageModel, factors: Factors) -> Bounds:
        gates = [[factors.outcome(g).value for g in stage.gates] for stage in model.stages]
        raw_lo = _lowest(gates, model.history)
        raw_hi = _highest(gates)
        lo = max(raw_lo, self.forced_lo.get(model.id, NA))
        hi = min(raw_hi, self.forced_hi.get(model.id, len(model.stages) - 1))
        applies: Tri = True
        if model.applies_when is not None:
            applies = evaluate(model.applies_when, factors.ctx).value
            if applies is False:
                return Bounds(NA, NA, raw_lo, applies)
            if applies is None and self.forced_lo.get(model.id, NA) < 0:
                lo = NA
        if lo > hi:
            # the evidence contradicts itself; positive evidence of the higher stage is kept,
            # and the contradiction is shown so the assessor can settle it
            self.contradictions.append(Implied(
                id=f"{model.id}:contradiction", source=model.source,
                text=Text(zh=f"{model.name.zh}：证据相互矛盾，较高阶段的正面证据与排除它的事实并存，请核实",
                          en=f"{model.name.en}: the evidence contradicts itself — positive evidence of a "
                             "higher stage stands beside facts that rule it out; please check"),
            ))
            hi = lo
        return Bounds(lo, hi, raw_lo, applies)

    def _truth(self, term: Term, factors: Factors) -> Tri:
        if term.factor is not None:
            return factors.outcome(term.factor).value
        bounds = self.bounds[term.model or ""]
        index = self.rubric.stage_index(term.model or "", term.at_least or "")
        if bounds.lo >= index or bounds.raw_lo >= index > 0:
            return True  # a stage's own gates are evidence of it, whether or not it applies yet
        if bounds.hi < index:
            return False
        return None

    def _imply(self, factors: Factors) -> bool:
        """Apply each implication once; True when a bound or a factor moved."""
        moved = False
        for rule in self.rubric.implications:
            if self._truth(rule.if_, factors) is True and self._truth(rule.then, factors) is False:
                self.broken[rule.id] = Implied(id=f"{rule.id}:contradiction", source=rule.source, text=Text(
                    zh=f"事实与推定关系相抵触：{rule.why.zh} 请核实相关事实。",
                    en=f"The facts contradict an implication of the rubric: {rule.why.en} Please check the facts."))
                continue
            if self._truth(rule.if_, factors) is True:
                moved |= self._make(rule.then, True, rule, factors)
            if self._truth(rule.then, factors) is False:
                moved |= self._make(rule.if_, False, rule, factors)
        return moved

    def _make(self, term: Term, value: bool, rule: Implication, factors: Factors) -> bool:
        if term.factor is not None:
            return factors.force(term.factor, value, rule)
        model_id = term.model or ""
        index = self.rubric.stage_index(model_id, term.at_least or "")
        if value:
            if self.forced_lo.get(model_id, NA) >= index:
                return False
            self.forced_lo[model_id] = index
        else:
            if self.forced_hi.get(model_id, len(self.rubric.model(model_id).stages)) <= index - 1:
                return False
            self.forced_hi[model_id] = index - 1
        self.moves.setdefault(model_id, []).append(Implied(id=rule.id, text=rule.why, source=rule.source))
        return True


def _lowest(gates: list[list[Tri]], history: bool) -> int:
    """The highest stage established: every gate up to it met (history: its own gates met)."""
    if history:
        return max((k for k, g in enumerate(gates) if all(v is True for v in g)), default=0)
    reached = 0
    for k, stage_gates in enumerate(gates[1:], start=1):
        if not all(v is True for v in stage_gates):
            break
        reached = k
    return reached


def _highest(gates: list[list[Tri]]) -> int:
    """The highest stage not ruled out: the climb stops only at a gate known not met."""
    reached = 0
    for k, stage_gates in enumerate(gates[1:], start=1):
        if any(v is False for v in stage_gates):
            break
        reached = k
    return reached
