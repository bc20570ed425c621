"""Cross-reference checks of a validated pack: what the schema alone cannot see.

Dangling references, duplicate ids, unknown fact paths and ratings, misordered stage models,
unresolvable source locators. One function per kind of check; each reports through the same
`_Checks` context, so `rubric validate` lists every problem of a pack in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from cluster_assess.errors import Problem
from cluster_assess.i18n import Msg, msg
from cluster_assess.io.yamlsource import SourceMap
from cluster_assess.profile.fields import field_specs
from cluster_assess.profile.schema import Ratings
from cluster_assess.rubric.conditions import Condition
from cluster_assess.rubric.model import SECTIONS, MaturityIndex, Rubric, fact_paths, metric_paths
from cluster_assess.rubric.value_types import value_misfit

Where = tuple[Any, ...]


def _did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.6) -> Msg | str:
    """'; did you mean …?' after a message, in the reader's language; '' when nothing is close."""
    hint = difflib.get_close_matches(word, sorted(known), n=1, cutoff=cutoff)
    return msg("did_you_mean", hint=hint[0]) if hint else ""


class _Checks:
    """The ids a pack declares and the problems found so far, shared by every kind of check."""

    def __init__(self, rubric: Rubric, source: SourceMap) -> None:
        self.rubric = rubric
        self.source = source
        self.problems: list[Problem] = []
        self.metrics = self.unique("metrics")
        self.factors = self.unique("factors")
        self.models = self.unique("stage_models")
        self.unique("problems")
        self.recs = self.unique("recommendations")
        self.unique("value_chains")
        self.unique("classifications")
        self.paths = fact_paths(rubric)
        self.stages_of = {m.id: [s.id for s in m.stages] for m in rubric.stage_models}
        specs = field_specs()
        self.kinds = {path: spec.kind for path, spec in specs.items()}
        self.choices = {path: spec.choices for path, spec in specs.items()}
        self.kinds.update({path: "metric" for path in metric_paths(rubric)})
        self.model_order = [m.id for m in rubric.stage_models]

    def report(self, where: Where, message: str | Msg) -> None:
        self.problems.append(self.source.problem(where, message))

    def unique(self, section: str) -> set[str]:
        """The ids of a section, reporting each duplicate at its second occurrence."""
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(self.rubric, section)):
            if item.id in seen:
                self.report((section, i, "id"), msg("rb_duplicate_id", id=item.id, other=f"{section}[{seen[item.id]}]"))
            seen.setdefault(item.id, i)
        return set(seen)

    def path(self, where: Where, path: str) -> None:
        if path not in self.paths:
            self.report(where, msg("rb_unknown_path", path=path, did=_did_you_mean(path, self.paths)))

    def recommendations(self, where: Where, ids: list[str]) -> None:
        for j, rec in enumerate(ids):
            if rec not in self.recs:
                self.report((*where, j), msg("rb_unknown_rec", id=rec))

    def condition(self, where: Where, cond: Condition | None, before: str | None = None) -> None:
        """Every fact, factor and stage a condition names must exist; a model may only depend on
        models listed before it (`before`), because models are judged in order."""
        if cond is None:
            return
        for rel, node in cond.walk():
            if node.fact is not None:
                self.path((*where, *rel, "fact"), node.fact)
                if node.fact in self.kinds and node.op not in (None, "known"):
                    message = value_misfit(node, self.kinds[node.fact], self.choices.get(node.fact, ()))
                    if message:
                        self.report((*where, *rel, "value"), message)
            if node.factor is not None and node.factor not in self.factors:
                self.report((*where, *rel, "factor"), msg("rb_unknown_factor", id=node.factor))
            if node.model is not None:
                self._model_reference((*where, *rel, "model"), node.model, node.at_least, before)

    def _model_reference(self, at: Where, model: str, stage: str | None, before: str | None) -> None:
        if model not in self.models:
            self.report(at, msg("rb_unknown_model", id=model))
        elif stage not in self.stages_of[model]:
            stages = ", ".join(self.stages_of[model])
            self.report(at, msg("rb_no_stage_listed", model=model, stage=stage, stages=stages))
        elif before is not None and self.model_order.index(model) >= self.model_order.index(before):
            self.report(at, msg("rb_model_order", before=before, model=model))

    def source_locator(self, where: Where, cited: str) -> None:
        from cluster_assess.rubric.seeds import unresolved

        for locator in unresolved(cited):
            self.report((*where, "source"), msg("rb_locator", locator=locator, doc=locator.split(" · ")[0]))


