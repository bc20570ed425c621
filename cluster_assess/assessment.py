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
    evidence: str | None = None  # an assessor's evidence text, for ratings


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
    reached: bool
    current: bool


class StageResult(Value):
    model: str
    name: Text
    stage: str
    stage_name: Text
    confidence: float
    could_be_higher: bool = False
    reason: Text | None = None
    evidence: list[FactorResult] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    next_stage: str | None = None
    ladder: list[Rung] = Field(default_factory=list)
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
    source: str


class Unknown(Value):
    path: str
    name: Text
    affects: list[Text]


class ChainResult(Value):
    chain: str
    name: Text
    present: list[str]
    missing: list[Text]
    missing_ids: list[str]
    unrecognised: list[str]
    completeness: float
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
    recommendations: list[RecommendationResult]
    unknowns: list[Unknown]
    facts: list[FactShown]
