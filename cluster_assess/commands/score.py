"""`cluster-assess score`: one profile (or several) against a rubric."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from cluster_assess.cli import app
from cluster_assess.commands.common import (
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    RubricOption,
    check_output,
    lang_of,
    open_output,
    plain_output,
    warn,
)


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def score(
    profiles: list[Path] = typer.Argument(
        ..., help="Profile YAML file(s) or spreadsheets (.xlsx, .csv) to assess.", show_default=False),
    rubric: str | None = RubricOption,
    format: ScoreFormat = typer.Option(ScoreFormat.text, "--format", "-F", help="Output format."),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
) -> None:
    """Assess a cluster profile: stage on each model with reasons, gaps, problems, recommendations.

    Example: cluster-assess score examples/shishi.yaml --lang zh
    """
    from cluster_assess.engine import assess
    from cluster_assess.rubric import load_rubric
    from cluster_assess.spreadsheet import load_all

    language = lang_of(lang)
    check_output(output, force)  # fail fast on an existing output file, before any work
    pack = load_rubric(rubric)
    results = []
    for loaded in load_all(list(profiles)):  # a spreadsheet gives one profile per row
        warn(loaded.warnings)
        results.append(assess(loaded.profile, pack))
    with open_output(output, force) as stream:
        for index, assessment in enumerate(results):
            if format is ScoreFormat.json:
                from cluster_assess.render.json import render as render_json

                stream.write(render_json(assessment, language))
            elif format is ScoreFormat.markdown:
                from cluster_assess.render.markdown import render as render_md

                if index:
                    stream.write("\n---\n\n")
                stream.write(render_md(assessment, language))
            else:
                from cluster_assess.render.text import make_console
                from cluster_assess.render.text import render as render_text

                console = make_console(stream, plain=plain_output(output))
                if index:
                    console.print()
                render_text(assessment, language, console)
