"""Options and output handling shared by every command (one place, one behaviour).

Options are declared as `Param` records, not typer objects, so that this module, and a command
declared with them (`score`), import without typer: `cli.fastpath` parses a plain `score` from the
very same declarations, and typer gets them as `typer.Option`/`typer.Argument` (`typer_command`,
and the `LangOption`-style names other commands use, made on first use).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import Any

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
