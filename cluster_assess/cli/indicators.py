"""`cluster-assess indicators`: measure clusters from tables (a sub-app mounted by the main CLI).

It is one of the app's commands like any other: bad input is a `UserError` (exit 2, reported by
`cli.main`), output goes through the shared `-o/--force/--format` options and atomic writer, and
replacing a value the user stated in a profile needs its own flag, `--replace-stated`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from cluster_assess.cli.options import ForceOption, Lang, LangOption, OutputOption, format_option, lang_of, note
from cluster_assess.errors import UserError
from cluster_assess.i18n import msg, say
from cluster_assess.io.atomic import same_file
from cluster_assess.io.output import check_output, open_output

app = typer.Typer(
    help="Measure specialisation and concentration from data tables (region × industry "
    "employment or output; firm rosters) and write them into a profile as measured facts.",
    no_args_is_help=True,
)

class OutFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class RegionTableChoice(str, Enum):
    all = "all"
    cells = "cells"
    regions = "regions"
    industries = "industries"


class SizeBy(str, Enum):
    auto = "auto"
    sales = "sales"
    employees = "employees"


class SalesUnitChoice(str, Enum):
    yuan = "yuan"
    wan = "wan"
    yi = "yi"


def _emit(text: str, output: str, force: bool) -> None:
    """Write to stdout ('-') or, atomically, to a file (never over one without --force)."""
    with open_output(output, force) as stream:
        stream.write(text)
    if output != "-":
        note(msg("wrote", file=output))


def _begin(output: str, force: bool, thresholds: Path | None, into: Path | None, *tables: Path | None) -> Any:
    """Before any work, refuse: an existing output file without --force, an output that is one of
    the inputs (a table, the thresholds, the --into profile), which writing would destroy, and an
    --into profile that cannot be read. Return the thresholds to measure with."""
    from cluster_assess.indicators.thresholds import default_rubric, load_rubric

    if into is not None and output != "-" and (Path(output).absolute() == into.absolute() or same_file(output, into)):
        raise UserError.single(msg("into_is_output"), file=output, field="--output")
    check_output(output, force, [*tables, thresholds, into])
    if into is not None:  # a missing, unreadable or non-regular profile fails now, not after the measuring
        from cluster_assess.indicators.profile_io import read_profile

        read_profile(into)
    return load_rubric(thresholds) if thresholds else default_rubric()


def _finish(notes: list[str], text: str, output: str, force: bool) -> None:
    """The notes on stderr, then the result to stdout or -o FILE."""
    for n in notes:
        note(f"{say(msg('note_prefix'))}{say(n)}")
    _emit(text, output, force)


ReplaceStatedOpt = Annotated[bool, typer.Option(
    "--replace-stated", help="With --into, replace values the profile states with the measured ones.")]
IntoOpt = Annotated[
    Path | None,
    typer.Option("--into", help="Profile YAML to write the measured facts into (comments kept)."),
]
ThresholdsOpt = Annotated[
    Path | None,
    typer.Option("--thresholds", help="Alternative thresholds YAML (default: rubrics/"
                 "indicators/thresholds.yaml)."),
]
SumDupOpt = Annotated[
    bool,
    typer.Option("--sum-duplicates", help="Add up repeated keys instead of refusing them."),
]


@app.command("regions")
def regions_cmd(
    table: Annotated[Path, typer.Argument(help="Long table: CSV, TSV, Parquet or XLSX.")],
    region: Annotated[str, typer.Option("--region", help="Region column.")],
    industry: Annotated[str, typer.Option("--industry", help="Industry column.")],
    value: Annotated[str, typer.Option("--value", help="Employment or output column.")],
    establishments: Annotated[
        str | None,
        typer.Option("--establishments", help="Establishment-count column (US CMP tier test)."),
    ] = None,
    sum_duplicates: SumDupOpt = False,
    fmt: OutFormat = format_option(OutFormat.text),
    output: str = OutputOption,
    force: bool = ForceOption,
    replace_stated: ReplaceStatedOpt = False,
    which: Annotated[
        RegionTableChoice, typer.Option("--table", help="Which result table to output.")
    ] = RegionTableChoice.all,
    top: Annotated[int, typer.Option("--top", help="Rows per table in text/markdown; 0 = all.")]
    = 20,
    into: IntoOpt = None,
    for_region: Annotated[
        str | None, typer.Option("--for-region", help="Cell to write --into (default: the "
                                 "profile's region).")
    ] = None,
    for_industry: Annotated[
        str | None, typer.Option("--for-industry", help="Cell to write --into (default: the "
                                 "profile's industry).")
    ] = None,
    thresholds: ThresholdsOpt = None,
    lang: Lang | None = LangOption,
) -> None:
    """Location quotients, specialisation, diversity, concentration, stars and strength tiers."""
    from cluster_assess.indicators import facts, profile_io, render
    from cluster_assess.indicators import regions as rg

    language = lang_of(lang)
    rubric = _begin(output, force, thresholds, into, table)
    data = rg.load_region_table(table, region, industry, value, establishments, sum_duplicates)
    res = rg.compute(data, rubric)
    _finish(res.notes, render.regions(res, fmt.value, which.value, top, language), output, force)
    if into is not None:
        prof = profile_io.read_profile(into)
        r = for_region or prof.get("region")
        i = for_industry or prof.get("industry")
        if not r or not i:
            raise UserError.single(msg("into_no_region_industry"), file=str(into))
        n = profile_io.write_measured(into, facts.region_facts(res, str(r), str(i)),
                                      replace_stated=replace_stated)
        note(msg("into_wrote_cell", n=n, region=r, industry=i, file=into))


@app.command("firms")
def firms_cmd(
    table: Annotated[Path, typer.Argument(help="Firm roster: CSV, TSV, Parquet or XLSX.")],
    firm: Annotated[str, typer.Option("--firm", help="Firm name or ID column.")],
    industry: Annotated[str | None, typer.Option("--industry", help="Industry column.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Region column (E–G γ).")]
    = None,
    employees: Annotated[str | None, typer.Option("--employees", help="Employees column.")]
    = None,
    sales: Annotated[str | None, typer.Option("--sales", help="Sales (营业收入) column.")] = None,
    above_scale: Annotated[
        str | None, typer.Option("--above-scale", help="Above-scale (规上) flag column.")
    ] = None,
    sales_unit: Annotated[
        SalesUnitChoice, typer.Option("--sales-unit", help="Unit of --sales: yuan, wan (万元), "
                                      "yi (亿元).")
    ] = SalesUnitChoice.yuan,
    size_by: Annotated[
        SizeBy, typer.Option("--size-by", help="Size for HHI/Gini/CR (auto: sales if given).")
    ] = SizeBy.auto,
    totals: Annotated[
        Path | None,
        typer.Option("--totals", help="Regional employment table for E–G x_j (rows per region "
                     "are summed, so the `regions` table works)."),
    ] = None,
    totals_region: Annotated[
        str | None, typer.Option("--totals-region", help="Region column of --totals "
                                 "(default: --region).")
    ] = None,
    totals_value: Annotated[
        str | None, typer.Option("--totals-value", help="Employment column of --totals "
                                 "(default: --employees).")
    ] = None,
    sum_duplicates: SumDupOpt = False,
    fmt: OutFormat = format_option(OutFormat.text),
    output: str = OutputOption,
    force: bool = ForceOption,
    replace_stated: ReplaceStatedOpt = False,
    into: IntoOpt = None,
    for_industry: Annotated[
        str | None, typer.Option("--for-industry", help="Industry to write --into (needed when "
                                 "the roster has several).")
    ] = None,
    thresholds: ThresholdsOpt = None,
    lang: Lang | None = LangOption,
) -> None:
    """Firm HHI, Gini, CR4/CR8, Ellison–Glaeser γ, size bands and leading-firm weight."""
    from cluster_assess.indicators import facts, profile_io, render
    from cluster_assess.indicators import firms as fm

    language = lang_of(lang)
    rubric = _begin(output, force, thresholds, into, table, totals)
    cols = fm.FirmColumns(firm=firm, industry=industry, region=region, employees=employees,
                          sales=sales, above_scale=above_scale)
    roster, src, notes = fm.load_roster(table, cols, sum_duplicates)
    x = None
    if totals is not None:
        if not region:
            raise UserError.single(msg("firm_totals_region"), file=str(table))
        tv = totals_value or employees
        if not tv:
            raise UserError.single(msg("firm_totals_value"), file=str(totals))
        x = fm.load_region_totals(totals, totals_region or region, tv)
    rep = fm.compute(roster, src, cols, size_by=size_by.value, sales_unit=sales_unit.value,
                     region_totals=x, notes=notes, rubric=rubric)
    _finish(rep.notes, render.firms(rep, fmt.value, language), output, force)
    if into is not None:
        prof = profile_io.read_profile(into)
        wanted = for_industry
        if wanted is None and prof.get("industry") in {x.industry for x in rep.industries}:
            wanted = str(prof.get("industry"))
        ind = facts.pick_industry(rep, wanted)
        n = profile_io.write_measured(into, facts.firm_facts(rep, ind, firm, above_scale),
                                      replace_stated=replace_stated)
        note(msg("into_wrote_industry", n=n, industry=ind.industry, file=into))
