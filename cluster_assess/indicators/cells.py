"""Region × industry cells from a table of any length: one streamed pass, memory bounded by the
cells, not the rows.

The table is one lazy Polars query (scan, keys cast to Categorical, numbers parsed) collected in
batches by the streaming engine. Once the rows outnumber twice the key space (region code ×
industry code), each batch is summed into dense arrays over that space and dropped, so a
100M-row firm register takes the memory of its cells; a table whose rows are few against its
key space (one row a cell, as in a national table of cells) is kept as read, 16 bytes a row.
Each batch is checked cheaply on the way (any missing, non-numeric, NaN or negative value; the
keys' strings are checked once, at the end); only when a check trips is the table read again,
streamed, to name the first offending row exactly as the eager reader did. A key space too
large for dense arrays falls back to Polars' streaming group-by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.cell_checks import EST, IND, REG, VAL, Columns, duplicate_error, explain, number
from cluster_assess.indicators.dense import _NO_ROW, DenseSums
from cluster_assess.indicators.tables import TableSource, _progress, reading_error

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np
    import polars as pl

#: Rows per batch of the streamed read: big enough that numpy's per-call cost vanishes.
CHUNK_ROWS = 1 << 20
#: Largest dense key space (region × industry codes, with growth room) summed in arrays,
#: 24-32 bytes per slot; past it Polars' hash group-by does the summing.
DENSE_SPAN_LIMIT = 24_000_000


@dataclass(frozen=True)
class KeyCodes:
    """Dense integer codes of the region and industry keys (0..n-1, one int per cell)."""

    region: np.ndarray
    n_region: int
    industry: np.ndarray
    n_industry: int


@dataclass
class _Cells:
    """Per-cell sums with each cell's first row, and the key strings by code."""

    region: np.ndarray
    industry: np.ndarray
    value: np.ndarray
    est: np.ndarray | None
    count: np.ndarray
    first: np.ndarray
    region_names: list[str]
    industry_names: list[str]
    rows: int
    frame: pl.DataFrame | None = None  # one row a cell, as read: the cells themselves
    notes: list[str] = field(default_factory=list)


class _Problem(Exception):
    """A check tripped in the fast pass: the slow pass names the row."""


def stream_cells(lf: pl.LazyFrame, src: TableSource, cols: Columns,
                 sum_duplicates: bool) -> tuple[pl.DataFrame, KeyCodes, list[str]]:
    """Validate and sum a long table (canonical columns REG, IND, VAL[, EST], as read) into
    one row per region × industry, in the order the eager reader gave: file order, or, when
    duplicates are summed, regions then industries in order of first appearance."""
    import polars as pl

    schema = lf.collect_schema()
    size = src.path.stat().st_size if src.kind != "xlsx" and src.path.exists() else 0
    with _progress(f"Reading {src.path.name}", size):
        try:
            cells = _dense(_query(lf, schema), EST in schema, lf if src.kind == "parquet" else None)
            if cells is None:
                cells = _hashed(_query(lf, schema))
        except _Problem:
            explain(lf, schema, src, cols)
            raise RuntimeError("a table check tripped but no row was found") from None
        except pl.exceptions.PolarsError as e:
            raise reading_error(src, e) from None
    if cells.rows == 0:
        raise UserError.single(msg("tbl_no_rows"), file=str(src.path))
    if any(not s.strip() for s in cells.region_names + cells.industry_names):
        explain(lf, schema, src, cols)
        raise RuntimeError("a blank key was seen but no row was found")
    surplus = cells.rows - len(cells.value)
    if surplus and not sum_duplicates:
        raise _repeated(lf, cells, src, cols, surplus)
    if surplus:
        cells.notes.append(msg("tbl_dup_summed", n=surplus, cells=len(cells.value)))
    return _frame(cells, ordered_by_keys=surplus > 0)


def _query(lf: pl.LazyFrame, schema: pl.Schema) -> pl.LazyFrame:
    """Keys as Categorical over categories of this table alone (dense codes from 0), numbers
    as Float64: the casts done in the streaming engine, batch by batch."""
    import polars as pl

    def key(name: str) -> pl.Expr:
        return pl.col(name).cast(pl.String).cast(pl.Categorical(pl.Categories.random()))

    return lf.select(key(REG), key(IND), *(number(c, schema[c]) for c in (VAL, EST) if c in schema))


def _problem_in(batch: pl.DataFrame) -> bool:
    """Whether any check trips on this batch: a missing key or number, NaN, a negative."""
    import numpy as np

    if any(s.null_count() for s in batch.iter_columns()):
        return True
    for c in (VAL, EST):
        if c in batch.columns:
            low = np.min(batch.get_column(c).to_numpy())
            if np.isnan(low) or low < 0:
                return True
    return False


