"""`cluster-assess explain ID`: what a factor, stage, check or recommendation means, and why."""

from __future__ import annotations

from enum import Enum

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
)
from cluster_assess.io.output import check_output, open_output
from cluster_assess.render import formats, renderer

ExplainFormat = Enum("ExplainFormat", {f: f for f in formats("explanation")}, type=str)  # type: ignore[misc]


@app.command()
def explain(
    ident: str = typer.Argument(..., metavar="ID", help="Id of a factor, stage (or MODEL:STAGE), model, "
                                "classification, problem check, recommendation, metric, chain or fact path."),
    rubric: str | None = RubricOption,
    format: ExplainFormat = format_option(ExplainFormat.text),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
) -> None:
    """Explain a rubric item: its text, rule in words, thresholds and rationale, source passage.

    Example: cluster-assess explain market_norms --lang zh
    """
    from cluster_assess.display import in_language
    from cluster_assess.rubric.explain import find
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    check_output(output, force, [rubric])
    pack = load_rubric(rubric)
    items = in_language(find(pack, ident), language)
    write = renderer("explanation", format.value)
    with open_output(output, force) as stream:
        write({"rubric": pack.id, "items": items}, stream, language, plain=True)
