"""Firm-roster indicators: market concentration, size inequality, agglomeration, size bands.

A roster (规上企业名录, census extract) has one row per firm. Concentration (HHI, CR4/CR8,
Gini) is computed on a size measure — sales if given, else employees — per industry; the
Ellison–Glaeser γ always wants employment and a region distribution of all employment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, SkipValidation

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.tables import (
    TableSource,
    read_table,
    require_non_negative,
    require_text,
    table_error,
)
from cluster_assess.indicators.thresholds import IndicatorRubric, default_rubric

if TYPE_CHECKING:
    from pathlib import Path

    import polars as pl

SalesUnit = Literal["yuan", "wan", "yi"]
SALES_UNIT_FACTOR: dict[str, float] = {"yuan": 1.0, "wan": 1e4, "yi": 1e8}
TRUE_WORDS = {"1", "1.0", "true", "t", "yes", "y", "x", "是", "规上", "√", "✓"}
FALSE_WORDS = {"0", "0.0", "false", "f", "no", "n", "否", "规下", ""}
ALL_INDUSTRIES = "(all)"


class FirmIndicators(BaseModel):
    """One industry's firm-level indicators (or the whole roster's when it has no industry)."""

    model_config = ConfigDict(extra="forbid")

    industry: str
    firms: int
    above_scale: int | None
    size_measure: str
    total_size: float
    hhi: float | None
    hhi_normalised: float | None
    hhi_equivalent_firms: float | None
    gini: float | None
    gini_normalised: float | None
    cr4: float | None
    cr8: float | None
    eg_gamma: float | None
    eg_g: float | None
    eg_h: float | None
    regions: int | None
    size_bands: dict[str, int] | None
    leading_firms: list[str]
    leading_firm_weight: float | None


class FirmReport(BaseModel):
    """Everything `indicators firms` measured, with what it was measured from."""

    model_config = ConfigDict(extra="forbid")

    table: str
    size_column: str
    sales_column: str | None
    employees_column: str | None
    industries: list[FirmIndicators]
    # catalogue messages (i18n.Msg, a str) kept as they are, to be said in the reader's language
    notes: list[SkipValidation[str]]


@dataclass(frozen=True)
class FirmColumns:
    """Which file columns play which role; only `firm` and one size column are required."""

    firm: str
    industry: str | None = None
    region: str | None = None
    employees: str | None = None
    sales: str | None = None
    above_scale: str | None = None


def band_key(threshold_cny: float) -> str:
    """1e6 → 'over_1m', 1e8 → 'over_100m': the profile's size_bands keys."""
    m = threshold_cny / 1e6
    return f"over_{m:g}m".replace(".", "_")


def _flags(df: pl.DataFrame, column: str, src: TableSource) -> pl.Series:
    """Parse an above-scale flag column (1/0, true/false, 是/否, 规上/规下)."""
    import polars as pl

    text = df.get_column(column).cast(pl.String).fill_null("").str.strip_chars().str.to_lowercase()
    ok = text.is_in(list(TRUE_WORDS | FALSE_WORDS))
    if not ok.all():
        i = int((~ok).arg_true()[0])
        raise table_error(
            msg("firm_flag", value=df.get_column(column)[i]),
            file=str(src.path), line=src.line_of(i), column=column,
        )
    return text.is_in(list(TRUE_WORDS)).alias("_above")