def cross_reference_problems(rubric: Rubric, source: SourceMap) -> list[Problem]:
    """Dangling references, duplicate ids, unknown fact paths and ratings, misordered models."""
    checks = _Checks(rubric, source)
    for check in (_check_sources, _check_metrics, _check_chain_metric, _check_factors, _check_stage_models,
                  _check_classifications, _check_problems, _check_recommendations, _check_maturity_index,
                  _check_comparison, _check_implications):
        check(checks)
    return checks.problems


def _check_sources(checks: _Checks) -> None:
    """Every item and every stage cites a passage that exists in the digests."""
    for section in SECTIONS:
        for i, item in enumerate(getattr(checks.rubric, section)):
            checks.source_locator((section, i), item.source)
    for i, model in enumerate(checks.rubric.stage_models):
        for j, stage in enumerate(model.stages):
            checks.source_locator(("stage_models", i, "stages", j), stage.source)


def _check_metrics(checks: _Checks) -> None:
    """A metric is a ratio, a count or a trend, over known paths or metrics defined before it."""
    metrics = checks.rubric.metrics
    for i, metric in enumerate(metrics):
        if sum(x is not None for x in (metric.ratio, metric.count_of, metric.trend_of)) != 1:
            checks.report(("metrics", i), msg("rb_metric_form"))
        earlier = {m.id for m in metrics[:i]}
        for path in (*(metric.ratio or ()), *(p for p in (metric.count_of, metric.trend_of) if p)):
            if path.startswith("metrics.") and path.removeprefix("metrics.") not in earlier:
                checks.report(("metrics", i), msg("rb_metric_order", path=path))
            else:
                checks.path(("metrics", i), path)


def _check_chain_metric(checks: _Checks) -> None:
    """The chain metric has an id of its own, a passage, and reads a known list of segments."""
    chain = checks.rubric.chain_metric
    if chain is None:
        return
    if chain.id in checks.metrics:
        checks.report(("chain_metric", "id"), msg("rb_chain_duplicate", id=chain.id))
    checks.source_locator(("chain_metric",), chain.source)
    checks.path(("chain_metric", "segments"), chain.segments)
    if not checks.rubric.value_chains:
        checks.report(("chain_metric",), msg("rb_chain_needs_chains"))


def _check_comparison(checks: _Checks) -> None:
    """compare's indicator rows are known paths, each once; the compact view keeps some of them."""
    spec = checks.rubric.comparison
    if spec is None:
        return
    seen: set[str] = set()
    for i, path in enumerate(spec.indicators):
        checks.path(("comparison", "indicators", i), path)
        if path in seen:
            checks.report(("comparison", "indicators", i), msg("rb_listed_twice", path=path))
        seen.add(path)
    for i, path in enumerate(spec.compact):
        if path not in seen:
            checks.report(("comparison", "compact", i), msg("rb_not_indicator", path=path))


def _check_factors(checks: _Checks) -> None:
    """A factor is measured by a known rating, a rule, or both."""
    ratings = set(Ratings.model_fields)
    for i, factor in enumerate(checks.rubric.factors):
        if factor.rating is None and factor.rule is None:
            checks.report(("factors", i), msg("rb_factor_form"))
        if factor.rating is not None and factor.rating not in ratings:
            checks.report(("factors", i, "rating"), msg("rb_unknown_rating", id=factor.rating,
                                                                  did=_did_you_mean(factor.rating, ratings)))
        checks.condition(("factors", i, "rule"), factor.rule)
        checks.condition(("factors", i, "fails_when"), factor.fails_when)
        if factor.fails_when is not None and factor.rule is None:
            checks.report(("factors", i, "fails_when"), msg("rb_fails_without_rule"))
        checks.recommendations(("factors", i, "recommendations"), factor.recommendations)


def _check_stage_models(checks: _Checks) -> None:
    """Stages are unique and gated (but the floor), and each factor gates one stage at most."""
    for i, model in enumerate(checks.rubric.stage_models):
        checks.condition(("stage_models", i, "applies_when"), model.applies_when, before=model.id)
        if model.applies_when is not None and model.not_applicable is None:
            checks.report(("stage_models", i), msg("rb_applies_when"))
        seen_stage: set[str] = set()
        gated: set[str] = set()
        for j, stage in enumerate(model.stages):
            at = ("stage_models", i, "stages", j)
            if stage.id in seen_stage:
                checks.report((*at, "id"), msg("rb_duplicate_stage", id=stage.id))
            seen_stage.add(stage.id)
            if j > 0 and not stage.gates:
                checks.report(at, msg("rb_no_gates", id=stage.id))
            for k, gate in enumerate(stage.gates):
                if gate not in checks.factors:
                    checks.report((*at, "gates", k), msg("rb_unknown_factor", id=gate))
                elif gate in gated:
                    checks.report((*at, "gates", k),
                                  msg("rb_repeated_gate", id=gate))
                gated.add(gate)


