"""The field catalogue: every fact path a rubric may refer to, with its metadata for templates and docs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from cluster_assess.profile.facts import Fact, FactKind
from cluster_assess.profile.schema import Facts, Profile, Rating, Ratings


@dataclass(frozen=True)
class FieldSpec:
    """One field of the catalogue: its path, kind and the metadata templates and docs show."""

    path: str
    kind: str
    zh: str
    en: str
    unit: str
    better: str
    why: str
    choices: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    example: str = ""


def _walk_fields(model: type[BaseModel], prefix: str) -> Iterator[FieldSpec]:
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else None
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and extra is None:
            yield from _walk_fields(annotation, f"{prefix}{name}.")
            continue
        if extra is None:
            continue
        kind = FactKind("rating") if prefix.startswith("ratings.") else _kind_from_field(info)
        yield FieldSpec(
            f"{prefix}{name}", kind.name, str(extra["zh"]), str(extra["en"]), str(extra.get("unit", "")),
            str(extra.get("better", "none")), str(extra.get("why", "")), kind.choices,
            kind.measures, kind.labels, str(extra.get("example", "")),
        )


def _kind_from_field(info: Any) -> FactKind:
    return next((m for m in info.metadata if isinstance(m, FactKind)), FactKind("text"))


def field_specs() -> dict[str, FieldSpec]:
    """Every fact path (`facts.firms.total`, `ratings.location_advantage`) with its metadata."""
    global _SPECS
    if _SPECS is None:
        specs = {s.path: s for s in _walk_fields(Facts, "facts.")}
        specs.update({s.path: s for s in _walk_fields(Ratings, "ratings.")})
        _SPECS = specs
    return _SPECS


_SPECS: dict[str, FieldSpec] | None = None


def known_facts(profile: Profile) -> dict[str, Fact | Rating]:
    """Flatten a profile into {path: Fact or Rating} for the paths that are known."""
    out: dict[str, Fact | Rating] = {}
    _walk(profile.facts, "facts.", out)
    _walk(profile.ratings, "ratings.", out)
    return out


def _walk(model: BaseModel, prefix: str, out: dict[str, Fact | Rating]) -> None:
    # a module-level function, not a closure: a recursive closure is a reference cycle that would
    # keep every profile's facts alive until the next garbage collection
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, Fact | Rating):
            out[f"{prefix}{name}"] = value
        elif isinstance(value, BaseModel):
            _walk(value, f"{prefix}{name}.", out)

