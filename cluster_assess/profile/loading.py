"""Reading a profile: YAML (or parsed data) in, a validated Profile plus warnings out, every problem named."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg
from cluster_assess.io.pydantic_errors import clean_loc, describe_type, translate
from cluster_assess.io.yamlsource import SourceMap, read_yaml_file
from cluster_assess.profile.checks import cross_checks
from cluster_assess.profile.fields import field_specs
from cluster_assess.profile.schema import Profile


@dataclass
class LoadedProfile:
    profile: Profile
    source: SourceMap
    warnings: list[Problem]


def resolve_profile(ref: str | Path) -> Path:
    """A path, or `example:NAME` for a shipped example (works from any directory)."""
    text = str(ref)
    if text.startswith("example:"):
        from cluster_assess.io.packaged import examples

        found = examples()
        name = text.removeprefix("example:")
        if name not in found:
            raise UserError.single(msg("no_example", name=name, found=", ".join(found)), file=text)
        return found[name]
    return Path(ref)


def load_profile(path: str | Path) -> LoadedProfile:
    """Read, parse and validate one profile file; raise UserError listing every problem found."""
    problems, profile, source, warnings = check_profile_file(path)
    if problems:
        raise UserError(problems)
    assert profile is not None
    return LoadedProfile(profile, source, warnings)


def check_profile_file(path: str | Path) -> tuple[list[Problem], Profile | None, SourceMap, list[Problem]]:
    """(errors, profile or None, source map, warnings) for one file. Raises UserError only when
    the file cannot be read as YAML at all; everything else is gathered, so `validate` and
    `score` name every mistake in one run (a duplicate key does not hide a misspelt one)."""
    yaml_problems: list[Problem] = []
    data, source = read_yaml_file(resolve_profile(path), yaml_problems)
    problems, profile, warnings = check_profile_data(data, source)
    problems = sorted(yaml_problems + problems, key=lambda p: (p.line or 0, p.column or 0))
    return problems, profile if not problems else None, source, warnings


def validate_profile_data(data: Any, source: SourceMap) -> LoadedProfile:
    """Validate parsed data; raise UserError with every problem found, not just the first.

    Field errors do not stop the checks between fields: the faulty values are set aside and the
    rest is validated again, so one run names every mistake the file holds."""
    problems, profile, warnings = check_profile_data(data, source)
    if problems:
        raise UserError(problems)
    assert profile is not None
    return LoadedProfile(profile, source, warnings)


def check_profile_data(data: Any, source: SourceMap) -> tuple[list[Problem], Profile | None, list[Problem]]:
    """(errors, profile or None, warnings) for parsed profile data; never raises for bad data."""
    warnings = [Problem(text, source.file) for text in source.notes]
    if data is None:
        return [Problem(msg("profile_empty"), source.file)], None, warnings
    if not isinstance(data, dict):
        return [Problem(
            msg("profile_not_mapping", got=describe_type(data)),
            source.file, 1,
        )], None, warnings
    data = _empty_groups_as_mappings(data, Profile)
    problems: list[Problem] = []
    profile: Profile | None = None
    for _ in range(8):  # each round removes the faulty values; a few rounds always suffice
        try:
            profile = Profile.model_validate(data)
            break
        except ValidationError as exc:
            found = translate(exc, source, data, Profile, _find_elsewhere)
            # a value set aside in an earlier round may leave a follow-on error at or under its
            # field (a rating with a bad score then lacks its score): report the first cause only
            reported = {p.field for p in problems if p.field}
            problems.extend(p for p in found if p not in problems and not _follows_from(p.field, reported))
            pruned = _without(data, [e["loc"] for e in exc.errors(include_url=False)])
            if pruned == data:
                break
            data = pruned
    if profile is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return problems, None, warnings
    errors, cross_warnings = cross_checks(profile, source)
    problems.extend(errors)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    cross_warnings.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems, profile, warnings + cross_warnings


def _follows_from(field: str | None, reported: set[str]) -> bool:
    if not field:
        return False
    return any(field == r or field.startswith(r + ".") or r.startswith(field + ".") for r in reported)


def _empty_groups_as_mappings(data: Any, model: type[BaseModel]) -> Any:
    """`facts:` or `firms:` left empty (as the `init` template does), or left out, means an empty
    group. Each is given as `{}` rather than left to the field's default: the Profile's validator
    then reads it as part of the profile, while a default calls the group's class, which builds a
    validator of its own the first time (about 180 ms for all groups, once per process)."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for key, group in _groups(model):
        given = out.get(key)
        out[key] = _empty_groups_as_mappings({} if given is None else given, group)
    return out


@cache
def _groups(model: type[BaseModel]) -> tuple[tuple[str, type[BaseModel]], ...]:
    """(key, model) of each field of `model` that is a group of fields, not a value."""
    out = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.append((info.alias or name, annotation))
    return tuple(out)


def _without(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """A copy of `data` with the deepest existing element of each error location removed."""
    import copy

    data = copy.deepcopy(data)
    for loc in locs:
        parts = clean_loc(loc, data)
        node, trail = data, []
        for part in parts:
            in_dict = isinstance(node, dict) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
            if not (in_dict or in_list):
                break
            trail.append((node, part))
            node = node[part]
        if not trail:
            continue
        parent, key = trail[-1]
        if isinstance(parent, dict):
            del parent[key]
        elif len(trail) > 1:  # a bad list item spoils the list: drop the whole field
            grand, gkey = trail[-2]
            if isinstance(grand, dict):
                del grand[gkey]
    return data


def _find_elsewhere(key: str) -> list[str]:
    """An unknown key that exists under another group: suggest its full path."""
    specs = field_specs()
    by_zh = {spec.zh: path for path, spec in specs.items()}
    if key in by_zh:  # a key written as its Chinese label, 企业总数 → facts.firms.total
        return [by_zh[key]]
    close_zh = difflib.get_close_matches(key, list(by_zh), n=1, cutoff=0.6) if not key.isascii() else []
    if close_zh:
        return [by_zh[close_zh[0]]]
    paths = list(specs)
    exact = [p for p in paths if p.rsplit(".", 1)[-1] == key]
    if exact:
        return exact[:1]
    leaves = {p.rsplit(".", 1)[-1]: p for p in paths}
    close = difflib.get_close_matches(key, list(leaves), n=1, cutoff=0.75)
    return [leaves[close[0]]] if close else []
