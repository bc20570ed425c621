"""Options and output handling shared by every command (one place, one behaviour)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Any

import typer

from cluster_assess.errors import Problem


class Lang(str, Enum):
    zh = "zh"
    en = "en"


LangOption = typer.Option(
    None, "--lang", "-l", help="Language of the output: zh or en (default: CLUSTER_ASSESS_LANG, else locale)."
)
OutputOption = typer.Option("-", "--output", "-o", help="Write to FILE instead of stdout ('-' is stdout).")
ForceOption = typer.Option(False, "--force", "-f", help="Overwrite an existing output file.")


def format_option(default: Any, help: str = "Output format.") -> Any:
    """`--format/-F`, the same spelling on every command; each command has its own formats."""
    return typer.Option(default, "--format", "-F", help=help)

# the inputs of score, compare, report and validate: one help text for the one expander (io.inputs)
INPUTS_HELP = (
    "Profiles: YAML files, spreadsheets (.xlsx, .xlsm, .csv; one profile a row), folders (every profile "
    "and sheet inside, recursively), quoted globs such as 'data/**/*.yaml', or example:NAME."
)
RubricOption = typer.Option(
    None, "--rubric", "-r", help="Built-in rubric id or path to a rubric YAML (default: cluster-core)."
)


def lang_of(option: Lang | None) -> str:
    """The command's language; also the one its errors and warnings are said in."""
    from cluster_assess import i18n

    i18n.ACTIVE = i18n.resolve_lang(option.value if option else None)
    return i18n.ACTIVE


def plain_output(output: str) -> bool:
    """Plain text (no colour, no terminal codes) for files, pipes and NO_COLOR."""
    return output != "-" or not sys.stdout.isatty() or "NO_COLOR" in os.environ


def warn(problems: list[Problem]) -> None:
    from cluster_assess.i18n import msg, say

    for problem in problems:
        typer.echo(f"{say(msg('warning_prefix'))}{problem.say()}", err=True)


def note(message: str) -> None:
    """A note on stderr; a catalogue message is said in the command's language."""
    from cluster_assess.i18n import say

    typer.echo(say(message), err=True)
