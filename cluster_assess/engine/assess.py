"""assess(): Profile × Rubric → Assessment. Pure: no I/O, no clock, no randomness.

The flow, one module a step: values (facts as intervals, metrics, the chain) → factors (the
rating decides, else the rule; conflicts shown) → stages (ranges, implications to a fixpoint) →
findings (problems, classifications) → ranking (advice that fits the facts, facts to collect).
"""

from __future__ import annotations

from collections.abc import Collection

from cluster_assess.assessment import Assessment, Identity, RubricRef
from cluster_assess.engine.evidence import Evidence
from cluster_assess.engine.factors import Factors
from cluster_assess.engine.findings import classify, problems
from cluster_assess.engine.ladders import stage_result
from cluster_assess.engine.ranking import recommendations, unknowns
from cluster_assess.engine.stages import Stages
from cluster_assess.engine.values import Values
from cluster_assess.profile.schema import Profile
from cluster_assess.rubric.model import Rubric


def assess(profile: Profile, rubric: Rubric, *, facts_shown: Collection[str] | None = None) -> Assessment:
    """The judgement of `profile` by `rubric`. `facts_shown` names the known facts the caller will
    show in the Assessment's own list of facts (default: all); a comparison shows a few, the
    terminal and markdown none, and building the rest was a fifth of the work."""
    values = Values(profile, rubric)
    evidence = Evidence(rubric, values)
    stages = Stages(rubric)
    factors = Factors(rubric, values, evidence, stages.at_least)
    bounds = stages.solve(factors)
    contradictions = {c.id.split(":")[0]: c for c in stages.contradictions}
    results = {
        model.id: stage_result(model, bounds[model.id], factors,
                               [contradictions[model.id]] if model.id in contradictions else None)
        for model in rubric.stage_models
    }
    found, unchecked = problems(rubric, factors, evidence, values)
    try:
        broken = [*stages.broken.values(), *stages.contradictions]
        return _assessment(profile, rubric, values, evidence, factors, results, found, unchecked, broken,
                           facts_shown)
    finally:
        factors.release()  # its context points back at it: free the cycle now, not at a collection


def _assessment(profile: Profile, rubric: Rubric, values: Values, evidence: Evidence, factors: Factors,
                results: dict, found: list, unchecked: list, broken: list,
                facts_shown: Collection[str] | None) -> Assessment:
    known = values.known if facts_shown is None else [p for p in values.known if p in facts_shown]
    return Assessment(
        profile=Identity(name=profile.name, region=profile.region, industry=profile.industry, year=profile.year),
        rubric=RubricRef(id=rubric.id, version=rubric.version, title=rubric.title),
        stages=results,
        factors={f.id: factors.result(f.id) for f in rubric.factors},
        metrics=values.metrics, chain=values.chain,
        classifications={c.id: classify(c, factors, evidence) for c in rubric.classifications},
        problems=found, unchecked=unchecked, conflicts=factors.conflicts(),
        contradictions=broken,
        recommendations=recommendations(rubric, found, results, factors, evidence),
        unknowns=unknowns(rubric, results, unchecked, evidence),
        facts=evidence.shown_all(known),
    )
