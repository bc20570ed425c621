"""Options and output handling shared by every command (one place, one behaviour).

Options are declared as `Param` records, not typer objects, so that this module, and a command
declared with them (`score`), import without typer. Typer gets them as `typer.Option` and
`typer.Argument` (`typer_command`, and the `LangOption`-style names other commands use, made on
first use); `plain_call` parses a plain command line from the very same declarations, as click
and typer would, and declines anything else (help, usage errors), which typer then answers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from cluster_assess.errors import Problem


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Param:
    """A typer.Option or typer.Argument, declared as data: `option(default, "--name", "-n", help=…)`
    takes exactly the arguments typer.Option takes, and `typer()` makes the typer object."""

    __slots__ = ("decls", "default", "kind", "settings")

    def __init__(self, kind: str, default: Any, decls: tuple[str, ...], settings: dict[str, Any]) -> None:
        self.kind, self.default, self.decls, self.settings = kind, default, decls, settings

    def typer(self) -> Any:
        import typer

        make = typer.Option if self.kind == "option" else typer.Argument
        return make(self.default, *self.decls, **self.settings)


def option(default: Any, *decls: str, **settings: Any) -> Any:
    """A typer.Option, declared without importing typer (see `Param`)."""
    return Param("option", default, decls, settings)


def argument(default: Any, **settings: Any) -> Any:
    """A typer.Argument, declared without importing typer (see `Param`)."""
    return Param("argument", default, (), settings)


def typer_command(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` as typer reads a command: the same name, help and annotations, its `Param`
    defaults turned into typer's objects."""
    import functools
    import inspect

    signature = inspect.signature(func)
    params = [p.replace(default=p.default.typer()) if isinstance(p.default, Param) else p
              for p in signature.parameters.values()]

    @functools.wraps(func)
    def command(**kwargs: Any) -> Any:
        return func(**kwargs)

    command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return command


LANG = option(None, "--lang", "-l",
              help="Language of the output: zh or en (default: CLUSTER_ASSESS_LANG, else locale).")
OUTPUT = option("-", "--output", "-o", help="Write to FILE instead of stdout ('-' is stdout).")
FORCE = option(False, "--force", "-f", help="Overwrite an existing output file.")
RUBRIC = option(None, "--rubric", "-r", help="Built-in rubric id or path to a rubric YAML (default: cluster-core).")
# the typer objects of the shared options, for commands declared with typer itself (made on first use)
_TYPER_NAMES = {"LangOption": LANG, "OutputOption": OUTPUT, "ForceOption": FORCE, "RubricOption": RUBRIC}


def __getattr__(name: str) -> Any:
    if name in _TYPER_NAMES:
        value = globals()[name] = _TYPER_NAMES[name].typer()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def format_param(default: Any, help: str = "Output format.") -> Any:
    """`--format/-F`, the same spelling on every command; each command has its own formats."""
    return option(default, "--format", "-F", help=help)


def format_option(default: Any, help: str = "Output format.") -> Any:
    """`format_param` as a typer.Option, for commands declared with typer itself."""
    return format_param(default, help).typer()


# the inputs of score, compare, report and validate: one help text for the one expander (io.inputs)
INPUTS_HELP = (
    "Profiles: YAML files, spreadsheets (.xlsx, .xlsm, .csv; one profile a row), folders (every profile "
    "and sheet inside, recursively), quoted globs such as 'data/**/*.yaml', or example:NAME."
)


def lang_of(option: Lang | None) -> str:
    """The command's language; also the one its errors and warnings are said in."""
    from cluster_assess import i18n

    i18n.ACTIVE = i18n.resolve_lang(option.value if option else None)
    return i18n.ACTIVE


def plain_output(output: str) -> bool:
    """Plain text (no colour, no terminal codes) for files, pipes and NO_COLOR."""
    return output != "-" or not sys.stdout.isatty() or "NO_COLOR" in os.environ


def echo_err(text: str) -> None:
    """`typer.echo(text, err=True)` without importing typer: one write of the line, then a flush.

    Where click would change the text or the stream (terminal codes to strip, a stderr that
    cannot write UTF-8, a missing stderr, Windows consoles) click itself is asked."""
    stream = sys.stderr
    if "\x1b" in text or stream is None or sys.platform == "win32" or _ascii_stream(stream):
        import typer

        typer.echo(text, err=True)
        return
    stream.write(text + "\n")
    stream.flush()


def _ascii_stream(stream: Any) -> bool:
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return True


def warn(problems: list[Problem]) -> None:
    from cluster_assess.i18n import msg, say

    for problem in problems:
        echo_err(f"{say(msg('warning_prefix'))}{problem.say()}")


def note(message: str) -> None:
    """A note on stderr; a catalogue message is said in the command's language."""
    from cluster_assess.i18n import say

    echo_err(say(message))


# ---------------------------------------------------------------------------------------------
# A plain command line, parsed from the same declarations typer reads

_UNSET = object()


class _Decline(Exception):
    """Typer must answer this command line."""


class _Spec:
    """What parsing one option needs: its parameter, its type, whether it is a flag."""

    def __init__(self, name: str, kind: type, minimum: Any, flag: Any) -> None:
        self.name, self.kind, self.minimum, self.flag = name, kind, minimum, flag


def plain_call(func: Any, args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments typer would call the command `func` (declared with `Param`s) with
    for these arguments, or None where typer must answer: `--help` anywhere, `--`, an unknown or
    repeated option, a missing or empty value, a value not among the choices or not a plain
    number, a short option with `=`, no positional argument, or a declaration not known here."""
    try:
        return _parse(args, *_declarations(func))
    except _Decline:
        return None


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
    arguments: list[Path] = []  # typer gives a list[Path] argument as a list of Paths
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
            arguments.append(Path(token))
    if not arguments:
        raise _Decline  # the argument is required: typer says so
    return {positional: arguments, **{name: values.get(name, default) for name, default in defaults.items()}}


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
