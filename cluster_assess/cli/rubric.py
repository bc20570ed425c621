"""`cluster-assess rubric list|validate|docs`: the rubric packs, checked and documented."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import (
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    RubricOption,
    format_option,
    lang_of,
    note,
)
from cluster_assess.i18n import msg, say
from cluster_assess.io.output import check_output, open_output
from cluster_assess.render import formats, renderer

rubric_app = typer.Typer(
    help="Rubric packs: list the built-in ones, validate your own, generate their reference docs.",
    no_args_is_help=True,
)
app.add_typer(rubric_app, name="rubric")


ListFormat = Enum("ListFormat", {f: f for f in formats("rubric_list")}, type=str)  # type: ignore[misc]


@rubric_app.command("list")
def list_rubrics(
    format: ListFormat = format_option(ListFormat.text),
    lang: Lang | None = LangOption,
) -> None:
    """List the built-in rubric packs with their version, title and size.

    Example: cluster-assess rubric list --lang zh
    """
    from cluster_assess.io.packaged import builtin_rubrics
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    rows = []
    for path in builtin_rubrics().values():
        pack = load_rubric(path)
        rows.append({
            "id": pack.id, "version": pack.version, "title": pack.title.get(language), "path": str(path),
            "stage_models": [m.id for m in pack.stage_models], "factors": len(pack.factors),
            "classifications": len(pack.classifications), "problems": len(pack.problems),
            "recommendations": len(pack.recommendations), "value_chains": [c.id for c in pack.value_chains],
        })
    renderer("rubric_list", format.value)(rows, sys.stdout, language, plain=True)

@rubric_app.command("validate")
def validate(
    paths: list[Path] = typer.Argument(..., help="Rubric YAML file(s) to check.", show_default=False),
    lang: Lang | None = LangOption,
) -> None:
    """Check rubric packs: every problem in every file is reported at once, with file:line.

    Exit status 0 when all are valid, 2 when any is not.
    Example: cluster-assess rubric validate my-pack.yaml
    """
    from cluster_assess.errors import UserError
    from cluster_assess.rubric.loading import load_rubric

    lang_of(lang)

    problems = []
    for path in paths:
        try:
            pack = load_rubric(path)
        except UserError as exc:
            problems += exc.problems
            continue
        count = len(pack.all_items())
        typer.echo(say(msg("rubric_ok", path=path, id=pack.id, version=pack.version, count=count)))
    if problems:
        raise UserError(problems)


@rubric_app.command("docs")
def docs(
    rubric: str | None = RubricOption,
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
) -> None:
    """Write the reference documentation of a pack (markdown), generated from its YAML.

    Example: cluster-assess rubric docs --lang zh -o docs/rubric.zh.md --force
    """
    from cluster_assess.rubric.docs import render_rubric_docs
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    check_output(output, force, [rubric])
    pack = load_rubric(rubric)
    with open_output(output, force) as stream:
        stream.write(render_rubric_docs(pack, language))
    if output != "-":
        note(msg("wrote", file=output))
