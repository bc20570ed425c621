"""The Assessment: one serialisable value that every renderer reads.

Texts are kept in both languages ({zh, en}); a renderer picks one. Nothing here decides anything:
it is the record of what `assess()` decided and why.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cluster_assess.rubric.model import Text

UNDETERMINED = "undetermined"
NOT_APPLICABLE = "not_applicable"


class Value(BaseModel):
    model_config = ConfigDict(frozen=True)


class FactShown(Value):
    """A fact as evidence: its path, bilingual name, value and how it was stated."""

    path: str
    name: Text
    kind: str = ""
    value: Any
    display: str
    unit: str = ""
    approx: str | None = None
    source: str | None = None
    evidence: str | None = None  # an assessor's evidence text, for ratings, as written
    evidence_en: str | None = None  # its English, where the profile gives one
    display_en: str | None = None  # an amount written in Chinese words, said in English (200多家 → 200+ firms)


class FactorResult(Value):
    id: str
    name: Text
    status: Literal["met", "not_met", "unknown"]
    score: float | None = Field(None, description="0–1; the rating scaled, or 1/0 for a rule")
    rule: Text | None = None
    rating: str | None = Field(None, description="path of the assessor rating that measures it")
    facts: list[FactShown] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    source: str
    weight: float = 1.0


class Gap(Value):
    factor: str
    name: Text
    status: Literal["not_met", "unknown"]
    needed: Text
    facts: list[FactShown] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    source: str


class Rung(Value):
    id: str
    name: Text
    reached: bool = Field(description="established: at or below at_least")
    current: bool = Field(description="the stage, when the range is one stage")
    possible: bool = Field(False, description="not ruled out: at or below at_most")


class Implied(Value):
    """An implication of the rubric that moved a bound, shown as evidence with its passage."""

    id: str
    text: Text
    source: str


class StageResult(Value):
    """Where a cluster stands on one ladder, as a range [at_least, at_most] of stage ids (or
    not_applicable); `stage` is that stage when the two coincide, else undetermined."""

    model: str
    name: Text
    stage: str
    stage_name: Text
    at_least: str
    at_most: str
    at_least_name: Text
    at_most_name: Text
    summary: Text = Field(description="the range in words: 成长期 / 至少成长期（可能已达成熟期）")
    confidence: float
    could_be_higher: bool = False
    reason: Text | None = None
    evidence: list[FactorResult] = Field(default_factory=list)
    implied: list[Implied] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    deciding: list[str] = Field(default_factory=list, description="facts that would narrow the range")
    next_stage: str | None = None
    ladder: list[Rung] = Field(default_factory=list)
    source: str


class Conflict(Value):
    """A rating and the facts disagree. The rating stands; the assessor is asked to answer it."""

    factor: str
    name: Text
    rating: str
    score: float
    threshold: float
    rated_met: bool
    facts_say: Text
    facts: list[FactShown] = Field(default_factory=list)
    text: Text
    source: str


class ProblemFound(Value):
    id: str
    title: Text
    description: Text
    severity: Literal["high", "medium", "low"]
    evidence: list[FactShown]
    recommendations: list[str]
    source: str
    items: list[Text] = Field(default_factory=list, description="each item the finding names, e.g. missing segments")


class ClassificationResult(Value):
    """A non-ladder judgement: the option that holds, or None when it cannot be told yet."""

    id: str
    name: Text
    value: str | None
    value_name: Text | None = None
    also_possible: list[str] = Field(default_factory=list, description="earlier options still unknown")
    also_possible_names: list[Text] = Field(default_factory=list)
    facts: list[FactShown] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    source: str


class ProblemUnchecked(Value):
    id: str
    title: Text
    missing: list[str]
    source: str


class RecommendationResult(Value):
    id: str
    priority: int
    level: Literal["high", "medium", "low"]
    score: float
    title: Text
    text: Text
    answers: list[str] = Field(default_factory=list)
    closes: list[str] = Field(default_factory=list)
    fits: list[str] = Field(default_factory=list, description="models whose current stage it suits")
    conditional: bool = Field(False, description="offered only if an unknown factor turns out unmet")
    condition: Text | None = Field(None, description="when conditional: the condition in words")
    source: str


class Unknown(Value):
    path: str
    name: Text
    affects: list[Text]
    weight: float = Field(0.0, description="how much collecting it would narrow ranges and settle checks")


class ChainResult(Value):
    """Segments present, stated absent (`missing`) and not stated; completeness as a range."""

    chain: str
    name: Text
    present: list[str]
    missing: list[Text]
    missing_ids: list[str]
    unstated: list[Text] = Field(default_factory=list)
    unstated_ids: list[str] = Field(default_factory=list)
    unrecognised: list[str]
    completeness: float = Field(description="the least it can be: present ÷ all segments")
    completeness_max: float = Field(description="the most it can be: (all − stated absent) ÷ all")
    source: str


class Identity(Value):
    name: str | None
    region: str | None
    industry: str | None
    year: int | None


class RubricRef(Value):
    id: str
    version: str
    title: Text


class Assessment(Value):
    """What `assess(profile, rubric)` returns; the JSON contract is its localised dump."""

    profile: Identity
    rubric: RubricRef
    stages: dict[str, StageResult]
    factors: dict[str, FactorResult]
    metrics: dict[str, float | None]
    chain: ChainResult | None
    classifications: dict[str, ClassificationResult] = Field(default_factory=dict)
    problems: list[ProblemFound]
    unchecked: list[ProblemUnchecked]
    conflicts: list[Conflict] = Field(default_factory=list)
    contradictions: list[Implied] = Field(default_factory=list,
                                          description="implications of the rubric the facts break: check them")
    recommendations: list[RecommendationResult]
    unknowns: list[Unknown]
    facts: list[FactShown]
