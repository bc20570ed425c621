"""The Comparison value: everything a renderer needs to show towns side by side.

Columns (towns), rows of cells with the best and weakest of each marked, the maturity index of
each town with its weighted parts, the ranking and the towns listed apart, what explains each
gap, and the trajectories of clusters seen in several years. Built by `compare.comparison`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cluster_assess.rubric.model import Better, Text


class Value(BaseModel):
    model_config = ConfigDict(frozen=True)


# The rubric compared by: the Assessment's RubricRef is plain data, this one is part of the model
# that gives `compare --schema` (no docstring: it would become the schema's description).
class RubricRef(Value):
    id: str
    version: str
    title: Text


class Column(Value):
    """One assessed town (a cluster in one year)."""

    key: str
    name: str | None
    region: str | None
    industry: str | None
    year: int | None
    origin: str | None = Field(None, description="the file (and row) it came from")


class Cell(Value):
    value: int | float | str | None = Field(None, description="the raw value; None when unknown")
    score: float | None = Field(None, description="the number that orders the row (None when unknown)")
    display: Text
    best: bool = False
    worst: bool = False


class Row(Value):
    id: str
    group: Literal["index", "stage", "factor", "indicator", "problems", "recommendations"]
    label: Text
    unit: str = ""
    better: Better = "none"
    source: str | None = None
    cells: list[Cell]


class Component(Value):
    """One weighted part of the maturity index for one town."""

    id: str
    kind: Literal["model", "factor"]
    name: Text
    weight: float
    score: float | None
    known: float = Field(description="how well known, 0–1 (stage confidence, or 1/0 for a factor)")
    low: float = Field(0.0, description="the least its score can be, 0–1, over every completion of the unknowns")
    high: float = Field(1.0, description="the most its score can be, 0–1")


class IndexResult(Value):
    """The index as an interval over the unknowns (worst and best completion), and the point the
    known parts give, which always lies inside it. The point is shown only when the interval is
    narrow; otherwise readers see the interval."""

    value: float | None = Field(description="0–100 over the known parts, or None when nothing weighted is known")
    confidence: float
    low: float = Field(0.0, description="0–100: every unknown part at its worst")
    high: float = Field(100.0, description="0–100: every unknown part at its best")
    display: str = Field("—", description="the point when the interval is narrow, else 'low–high'")
    components: list[Component]


class Ranked(Value):
    key: str
    rank: int
    index: float
    confidence: float
    low: float = 0.0
    high: float = 100.0
    display: str = "—"
    best: int = Field(description="the best rank the town could take given the index intervals: 1 + the "
                                  "ranked towns whose interval lies wholly above its own")
    worst: int = Field(description="the worst rank it could take: the ranked towns less those whose interval "
                                   "lies wholly below its own; worst − best towns overlap it")


class Apart(Value):
    key: str
    index: float | None
    confidence: float
    reason: Text
    low: float = 0.0
    high: float = 100.0
    display: str = "—"


class Driver(Value):
    id: str
    kind: Literal["model", "factor"]
    name: Text
    higher: float
    lower: float
    points: float = Field(description="index points this part contributes to the gap (may be negative)")


class Difference(Value):
    higher: str
    lower: str
    gap: float
    drivers: list[Driver]
    unknown_in_one: list[Text] = Field(default_factory=list, description="parts known for only one of the two")


class StageChange(Value):
    model: str
    name: Text
    from_stage: str
    to_stage: str
    from_name: Text
    to_name: Text
    direction: Literal["up", "down", "same", "unclear"]


class Delta(Value):
    indicator: str
    name: Text
    unit: str
    before: float
    after: float
    before_display: Text
    after_display: Text
    change: float
    growth: float | None = Field(description="after/before − 1, or None when before is 0")
    annual_growth: float | None = Field(description="compound yearly growth over the years between")


class Step(Value):
    from_year: int
    to_year: int
    from_key: str
    to_key: str
    index_change: float | None
    stages: list[StageChange]
    deltas: list[Delta]
    resolved: list[Text]
    new: list[Text]
    unverifiable: list[Text] = Field(default_factory=list, description="problems no longer checkable")


class Trajectory(Value):
    name: str
    years: list[int]
    keys: list[str]
    index: list[float | None]
    steps: list[Step]
    notes: list[Text] = Field(default_factory=list)


class IndexDefinition(Value):
    name: Text
    formula: Text
    models: dict[str, float]
    factors: dict[str, float]
    min_confidence: float
    source: str
    rationale: Text


class Comparison(Value):
    rubric: RubricRef
    index: IndexDefinition | None
    columns: list[Column]
    rows: list[Row]
    indexes: dict[str, IndexResult]
    ranking: list[Ranked]
    apart: list[Apart]
    baseline: str | None
    differences: list[Difference]
    trajectories: list[Trajectory]
    # the indicator rows the rubric keeps in the one-line-per-town view (not part of the JSON)
    compact: list[str] = Field(default_factory=list, exclude=True)


