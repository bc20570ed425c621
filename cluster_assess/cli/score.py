"""`cluster-assess score`: one profile, or thousands, against a rubric.

Many profiles are read, scored and written one at a time, so memory stays flat however many
there are (with `--format jsonl` each assessment is one line, written as soon as it is ready).

Declared with `cli.options`' records, without typer: `cli.main` registers it on the typer app,
and runs a plain `score` command line without loading typer at all.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

from cluster_assess.cli.options import (
    FORCE,
    INPUTS_HELP,
    LANG,
    OUTPUT,
    RUBRIC,
    Lang,
    argument,
    format_param,
    lang_of,
    note,
    option,
    plain_output,
    warn,
)
from cluster_assess.io.output import check_output, open_output
from cluster_assess.render import formats, renderer

PROGRESS_MIN = 20  # show a progress bar (on a terminal) only for runs longer than this


ScoreFormat = Enum("ScoreFormat", {f: f for f in formats("assessment")}, type=str)  # type: ignore[misc]


def score(
    profiles: list[Path] = argument(
        ...,
        help=INPUTS_HELP,
        show_default=False,
    ),
    rubric: str | None = RUBRIC,
    format: ScoreFormat = format_param(
        ScoreFormat.text,
        "Output format. json: one object for one profile, an array when PROFILES name several "
        "or a folder or glob. jsonl: one object per line, written as each profile is scored.",
    ),
    lang: Lang | None = LANG,
    output: str = OUTPUT,
    force: bool = FORCE,
    keep_going: bool = option(
        False, "--keep-going", "-k",
        help="Report a bad profile on stderr and go on with the rest; the exit status is then 2 "
        "if any profile failed.",
    ),
    detail: bool = option(
        False, "--detail", "-d",
        help="Text format: everything — evidence, gaps, every problem and recommendation, sources — "
        "instead of the one-screen summary.",
    ),
    progress: bool | None = option(
        None, "--progress/--no-progress",
        help=f"Progress bar on stderr (default: on when stderr is a terminal and more than "
        f"{PROGRESS_MIN} profiles are given).",
        show_default=False,
    ),
    jobs: int | None = option(
        None, "--jobs", "-j", min=1,
        help="Worker processes for many profiles (default: the machine's cores). The output keeps "
        "the input order.",
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
    from cluster_assess.cli.batch import PARALLEL_MIN, batch_gc, default_jobs, first_written, score_files
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import t
    from cluster_assess.io.inputs import count_profiles, iter_profiles, names_many
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    check_output(output, force, [*profiles, rubric])  # fail fast, before any work: an existing file, an input
    total = count_profiles(profiles)  # bad folders and globs fail here, before any output
    many = names_many(list(profiles))
    pack = load_rubric(rubric)
    show = progress if progress is not None else (total > PROGRESS_MIN and sys.stderr.isatty())
    workers = jobs if jobs is not None else default_jobs()
    # the text view (summary or --detail) is rendered here: workers serve json, jsonl and markdown
    parallel = workers > 1 and total >= PARALLEL_MIN and plain_output(output) and format.value != "text"
    scored = failed = rows = 0
    start = time.perf_counter()
    with batch_gc(), open_output(output, force) as stream, \
            _progress(show, total, t("batch_progress", language)) as step:
        # json is an array when the command line names several inputs, a folder or a glob, or a
        # sheet of several rows: decided at the first write, once the first input has been read
        options = {"detail": detail} if format.value == "text" else {}
        writer = renderer("assessment", format.value)(
            stream, language, plain=plain_output(output), many=lambda: many or rows > 1, **options)
        if parallel:
            outcomes = score_files(iter_profiles(profiles), workers, rubric, pack, format.value, language,
                                   plain_output(output))
        else:
            outcomes = ((str(path), _score_here(path, pack, format.value)) for path in iter_profiles(profiles))
        for path, items in outcomes:  # streamed: names are not held in a list either
            bad = [item for item in items if item.problems is not None]
            if bad and not keep_going:
                raise UserError([p for item in bad for p in item.problems])  # type: ignore[union-attr]
            rows += len(items)
            for index, item in enumerate(items):
                if item.problems is not None:
                    failed += 1
                    _report_skipped(item.origin, item.problems, language)
                    continue
                warn(item.warnings)
                if isinstance(item.text, str):
                    if scored == 0:  # the writer's own first write (json opens its array here)
                        first_written(path, index, pack, writer.write, format.value)
                    else:
                        stream.write(item.text)
                else:
                    writer.write(item.text)
                scored += 1
            step()
        writer.finish()
    if rows > 1 or failed:
        elapsed = time.perf_counter() - start
        note(t("batch_summary", language).format(scored=scored, failed=failed, elapsed=elapsed))
    if failed:
        raise SystemExit(2)  # as typer.Exit(2) ends a command, without importing typer


def _score_here(path: str | Path, pack: Any, fmt: str) -> list[Any]:
    """One file scored in this process: the assessment itself stands in for the rendered text."""
    from cluster_assess.cli.batch import Outcome, outcomes_of
    from cluster_assess.engine.assess import assess
    from cluster_assess.render import facts_shown

    shown = facts_shown(fmt)
    return outcomes_of([str(path)], lambda item: Outcome(
        item.origin, text=assess(item.loaded.profile, pack, facts_shown=shown),  # type: ignore[arg-type]
        warnings=list(item.loaded.warnings)))[0]


def _report_skipped(file: str, problems: list[Any], lang: str) -> None:
    from cluster_assess.i18n import t

    note(f"cluster-assess: {t('batch_skipped', lang).format(file=file)}:")
    for problem in problems:
        note(f"  {problem.say(lang) if hasattr(problem, 'say') else problem}")


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