def _dense(query: pl.LazyFrame, with_est: bool, sliceable: pl.LazyFrame | None = None) -> _Cells | None:
    """The fast path, in bounded memory; None if the key space is too large for dense arrays.

    Batches are kept as they come (codes and numbers, 16 bytes a row) while they are fewer than
    twice the key space seen so far (and than DENSE_SPAN_LIMIT), and summed into dense arrays
    (24-32 bytes a slot) from the batch that passes it. A table of distinct cells is thus never summed (its rows are its
    cells, checked for repeats by a bitmap), and a firm register with many rows a cell is summed
    batch by batch: either way memory is bounded by the key space, not the rows.
    """
    import polars as pl

    acc: DenseSums | None = None
    kept: list[tuple[pl.DataFrame, int]] = []
    n_r = n_i = rows = 0  # one past the largest region and industry code so far
    dtypes: dict[str, pl.Series] = {}
    for batch in _batches(query, sliceable):
        if batch.height == 0:
            continue
        if _problem_in(batch):
            raise _Problem
        n_r = max(n_r, int(batch.get_column(REG).to_physical().max()) + 1)  # type: ignore[arg-type]
        n_i = max(n_i, int(batch.get_column(IND).to_physical().max()) + 1)  # type: ignore[arg-type]
        dtypes = {c: batch.get_column(c)[:0] for c in (REG, IND)}
        kept.append((batch, rows))
        rows += batch.height
        if acc is None and rows <= 2 * n_r * n_i and rows <= DENSE_SPAN_LIMIT:
            continue
        acc = acc or DenseSums(with_est, DENSE_SPAN_LIMIT)
        if not acc.fit(n_r, n_i):
            return None
        for earlier, row0 in kept:
            acc.add(*_arrays(earlier), row0)
        kept = []
    names = {"region_names": _names(dtypes.get(REG), n_r), "industry_names": _names(dtypes.get(IND), n_i),
             "rows": rows}
    if acc is None:
        table = pl.concat([k[0] for k in kept], rechunk=True) if kept else query.clear().collect()
        r, i, v, e = _arrays(table)
        if not _repeats(r, i, n_i):
            return _Cells(region=r, industry=i, value=v, est=e, count=r[:0], first=r[:0],
                          frame=table, **names)
        acc = DenseSums(with_est, DENSE_SPAN_LIMIT)
        if not acc.fit(n_r, n_i):
            return None
        acc.add(r, i, v, e, 0)
    region, industry, value, est, count, first = acc.cells(n_r, n_i)
    return _Cells(region=region, industry=industry, value=value, est=est, count=count, first=first,
                  **names)


def _batches(query: pl.LazyFrame, sliceable: pl.LazyFrame | None) -> Iterator[pl.DataFrame]:
    """The query's rows in order, CHUNK_ROWS at a time. Polars' streaming engine reads ahead of
    a slower consumer and buffers what it read, so a Parquet register with many rows a cell
    (whose summing is slower than reading) is read a slice at a time, each slice its own query
    that skips to its row groups: slower, but the peak stays flat however long the register.
    The first CHUNK_ROWS keys of `sliceable` (the table as read, before the casts) tell which
    kind of table it is: a cheap look, two distinct counts.
    """
    import polars as pl

    if sliceable is not None:
        head = sliceable.slice(0, CHUNK_ROWS).select(
            pl.len(), pl.col(REG).n_unique() * pl.col(IND).n_unique()).collect(engine="streaming")
        rows, keys = head.row(0)
        if not (rows == CHUNK_ROWS and rows > 2 * keys):
            sliceable = None
    if sliceable is None:
        yield from query.collect_batches(chunk_size=CHUNK_ROWS, engine="streaming")
        return
    offset = 0
    while (batch := query.slice(offset, CHUNK_ROWS).collect(engine="streaming")).height:
        yield batch
        offset += batch.height


def _names(empty: pl.Series | None, n: int) -> list[str]:
    """The strings of codes 0..n-1, read from the categories the query cast this table's keys
    into (one mapping a table, so its list is in code order): no per-batch work."""
    if empty is None:
        return []
    cats = empty.dtype.categories  # type: ignore[attr-defined]
    # Polars 2 lists a mapping with Categories.to_series; 1.x with cat.get_categories
    listed = cats.to_series() if hasattr(cats, "to_series") else empty.cat.get_categories()
    return listed.head(n).to_list()


