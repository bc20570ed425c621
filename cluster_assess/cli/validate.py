"""`cluster-assess validate`: check profiles and name every mistake, like a compiler would.

Each problem is one line, `file:line:column: field: message`, on stdout (it is the command's
report); warnings start with `warning: `; a summary goes to stderr. Exit 2 if any profile has an
error, else 0. The inputs and the checks are the ones `score` uses: files, folders, globs,
`example:NAME`, and spreadsheets, checked row by row.
"""

from __future__ import annotations

from pathlib import Path

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import INPUTS_HELP, Lang, LangOption, lang_of


@app.command()
def validate(
    paths: list[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False, metavar="INPUT"),
    lang: Lang | None = LangOption,
) -> None:
    """Check profiles and report every problem at once, each at its file, line and field.

    Example: cluster-assess validate my-town.yaml profiles/ towns.xlsx
    """
    from cluster_assess.i18n import t
    from cluster_assess.io.inputs import count_profiles, iter_inputs

    language = lang_of(lang)
    count_profiles(paths)  # a folder or glob that matches nothing fails here, before any output
    checked = errors = warnings = bad = 0
    for item in iter_inputs(paths):  # one profile, or one a row of a spreadsheet
        problems = item.error.problems if item.error is not None else []
        for problem in problems:
            typer.echo(problem.say(language))
        for problem in item.warnings:
            typer.echo(f"{t('warning_prefix', language)}{problem.say(language)}")
        checked += 1
        errors += len(problems)
        warnings += len(item.warnings)
        bad += bool(problems)
    if errors:
        typer.echo(t("validate_bad", language).format(files=checked, bad=bad, errors=errors,
                                                      warnings=warnings), err=True)
        raise typer.Exit(2)
    typer.echo(t("validate_ok", language).format(files=checked, warnings=warnings), err=True)
