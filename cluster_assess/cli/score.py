"""`cluster-assess score`: one profile, or thousands, against a rubric.

Many profiles are read, scored and written one at a time, so memory stays flat however many
there are (with `--format jsonl` each assessment is one line, written as soon as it is ready).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import (
    INPUTS_HELP,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    RubricOption,
    format_option,
    lang_of,
    note,
    plain_output,
    warn,
)
from cluster_assess.io.output import check_output, open_output
from cluster_assess.render import formats, renderer

PROGRESS_MIN = 20  # show a progress bar (on a terminal) only for runs longer than this


ScoreFormat = Enum("ScoreFormat", {f: f for f in formats("assessment")}, type=str)  # type: ignore[misc]


@app.command()
def score(
    profiles: list[Path] = typer.Argument(
        ...,
        help=INPUTS_HELP,
        show_default=False,
    ),
    rubric: str | None = RubricOption,
    format: ScoreFormat = format_option(
        ScoreFormat.text,
        "Output format. json: one object for one profile, an array when PROFILES name several "
        "or a folder or glob. jsonl: one object per line, written as each profile is scored.",
    ),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
    keep_going: bool = typer.Option(
        False, "--keep-going", "-k",
        help="Report a bad profile on stderr and go on with the rest; the exit status is then 2 "
        "if any profile failed.",
    ),
    detail: bool = typer.Option(
        False, "--detail", "-d",
        help="Text format: everything — evidence, gaps, every problem and recommendation, sources — "
        "instead of the one-screen summary.",
    ),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress",
        help=f"Progress bar on stderr (default: on when stderr is a terminal and more than "
        f"{PROGRESS_MIN} profiles are given).",
        show_default=False,
    ),
) -> None:
    """Assess cluster profiles: stage on each model with reasons, gaps, problems, recommendations.

    Without --keep-going the first bad profile stops the run (exit 2). With several profiles a
    summary (scored, failed, time) goes to stderr.

    Examples:

    \b
      cluster-assess score examples/shishi.yaml --lang zh
      cluster-assess score counties/ --format jsonl -o all.jsonl --keep-going
    """
    from cluster_assess.engine.assess import assess
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import t
    from cluster_assess.io.inputs import count_profiles, iter_profiles, load_file, names_many
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    check_output(output, force, [*profiles, rubric])  # fail fast, before any work: an existing file, an input
    total = count_profiles(profiles)  # bad folders and globs fail here, before any output
    many = names_many(list(profiles))
    pack = load_rubric(rubric)
    show = progress if progress is not None else (total > PROGRESS_MIN and sys.stderr.isatty())
    scored = failed = rows = 0
    start = time.perf_counter()
    with open_output(output, force) as stream, _progress(show, total, t("batch_progress", language)) as step:
        # json is an array when the command line names several inputs, a folder or a glob, or a
        # sheet of several rows: decided at the first write, once the first input has been read
        options = {"detail": detail} if format.value == "text" else {}
        writer = renderer("assessment", format.value)(
            stream, language, plain=plain_output(output), many=lambda: many or rows > 1, **options)
        for path in iter_profiles(profiles):  # streamed: names are not held in a list either
            items = load_file(path)  # one profile, or one a row of a spreadsheet
            bad = [item for item in items if item.error is not None]
            if bad and not keep_going:
                raise UserError([p for item in bad for p in item.error.problems])  # type: ignore[union-attr]
            rows += len(items)
            for item in items:
                if item.error is not None:
                    failed += 1
                    _report_skipped(item.origin, item.error, language)
                    continue
                warn(item.loaded.warnings)  # type: ignore[union-attr]
                writer.write(assess(item.loaded.profile, pack))  # type: ignore[union-attr]
                scored += 1
            step()
        writer.finish()
    if rows > 1 or failed:
        elapsed = time.perf_counter() - start
        note(t("batch_summary", language).format(scored=scored, failed=failed, elapsed=elapsed))
    if failed:
        raise typer.Exit(2)


def _report_skipped(file: str, exc: Any, lang: str) -> None:
    from cluster_assess.i18n import t

    note(f"cluster-assess: {t('batch_skipped', lang).format(file=file)}:")
    for problem in exc.problems:
        note(f"  {problem.say(lang)}")


@contextmanager
def _progress(show: bool, total: int, label: str) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr, or nothing; yields the function that advances it."""
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), redirect_stdout=False, transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