def _arrays(batch: pl.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """A batch's region and industry codes (int32 views of the UInt32 codes) and numbers."""
    import numpy as np

    def codes(c: str) -> np.ndarray:
        return batch.get_column(c).to_physical().to_numpy().view(np.int32)

    est = batch.get_column(EST).to_numpy() if EST in batch.columns else None
    return codes(REG), codes(IND), batch.get_column(VAL).to_numpy(), est


def _repeats(r: np.ndarray, i: np.ndarray, n_i: int) -> bool:
    """Whether any region × industry key comes twice: a bitmap over the key space, or a sort
    where that space is too large."""
    import numpy as np

    if not len(r):
        return False
    wide = int(r.max()) * n_i + n_i >= 2**31
    key = r.astype(np.int64) * n_i if wide else r * np.int32(n_i)
    key += i
    span = int(key.max()) + 1
    if span > DENSE_SPAN_LIMIT * 4:
        return len(np.unique(key)) < len(key)
    seen = np.zeros(span, dtype=bool)
    seen[key] = True
    return int(np.count_nonzero(seen)) < len(key)


def _hashed(query: pl.LazyFrame) -> _Cells:
    """Huge key spaces: Polars' streaming group-by sums the cells (slower, as bounded)."""
    import numpy as np
    import polars as pl

    has_est = EST in query.collect_schema()
    aggs = [pl.col(VAL).sum(), pl.len().alias("_n"), pl.col("_row").min().alias("_first"),
            pl.col(VAL).null_count().alias("_null"), pl.col(VAL).min().alias("_min")]
    if has_est:
        aggs += [pl.col(EST).sum(), pl.col(EST).null_count().alias("_enull"),
                 pl.col(EST).min().alias("_emin")]
    out = query.with_row_index("_row").group_by(REG, IND).agg(aggs).collect(engine="streaming")
    checks = [pl.col(REG).null_count() + pl.col(IND).null_count() + pl.col("_null").sum() > 0,
              pl.col("_min").min() < 0, pl.col(VAL).is_nan().any()]
    if has_est:
        checks += [pl.col("_enull").sum() > 0, pl.col("_emin").min() < 0, pl.col(EST).is_nan().any()]
    if out.height and out.select(pl.any_horizontal(checks)).item():
        raise _Problem
    names = []
    for c in (REG, IND):
        distinct = out.get_column(c).unique()
        by_code = dict(zip(distinct.to_physical().to_list(), distinct.cast(pl.String).to_list(),
                           strict=True))
        names.append([by_code[k] for k in range(len(by_code))])
    return _Cells(
        region=out.get_column(REG).to_physical().to_numpy().astype(np.int64),
        industry=out.get_column(IND).to_physical().to_numpy().astype(np.int64),
        value=out.get_column(VAL).to_numpy(),
        est=out.get_column(EST).to_numpy() if has_est else None,
        count=out.get_column("_n").to_numpy(), first=out.get_column("_first").to_numpy(),
        region_names=names[0], industry_names=names[1], rows=int(out.get_column("_n").sum()),
    )


def _frame(cells: _Cells, ordered_by_keys: bool) -> tuple[pl.DataFrame, KeyCodes, list[str]]:
    """The cells as a frame in the eager reader's order, with their dense key codes."""
    import numpy as np
    import polars as pl

    if cells.frame is not None:  # int64 codes: numpy would convert int32 at each bincount and gather
        codes = KeyCodes(cells.region.astype(np.int64), len(cells.region_names),
                         cells.industry.astype(np.int64), len(cells.industry_names))
        return cells.frame, codes, cells.notes
    if ordered_by_keys:  # regions, then industries, each in order of first appearance
        r_rank = _first_rank(cells.region, cells.first, len(cells.region_names))
        i_rank = _first_rank(cells.industry, cells.first, len(cells.industry_names))
        region, industry = r_rank[cells.region], i_rank[cells.industry]
        order = np.argsort(region * len(cells.industry_names) + industry, kind="stable")
        region_names = _permuted(cells.region_names, r_rank)
        industry_names = _permuted(cells.industry_names, i_rank)
    else:  # one row a cell: the first rows are the row numbers themselves, so no sort
        region, industry = cells.region, cells.industry
        region_names, industry_names = cells.region_names, cells.industry_names
        order = None
        if len(cells.first) > 1 and not bool((cells.first[1:] > cells.first[:-1]).all()):
            order = np.empty(len(cells.first), dtype=np.int64)
            order[cells.first] = np.arange(len(cells.first), dtype=np.int64)
    if order is not None:
        region, industry = region[order], industry[order]
    columns = [
        pl.Series(REG, region_names, dtype=pl.Categorical).gather(region),
        pl.Series(IND, industry_names, dtype=pl.Categorical).gather(industry),
        pl.Series(VAL, cells.value if order is None else cells.value[order]),
    ]
    if cells.est is not None:
        columns.append(pl.Series(EST, cells.est if order is None else cells.est[order]))
    codes = KeyCodes(region, len(region_names), industry, len(industry_names))
    return pl.DataFrame(columns), codes, cells.notes


def _first_rank(codes: np.ndarray, first: np.ndarray, n: int) -> np.ndarray:
    """Rank of each key by the first row it appears in (0 = appears first)."""
    import numpy as np

    seen = np.full(n, _NO_ROW, dtype=np.int64)
    np.minimum.at(seen, codes, first)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(seen, kind="stable")] = np.arange(n, dtype=np.int64)
    return rank


def _permuted(names: list[str], rank: np.ndarray) -> list[str]:
    out = [""] * len(names)
    for code, text in enumerate(names):
        out[int(rank[code])] = text
    return out


def _repeated(lf: pl.LazyFrame, cells: _Cells, src: TableSource, cols: Columns, surplus: int) -> UserError:
    """The error for the cell repeated first (the repeated cell with the earliest row)."""
    import numpy as np

    repeated = np.flatnonzero(cells.count > 1)
    k = int(repeated[np.argmin(cells.first[repeated])])
    key = (cells.region_names[int(cells.region[k])], cells.industry_names[int(cells.industry[k])])
    return duplicate_error(lf, src, cols, key, int(cells.first[k]), surplus)
