"""Region × industry cells from a table of any length: one streamed pass, memory bounded by the
cells, not the rows.

The table is one lazy Polars query (scan, keys cast to Categorical, numbers parsed) collected in
batches by the streaming engine. Each batch is summed into dense arrays over the key space
(region code × industry code) and dropped, so a 100M-row firm register takes the memory of its
cells. While summing, each batch is checked cheaply (any missing, non-numeric, NaN or negative
value, any empty key); only when a check trips is the table read again, streamed, to name the
first offending row exactly as the eager reader did. A key space too large for dense arrays
falls back to Polars' streaming group-by, bounded by the cells as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.tables import TableSource, _progress, reading_error, table_error

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

# Canonical column names inside the library, whatever the file calls them.
REG, IND, VAL, EST = "region", "industry", "value", "establishments"
#: Rows per batch of the streamed read: big enough that numpy's per-call cost vanishes.
CHUNK_ROWS = 1 << 20
#: Largest dense key space (region × industry codes, with growth room) summed in arrays,
#: 24-32 bytes per slot; past it Polars' hash group-by does the summing.
DENSE_SPAN_LIMIT = 24_000_000
#: "No row yet" in the first-row arrays (larger than any row number).
_NO_ROW = 2**62


@dataclass(frozen=True)
class KeyCodes:
    """Dense integer codes of the region and industry keys (0..n-1, one int per cell)."""

    region: np.ndarray
    n_region: int
    industry: np.ndarray
    n_industry: int


@dataclass(frozen=True)
class Columns:
    """The file's names for the canonical columns, so errors name what the user wrote."""

    region: str
    industry: str
    value: str
    establishments: str | None = None


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


