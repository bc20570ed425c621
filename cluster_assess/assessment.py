"""The Assessment: one serialisable value that every renderer reads.

Texts are kept in both languages ({zh, en}); a renderer picks one. Nothing here decides anything:
it is the record of what `assess()` decided and why.

Plain frozen values, neither pydantic models nor dataclasses. The engine is their only maker and
gives each field its declared type (tests/test_assessment_data.py checks every field of many
assessments against its annotation), so validating the ~170 values a profile makes was pure
cost, and so was building their validators at start-up; making these sixteen classes dataclasses
cost as long (about 12 ms: each generates its methods with `exec`). Each class names its fields
as `__slots__` (in the order JSON writes them, render/json.py), as annotations (their types) and
as its keyword-only `__init__` (with pydantic's defaults; a list or mapping left out is a new empty
one); the test checks that the three agree. Frozen: factor results and facts shown are shared
between profiles and towns, so a changed part is a new value (`replace`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from cluster_assess.rubric.model import Text

UNDETERMINED = "undetermined"
NOT_APPLICABLE = "not_applicable"

R = TypeVar("R", bound="Record")
_set = object.__setattr__


class Record:
    """Fields set once, by `__init__`; equal when of one class with equal fields."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: make a changed copy with replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, name) for name in self.__slots__)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle and copy: the default would set the slots through the refusing __setattr__
        return _rebuilt, (type(self), *(getattr(self, name) for name in self.__slots__))


def _fill(record: Record, *values: Any) -> None:
    """Set each field of a new `record` from `values`, given in the order of its `__slots__`."""
    for name, value in zip(record.__slots__, values):
        _set(record, name, value)


def _rebuilt(cls: type[R], *values: Any) -> R:
    record = object.__new__(cls)
    _fill(record, *values)
    return record


def replace(record: R, **changes: Any) -> R:
    """A copy of `record` with the fields in `changes` replaced (the others shared, not copied)."""
    cls = type(record)
    if not changes.keys() <= set(cls.__slots__):
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(set(changes) - set(cls.__slots__)))}")
    return cls(**{name: changes[name] if name in changes else getattr(record, name) for name in cls.__slots__})


class Identity(Record):
    __slots__ = ("name", "region", "industry", "year")  # noqa: RUF023 (field order)
    name: str | None
    region: str | None
    industry: str | None
    year: int | None

    def __init__(self, *, name: str | None, region: str | None, industry: str | None, year: int | None) -> None:
        _fill(self, name, region, industry, year)


class RubricRef(Record):
    __slots__ = ("id", "version", "title")  # noqa: RUF023 (field order)
    id: str
    version: str
    title: Text

    def __init__(self, *, id: str, version: str, title: Text) -> None:
        _fill(self, id, version, title)


class Assessment(Record):
    """What `assess(profile, rubric)` returns; the JSON contract is its localised dump (render/json.py)."""

    __slots__ = (  # noqa: RUF023 (field order)
        "profile", "rubric", "stages", "factors", "metrics", "chain", "classifications", "problems",
        "unchecked", "conflicts", "contradictions", "recommendations", "unknowns", "facts",
    )
    profile: Identity
    rubric: RubricRef
    stages: dict[str, StageResult]
    factors: dict[str, FactorResult]
    metrics: dict[str, float | None]
    chain: ChainResult | None
    classifications: dict[str, ClassificationResult]
    problems: list[ProblemFound]
    unchecked: list[ProblemUnchecked]
    conflicts: list[Conflict]
    contradictions: list[Implied]  # implications of the rubric the facts break: check them
    recommendations: list[RecommendationResult]
    unknowns: list[Unknown]
    facts: list[FactShown]

    def __init__(self, *, profile: Identity, rubric: RubricRef, stages: dict[str, StageResult],
                 factors: dict[str, FactorResult], metrics: dict[str, float | None], chain: ChainResult | None,
                 classifications: dict[str, ClassificationResult] | None = None, problems: list[ProblemFound],
                 unchecked: list[ProblemUnchecked], conflicts: list[Conflict] | None = None,
                 contradictions: list[Implied] | None = None, recommendations: list[RecommendationResult],
                 unknowns: list[Unknown], facts: list[FactShown]) -> None:
        _fill(self, profile, rubric, stages, factors, metrics, chain, classifications or {}, problems, unchecked,
              conflicts or [], contradictions or [], recommendations, unknowns, facts)


