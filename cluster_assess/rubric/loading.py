"""Reading a rubric pack: by built-in id or path, `extends:` overlays, then validation and checks.

A pack loaded before comes validated from the cache (`rubric.cache`): no parsing, validation or
cross-reference checks (`rubric.checks`), so those modules are imported only for a fresh read.
Only packs without problems are cached, so every message is what a fresh read gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg
from cluster_assess.io import packaged as data
from cluster_assess.io.yamlsource import SourceMap, dotted
from cluster_assess.rubric.cache import cached_rubric, read_yaml_cached
from cluster_assess.rubric.model import Rubric

MAX_EXTENDS = 16  # packs laid over packs: deeper chains are refused, not recursed into
# a condition is one statement: an overlay's replaces the base's whole, never merged key by key
WHOLE = frozenset({"rule", "fails_when", "when", "unless", "applies_when", "if", "then"})

def load_rubric(ref: str | Path | None = None) -> Rubric:
    """Load a rubric by built-in id (`cluster-core`) or path; raise UserError with every problem.

    A pack with `extends: BASE` is laid over its base first (see `read_rubric`)."""
    return cached_rubric(resolve_rubric(ref), _read_and_validate)  # type: ignore[no-any-return]


def _read_and_validate(path: Path) -> tuple[Rubric, list[str]]:
    """A fresh load: the validated rubric and the other files it was built from (the bases it extends)."""
    raw, source = read_rubric(path)
    files = {str(Path(f).resolve()) for f in getattr(source, "files", {}).values() if f != source.file}
    return validate_rubric_data(raw, source), sorted(files)


class OverlaySourceMap(SourceMap):
    """Positions of a pack laid over its base: each value points to the file it came from."""

    def __init__(self, file: str, positions: dict[Any, tuple[int, int]], files: dict[Any, str]) -> None:
        super().__init__(file, positions)
        self.files = files

    def problem(self, path: tuple[Any, ...], message: str) -> Problem:
        at = tuple(path)
        while at and at not in self.positions:
            at = at[:-1]
        line, column = self.positions.get(at, (None, None))
        return Problem(message, self.files.get(at, self.file), line, column, dotted(tuple(path)) or None)


def read_rubric(path: Path, chain: tuple[Path, ...] = ()) -> tuple[Any, SourceMap]:
    """Read a pack; if it `extends:` another (a built-in id or a path relative to it), merge it
    over its base: items with the same id are deep-merged (the pack's keys win, lists of items
    with ids merge by id, other lists are replaced); new ids are added. The result is validated
    like any other pack, and every error points to the file and line its value came from."""
    raw, source = read_yaml_cached(path)  # parsed once per version of the file (see rubric_cache)
    if not isinstance(raw, dict) or "extends" not in raw:
        return raw, source
    ref = raw["extends"]
    if not isinstance(ref, str) or not ref.strip():
        raise UserError([source.problem(
            ("extends",), "'extends' takes a built-in rubric id or a path to a .yaml file")])
    candidate = path.parent / ref
    base_path = candidate if ref.endswith((".yaml", ".yml")) else None
    if base_path is None:
        try:
            base_path = resolve_rubric(ref)
        except UserError as exc:
            raise UserError([source.problem(("extends",), exc.problems[0].message)]) from None
    if base_path.resolve() in {p.resolve() for p in (*chain, path)}:
        raise UserError([source.problem(("extends",), msg("rb_extends_self", ref=ref, via=path.name))])
    if len(chain) + 1 >= MAX_EXTENDS:
        raise UserError([source.problem(
            ("extends",), msg("rb_extends_deep", n=MAX_EXTENDS, start=chain[0].name if chain else path.name))])
    try:
        base, base_source = read_rubric(base_path, (*chain, path))
    except UserError as exc:
        if any(p.file == str(base_path) and p.message == "no such file" for p in exc.problems):
            raise UserError([source.problem(
                ("extends",), msg("rb_base_missing", ref=str(base_path)))]) from None
        raise
    if not isinstance(base, dict):
        raise UserError([source.problem(("extends",), msg("rb_base_not_mapping", ref=ref))])
    files: dict[Any, str] = dict(getattr(base_source, "files", {}))
    positions = dict(base_source.positions)
    for key in positions:
        files.setdefault(key, base_source.file)
    overlay = {k: v for k, v in raw.items() if k != "extends"}
    merged = _merge(base, overlay, (), (), source, positions, files)
    files[()] = source.file
    positions[()] = source.positions.get((), (1, 1))
    return merged, OverlaySourceMap(source.file, positions, files)


def _by_id(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value)


def _merge(base: Any, over: Any, over_at: tuple[Any, ...], out_at: tuple[Any, ...], source: SourceMap,
           positions: dict[Any, tuple[int, int]], files: dict[Any, str]) -> Any:
    """Merge `over` (from the overlay file, at `over_at`) onto `base` (already placed at `out_at`)."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            _place(source, (*over_at, key), (*out_at, key), positions, files, shallow=True)
            if key in base and key not in WHOLE:
                out[key] = _merge(base[key], value, (*over_at, key), (*out_at, key), source, positions, files)
            else:
                _place(source, (*over_at, key), (*out_at, key), positions, files)
                out[key] = value
        return out
    if _by_id(base) and _by_id(over):
        out_list = list(base)
        index = {item["id"]: i for i, item in enumerate(base)}
        for j, item in enumerate(over):
            if item["id"] in index:
                k = index[item["id"]]
                _place(source, (*over_at, j), (*out_at, k), positions, files, shallow=True)
                out_list[k] = _merge(base[k], item, (*over_at, j), (*out_at, k), source, positions, files)
            else:
                _place(source, (*over_at, j), (*out_at, len(out_list)), positions, files)
                out_list.append(item)
        return out_list
    _place(source, over_at, out_at, positions, files)
    return over


def _place(source: SourceMap, over_at: tuple[Any, ...], out_at: tuple[Any, ...],
           positions: dict[Any, tuple[int, int]], files: dict[Any, str], shallow: bool = False) -> None:
    """Point `out_at` (and, unless shallow, everything below it) at the overlay's positions."""
    n = len(over_at)
    for key, pos in source.positions.items():
        if key[:n] == over_at and (not shallow or len(key) == n):
            target = (*out_at, *key[n:])
            positions[target] = pos
            files[target] = source.file


def resolve_rubric(ref: str | Path | None) -> Path:
    if ref is None:
        ref = data.DEFAULT_RUBRIC
    candidate = Path(ref)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return candidate
    builtin = data.builtin_rubrics()
    if str(ref) in builtin:
        return builtin[str(ref)]
    raise UserError.single(
        msg("rb_no_rubric", ref=ref, builtin=", ".join(sorted(builtin)) or "—"),
        field="--rubric",
    )


def validate_rubric_data(raw: Any, source: SourceMap) -> Rubric:
    from pydantic import ValidationError

    from cluster_assess.io.pydantic_errors import describe_type, translate
    from cluster_assess.rubric.checks import cross_reference_problems

    if not isinstance(raw, dict):
        raise UserError.single(
            msg("rb_not_mapping", got=describe_type(raw)),
            file=source.file, line=1,
        )
    try:
        rubric = Rubric.model_validate(raw)
    except ValidationError as exc:
        raise UserError(translate(exc, source, raw, Rubric)) from None
    problems = cross_reference_problems(rubric, source)
    if problems:
        raise UserError(problems)
    return rubric
