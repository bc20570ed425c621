"""A plain `cluster-assess score …` parsed without typer, so that one score starts at once.

Typer builds a pydantic adapter for every option of a command on each run, and with click it
costs more than all of scoring one profile. For a `score` command line that typer would accept as
it stands, this module reads the same declarations typer reads (the `Param` records of `score`'s
signature: names, defaults, types, `min=`), converts the values as typer does and calls the same
`score` function. It declines (returns None) everything else, and typer then runs as before, so
help, usage errors and their wording stay typer's own: `--help` anywhere, `--`, an unknown or
repeated option, a missing or empty value, a value not among the choices or not a plain
number, a short option with `=`, no profile, shell completion, other commands, Windows (where
click expands globs in the arguments itself).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from cluster_assess.cli.options import Param

_UNSET = object()


class _Decline(Exception):
    """Typer must answer this command line."""


class _Spec:
    """What parsing one option needs: its parameter, its type, whether it is a flag."""

    def __init__(self, name: str, kind: type, minimum: Any, flag: Any) -> None:
        self.name, self.kind, self.minimum, self.flag = name, kind, minimum, flag


def score_call(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments typer would call `score` with for `argv`, or None if typer must answer."""
    if not argv or argv[0] != "score" or sys.platform == "win32" or _completing():
        return None
    from cluster_assess.cli.score import score

    try:
        return _parse(argv[1:], *_declarations(score))
    except _Decline:
        return None


def _completing() -> bool:
    """Shell completion (click's `_CLUSTER_ASSESS_COMPLETE`, typer's `_TYPER_COMPLETE_*`)."""
    return any(name.startswith("_") and "_COMPLETE" in name for name in os.environ)


def _declarations(func: Any) -> tuple[dict[str, _Spec], str, dict[str, Any]]:
    """(option spelling → spec, the name of the one positional parameter, the defaults), read
    from `func`'s signature; declines a declaration this parser does not know."""
    import inspect
    import typing

    hints = typing.get_type_hints(func)
    options: dict[str, _Spec] = {}
    positional = None
    defaults: dict[str, Any] = {}
    for name, param in inspect.signature(func).parameters.items():
        declared = param.default
        if not isinstance(declared, Param):
            raise _Decline
        kind = _base(hints[name])
        if declared.kind == "argument":
            if positional is not None or declared.default is not ... or kind is not list:
                raise _Decline
            if get_args(_strip_none(hints[name])) != (Path,):
                raise _Decline
            positional = name
            continue
        known_kind = kind in (bool, int, str) or (isinstance(kind, type) and issubclass(kind, Enum))
        if set(declared.settings) - {"help", "show_default", "min"} or not known_kind:
            raise _Decline  # a declaration this parser does not know: typer parses it
        defaults[name] = declared.default  # typer passes the default as declared (an Enum member stays one)
        minimum = declared.settings.get("min")
        for decl in declared.decls:
            on, _, off = decl.partition("/")
            if kind is bool:
                options[on.strip()] = _Spec(name, bool, None, True)
                if off:
                    options[off.strip()] = _Spec(name, bool, None, False)
            elif off:
                raise _Decline
            else:
                options[decl] = _Spec(name, kind, minimum, None)
    if positional is None:
        raise _Decline
    return options, positional, defaults


def _strip_none(hint: Any) -> Any:
    """`X | None` → X (typer's optional options); anything else as it is."""
    args = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) in (Union, UnionType) and len(args) == 1:
        return args[0]
    return hint


def _base(hint: Any) -> Any:
    hint = _strip_none(hint)
    return get_origin(hint) or hint


def _parse(args: list[str], options: dict[str, _Spec], positional: str,
           defaults: dict[str, Any]) -> dict[str, Any]:
    """Click's parsing of these tokens for the accepted subset (interspersed arguments, `--x v`,
    `--x=v`, `-x v`, `-xv`, bundled short flags), then typer's conversion of each value."""
    values: dict[str, Any] = {}
    profiles: list[Path] = []
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if token in ("-h", "--help", "--", "-") or token == "":
            raise _Decline
        if token.startswith("--"):
            name, eq, value = token.partition("=")
            spec = options.get(name)
            if spec is None or (eq and spec.flag is not None):
                raise _Decline
            _take(spec, value if eq else _UNSET, rest, values)
        elif token.startswith("-"):
            if "=" in token:
                raise _Decline
            for i, char in enumerate(token[1:], start=2):
                spec = options.get(f"-{char}")
                if spec is None:
                    raise _Decline
                if spec.flag is None:
                    _take(spec, token[i:] if i < len(token) else _UNSET, rest, values)
                    break
                _take(spec, _UNSET, rest, values)
        else:
            profiles.append(Path(token))
    if not profiles:
        raise _Decline
    return {positional: profiles, **{name: values.get(name, default) for name, default in defaults.items()}}


def _take(spec: _Spec, value: Any, rest: list[str], values: dict[str, Any]) -> None:
    """Store one option's value, converted as typer converts it; decline what typer would refuse."""
    if spec.name in values:
        raise _Decline  # given twice: left to typer
    if spec.flag is not None:
        values[spec.name] = spec.flag
        return
    if value is _UNSET:
        if not rest:
            raise _Decline
        value = rest.pop(0)
    if value == "" or value in ("-h", "--help"):
        raise _Decline
    if spec.kind is int:
        if not (value.isascii() and value.isdigit() and value[0] != "0" and len(value) < 7):
            raise _Decline
        number = int(value)
        if spec.minimum is not None and number < spec.minimum:
            raise _Decline
        values[spec.name] = number
    elif isinstance(spec.kind, type) and issubclass(spec.kind, Enum):
        if value not in {m.value for m in spec.kind}:
            raise _Decline
        values[spec.name] = spec.kind(value)
    else:
        values[spec.name] = value