class StageResult(Record):
    """Where a cluster stands on one ladder, as a range [at_least, at_most] of stage ids (or
    not_applicable); `stage` is that stage when the two coincide, else undetermined."""

    __slots__ = (  # noqa: RUF023 (field order)
        "model", "name", "stage", "stage_name", "at_least", "at_most", "at_least_name", "at_most_name",
        "summary", "confidence", "could_be_higher", "reason", "evidence", "implied", "gaps", "deciding",
        "next_stage", "ladder", "source",
    )
    model: str
    name: Text
    stage: str
    stage_name: Text
    at_least: str
    at_most: str
    at_least_name: Text
    at_most_name: Text
    summary: Text  # the range in words: 成长期 / 至少成长期（可能已达成熟期）
    confidence: float
    could_be_higher: bool
    reason: Text | None
    evidence: list[FactorResult]
    implied: list[Implied]
    gaps: list[Gap]
    deciding: list[str]  # facts that would narrow the range
    next_stage: str | None
    ladder: list[Rung]
    source: str

    def __init__(self, *, model: str, name: Text, stage: str, stage_name: Text, at_least: str, at_most: str,
                 at_least_name: Text, at_most_name: Text, summary: Text, confidence: float,
                 could_be_higher: bool = False, reason: Text | None = None, evidence: list[FactorResult] | None = None,
                 implied: list[Implied] | None = None, gaps: list[Gap] | None = None, deciding: list[str] | None = None,
                 next_stage: str | None = None, ladder: list[Rung] | None = None, source: str) -> None:
        _fill(self, model, name, stage, stage_name, at_least, at_most, at_least_name, at_most_name, summary, confidence,
              could_be_higher, reason, evidence or [], implied or [], gaps or [], deciding or [], next_stage,
              ladder or [], source)


class Rung(Record):
    __slots__ = ("id", "name", "reached", "current", "possible")  # noqa: RUF023 (field order)
    id: str
    name: Text
    reached: bool  # established: at or below at_least
    current: bool  # the stage, when the range is one stage
    possible: bool  # not ruled out: at or below at_most

    def __init__(self, *, id: str, name: Text, reached: bool, current: bool, possible: bool = False) -> None:
        _fill(self, id, name, reached, current, possible)


class Gap(Record):
    __slots__ = (  # noqa: RUF023 (field order)
        "factor", "name", "status", "needed", "facts", "missing", "recommendations", "source",
    )
    factor: str
    name: Text
    status: Literal["not_met", "unknown"]
    needed: Text
    facts: list[FactShown]
    missing: list[str]
    recommendations: list[str]
    source: str

    def __init__(self, *, factor: str, name: Text, status: Literal["not_met", "unknown"], needed: Text,
                 facts: list[FactShown] | None = None, missing: list[str] | None = None,
                 recommendations: list[str] | None = None, source: str) -> None:
        _fill(self, factor, name, status, needed, facts or [], missing or [], recommendations or [], source)


class Implied(Record):
    """An implication of the rubric that moved a bound, shown as evidence with its passage."""

    __slots__ = ("id", "text", "source")  # noqa: RUF023 (field order)
    id: str
    text: Text
    source: str

    def __init__(self, *, id: str, text: Text, source: str) -> None:
        _fill(self, id, text, source)


class FactorResult(Record):
    __slots__ = (  # noqa: RUF023 (field order)
        "id", "name", "status", "score", "rule", "rating", "facts", "missing", "source", "weight",
    )
    id: str
    name: Text
    status: Literal["met", "not_met", "unknown"]
    score: float | None  # 0–1; the rating scaled, or 1/0 for a rule
    rule: Text | None
    rating: str | None  # path of the assessor rating that measures it
    facts: list[FactShown]
    missing: list[str]
    source: str
    weight: float

    def __init__(self, *, id: str, name: Text, status: Literal["met", "not_met", "unknown"], score: float | None = None,
                 rule: Text | None = None, rating: str | None = None, facts: list[FactShown] | None = None,
                 missing: list[str] | None = None, source: str, weight: float = 1.0) -> None:
        _fill(self, id, name, status, score, rule, rating, facts or [], missing or [], source, weight)


class FactShown(Record):
    """A fact as evidence: its path, bilingual name, value and how it was stated."""

    __slots__ = (  # noqa: RUF023 (field order)
        "path", "name", "kind", "value", "display", "unit", "approx", "source", "evidence", "evidence_en",
        "display_en",
    )
    path: str
    name: Text
    kind: str
    value: Any
    display: str
    unit: str
    approx: str | None
    source: str | None
    evidence: str | None  # an assessor's evidence text, for ratings, as written
    evidence_en: str | None  # its English, where the profile gives one
    display_en: str | None  # an amount written in Chinese words, said in English (200多家 → 200+ firms)

    def __init__(self, *, path: str, name: Text, kind: str = "", value: Any, display: str, unit: str = "",
                 approx: str | None = None, source: str | None = None, evidence: str | None = None,
                 evidence_en: str | None = None, display_en: str | None = None) -> None:
        _fill(self, path, name, kind, value, display, unit, approx, source, evidence, evidence_en, display_en)


