"""Rubric packs: the source documents' models, factors, checks and recommendations, as data.

The engine knows nothing of garments or glass; everything it judges by lives here. The models
are strict (unknown keys are errors); reading a pack is `rubric.loading`, and the checks across
items (dangling ids, unknown fact paths, stages out of order) are `rubric.checks`.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from cluster_assess.i18n import msg
from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.conditions import Condition

Severity = Literal["high", "medium", "low"]
Better = Literal["higher", "lower", "none"]
SEVERITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}
MAX_WEIGHT = 1000.0  # a weight above this is a typo (1e308, inf), and sums of them overflow


def _check_weight(key: str, weight: float) -> float:
    if not math.isfinite(weight):
        raise ValueError(msg("rb_weight_finite", key=key, weight=weight, most=f"{MAX_WEIGHT:g}"))
    if weight < 0:
        raise ValueError(msg("rb_weight_negative", key=key, weight=f"{weight:g}"))
    if weight > MAX_WEIGHT:
        raise ValueError(msg("rb_weight_large", key=key, weight=f"{weight:g}", most=f"{MAX_WEIGHT:g}"))
    return weight


class Model(BaseModel):
    # defer_build: a rubric served from the cache (rubric.cache) is never validated, so building
    # each class's validator and serializer at import would be wasted; pydantic builds them on
    # first use instead (a pack read afresh, or a model dumped)
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Text(Model):
    """User-facing text in both languages; neither may be empty."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @model_serializer(mode="plain")
    def _dump(self, info: SerializationInfo) -> str | dict[str, str]:
        """Both languages, or only one when dumped with `context={"lang": ...}`: the JSON
        renderer then gets localised output straight from pydantic's (fast) serializer."""
        lang = info.context.get("lang") if isinstance(info.context, dict) else None
        if lang in ("zh", "en"):
            return self.zh if lang == "zh" else self.en
        return {"zh": self.zh, "en": self.en}


class Item(Model):
    """Everything with an id carries its source passage."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    source: str = Field(min_length=3)


class Metric(Item):
    """A value derived from facts: a ratio of two paths, the number of entries in a list, or the
    average yearly change of a yearly series (`trend_of`, a rate: -0.1 is a fall of 10% a year)."""

    name: Text
    ratio: tuple[str, str] | None = None
    count_of: str | None = None
    trend_of: str | None = None
    unit: Literal["share", "ratio", "count", "rate"] = "ratio"
    better: Better = Field(default="none", description="which direction is better when towns are compared")
    rationale: Text | None = None


class ChainMetric(Item):
    """The share of the reference value chain's segments that a profile names (read as
    `metrics.<id>` by conditions and `compare`); the chain is chosen by the profile's industry."""

    name: Text
    segments: str = Field(default="facts.chain.segments", description="the fact listing the segments present")
    absent: str = Field(default="facts.chain.absent", description="the fact listing the segments stated missing")
    unit: Literal["share"] = "share"
    better: Better = "higher"
    rationale: Text | None = None


class Comparison(Model):
    """What `compare` shows of each town besides the index, stages and factors: the key indicator
    rows (fact paths or metrics, in this order), and the few kept in the one-line-per-town view."""

    indicators: list[str] = Field(default_factory=list)
    compact: list[str] = Field(default_factory=list, description="indicators kept when many towns are shown")