def load_roster(
    path: Path, cols: FirmColumns, sum_duplicates: bool = False
) -> tuple[pl.DataFrame, TableSource, list[str]]:
    """Read a roster into canonical columns: firm, industry, region, employees, sales, above."""
    if not (cols.employees or cols.sales):
        raise UserError.single(
            msg("firm_no_size"), file=str(path)
        )
    text = [c for c in (cols.firm, cols.industry, cols.region) if c]
    numeric = [c for c in (cols.employees, cols.sales) if c]
    optional = [cols.above_scale] if cols.above_scale else []
    df, src = read_table(path, text, numeric, optional)  # refuses a hostile file before Polars loads
    import polars as pl

    if cols.above_scale and cols.above_scale not in df.columns:
        raise table_error(
            msg("tbl_no_column_short", column=cols.above_scale), file=str(path),
            column=cols.above_scale,
        )
    if df.height == 0:
        raise UserError.single(msg("firm_no_rows"), file=str(path))
    for c in text:
        require_text(df, c, src)
    if cols.employees:
        require_non_negative(df, cols.employees, src, "employment")
    if cols.sales:
        require_non_negative(df, cols.sales, src, "sales")
    out = df.select(
        pl.col(cols.firm).alias("firm"),
        (pl.col(cols.industry) if cols.industry else pl.lit(ALL_INDUSTRIES)).alias("industry"),
        (pl.col(cols.region) if cols.region else pl.lit(None, pl.String)).alias("region"),
        (pl.col(cols.employees) if cols.employees else pl.lit(None, pl.Float64)).alias("employees"),
        (pl.col(cols.sales) if cols.sales else pl.lit(None, pl.Float64)).alias("sales"),
    )
    if cols.above_scale:
        out = out.with_columns(_flags(df, cols.above_scale, src).alias("above"))
    else:
        out = out.with_columns(pl.lit(None, pl.Boolean).alias("above"))
    notes: list[str] = []
    dup = out.select(pl.struct("industry", "firm").is_duplicated()).to_series()
    if dup.any():
        n_dup = int(dup.sum())
        i = int(dup.arg_true()[0])
        if not sum_duplicates:
            raise table_error(
                msg("firm_dup", firm=out["firm"][i], industry=out["industry"][i], n=n_dup),
                file=str(path), line=src.line_of(i), column=cols.firm,
            )
        before = out.height
        out = out.group_by("industry", "firm", maintain_order=True).agg(
            pl.col("region").first(),
            pl.col("employees").sum(), pl.col("sales").sum(), pl.col("above").any(),
        )
        notes.append(msg("firm_dup_summed", n=before - out.height))
    return out, src, notes


def load_region_totals(path: Path, region: str, value: str) -> dict[str, float]:
    """Employment by region for the E–G x_j; rows per region are summed, so a region ×
    industry table (the `regions` input) works as-is."""
    import polars as pl

    df, src = read_table(path, [region], [value])
    require_non_negative(df, value, src, "employment")
    agg = df.group_by(region).agg(pl.col(value).sum())
    return dict(zip(agg[region].to_list(), agg[value].to_list(), strict=True))


def compute(
    roster: pl.DataFrame,
    src: TableSource,
    cols: FirmColumns,
    *,
    size_by: Literal["auto", "sales", "employees"] = "auto",
    sales_unit: SalesUnit = "yuan",
    region_totals: dict[str, float] | None = None,
    notes: list[str] | None = None,
    rubric: IndicatorRubric | None = None,
) -> FirmReport:
    """Per-industry firm indicators over a validated roster."""


    rubric = rubric or default_rubric()
    notes = list(notes or [])
    if size_by == "auto":
        size_by = "sales" if cols.sales else "employees"
    size_col = cols.sales if size_by == "sales" else cols.employees
    if size_col is None:
        raise UserError.single(
            msg("firm_size_by", size_by=size_by), file=str(src.path)
        )
    emp_name = "employees" if cols.employees else "sales"
    if not cols.employees:
        notes.append(msg("firm_eg_sales"))

    x = _region_shares(roster, src, cols, emp_name, region_totals, notes)
    results = [
        _industry(str(industry), g, cols, size_by, size_col, emp_name, x, SALES_UNIT_FACTOR[sales_unit], rubric)
        for (industry,), g in roster.group_by("industry", maintain_order=True)
    ]
    return FirmReport(
        table=str(src.path), size_column=size_col, sales_column=cols.sales,
        employees_column=cols.employees, industries=results, notes=notes,
    )


