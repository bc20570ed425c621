"""Region × industry indicators over a long table, vectorised in Polars.

A long table lists only the cells it has; an absent region × industry cell is a zero. Every
formula here accounts for those implicit zeros in closed form rather than materialising the
full (often sparse) matrix, which is what keeps a national table at 10M rows on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.tables import TableSource, read_table, require_non_negative, table_error
from cluster_assess.indicators.thresholds import IndicatorRubric, default_rubric

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
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
    codes: KeyCodes | None = None


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
    numeric = [value] + ([establishments] if establishments else [])
    df, src = read_table(path, [region, industry], numeric)  # refuses a hostile file before Polars loads
    import polars as pl

    if df.height == 0:
        raise UserError.single(msg("tbl_no_rows"), file=str(path))
    require_non_negative(df, value, src, "value")
    if establishments:
        require_non_negative(df, establishments, src, "establishment count")
    rename = {region: REG, industry: IND, value: VAL}
    if establishments:
        rename[establishments] = EST
    df = df.select([pl.col(k).alias(v) for k, v in rename.items()])
    return prepare_cells(df, src, value, sum_duplicates, key_columns=(region, industry))


def prepare_cells(
    df: pl.DataFrame,
    src: TableSource,
    value_column: str,
    sum_duplicates: bool = False,
    key_columns: tuple[str, str] = (REG, IND),
) -> RegionTable:
    """Encode keys, refuse blank keys, and enforce one row per region × industry.

    Region and industry become Categorical once: that single hashing pass gives the blank-key
    check (on the few distinct values), the duplicate check (integer codes) and faster
    group-bys downstream — the reason cluster-assess stays close to a bare Polars query.
    """
    import polars as pl

    df = df.with_columns(pl.col(REG).cast(pl.Categorical), pl.col(IND).cast(pl.Categorical))
    for col, name in zip((REG, IND), key_columns, strict=True):
        nulls = df.get_column(col).null_count()
        if nulls:
            i = int(df.get_column(col).is_null().arg_true()[0])
            raise table_error(
                msg("tbl_blank_key", n=nulls),
                file=str(src.path), line=src.line_of(i), column=name,
            )
    codes = key_codes(df)
    bad = _blank_keys(df, codes)
    if bad is not None:
        blank = df.get_column(bad).cast(pl.String).str.strip_chars() == ""
        raise table_error(
            msg("tbl_blank_key", n=int(blank.sum())),
            file=str(src.path), line=src.line_of(int(blank.arg_true()[0])),
            column=key_columns[0 if bad == REG else 1],
        )
    dup = _duplicate_rows(df, codes)
    notes: list[str] = []
    if dup is not None:
        i, j, n_dup = dup
        if not sum_duplicates:
            r, ind = df.row(i)[0], df.row(i)[1]
            first, second = sorted((i, j))
            raise table_error(
                msg("tbl_dup_cell", region=r, industry=ind, first=src.line_of(first),
                    second=src.line_of(second), n=n_dup),
                file=str(src.path), line=src.line_of(first), column=value_column,
            )
        before = df.height
        df, codes = _sum_duplicates(df, codes)
        notes.append(msg("tbl_dup_summed", n=before - df.height, cells=df.height))
    return RegionTable(df, src, value_column, notes, codes)


#: Largest dense code space (regions × industries) the bitmap duplicate check will allocate.
DENSE_SPAN_LIMIT = 64_000_000


def _dense_ok(span: int, rows: int) -> bool:
    """Whether a dense array over the key space is affordable (else fall back to hashing)."""
    return span <= max(DENSE_SPAN_LIMIT, 4 * rows)


@dataclass(frozen=True)
class KeyCodes:
    """Dense integer codes of the region and industry keys (0..n-1, int64, one per row)."""

    region: np.ndarray
    n_region: int
    industry: np.ndarray
    n_industry: int


def key_codes(df: pl.DataFrame) -> KeyCodes:
    """Categorical codes shifted to start at 0.

    Polars categories are global to the process, so a column's codes are not 0..k-1 but are
    near-contiguous for a freshly read table; subtracting the minimum makes them dense.
    """
    import numpy as np

    out = []
    for col in (REG, IND):
        phys = df.get_column(col).to_physical().to_numpy()
        lo, hi = int(phys.min()), int(phys.max())
        codes = phys.astype(np.int64)
        codes -= lo
        out += [codes, hi - lo + 1]
    return KeyCodes(out[0], out[1], out[2], out[3])


def _blank_keys(df: pl.DataFrame, codes: KeyCodes) -> str | None:
    """Name of the first key column holding a blank ('' or spaces) value, checked on the
    distinct values only (a few thousand strings), not on every row."""
    import numpy as np
    import polars as pl

    rows = np.arange(df.height, dtype=np.int64)
    for col, c, n in ((REG, codes.region, codes.n_region),
                      (IND, codes.industry, codes.n_industry)):
        some_row = np.full(n, -1, dtype=np.int64)
        some_row[c] = rows  # any row carrying each code
        distinct = df.get_column(col).gather(some_row[some_row >= 0]).cast(pl.String)
        if (distinct.str.strip_chars() == "").any():
            return col
    return None


def _duplicate_rows(df: pl.DataFrame, codes: KeyCodes) -> tuple[int, int, int] | None:
    """(a repeated row, the row it repeats, number of surplus rows), or None if keys are unique.

    A bitmap over the dense key r·|I| + i (tens of ms for 10M rows, no sort) when that space
    is small enough, else Polars' hash-based is_first_distinct.
    """
    import numpy as np
    import polars as pl

    span = codes.n_region * codes.n_industry
    if _dense_ok(span, df.height):
        key = codes.region * codes.n_industry
        key += codes.industry
        seen = np.zeros(span, dtype=bool)
        seen[key] = True
        surplus = df.height - int(np.count_nonzero(seen))
        if surplus == 0:
            return None
        rows = np.arange(df.height, dtype=np.int64)
        last = np.empty(span, dtype=np.int64)
        last[key] = rows  # the last write wins: each key's last row
        i = int(np.flatnonzero(last[key] != rows)[0])  # first row that is not its key's last
        return i, int(last[key[i]]), surplus
    key_e = pl.col(REG).to_physical().cast(pl.UInt64) * (1 << 32) + pl.col(IND).to_physical()
    mask = df.select(key_e.is_first_distinct().not_()).to_series()
    if not mask.any():
        return None
    j = int(mask.arg_true()[0])
    r, ind = df.row(j)[0], df.row(j)[1]
    i = int(df.select(((pl.col(REG) == r) & (pl.col(IND) == ind)).arg_true()).to_series()[0])
    return j, i, int(mask.sum())


def _sum_duplicates(df: pl.DataFrame, codes: KeyCodes) -> tuple[pl.DataFrame, KeyCodes]:
    """One row per region × industry with values summed, via bincount on the dense key
    (falls back to a Polars group-by when the key space is too large for a dense array)."""
    import numpy as np
    import polars as pl

    span = codes.n_region * codes.n_industry
    if not _dense_ok(span, df.height):
        aggs = [pl.col(VAL).sum()] + ([pl.col(EST).sum()] if EST in df.columns else [])
        out = df.group_by(REG, IND, maintain_order=True).agg(aggs)
        return out, key_codes(out)
    key = codes.region * codes.n_industry
    key += codes.industry
    some_row = np.full(span, -1, dtype=np.int64)
    some_row[key] = np.arange(df.height, dtype=np.int64)
    present = np.flatnonzero(some_row >= 0)
    cols = [pl.Series(VAL, np.bincount(key, weights=df.get_column(VAL).to_numpy(),
                                       minlength=span)[present])]
    if EST in df.columns:
        cols.append(pl.Series(EST, np.bincount(key, weights=df.get_column(EST).to_numpy(),
                                               minlength=span)[present]))
    out = df.select(REG, IND).gather(some_row[present]).with_columns(cols)
    return out, KeyCodes(present // codes.n_industry, codes.n_region,
                         present % codes.n_industry, codes.n_industry)


def location_quotients(cells: pl.DataFrame, codes: KeyCodes | None = None) -> pl.DataFrame:
    """LQ for every cell: (v / region total) / (industry total / grand total); null if undefined.

    Region and industry totals are bincounts over the dense key codes `prepare_cells` already
    made for the duplicate check: measured ~2× faster than Polars' window sums on 10M rows
    (docs/indicators.md). In-place arithmetic keeps it to two new float arrays.
    This is the quantity the benchmark times against the bare Polars query.
    """
    import numpy as np
    import polars as pl

    if cells.schema[REG] != pl.Categorical or cells.schema[IND] != pl.Categorical:
        cells = cells.with_columns(pl.col(REG).cast(pl.Categorical),
                                   pl.col(IND).cast(pl.Categorical))
        codes = None
    codes = codes or key_codes(cells)
    x = cells.get_column(VAL).to_numpy()
    reg_total = np.bincount(codes.region, weights=x, minlength=codes.n_region)
    ind_share = np.bincount(codes.industry, weights=x, minlength=codes.n_industry)
    ind_share /= float(x.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        share = reg_total[codes.region]
        np.divide(x, share, out=share)  # v / region total
        lq = ind_share[codes.industry]
        np.divide(share, lq, out=lq)  # / industry's share of the whole
    return cells.with_columns(
        pl.Series("share_of_region", share, nan_to_null=True),
        pl.Series("lq", lq, nan_to_null=True),
    )


def compute(table: RegionTable, rubric: IndicatorRubric | None = None) -> RegionIndicators:
    """Every region-side indicator in one pass over the cells."""
    import polars as pl

    rubric = rubric or default_rubric()
    cells = table.cells
    total = float(cells.get_column(VAL).sum())
    if total <= 0:
        raise table_error(
            msg("tbl_all_zero"), file=str(table.source.path),
            column=table.value_column,
        )
    n_reg = cells.get_column(REG).n_unique()
    n_ind = cells.get_column(IND).n_unique()
    v = pl.col(VAL)
    cells = location_quotients(cells, table.codes).with_columns(
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
