"""Options and output handling shared by every command (one place, one behaviour)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO

import typer

from cluster_assess.errors import Problem, UserError
from cluster_assess.io.atomic import replacing


class Lang(str, Enum):
    zh = "zh"
    en = "en"


LangOption = typer.Option(
    None, "--lang", "-l", help="Language of the output: zh or en (default: CLUSTER_ASSESS_LANG, else locale)."
)
OutputOption = typer.Option("-", "--output", "-o", help="Write to FILE instead of stdout ('-' is stdout).")
ForceOption = typer.Option(False, "--force", "-f", help="Overwrite an existing output file.")
RubricOption = typer.Option(
    None, "--rubric", "-r", help="Built-in rubric id or path to a rubric YAML (default: cluster-core)."
)


def lang_of(option: Lang | None) -> str:
    from cluster_assess.i18n import resolve_lang

    return resolve_lang(option.value if option else None)


def check_output(output: str, force: bool) -> None:
    """Refuse to overwrite an existing file without --force — before doing any work."""
    if output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise UserError.single("the output is a folder; give a file name", file=output, field="--output")
    if path.exists() and not force:
        raise UserError.single("the file exists; add --force to overwrite it", file=output, field="--output")
    if not path.parent.exists():
        raise UserError.single(f"the folder {str(path.parent)!r} does not exist", file=output, field="--output")


@contextmanager
def open_output(output: str, force: bool) -> Iterator[IO[str]]:
    """stdout for '-', else a UTF-8 file written atomically (a failed run leaves no half file)."""
    check_output(output, force)
    if output == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with replacing(Path(output)) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        yield handle


def plain_output(output: str) -> bool:
    """Plain text (no colour, no terminal codes) for files, pipes and NO_COLOR."""
    return output != "-" or not sys.stdout.isatty() or "NO_COLOR" in os.environ


def warn(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(f"warning: {problem}", err=True)


def note(message: str) -> None:
    typer.echo(message, err=True)