def _check_classifications(checks: _Checks) -> None:
    """Options are unique and their conditions and evidence read known paths."""
    for i, classification in enumerate(checks.rubric.classifications):
        seen_option: set[str] = set()
        for j, option in enumerate(classification.options):
            if option.id in seen_option:
                checks.report(("classifications", i, "options", j, "id"), msg("rb_duplicate_option", id=option.id))
            seen_option.add(option.id)
            checks.condition(("classifications", i, "options", j, "when"), option.when)
        for j, path in enumerate(classification.evidence):
            checks.path(("classifications", i, "evidence", j), path)


def _check_problems(checks: _Checks) -> None:
    """A problem check reads known paths and points to known recommendations."""
    for i, problem in enumerate(checks.rubric.problems):
        checks.condition(("problems", i, "when"), problem.when)
        for j, path in enumerate(problem.evidence):
            checks.path(("problems", i, "evidence", j), path)
        checks.recommendations(("problems", i, "recommendations"), problem.recommendations)


def _check_recommendations(checks: _Checks) -> None:
    """A recommendation fits stages that exist; its `unless` and `when` read known facts."""
    for i, rec in enumerate(checks.rubric.recommendations):
        checks.condition(("recommendations", i, "unless"), rec.unless)
        checks.condition(("recommendations", i, "when"), rec.when)
        for model_id, stage_ids in rec.fits.items():
            if model_id not in checks.models:
                checks.report(("recommendations", i, "fits", model_id), msg("rb_unknown_model", id=model_id))
                continue
            for stage_id in stage_ids:
                if stage_id not in checks.stages_of[model_id]:
                    checks.report(("recommendations", i, "fits", model_id),
                                  msg("rb_no_stage", model=model_id, stage=stage_id))


def _check_maturity_index(checks: _Checks) -> None:
    """Every weighted id must exist, and something must carry weight."""
    index: MaturityIndex | None = checks.rubric.maturity_index
    if index is None:
        return
    for section, known, kind in (("models", checks.models, "rb_unknown_model"),
                                 ("factors", checks.factors, "rb_unknown_factor")):
        for key in getattr(index, section):
            if key not in known:
                checks.report(("maturity_index", section, key),
                              msg(f"{kind}_hint", id=key, did=_did_you_mean(key, known)))
    if not any(w > 0 for w in (*index.models.values(), *index.factors.values())):
        checks.report(("maturity_index",),
                      "the maturity index gives no weight to anything; weight at least one model or factor")


def _check_implications(checks: _Checks) -> None:
    """Each side names a factor, or a model and one of its stages, that exists; and no chain of
    implications leads back to where it started (a cycle says nothing and hides a slip)."""
    edges: dict[str, set[str]] = {}
    for i, rule in enumerate(checks.rubric.implications):
        checks.source_locator(("implications", i), rule.source)
        for side, term in (("if", rule.if_), ("then", rule.then)):
            at = ("implications", i, side)
            if term.factor is not None and term.factor not in checks.factors:
                hint = _did_you_mean(term.factor, checks.factors)
                checks.report((*at, "factor"), msg("rb_unknown_factor_hint", id=term.factor, did=hint))
            if term.model is not None:
                checks._model_reference((*at, "model"), term.model, term.at_least, None)
        edges.setdefault(rule.if_.key(), set()).add(rule.then.key())
    for i, rule in enumerate(checks.rubric.implications):  # one cycle reported: its first implication
        if _leads_back(rule, edges):
            checks.report(("implications", i), msg("rb_implication_cycle", id=rule.id))
            return


def _leads_back(rule: Any, edges: dict[str, set[str]]) -> bool:
    """Whether following implications from `rule`'s conclusion comes back to its premise."""
    start = rule.if_.key()
    seen: set[str] = set()
    todo = [rule.then.key()]
    while todo:
        node = todo.pop()
        if node == start:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return False