class Conflict(Record):
    """A rating and the facts disagree. The rating stands; the assessor is asked to answer it."""

    __slots__ = (  # noqa: RUF023 (field order)
        "factor", "name", "rating", "score", "threshold", "rated_met", "facts_say", "facts", "text", "source",
    )
    factor: str
    name: Text
    rating: str
    score: float
    threshold: float
    rated_met: bool
    facts_say: Text
    facts: list[FactShown]
    text: Text
    source: str

    def __init__(self, *, factor: str, name: Text, rating: str, score: float, threshold: float, rated_met: bool,
                 facts_say: Text, facts: list[FactShown] | None = None, text: Text, source: str) -> None:
        _fill(self, factor, name, rating, score, threshold, rated_met, facts_say, facts or [], text, source)


class ChainResult(Record):
    """Segments present, stated absent (`missing`) and not stated; completeness as a range."""

    __slots__ = (  # noqa: RUF023 (field order)
        "chain", "name", "present", "missing", "missing_ids", "unstated", "unstated_ids", "unrecognised",
        "completeness", "completeness_max", "source",
    )
    chain: str
    name: Text
    present: list[str]
    missing: list[Text]
    missing_ids: list[str]
    unstated: list[Text]
    unstated_ids: list[str]
    unrecognised: list[str]
    completeness: float  # the least it can be: present ÷ all segments
    completeness_max: float  # the most it can be: (all − stated absent) ÷ all
    source: str

    def __init__(self, *, chain: str, name: Text, present: list[str], missing: list[Text], missing_ids: list[str],
                 unstated: list[Text] | None = None, unstated_ids: list[str] | None = None, unrecognised: list[str],
                 completeness: float, completeness_max: float, source: str) -> None:
        _fill(self, chain, name, present, missing, missing_ids, unstated or [], unstated_ids or [], unrecognised,
              completeness, completeness_max, source)


class ProblemFound(Record):
    __slots__ = (  # noqa: RUF023 (field order)
        "id", "title", "description", "severity", "evidence", "recommendations", "source", "items",
    )
    id: str
    title: Text
    description: Text
    severity: Literal["high", "medium", "low"]
    evidence: list[FactShown]
    recommendations: list[str]
    source: str
    items: list[Text]  # each item the finding names, e.g. missing segments

    def __init__(self, *, id: str, title: Text, description: Text, severity: Literal["high", "medium", "low"],
                 evidence: list[FactShown], recommendations: list[str], source: str,
                 items: list[Text] | None = None) -> None:
        _fill(self, id, title, description, severity, evidence, recommendations, source, items or [])


class ProblemUnchecked(Record):
    __slots__ = ("id", "title", "missing", "source")  # noqa: RUF023 (field order)
    id: str
    title: Text
    missing: list[str]
    source: str

    def __init__(self, *, id: str, title: Text, missing: list[str], source: str) -> None:
        _fill(self, id, title, missing, source)


class ClassificationResult(Record):
    """A non-ladder judgement: the option that holds, or None when it cannot be told yet."""

    __slots__ = (  # noqa: RUF023 (field order)
        "id", "name", "value", "value_name", "also_possible", "also_possible_names", "facts", "missing",
        "source",
    )
    id: str
    name: Text
    value: str | None
    value_name: Text | None
    also_possible: list[str]  # earlier options still unknown
    also_possible_names: list[Text]
    facts: list[FactShown]
    missing: list[str]
    source: str

    def __init__(self, *, id: str, name: Text, value: str | None, value_name: Text | None = None,
                 also_possible: list[str] | None = None, also_possible_names: list[Text] | None = None,
                 facts: list[FactShown] | None = None, missing: list[str] | None = None, source: str) -> None:
        _fill(self, id, name, value, value_name, also_possible or [], also_possible_names or [], facts or [],
              missing or [], source)


class RecommendationResult(Record):
    __slots__ = (  # noqa: RUF023 (field order)
        "id", "priority", "level", "score", "title", "text", "answers", "closes", "fits", "conditional",
        "condition", "source",
    )
    id: str
    priority: int
    level: Literal["high", "medium", "low"]
    score: float
    title: Text
    text: Text
    answers: list[str]
    closes: list[str]
    fits: list[str]  # models whose current stage it suits
    conditional: bool  # offered only if an unknown factor turns out unmet
    condition: Text | None  # when conditional: the condition in words
    source: str

    def __init__(self, *, id: str, priority: int, level: Literal["high", "medium", "low"], score: float, title: Text,
                 text: Text, answers: list[str] | None = None, closes: list[str] | None = None,
                 fits: list[str] | None = None, conditional: bool = False, condition: Text | None = None,
                 source: str) -> None:
        _fill(self, id, priority, level, score, title, text, answers or [], closes or [], fits or [], conditional,
              condition, source)


class Unknown(Record):
    __slots__ = ("path", "name", "affects", "weight")  # noqa: RUF023 (field order)
    path: str
    name: Text
    affects: list[Text]
    weight: float  # how much collecting it would narrow ranges and settle checks

    def __init__(self, *, path: str, name: Text, affects: list[Text], weight: float = 0.0) -> None:
        _fill(self, path, name, affects, weight)
