"""`cluster-assess report`: the document officials hand on — markdown, one HTML page, or Word."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

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
    warn,
)
from cluster_assess.cli.towns import JobsOption
from cluster_assess.errors import UserError
from cluster_assess.io.output import check_output, open_output, write_bytes
from cluster_assess.render import formats, renderer

ReportFormat = Enum("ReportFormat", {f: f for f in formats("report")}, type=str)  # type: ignore[misc]


SUFFIXES = {".md": ReportFormat.md, ".markdown": ReportFormat.md, ".html": ReportFormat.html,
            ".htm": ReportFormat.html, ".docx": ReportFormat.docx}


def format_for(output: str, chosen: ReportFormat | None) -> ReportFormat:
    """--format if given, else from the output file's extension, else markdown."""
    if chosen is not None:
        return chosen
    if output == "-":
        return ReportFormat.md
    return SUFFIXES.get(Path(output).suffix.lower(), ReportFormat.md)


@app.command()
def report(
    inputs: list[Path] = typer.Argument(
        ..., help=INPUTS_HELP + " One profile gives a cluster report, several a comparison report.",
        show_default=False, metavar="INPUT"),
    format: ReportFormat | None = format_option(None, "md, html or docx (default: from the -o extension, else md)."),
    rubric: str | None = RubricOption,
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
    method: str | None = typer.Option(None, "--method", "-m", help="Comparison reports: add a ranking by index, "
                                      "topsis or gra, with its stability figure (as `rank`)."),
    weights: str | None = typer.Option(None, "--weights", "-w", help="Weights of the --method ranking."),
    author: str | None = typer.Option(None, "--author", help="The author named on the cover (撰写人)."),
    organisation: str | None = typer.Option(None, "--organisation", "--org",
                                            help="The organisation named on the cover (单位)."),
    jobs: int | None = JobsOption,
) -> None:
    """Write a survey report (调研报告): basic facts, stage, problems, recommendations, data notes.

    One profile gives a cluster report; several (or a folder, or a spreadsheet) give a comparison
    report with the side-by-side tables and the ranking of `compare`.

    Examples:

      cluster-assess report examples/xiaoguanzhuang-glass.yaml -o glass.html

      cluster-assess report my-town.yaml --lang zh -o my-town.docx

      cluster-assess report examples/ -o comparison.html
    """
    from cluster_assess.cli.batch import batch_gc, default_jobs
    from cluster_assess.cli.towns import assess_towns
    from cluster_assess.i18n import msg, say
    from cluster_assess.report.cluster import build_report
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    kind = format_for(output, format)
    implied = SUFFIXES.get(Path(output).suffix.lower()) if output != "-" else None
    if implied is not None and implied is not kind:
        note(say(msg("report_format_suffix", format=kind.value, file=output, implied=implied.value)))
    if kind is ReportFormat.docx and output == "-":
        raise UserError.single(msg("report_docx_terminal"), field="--output")
    check_output(output, force, [*inputs, rubric])  # fail fast, before any work: an existing file, an input
    pack = load_rubric(rubric)
    # the towns live to the end: collections would only walk them again and again (see batch_gc)
    with batch_gc():
        towns = assess_towns(list(inputs), pack, jobs=jobs or default_jobs(), rubric=rubric)
        for warnings in towns.warnings:
            warn(warnings)
        if towns.whole is not None:
            whole, loaded = towns.whole
            document = build_report(whole, language, dt.date.today(), profile=loaded.profile, rubric=pack,
                                    author=author or _field([loaded], "author"),
                                    organisation=organisation or _field([loaded], "organisation"))
        else:
            from cluster_assess.compare.comparison import column_keys, compare
            from cluster_assess.report.comparison import build_comparison_report

            assessments = towns.assessments
            ranking: tuple[object, ...] = ()
            if method is not None:  # the same code as `cluster-assess rank`
                from cluster_assess.cli.rank import ranking_for, spec_for
                from cluster_assess.rank.figure import report_blocks

                ranking = report_blocks(ranking_for(assessments, pack, spec_for(method, weights, language), language),
                                        language)
            document = build_comparison_report(compare(assessments, pack),
                                               dict(zip(column_keys(assessments), assessments)),
                                               language, dt.date.today(), ranking=ranking,
                                               author=author, organisation=organisation)
        body = renderer("report", kind.value)(document)
        if isinstance(body, bytes):
            write_bytes(output, body, force)
            return
        with open_output(output, force) as stream:
            stream.write(body)


def _field(profiles: list[object], name: str) -> str | None:
    """The cover's author or organisation from the profiles, when they name one (and all the same one)."""
    values = {getattr(p.profile, name, None) for p in profiles}  # type: ignore[attr-defined]
    values.discard(None)
    return str(values.pop()) if len(values) == 1 else None
