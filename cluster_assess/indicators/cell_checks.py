"""The columns of a region × industry table, how numbers are read from them, and the checks
that name the offending row. The streamed pass only notices that a check trips; these queries,
run then, find the first row and the count exactly as the eager reader reported them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.tables import TableSource, table_error

if TYPE_CHECKING:
    import polars as pl

# Canonical column names inside the library, whatever the file calls them.
REG, IND, VAL, EST = "region", "industry", "value", "establishments"


@dataclass(frozen=True)
class Columns:
    """The file's names for the canonical columns, so errors name what the user wrote."""

    region: str
    industry: str
    value: str
    establishments: str | None = None


def number(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column as Float64: numbers cast, text stripped of spaces and thousands commas and
    parsed (what does not parse becomes null, which the checks then name)."""
    import polars as pl

    c = pl.col(name)
    if dtype.is_numeric():
        return c.cast(pl.Float64)
    return (c.cast(pl.String).str.strip_chars().str.replace_all(",", "", literal=True)
            .cast(pl.Float64, strict=False))


def duplicate_error(lf: pl.LazyFrame, src: TableSource, cols: Columns, key: tuple[str, str],
                    first: int, surplus: int) -> UserError:
    """The cell repeated first: its first row and its last (found by one more streamed pass)."""
    import polars as pl

    region, industry = key
    same = (pl.col(REG).cast(pl.String) == region) & (pl.col(IND).cast(pl.String) == industry)
    last = lf.with_row_index("_row").filter(same).select(pl.col("_row").max())
    second = int(last.collect(engine="streaming").item())
    return table_error(
        msg("tbl_dup_cell", region=region, industry=industry, first=src.line_of(first),
            second=src.line_of(second), n=surplus),
        file=str(src.path), line=src.line_of(first), column=cols.value,
    )


def explain(lf: pl.LazyFrame, schema: pl.Schema, src: TableSource, cols: Columns) -> None:
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