class Segment(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    synonyms: list[str] = Field(default_factory=list, description="other names officials write for it")


class ValueChain(Item):
    """A reference chain for an industry; a profile's segments are measured against it."""

    name: Text
    match: list[str] = Field(default_factory=list, description="industry words that select this chain")
    segments: list[Segment] = Field(min_length=2)


class Factor(Item):
    """A condition of the sources, measured by an assessor rating and/or a rule over facts.

    It is met when the rating reaches the threshold OR the rule holds (either kind of evidence
    suffices); it is unknown when neither can be decided."""

    name: Text
    description: Text | None = None
    rating: str | None = None
    threshold: float = Field(default=3.0, ge=0, le=5)
    rule: Condition | None = None
    fails_when: Condition | None = Field(
        default=None, description="what the facts must show for the factor to count as NOT met; without it, "
        "the rule failing is enough. For rules written as sufficient conditions (met if …), so that a "
        "missing sign of the factor is not read as its absence")
    rationale: Text | None = None
    weight: float = 1.0
    recommendations: list[str] = Field(default_factory=list)

    @field_validator("weight")
    @classmethod
    def _finite_weight(cls, value: float) -> float:
        return _check_weight("this factor", value)


class Stage(Item):
    name: Text
    description: Text
    gates: list[str] = Field(default_factory=list)
    signs: list[Text] = Field(default_factory=list)


class StageModel(Item):
    """An ordered ladder. Stages are cumulative: a stage needs its own gates and those below.

    A `history` model is a path every cluster walks in order (000's governance stages), so the
    evidence of a later stage also establishes the earlier ones."""

    name: Text
    description: Text | None = None
    stages: list[Stage] = Field(min_length=2)
    applies_when: Condition | None = None
    not_applicable: Text | None = None
    min_confidence: float = Field(default=0.4, ge=0, le=1)
    history: bool = False
    history_why: Text | None = Field(default=None, description="why the sources read this model as a history")


class ProblemCheck(Item):
    title: Text
    description: Text
    severity: Severity
    when: Condition
    evidence: list[str] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    rationale: Text | None = None
    itemise: Literal["chain_missing"] | None = Field(
        default=None, description="name each item of this list in the finding (e.g. each missing chain segment)")


class ClassOption(Model):
    """One answer a classification can give, with the condition that makes it the answer."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    when: Condition
    description: Text | None = None


class Classification(Item):
    """A non-ladder judgement (cluster type, origin, leading-firm weight): the first option whose
    condition holds is the answer; earlier options still unknown are reported as also possible."""

    name: Text
    description: Text | None = None
    options: list[ClassOption] = Field(min_length=2)
    evidence: list[str] = Field(default_factory=list, description="facts shown with the answer")
    rationale: Text | None = None


class Recommendation(Item):
    """Advice. `unless` names what makes it pointless (an association exists): never offered then.
    `when` names what it presumes (energy is a concern): never offered where the facts rule that
    out, and only conditionally where they do not say."""

    title: Text
    text: Text
    priority: Severity = "medium"
    fits: dict[str, list[str]] = Field(default_factory=dict)
    unless: Condition | None = None
    when: Condition | None = None


class Term(Model):
    """One side of an implication: a factor is met, or a model has reached at least a stage."""

    factor: str | None = None
    model: str | None = None
    at_least: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Term:
        if (self.factor is None) == (self.model is None) or (self.model is None) != (self.at_least is None):
            raise ValueError(msg("rb_term"))
        return self

    def key(self) -> str:
        return f"factor:{self.factor}" if self.factor else f"model:{self.model}>={self.at_least}"


class Implication(Item):
    """What the sources let one piece of evidence say about another: `if` holds, so does `then`;
    and, by the same token, when `then` is ruled out so is `if`. Applied to both stage bounds."""

    if_: Term = Field(alias="if")
    then: Term
    why: Text


class MaturityIndex(Model):
    """How `compare` ranks towns: a weighted mean, 0–100, of stage positions and factor scores.

    Components that are unknown weigh zero and lower the index's confidence (as Lighthouse does
    with audits it cannot score); below `min_confidence` a town is listed apart, not ranked."""

    name: Text
    formula: Text
    models: dict[str, float] = Field(default_factory=dict, description="weight per stage model")
    factors: dict[str, float] = Field(default_factory=dict, description="weight per factor")
    min_confidence: float = Field(default=0.5, ge=0, le=1)
    source: str = Field(min_length=3)
    rationale: Text

    @field_validator("models", "factors")
    @classmethod
    def _non_negative(cls, value: dict[str, float]) -> dict[str, float]:
        for key, weight in value.items():
            _check_weight(key, weight)
        return value


class Rubric(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str
    title: Text
    description: Text | None = None
    sources: list[str] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    value_chains: list[ValueChain] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    stage_models: list[StageModel] = Field(default_factory=list)
    classifications: list[Classification] = Field(default_factory=list)
    problems: list[ProblemCheck] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    implications: list[Implication] = Field(default_factory=list)
    maturity_index: MaturityIndex | None = None
    chain_metric: ChainMetric | None = None
    comparison: Comparison | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    # lookups used by the engine and renderers, built once per (frozen) rubric
    @cached_property
    def factors_by_id(self) -> dict[str, Factor]:
        return {f.id: f for f in self.factors}

    @cached_property
    def models_by_id(self) -> dict[str, StageModel]:
        return {m.id: m for m in self.stage_models}

    @cached_property
    def recommendations_by_id(self) -> dict[str, Recommendation]:
        return {r.id: r for r in self.recommendations}

    @cached_property
    def metrics_by_path(self) -> dict[str, Metric | ChainMetric]:
        return metric_paths(self)

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """Texts that depend on the rubric alone (names, rules in words), made once per rubric."""
        return {}

    def factor(self, factor_id: str) -> Factor:
        return self.factors_by_id[factor_id]

    def model(self, model_id: str) -> StageModel:
        return self.models_by_id[model_id]

    def recommendation(self, rec_id: str) -> Recommendation:
        return self.recommendations_by_id[rec_id]

    def stage_index(self, model_id: str, stage_id: str) -> int:
        return [s.id for s in self.models_by_id[model_id].stages].index(stage_id)

    def all_items(self) -> list[tuple[str, Any]]:
        """(kind, item) for everything with an id — for `explain` and the docs."""
        out: list[tuple[str, Any]] = []
        out += [("metric", m) for m in self.metrics]
        if self.chain_metric is not None:
            out.append(("metric", self.chain_metric))
        out += [("value_chain", c) for c in self.value_chains]
        out += [("factor", f) for f in self.factors]
        for model in self.stage_models:
            out.append(("stage_model", model))
            out += [("stage", s) for s in model.stages]
        out += [("classification", c) for c in self.classifications]
        out += [("problem", p) for p in self.problems]
        out += [("recommendation", r) for r in self.recommendations]
        return out


# the sections of a pack that hold items with ids, in the order they are checked and documented
SECTIONS = ("metrics", "value_chains", "factors", "stage_models", "classifications", "problems",
            "recommendations")


def metric_paths(rubric: Rubric) -> dict[str, Metric | ChainMetric]:
    """`metrics.<id>` → the metric, for the pack's metrics and its chain metric."""
    out: dict[str, Metric | ChainMetric] = {f"metrics.{m.id}": m for m in rubric.metrics}
    if rubric.chain_metric is not None:
        out[f"metrics.{rubric.chain_metric.id}"] = rubric.chain_metric
    return out


def fact_paths(rubric: Rubric) -> set[str]:
    """Every path a condition may read: profile facts and ratings, plus the rubric's metrics."""
    return set(field_specs()) | set(metric_paths(rubric))
