"""`cluster-assess compare`: many towns side by side, ranked, with the gaps explained and each
cluster followed over the years."""

from __future__ import annotations

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
from cluster_assess.cli.towns import JobsOption
from cluster_assess.i18n import msg, say
from cluster_assess.io.output import check_distinct, check_output, open_output, write_bytes
from cluster_assess.render import formats, renderer

CompareFormat = Enum("CompareFormat", {f: f for f in formats("comparison")}, type=str)  # type: ignore[misc]


@app.command()
def compare(
    inputs: list[str] = typer.Argument(
        None, help=INPUTS_HELP, show_default=False),
    format: CompareFormat = format_option(CompareFormat.text),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
    rubric: str | None = RubricOption,
    sort: str = typer.Option("index", "--sort", "-s",
                             help="Column order: index (ranking, default), name, year, input, or a row id "
                                  "such as factor.market_norms or facts.firms.total."),
    baseline: str | None = typer.Option(None, "--baseline", "-b",
                                        help="Explain every town's gap to this one (name or name · year) "
                                             "instead of to its neighbour in the ranking."),
    chart: str | None = typer.Option(None, "--chart",
                                     help="Also write an SVG chart: a radar of factor scores for up to 8 "
                                          "towns, and a line per cluster followed over the years."),
    keep_going: bool = typer.Option(False, "--keep-going", "-k",
                                    help="Skip towns that fail validation (each reported on stderr with its "
                                         "file, row and column) and compare the rest; exit 0 if at least one "
                                         "town was compared."),
    schema: bool = typer.Option(False, "--schema", help="Print the JSON Schema of --format json and exit."),
    method: str | None = typer.Option(None, "--method", "-m",
                                      help="Also rank by index, topsis or gra, as `rank` does with its default "
                                           "conventions (named in the output)."),
    weights: str | None = typer.Option(None, "--weights", "-w", help="Weights of the --method ranking: rubric, "
                                       "equal, entropy, critic, ahp:FILE or combined:ahp:FILE,entropy[,alpha]."),
    jobs: int | None = JobsOption,
) -> None:
    """Compare clusters side by side: ranking by maturity index, stages, factors, key indicators,
    problems, what explains each gap, and changes over the years.

    Without --keep-going any invalid town stops the run (exit 2) with every problem listed.

    Examples: cluster-assess compare examples/ ; cluster-assess compare towns.xlsx -F markdown -o brief.md
    """
    from cluster_assess.cli.batch import batch_gc, default_jobs
    from cluster_assess.cli.towns import assess_towns
    from cluster_assess.compare.comparison import compare as build
    from cluster_assess.errors import UserError
    from cluster_assess.rubric.loading import load_rubric

    if schema:
        import json

        from cluster_assess.render.compare_json import schema as json_schema

        with open_output(output, force) as stream:
            stream.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
        return
    if not inputs:
        raise UserError.single(msg("cmp_no_input"), field="INPUT")
    language = lang_of(lang)
    check_output(output, force, [*inputs, rubric])
    if chart is not None:
        check_output(chart, force, [*inputs, rubric], option="--chart")
        check_distinct(output, chart, "--chart")
    pack = load_rubric(rubric)
    # the towns live to the end: collections would only walk them again and again (see batch_gc)
    with batch_gc():
        towns = assess_towns(inputs, pack, keep_going=keep_going, jobs=jobs or default_jobs(), rubric=rubric)
        bad = towns.bad
        for item in bad:
            for problem in item.error.problems:  # type: ignore[union-attr]
                typer.echo(say(msg("skipped_problem", problem=problem.say())), err=True)
        if not towns.assessments:
            raise UserError.single(msg("cmp_none"))
        for warnings in towns.warnings:
            warn(warnings)
        assessments = towns.assessments
        result = build(assessments, pack, baseline=baseline, sort=sort, origins=towns.origins)
        if bad:
            note(msg("cmp_skipped", good=len(assessments), bad=len(bad)))
        ranking = None
        if method is not None:  # the same code as `cluster-assess rank`
            from cluster_assess.cli.rank import ranking_for, spec_for

            ranking = ranking_for(assessments, pack, spec_for(method, weights, language), language)
        if format.value == "xlsx":  # a workbook is binary: a file, never the terminal
            if output == "-":
                raise UserError.single(msg("cmp_xlsx_terminal"), field="--output")
            write_bytes(output, renderer("comparison", "xlsx")(result, language), force, [*inputs, rubric])
        else:
            _write_text(result, ranking, format.value, output, force, language)
        if chart is not None:
            with open_output(chart, force) as stream:
                renderer("chart", "svg")(result, stream, language, plain=True)
            note(msg("chart_written", file=Path(chart)))


def _write_text(result: Any, ranking: Any, fmt: str, output: str, force: bool, language: str) -> None:
    """The text formats (text, markdown, csv, json), with the ranking section when --method asks."""
    with open_output(output, force) as stream:
        if ranking is not None:
            from cluster_assess.cli.rank import write_with_ranking

            write_with_ranking(renderer("comparison", fmt), result, ranking, fmt, stream,
                               language, plain=plain_output(output))
        else:
            renderer("comparison", fmt)(result, stream, language, plain=plain_output(output))
