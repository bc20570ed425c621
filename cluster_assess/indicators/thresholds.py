"""Indicator thresholds as rubric data: loaded from `rubrics/indicators/thresholds.yaml`, validated strictly.

Why a file and not constants: the thresholds are conventions of particular schools (European
Cluster Observatory, US Cluster Mapping, 003's size bands); an analyst must be able to see and
change them, and every number must say where it comes from.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg

T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Threshold(_Strict, Generic[T]):
    """One number with the reason it is that number."""

    value: T
    source: str = Field(min_length=1)
    rationale: str = Field(min_length=1)


class StarRating(_Strict):
    size_top_share: Threshold[float]
    specialisation_min_lq: Threshold[float]
    focus_top_share: Threshold[float]

    @field_validator("size_top_share", "focus_top_share")
    @classmethod
    def _share(cls, v: Threshold[float]) -> Threshold[float]:
        if not 0 < v.value < 1:
            raise ValueError("a top share must be between 0 and 1 (e.g. 0.10)")
        return v


class StrengthTiers(_Strict):
    strong_lq_percentile: Threshold[float]
    top_lq_percentile: Threshold[float]
    min_lq: Threshold[float]
    min_count_percentile: Threshold[float]

    @field_validator("strong_lq_percentile", "top_lq_percentile", "min_count_percentile")
    @classmethod
    def _pct(cls, v: Threshold[float]) -> Threshold[float]:
        if not 0 <= v.value <= 100:
            raise ValueError("a percentile must be between 0 and 100")
        return v


class SizeBands(_Strict):
    thresholds_cny: Threshold[list[float]]
    inclusive: Threshold[bool]

    @field_validator("thresholds_cny")
    @classmethod
    def _sorted(cls, v: Threshold[list[float]]) -> Threshold[list[float]]:
        if not v.value or sorted(v.value) != v.value or v.value[0] <= 0:
            raise ValueError("size-band thresholds must be positive and ascending")
        return v


class LeadingFirms(_Strict):
    count: Threshold[int]


class IndicatorRubric(_Strict):
    """The whole `rubrics/indicators/thresholds.yaml`."""

    version: int
    star_rating: StarRating
    strength_tiers: StrengthTiers
    size_bands: SizeBands
    leading_firms: LeadingFirms


def rubrics_dir() -> Path:
    """Where the indicator thresholds live: `rubrics/indicators/` in the checkout or the wheel."""
    from cluster_assess.io.packaged import data_dir

    return data_dir("rubrics") / "indicators"


def load_rubric(path: Path | None = None) -> IndicatorRubric:
    """Load and validate the thresholds; a bad file is a user error, not a traceback."""
    from cluster_assess.io.yamlsource import read_yaml_file

    path = path or rubrics_dir() / "thresholds.yaml"
    if not path.exists():
        raise UserError.single(msg("thr_missing"), file=str(path))
    # the project's guarded reader: only a regular file, bounded in size, aliases and nesting
    data, _ = read_yaml_file(path)
    try:
        return IndicatorRubric.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise UserError.single(
            msg("thr_invalid", loc=loc, detail=first["msg"]), file=str(path), field=loc
        ) from e


@lru_cache(maxsize=1)
def default_rubric() -> IndicatorRubric:
    """The shipped thresholds, loaded once."""
    return load_rubric()