def number(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column as Float64: numbers cast, text stripped of spaces and thousands commas and
    parsed (what does not parse becomes null, which the checks then name)."""
    import polars as pl

    c = pl.col(name)
    if dtype.is_numeric():
        return c.cast(pl.Float64)
    return (c.cast(pl.String).str.strip_chars().str.replace_all(",", "", literal=True)
            .cast(pl.Float64, strict=False))


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
            cells = _dense(_query(lf, schema), EST in schema)
            if cells is None:
                cells = _hashed(_query(lf, schema))
        except _Problem:
            _explain(lf, schema, src, cols)
            raise RuntimeError("a table check tripped but no row was found") from None
        except pl.exceptions.PolarsError as e:
            raise reading_error(src, e) from None
    if cells.rows == 0:
        raise UserError.single(msg("tbl_no_rows"), file=str(src.path))
    if any(not s.strip() for s in cells.region_names + cells.industry_names):
        _explain(lf, schema, src, cols)
        raise RuntimeError("a blank key was seen but no row was found")
    surplus = cells.rows - len(cells.value)
    if surplus and not sum_duplicates:
        raise _duplicate_error(lf, cells, src, cols, surplus)
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


class _Names:
    """Key strings by code, learnt batch by batch from each batch's few distinct keys."""

    def __init__(self) -> None:
        import numpy as np

        self.names: dict[int, str] = {}
        self.seen = np.zeros(0, dtype=bool)
        self.size = 0  # one past the largest code seen

    def learn(self, s: pl.Series) -> None:
        """Record the string of each code this batch brings that was not seen before (no
        missing keys here: a batch with one is stopped first)."""
        import numpy as np
        import polars as pl

        codes = s.to_physical().to_numpy().view(np.int32)
        top = int(codes.max()) + 1
        if len(self.seen) < top:
            self.seen = np.concatenate([self.seen, np.zeros(top - len(self.seen), dtype=bool)])
        self.size = max(self.size, top)
        rows = np.flatnonzero(~self.seen[codes])  # rows whose key is new (none, mostly)
        if not len(rows):
            return
        where = np.full(top, -1, dtype=np.int64)
        where[codes[rows[::-1]]] = rows[::-1]  # the last write, the first row, wins
        new = np.flatnonzero(where >= 0)
        texts = s.gather(where[new]).cast(pl.String).to_list()
        self.names.update(zip(new.tolist(), texts, strict=True))
        self.seen[new] = True

    def as_list(self) -> list[str]:
        """Every code's string: by the end each code has been seen (codes are dense)."""
        return [self.names[k] for k in range(self.size)]


class _Dense:
    """Sums, row counts and first rows over the key space r × cap_i + i, grown as codes come.

    Flat arrays of zeros (pages untouched until a cell is summed into); the first row is kept
    as `_NO_ROW - row`, so that "none yet" is 0 and the earliest row the largest value.
    """

    def __init__(self, with_est: bool) -> None:
        import numpy as np

        self.cap_r = self.cap_i = 0
        self.value = np.zeros(0)
        self.est = np.zeros(0) if with_est else None
        self.count = np.zeros(0, dtype=np.int32)
        self.first = np.zeros(0, dtype=np.int64)

    def fit(self, n_r: int, n_i: int) -> bool:
        """Room for codes below n_r × n_i, or False past the limit. Regions grow fourfold
        (untouched zeros cost address space, not memory), industries twofold."""
        import numpy as np

        if n_r <= self.cap_r and n_i <= self.cap_i:
            return True
        cap_r = max(n_r, 4 * self.cap_r, 256) if n_r > self.cap_r else self.cap_r
        cap_i = max(n_i, 2 * self.cap_i) if n_i > self.cap_i else self.cap_i
        if cap_r * cap_i > DENSE_SPAN_LIMIT:
            return False
        def grown(a: np.ndarray) -> np.ndarray:
            # fresh zeros are untouched pages until summed into; only the old slots are copied
            out = np.zeros(cap_r * cap_i, dtype=a.dtype)
            if cap_i == self.cap_i:  # more regions: the same layout, longer
                out[: a.size] = a
            else:
                out.reshape(cap_r, cap_i)[: self.cap_r, : self.cap_i] = a.reshape(self.cap_r, self.cap_i)
            return out

        self.value = grown(self.value)
        self.est = grown(self.est) if self.est is not None else None
        self.count, self.first = grown(self.count), grown(self.first)
        self.cap_r, self.cap_i = cap_r, cap_i
        return True

    def add(self, r: np.ndarray, i: np.ndarray, v: np.ndarray, e: np.ndarray | None, row0: int) -> None:
        """Sum one batch in, over the span of keys it touches (small when the file is sorted)."""
        import numpy as np

        key = r * np.int32(self.cap_i)  # int32: the dense span is far below 2**31
        key += i
        lo, hi = int(key.min()), int(key.max()) + 1
        key -= lo
        span = hi - lo
        np.add(self.count[lo:hi], np.bincount(key, minlength=span), out=self.count[lo:hi], casting="unsafe")
        self.value[lo:hi] += np.bincount(key, weights=v, minlength=span)
        if self.est is not None and e is not None:
            self.est[lo:hi] += np.bincount(key, weights=e, minlength=span)
        first = np.zeros(span, dtype=np.int64)
        top = _NO_ROW - row0
        first[key[::-1]] = np.arange(top - len(key) + 1, top + 1)  # the last write, the first row, wins
        np.maximum(self.first[lo:hi], first, out=self.first[lo:hi])

    def cells(self, n_r: int, n_i: int) -> tuple[np.ndarray, ...]:
        """(region, industry, value, est, count, first) of the cells that hold rows."""
        import numpy as np

        size = n_r * self.cap_i
        present = np.flatnonzero(self.count[:size])
        region, industry = np.divmod(present.astype(np.int32), np.int32(self.cap_i))
        est = self.est[present] if self.est is not None else None
        first = self.first[present]
        np.subtract(_NO_ROW, first, out=first)
        return region, industry, self.value[present], est, self.count[present], first


def _dense(query: pl.LazyFrame, with_est: bool) -> _Cells | None:
    """The fast path, in bounded memory; None if the key space is too large for dense arrays.

    Batches are kept as they come (codes and numbers, 16 bytes a row) while they are fewer than
    twice the key space seen so far, and summed into dense arrays (24-32 bytes a slot) from the
    batch that passes it. A table of distinct cells is thus never summed (its rows are its
    cells, checked for repeats by a bitmap), and a firm register with many rows a cell is summed
    batch by batch: either way memory is bounded by the key space, not the rows.
    """
    import polars as pl

    acc: _Dense | None = None
    kept: list[tuple[pl.DataFrame, int]] = []
    regions, industries = _Names(), _Names()
    rows = 0
    for batch in query.collect_batches(chunk_size=CHUNK_ROWS, engine="streaming"):
        if batch.height == 0:
            continue
        if _problem_in(batch):
            raise _Problem
        regions.learn(batch.get_column(REG))
        industries.learn(batch.get_column(IND))
        kept.append((batch, rows))
        rows += batch.height
        if acc is None and rows <= 2 * regions.size * industries.size:
            continue
        acc = acc or _Dense(with_est)
        if not acc.fit(regions.size, industries.size):
            return None
        for earlier, row0 in kept:
            acc.add(*_arrays(earlier), row0)
        kept = []
    names = {"region_names": regions.as_list(), "industry_names": industries.as_list(), "rows": rows}
    if acc is None:
        table = pl.concat([k[0] for k in kept], rechunk=True) if kept else query.clear().collect()
        r, i, v, e = _arrays(table)
        if not _repeats(r, i, industries.size):
            return _Cells(region=r, industry=i, value=v, est=e, count=r[:0], first=r[:0],
                          frame=table, **names)
        acc = _Dense(with_est)
        if not acc.fit(regions.size, industries.size):
            return None
        acc.add(r, i, v, e, 0)
    region, industry, value, est, count, first = acc.cells(regions.size, industries.size)
    return _Cells(region=region, industry=industry, value=value, est=est, count=count, first=first,
                  **names)


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


def _duplicate_error(lf: pl.LazyFrame, cells: _Cells, src: TableSource, cols: Columns,
                     surplus: int) -> UserError:
    """The cell repeated first: its first row and its last (found by one more streamed pass)."""
    import numpy as np
    import polars as pl

    repeated = np.flatnonzero(cells.count > 1)
    k = int(repeated[np.argmin(cells.first[repeated])])
    region = cells.region_names[int(cells.region[k])]
    industry = cells.industry_names[int(cells.industry[k])]
    same = (pl.col(REG).cast(pl.String) == region) & (pl.col(IND).cast(pl.String) == industry)
    last = lf.with_row_index("_row").filter(same).select(pl.col("_row").max())
    second = int(last.collect(engine="streaming").item())
    first = int(cells.first[k])
    return table_error(
        msg("tbl_dup_cell", region=region, industry=industry, first=src.line_of(first),
            second=src.line_of(second), n=surplus),
        file=str(src.path), line=src.line_of(first), column=cols.value,
    )


def _explain(lf: pl.LazyFrame, schema: pl.Schema, src: TableSource, cols: Columns) -> None:
    """The slow pass, run only when a check tripped: every check in the eager reader's order,
    each a streamed query for the count and first offending row, raising the first that fails."""
    import polars as pl

    base = lf.with_row_index("_row")
    values = [(VAL, cols.value, "value")]
    if cols.establishments is not None and EST in schema:
        values.append((EST, cols.establishments, "establishment count"))

    def first(bad: pl.Expr, shown: pl.Expr) -> tuple[int, int, object]:
        found = base.select(bad.sum().alias("n"), pl.col("_row").filter(bad).first().alias("row"),
                            shown.filter(bad).first().alias("v")).collect(engine="streaming")
        n, row, v = found.row(0)
        return int(n or 0), int(row or 0), v

    def fail(message: str, row: int, column: str) -> None:
        raise table_error(message, file=str(src.path), line=src.line_of(row), column=column)

    for canon, name, _ in values:
        num = number(canon, schema[canon])
        if not schema[canon].is_numeric():
            text = pl.col(canon).cast(pl.String).str.strip_chars().str.replace_all(",", "", literal=True)
            n, row, v = first(num.is_null() & text.is_not_null() & (text != ""), pl.col(canon))
            if n:
                fail(msg("tbl_not_number", value=v, n=n), row, name)
        n, row, _ = first(num.is_null(), num)
        if n:
            fail(msg("tbl_missing_value", n=n), row, name)
        n, row, _ = first(num.is_nan(), num)
        if n:
            fail(msg("tbl_nan"), row, name)
    if not base.select(pl.len()).collect(engine="streaming").item():
        raise UserError.single(msg("tbl_no_rows"), file=str(src.path))
    for canon, name, what in values:
        num = number(canon, schema[canon])
        n, row, v = first(num < 0, num)
        if n:
            fail(msg("tbl_negative", what=msg(f"tbl_what_{what.replace(' ', '_')}"),
                     value=f"{v:g}", n=n), row, name)
    keys = ((REG, cols.region), (IND, cols.industry))
    for canon, name in keys:
        n, row, _ = first(pl.col(canon).is_null(), pl.col(canon))
        if n:
            fail(msg("tbl_blank_key", n=n), row, name)
    for canon, name in keys:
        n, row, _ = first(pl.col(canon).cast(pl.String).str.strip_chars() == "", pl.col(canon))
        if n:
            fail(msg("tbl_blank_key", n=n), row, name)
