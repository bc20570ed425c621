"""Region × industry indicators over a long table, vectorised in Polars.

A long table lists only the cells it has; an absent region × industry cell is a zero. Every
formula here accounts for those implicit zeros in closed form rather than materialising the
full (often sparse) matrix, which is what keeps a national table at 10M rows on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cluster_assess.indicators.errors import IndicatorInputError
from cluster_assess.indicators.tables import (
    TableSource,
    read_table,
    require_non_negative,
    require_text,
)
from cluster_assess.indicators.thresholds import IndicatorRubric, default_rubric

if TYPE_CHECKING:
    from pathlib import Path

    import polars as pl

# Canonical column names inside the library, whatever the file calls them.
REG, IND, VAL, EST = "region", "industry", "value", "establishments"


@dataclass
class RegionTable:
    """A validated long table: one row per region × industry, non-negative values."""

    cells: pl.DataFrame
    source: TableSource
    value_column: str
    notes: list[str] = field(default_factory=list)


@dataclass
class RegionIndicators:
    """All region-side results. Frames, not row objects: a national table has millions of cells."""

    cells: pl.DataFrame  # region, industry, value, share_of_region, lq, stars..., tier
    regions: pl.DataFrame  # region, total, krugman, hachman, hhi, diversity, gini_specialisation
    industries: pl.DataFrame  # industry, total, gini_concentration, locational_gini
    total: float
    n_regions: int
    n_industries: int
    source: TableSource
    value_column: str
    notes: list[str] = field(default_factory=list)


def load_region_table(
    path: Path,
    region: str,
    industry: str,
    value: str,
    establishments: str | None = None,
    sum_duplicates: bool = False,
) -> RegionTable:
    """Read and validate; duplicates are an error unless the caller asks for them to be summed."""
    import polars as pl

    numeric = [value] + ([establishments] if establishments else [])
    df, src = read_table(path, [region, industry], numeric)
    if df.height == 0:
        raise IndicatorInputError("the table has no data rows", file=str(path))
    for c in (region, industry):
        require_text(df, c, src)
    require_non_negative(df, value, src, "value")
    if establishments:
        require_non_negative(df, establishments, src, "establishment count")
    rename = {region: REG, industry: IND, value: VAL}
    if establishments:
        rename[establishments] = EST
    df = df.select([pl.col(k).alias(v) for k, v in rename.items()])
    return prepare_cells(df, src, value, sum_duplicates)


def prepare_cells(
    df: pl.DataFrame, src: TableSource, value_column: str, sum_duplicates: bool = False
) -> RegionTable:
    """Enforce one row per region × industry: error naming the pair, or sum with a note."""
    import polars as pl

    # Integer keys from categorical codes: ~10× cheaper than hashing two string columns.
    key = (
        pl.col(REG).cast(pl.Categorical).to_physical().cast(pl.UInt64) * (1 << 32)
        + pl.col(IND).cast(pl.Categorical).to_physical().cast(pl.UInt64)
    )
    n_unique = df.select(key.n_unique()).item()
    notes: list[str] = []
    if n_unique != df.height:
        n_dup = df.height - n_unique
        if not sum_duplicates:
            dup = df.select(key.is_duplicated().arg_true()).to_series()
            i = int(dup[0])
            r, ind = df.row(i)[0], df.row(i)[1]
            j = next(int(k) for k in dup[1:] if df.row(int(k))[0:2] == (r, ind))
            raise IndicatorInputError(
                f"region {r!r} × industry {ind!r} appears more than once (also at row "
                f"{src.line_of(j)}); {n_dup} duplicate row(s) in all. Duplicates are NOT summed "
                "by default — remove them, or pass --sum-duplicates to add them up "
                "(e.g. when the table lists establishments or sub-industries).",
                file=str(src.path), line=src.line_of(i), field=value_column,
            )
        aggs = [pl.col(VAL).sum()] + ([pl.col(EST).sum()] if EST in df.columns else [])
        df = df.group_by(REG, IND, maintain_order=True).agg(aggs)
        notes.append(
            f"{n_dup} duplicate region × industry row(s) were summed into {df.height} cells "
            "(--sum-duplicates)."
        )
    return RegionTable(df, src, value_column, notes)


def location_quotients(cells: pl.DataFrame) -> pl.DataFrame:
    """LQ for every cell: (v / region total) / (industry total / grand total); null if undefined.

    This is the quantity the benchmark times against the bare Polars query.
    """
    import polars as pl

    v = pl.col(VAL)
    reg, ind, tot = v.sum().over(REG), v.sum().over(IND), v.sum()
    lq = pl.when((reg > 0) & (ind > 0)).then((v / reg) / (ind / tot))
    return cells.with_columns((v / reg).alias("share_of_region"), lq.alias("lq"))


def compute(table: RegionTable, rubric: IndicatorRubric | None = None) -> RegionIndicators:
    """Every region-side indicator in one pass over the cells."""
    import polars as pl

    rubric = rubric or default_rubric()
    cells = table.cells
    total = float(cells.get_column(VAL).sum())
    if total <= 0:
        raise IndicatorInputError(
            "all values are zero; nothing to measure", file=str(table.source.path),
            field=table.value_column,
        )
    n_reg = cells.get_column(REG).n_unique()
    n_ind = cells.get_column(IND).n_unique()
    v = pl.col(VAL)
    cells = location_quotients(cells).with_columns(
        v.sum().over(REG).alias("_reg_total"),
        v.sum().over(IND).alias("_ind_total"),
    )

    # --- peer-relative ratings (per industry, peers = regions) ---
    sr, st = rubric.star_rating, rubric.strength_tiers
    greater_v = pl.col(VAL).rank("min", descending=True).over(IND) - 1  # regions strictly larger
    greater_s = pl.col("share_of_region").rank("min", descending=True).over(IND) - 1
    size_star = (v > 0) & (greater_v < sr.size_top_share.value * n_reg)
    spec_star = pl.col("lq").fill_null(0) >= sr.specialisation_min_lq.value
    focus_star = (v > 0) & (greater_s < sr.focus_top_share.value * n_reg)
    # US CMP strength: percentiles over peers = regions where the industry is present (v > 0).
    peer = v > 0
    lq_p = pl.col("lq").filter(peer)

    def q(expr: pl.Expr, pct: float) -> pl.Expr:
        return expr.quantile(pct / 100, interpolation="linear").over(IND)

    counts_ok = v > q(v.filter(peer), st.min_count_percentile.value)
    if EST in cells.columns:
        e = pl.col(EST)
        counts_ok = counts_ok & (e > q(e.filter(peer), st.min_count_percentile.value))
    base = peer & (pl.col("lq").fill_null(0) >= st.min_lq.value) & counts_ok
    strong = base & (pl.col("lq") >= q(lq_p, st.strong_lq_percentile.value))
    top = base & (pl.col("lq") >= q(lq_p, st.top_lq_percentile.value))
    cells = cells.with_columns(
        size_star.alias("star_size"),
        spec_star.alias("star_specialisation"),
        focus_star.alias("star_focus"),
    ).with_columns(
        (pl.col("star_size").cast(pl.Int8) + pl.col("star_specialisation").cast(pl.Int8)
         + pl.col("star_focus").cast(pl.Int8)).alias("stars"),
        pl.when(top).then(pl.lit("top")).when(strong).then(pl.lit("strong"))
        .otherwise(pl.lit("none")).alias("strength_tier"),
    )

    # --- per region: specialisation and diversity ---
    s_i = pl.col("_ind_total") / total  # industry's share of the reference economy
    s_ir = pl.col("share_of_region")
    regions = (
        cells.group_by(REG, maintain_order=True)
        .agg(
            v.sum().alias("total"),
            (v > 0).sum().alias("industries_present"),
            ((s_ir - s_i).abs().sum() + (1 - s_i.sum())).alias("krugman"),
            (1 / (s_ir * pl.col("lq").fill_null(0)).sum()).alias("hachman"),
            (s_ir**2).sum().alias("hhi"),
            _gini_expr(pl.col("lq").fill_null(0), n_ind).alias("gini_specialisation"),
        )
        .with_columns((1 / pl.col("hhi")).alias("diversity"))
    )
    regions = regions.with_columns(
        [pl.when(pl.col("total") > 0).then(pl.col(c)).alias(c)
         for c in ("krugman", "hachman", "hhi", "diversity", "gini_specialisation")]
    )

    # --- per industry: concentration across regions ---
    pop = pl.col("_reg_total") / total
    c = v / pl.col("_ind_total")
    loc = (
        cells.select(IND, "lq", pop.alias("_p"), c.alias("_c"))
        .sort([IND, "lq"], nulls_last=False)
        .with_columns((1 - pl.col("_p").sum().over(IND)).alias("_p0"))
        .with_columns(
            (pl.col("_p").cum_sum().over(IND) + pl.col("_p0")).alias("_P"),
            pl.col("_c").cum_sum().over(IND).alias("_C"),
        )
        .with_columns(
            pl.col("_P").shift(1).over(IND).fill_null(pl.col("_p0")).alias("_Pp"),
            pl.col("_C").shift(1).over(IND).fill_null(0.0).alias("_Cp"),
        )
        .group_by(IND)
        .agg((0.5 - ((pl.col("_P") - pl.col("_Pp")) * (pl.col("_C") + pl.col("_Cp"))).sum() / 2)
             .alias("locational_gini"))
    )
    industries = (
        cells.group_by(IND, maintain_order=True)
        .agg(
            v.sum().alias("total"),
            (v > 0).sum().alias("regions_present"),
            _gini_expr(pl.col("lq").fill_null(0), n_reg).alias("gini_concentration"),
        )
        .with_columns((pl.col("total") / total).alias("share_of_total"))
        .join(loc, on=IND, how="left", maintain_order="left")
    )
    industries = industries.with_columns(
        [pl.when(pl.col("total") > 0).then(pl.col(k)).alias(k)
         for k in ("gini_concentration", "locational_gini")]
    )
    cells = cells.drop("_reg_total", "_ind_total")
    return RegionIndicators(
        cells=cells, regions=regions, industries=industries, total=total,
        n_regions=n_reg, n_industries=n_ind, source=table.source,
        value_column=table.value_column, notes=list(table.notes),
    )


def _gini_expr(x: pl.Expr, n: int) -> pl.Expr:
    """Unweighted Gini of x over n peers, of which only the listed ones are non-zero.

    G = (2 Σ λ x_(λ) − (n+1) Σ x) / (n Σ x) with x sorted ascending; the n − m absent peers
    are zeros at the bottom, so a listed value of within-group rank r has λ = (n − m) + r.
    """
    import polars as pl

    m = pl.len()
    k = pl.lit(n) - m
    rank = x.rank("ordinal")
    sx = x.sum()
    g = (2 * ((k * sx) + (rank * x).sum()) - (n + 1) * sx) / (n * sx)
    return pl.when(sx > 0).then(g)
