"""Write measured indicators into a profile YAML, keeping its comments and key order.

Every value is written as `{value, source}` with `source: "measured: <table> · <column> ·
<date>"`, so the assessment and report can say "measured" rather than "stated".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.io.atomic import replacing


@dataclass(frozen=True)
class Measured:
    """One measured fact: where it goes (path under `facts`), its value and provenance."""

    path: tuple[str, ...]
    value: Any
    table: str
    column: str


def source_string(table: str, column: str, day: _dt.date | None = None) -> str:
    """The provenance line the report keys on: 'measured: file · column · YYYY-MM-DD'."""
    day = day or _dt.date.today()
    return f"measured: {Path(table).name} · {column} · {day.isoformat()}"


def _for_profile(path: tuple[str, ...], value: Any) -> Any:
    """Shares go in as '37.5%': a bare 1.0 in a share field is ambiguous to the profile reader
    (1% or 100%?), and the percent form reads the same to a person."""
    from cluster_assess.profile.fields import field_specs

    spec = field_specs().get("facts." + ".".join(path))
    if spec is not None and spec.kind == "share" and isinstance(value, int | float):
        return f"{value * 100:.6g}%"
    return _clean(value)


def _clean(value: Any) -> Any:
    """Round floats to 8 significant digits so the profile stays readable."""
    if isinstance(value, float):
        return float(f"{value:.8g}")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def read_profile(path: Path) -> Mapping[str, Any]:
    """Load a profile (round-trip) for reading defaults such as its region and industry."""
    from ruamel.yaml import YAML

    if not path.exists():
        raise UserError.single(
            msg("into_no_profile"), file=str(path)
        )
    try:
        data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except Exception as e:  # ruamel raises many YAMLError subclasses
        raise UserError.single(msg("into_bad_yaml", detail=str(e)), file=str(path)) from e
    if not isinstance(data, Mapping):
        raise UserError.single(msg("into_not_mapping"), file=str(path))
    return data


def stated_conflicts(doc: Mapping[str, Any], facts: list[Measured]) -> list[str]:
    """Paths where the profile already states a value that a measured one would replace.

    A value written earlier by `--into` (its source starts with 'measured:') is not a conflict:
    measuring again simply refreshes it."""
    out = []
    for m in facts:
        node: Any = doc.get("facts")
        for key in m.path[:-1]:
            node = node.get(key) if isinstance(node, Mapping) else None
        existing = node.get(m.path[-1]) if isinstance(node, Mapping) else None
        if existing is None:
            continue
        source = existing.get("source") if isinstance(existing, Mapping) else None
        if not (isinstance(source, str) and source.startswith("measured:")):
            out.append("facts." + ".".join(m.path))
    return out


def write_measured(path: Path, facts: list[Measured], day: _dt.date | None = None,
                   replace_stated: bool = False) -> int:
    """Merge measured facts into `facts:` of the profile in place; returns how many were written.

    Existing keys keep their position and surrounding comments; new groups are appended.
    A value the user stated is never replaced unless `replace_stated` (the CLI's --replace-stated).
    The file is replaced atomically so a crash never leaves half a profile.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_unicode = True
    doc = read_profile(path)
    conflicts = stated_conflicts(doc, facts)
    if conflicts and not replace_stated:
        raise UserError.single(
            msg("into_stated", paths=", ".join(conflicts)),
            file=str(path), field=conflicts[0],
        )
    if "facts" not in doc or doc["facts"] is None:
        doc["facts"] = CommentedMap()  # type: ignore[index]
    for m in facts:
        node = doc["facts"]
        where = "facts"
        for key in m.path[:-1]:
            where += f".{key}"
            child = node.get(key)
            if child is None:
                child = CommentedMap()
                node[key] = child
            elif not isinstance(child, Mapping):
                raise UserError.single(
                    msg("into_not_group", where=where),
                    file=str(path), field=where,
                )
            node = child
        leaf = CommentedMap()
        leaf["value"] = _for_profile(m.path, m.value)
        leaf["source"] = source_string(m.table, m.column, day)
        node[m.path[-1]] = leaf
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        yaml.dump(doc, fh)
    return len(facts)