def _region_shares(roster: pl.DataFrame, src: TableSource, cols: FirmColumns, emp_name: str,
                   region_totals: dict[str, float] | None, notes: list[str]) -> dict[str, float] | None:
    """E–G x_j, the regions' shares of all employment: from --totals, else from the whole roster
    when it holds several industries, else none (with a note saying why)."""
    import polars as pl

    if not cols.region:
        notes.append(msg("firm_eg_no_region"))
        return None
    if region_totals is not None:
        missing = set(roster.get_column("region").unique().to_list()) - set(region_totals)
        if missing:
            raise table_error(
                msg("firm_no_total", region=sorted(missing)[0], n=len(missing)),
                file=str(src.path), column=cols.region,
            )
        return region_totals
    if roster.get_column("industry").n_unique() > 1:
        agg = roster.group_by("region").agg(pl.col(emp_name).sum())
        notes.append(msg("firm_eg_roster_x"))
        return dict(zip(agg["region"].to_list(), agg[emp_name].to_list(), strict=True))
    notes.append(msg("firm_eg_one_industry"))
    return None


def _industry(industry: str, g: pl.DataFrame, cols: FirmColumns, size_by: str, size_col: str, emp_name: str,
              x: dict[str, float] | None, factor: float, rubric: IndicatorRubric) -> FirmIndicators:
    """The indicators of one industry's firms."""
    from cluster_assess.indicators import measures

    size = g.get_column(size_by).to_list()
    total = float(sum(size))
    positive = total > 0
    eg = None
    if x is not None:
        emp = g.get_column(emp_name).to_list()
        if sum(emp) > 0:
            eg = measures.ellison_glaeser(emp, g.get_column("region").to_list(), x)
    bands = None
    if cols.sales:
        thresholds = rubric.size_bands.thresholds_cny.value
        inclusive = rubric.size_bands.inclusive.value
        sales_cny = g.get_column("sales") * factor
        bands = {band_key(t): int(((sales_cny >= t) if inclusive else (sales_cny > t)).sum()) for t in thresholds}
    lead_base = "sales" if cols.sales else size_by
    top = g.sort(lead_base, descending=True, maintain_order=True).head(rubric.leading_firms.count.value)
    lead_total = float(g.get_column(lead_base).sum())
    concentration = _concentration(size) if positive else dict.fromkeys(CONCENTRATION)
    return FirmIndicators(
        industry=industry,
        firms=g.height,
        above_scale=int(g.get_column("above").sum()) if cols.above_scale else None,
        size_measure=size_col,
        total_size=total,
        **concentration,
        eg_gamma=eg.gamma if eg and eg.gamma is not None else None,
        eg_g=eg.g if eg else None,
        eg_h=eg.h if eg else None,
        regions=g.get_column("region").n_unique() if cols.region else None,
        size_bands=bands,
        leading_firms=[str(f) for f in top.get_column("firm").to_list()],
        leading_firm_weight=float(top.get_column(lead_base).sum()) / lead_total if lead_total > 0 else None,
    )


CONCENTRATION = ("hhi", "hhi_normalised", "hhi_equivalent_firms", "gini", "gini_normalised", "cr4", "cr8")


def _concentration(size: list[float]) -> dict[str, float | None]:
    """HHI, Gini and concentration ratios of firm sizes (whose total is above zero)."""
    from cluster_assess.indicators import measures

    return {
        "hhi": measures.herfindahl(size),
        "hhi_normalised": measures.herfindahl_normalised(size),
        "hhi_equivalent_firms": 1 / measures.herfindahl(size),
        "gini": measures.gini(size),
        "gini_normalised": measures.gini(size, normalised=True),
        "cr4": measures.concentration_ratio(size, 4),
        "cr8": measures.concentration_ratio(size, 8),
    }
