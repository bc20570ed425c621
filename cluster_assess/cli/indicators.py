"""`cluster-assess indicators`: measure clusters from tables (sub-app mounted by the main CLI)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from cluster_assess.indicators.errors import IndicatorInputError

app = typer.Typer(
    help="Measure specialisation and concentration from data tables (region × industry "
    "employment or output; firm rosters) and write them into a profile as measured facts.",
    no_args_is_help=True,
)

F = TypeVar("F", bound=Callable[..., Any])


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


def _errors(fn: F) -> F:
    """User errors → one paragraph on stderr, exit 2; anything else → exit 1, no traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except IndicatorInputError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
        except typer.Exit:
            raise
        except Exception as e:  # the last line of defence: never show a traceback
            if os.environ.get("CLUSTER_ASSESS_DEBUG"):
                raise
            typer.echo(
                f"internal error: {type(e).__name__}: {e}\n"
                "This is a bug in cluster-assess; set CLUSTER_ASSESS_DEBUG=1 for a traceback.",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _emit(text: str, output: str, force: bool) -> None:
    """Write to stdout ('-') or a file, refusing to overwrite without --force."""
    if output == "-":
        sys.stdout.write(text)
        return
    path = Path(output)
    if path.exists() and not force:
        raise IndicatorInputError("output file exists; pass --force to overwrite it",
                                  file=output)
    path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def _rubric(path: Path | None) -> Any:
    from cluster_assess.indicators.thresholds import default_rubric, load_rubric

    return load_rubric(path) if path else default_rubric()


FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[str, typer.Option("--output", "-o", help="Output file; '-' is stdout.")]
ForceOpt = Annotated[bool, typer.Option(
    "--force", help="Overwrite an existing output file; with --into, replace values the profile states.")]
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
@_errors
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
    fmt: FormatOpt = OutFormat.text,
    output: OutputOpt = "-",
    force: ForceOpt = False,
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
) -> None:
    """Location quotients, specialisation, diversity, concentration, stars and strength tiers."""
    from cluster_assess.indicators import facts, profile_io, render
    from cluster_assess.indicators import regions as rg

    rubric = _rubric(thresholds)
    data = rg.load_region_table(table, region, industry, value, establishments, sum_duplicates)
    res = rg.compute(data, rubric)
    for n in res.notes:
        typer.echo(f"note: {n}", err=True)
    _emit(render.regions(res, fmt.value, which.value, top), output, force)
    if into is not None:
        prof = profile_io.read_profile(into)
        r = for_region or prof.get("region")
        i = for_industry or prof.get("industry")
        if not r or not i:
            raise IndicatorInputError(
                "which cell is this profile's cluster? The profile has no region/industry; "
                "pass --for-region and --for-industry", file=str(into),
            )
        n = profile_io.write_measured(into, facts.region_facts(res, str(r), str(i)), replace_stated=force)
        typer.echo(f"wrote {n} measured facts for {r} × {i} into {into}", err=True)


@app.command("firms")
@_errors
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
    fmt: FormatOpt = OutFormat.text,
    output: OutputOpt = "-",
    force: ForceOpt = False,
    into: IntoOpt = None,
    for_industry: Annotated[
        str | None, typer.Option("--for-industry", help="Industry to write --into (needed when "
                                 "the roster has several).")
    ] = None,
    thresholds: ThresholdsOpt = None,
) -> None:
    """Firm HHI, Gini, CR4/CR8, Ellison–Glaeser γ, size bands and leading-firm weight."""
    from cluster_assess.indicators import facts, profile_io, render
    from cluster_assess.indicators import firms as fm

    rubric = _rubric(thresholds)
    cols = fm.FirmColumns(firm=firm, industry=industry, region=region, employees=employees,
                          sales=sales, above_scale=above_scale)
    roster, src, notes = fm.load_roster(table, cols, sum_duplicates)
    x = None
    if totals is not None:
        if not region:
            raise IndicatorInputError("--totals needs --region to match firms to regions",
                                      file=str(table))
        tv = totals_value or employees
        if not tv:
            raise IndicatorInputError("--totals needs --totals-value (its employment column)",
                                      file=str(totals))
        x = fm.load_region_totals(totals, totals_region or region, tv)
    rep = fm.compute(roster, src, cols, size_by=size_by.value, sales_unit=sales_unit.value,
                     region_totals=x, notes=notes, rubric=rubric)
    for n in rep.notes:
        typer.echo(f"note: {n}", err=True)
    _emit(render.firms(rep, fmt.value), output, force)
    if into is not None:
        prof = profile_io.read_profile(into)
        wanted = for_industry
        if wanted is None and prof.get("industry") in {x.industry for x in rep.industries}:
            wanted = str(prof.get("industry"))
        ind = facts.pick_industry(rep, wanted)
        n = profile_io.write_measured(into, facts.firm_facts(rep, ind, firm, above_scale), replace_stated=force)
        typer.echo(f"wrote {n} measured facts for {ind.industry} into {into}", err=True)


def main() -> None:
    """Entry point for `python -m cluster_assess.indicators`."""
    app()
