"""`cluster-assess validate`: check profiles and name every mistake, like a compiler would.

Each problem is one line, `file:line:column: field: message`, on stdout (it is the command's
report); warnings start with `warning: `; a summary goes to stderr. Exit 2 if any file has an
error, else 0. The checks are the ones `score` applies.
"""

from __future__ import annotations

from pathlib import Path

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import Lang, LangOption, lang_of


@app.command()
def validate(
    paths: list[Path] = typer.Argument(..., help="Profile YAML files, or folders of them.", show_default=False),
    lang: Lang | None = LangOption,
) -> None:
    """Check profiles and report every problem at once, each at its file, line and field.

    Example: cluster-assess validate my-town.yaml profiles/
    """
    from cluster_assess.errors import Problem, UserError
    from cluster_assess.i18n import t
    from cluster_assess.profile.loading import check_profile_file

    language = lang_of(lang)
    files, errors, warnings = _expand(paths), 0, 0
    bad_files = 0
    for item in files:
        if isinstance(item, Problem):
            problems, cautions = [item], []
        else:
            try:
                problems, _, _, cautions = check_profile_file(item)
            except UserError as exc:
                problems, cautions = exc.problems, []
        for problem in problems:
            typer.echo(str(problem))
        for problem in cautions:
            typer.echo(f"warning: {problem}")
        errors += len(problems)
        warnings += len(cautions)
        bad_files += bool(problems)
    if errors:
        typer.echo(t("validate_bad", language).format(files=len(files), bad=bad_files, errors=errors,
                                                      warnings=warnings), err=True)
        raise typer.Exit(2)
    typer.echo(t("validate_ok", language).format(files=len(files), warnings=warnings), err=True)


def _expand(paths: list[Path]) -> list:  # type: ignore[type-arg]
    """Files as given; a folder stands for the .yaml/.yml files directly inside it."""
    from cluster_assess.errors import Problem

    out: list = []  # type: ignore[type-arg]
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
            out += found or [Problem("the folder holds no .yaml or .yml files", str(path))]
        else:
            out.append(path)
    return out
