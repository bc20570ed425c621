"""Problems the facts show, problems that cannot be checked yet, and the classifications."""

from __future__ import annotations

from cluster_assess.assessment import ClassificationResult, ProblemFound, ProblemUnchecked
from cluster_assess.engine.evidence import Evidence
from cluster_assess.engine.factors import Factors
from cluster_assess.engine.values import Values
from cluster_assess.rubric.conditions import evaluate
from cluster_assess.rubric.model import Classification, Rubric, Text


def problems(rubric: Rubric, factors: Factors, evidence: Evidence,
             values: Values) -> tuple[list[ProblemFound], list[ProblemUnchecked]]:
    found, unchecked = [], []
    for check in rubric.problems:
        outcome = evaluate(check.when, factors.ctx)
        if outcome.value is True:
            found.append(ProblemFound(
                id=check.id, title=check.title, description=check.description,
                severity=check.severity, evidence=evidence.shown_all([*check.evidence, *sorted(outcome.used)]),
                recommendations=list(check.recommendations), source=check.source,
                items=_items(check.itemise, values),
            ))
        elif outcome.value is None:
            unchecked.append(ProblemUnchecked(id=check.id, title=check.title,
                                              missing=factors.inputs_of(outcome.missing), source=check.source))
    return found, unchecked


def _items(itemise: str | None, values: Values) -> list[Text]:
    """The items a finding names: for the chain, only the segments stated absent."""
    if itemise == "chain_missing" and values.chain is not None:
        return list(values.chain.missing)
    return []


def classify(classification: Classification, factors: Factors, evidence: Evidence) -> ClassificationResult:
    """The first option whose condition holds; options before it that are unknown stay
    'also possible', so an answer is never claimed more firmly than the facts allow."""
    undecided: list[str] = []
    used: set[str] = set()
    missing: set[str] = set()
    chosen = None
    for option in classification.options:
        outcome = evaluate(option.when, factors.ctx)
        used |= outcome.used
        if outcome.value is True:
            chosen = option
            break
        if outcome.value is None:
            undecided.append(option.id)
            missing |= outcome.missing
    return ClassificationResult(
        id=classification.id, name=classification.name,
        value=chosen.id if chosen else None, value_name=chosen.name if chosen else None,
        also_possible=undecided,
        also_possible_names=[o.name for o in classification.options if o.id in undecided],
        facts=evidence.shown_all([*classification.evidence, *sorted(used)]),
        missing=factors.inputs_of(missing), source=classification.source,
    )
