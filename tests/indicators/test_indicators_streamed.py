"""Region tables are one lazy query streamed in batches (issue 15, item 5): the cells, their
order and every error must not depend on where the batches fall, on whether the cells were
summed in dense arrays or by Polars' group-by, or on the file type; and a firm register (one
row per firm) must give what its pre-aggregated table gives."""

from __future__ import annotations

import json
import random
from pathlib import Path

import polars as pl
import pytest
from indicator_helpers import indicators, write_csv

from cluster_assess.errors import UserError
from cluster_assess.indicators import cells as cl
from cluster_assess.indicators import regions as rg

HEAD = ["region", "industry", "emp"]
REG = ["--region", "region", "--industry", "industry", "--value", "emp"]
#: How the cells may be summed: one batch; batches of 3 rows kept whole; batches of 3 rows summed
#: into dense arrays from the first (tiny key space); Polars' group-by (no dense arrays at all).
WAYS = {"one batch": (1 << 20, 24_000_000), "batches of 3": (3, 24_000_000),
        "hashed": (3, 0)}


def register(n_firms: int, seed: int = 5) -> list[list[object]]:
    """A firm register: firms in random order over 6 regions × 4 industries, whole employment."""
    rnd = random.Random(seed)
    return [[f"r{rnd.randrange(6)}", f"i{rnd.randrange(4)}", rnd.randrange(0, 300)]
            for _ in range(n_firms)]


def cells_of(path: Path, sum_duplicates: bool = False) -> tuple[pl.DataFrame, list[str]]:
    t = rg.load_region_table(path, "region", "industry", "emp", sum_duplicates=sum_duplicates)
    lq = rg.location_quotients(t.cells, t.codes)
    return lq.with_columns(pl.col("region").cast(pl.String), pl.col("industry").cast(pl.String)), t.notes


def eager_reference(rows: list[list[object]], summed: bool) -> pl.DataFrame:
    """What the eager reader gave: file order; summed, regions then industries each in order of
    first appearance (the order of their Categorical codes in a fresh process)."""
    df = pl.DataFrame(rows, schema=["region", "industry", "value"], orient="row")
    df = df.with_columns(pl.col("value").cast(pl.Float64))
    if not summed:
        return df
    first = {c: {k: n for n, k in reversed(list(enumerate(df[c])))} for c in ("region", "industry")}
    out = df.group_by("region", "industry").agg(pl.col("value").sum())
    return out.sort(pl.col("region").replace_strict(first["region"]),
                    pl.col("industry").replace_strict(first["industry"]))


@pytest.mark.parametrize("suffix", ["csv", "parquet"])  # Parquet registers are read by slices
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("summed", [False, True])
def test_cells_and_their_order_do_not_depend_on_the_batches(tmp_path, monkeypatch, way, summed, suffix):
    rows = register(40) if summed else [[f"r{k % 7}", f"i{k // 7}", k * 3] for k in range(35)]
    random.Random(1).shuffle(rows)
    p = write_csv(tmp_path / "t.csv", HEAD, rows)
    if suffix == "parquet":
        pl.read_csv(p).write_parquet(tmp_path / "t.parquet")
        p = tmp_path / "t.parquet"
    monkeypatch.setattr(cl, "CHUNK_ROWS", WAYS[way][0])
    monkeypatch.setattr(cl, "DENSE_SPAN_LIMIT", WAYS[way][1])
    got, notes = cells_of(p, sum_duplicates=summed)
    want = eager_reference(rows, summed)
    assert got.select("region", "industry", "value").rows() == want.rows()
    assert bool(notes) == summed
    totals = want.group_by("region").agg(pl.col("value").sum().alias("t"))
    share = want.join(totals, on="region").select(pl.col("value") / pl.col("t"))
    assert got["share_of_region"].to_list() == pytest.approx(share.to_series().to_list())


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_firm_register_gives_what_its_pre_aggregated_table_gives(tmp_path, monkeypatch, suffix):
    """Many rows a cell, summed while streaming (in batches, into dense arrays), against the same
    firms summed beforehand: every cell, region and industry figure is the same."""
    monkeypatch.setattr(cl, "CHUNK_ROWS", 64)
    firms = pl.DataFrame(register(2_000), schema=HEAD, orient="row")
    cells = firms.group_by("region", "industry").agg(pl.col("emp").sum())
    outs = []
    for name, frame, extra in (("firms", firms, ["--sum-duplicates"]), ("cells", cells, [])):
        p = tmp_path / f"{name}.{suffix}"
        frame.write_csv(p) if suffix == "csv" else frame.write_parquet(p)
        r = indicators("regions", str(p), *REG, *extra, "-F", "json", "--top", "0")
        assert r.exit_code == 0, r.stderr
        outs.append(json.loads(r.stdout))
    firm_out, cell_out = outs
    assert firm_out["meta"]["notes"] and not cell_out["meta"]["notes"]
    for table, key in (("cells", ("region", "industry")), ("regions", ("region",)),
                       ("industries", ("industry",))):
        def keyed(out: dict, table: str = table, key: tuple[str, ...] = key) -> dict:
            return {tuple(row[k] for k in key): row for row in out[table]}
        assert keyed(firm_out) == keyed(cell_out)


# (rows after the header, the words the error must hold): each trips in a batch after the first
BAD = [
    ([["a", "x", "n/a"]], ["row 9", "'emp'", "'n/a'", "1 such row"]),
    ([["a", "x", ""]], ["row 9", "'emp'", "missing"]),
    ([["a", "x", "-5"]], ["row 9", "'emp'", "negative", "-5"]),
    ([[" ", "x", "5"]], ["row 9", "'region'", "empty"]),
    ([["", "x", "5"]], ["row 9", "'region'", "empty"]),
    ([["a", "  ", "5"]], ["row 9", "'industry'", "empty"]),
    ([["c0", "x", "5"]], ["rows 2 and 9", "'c0'", "NOT summed"]),
    ([["a", "x", '"1,5x0"'], ["b", "x", "-1"]], ["row 9", "'1,5x0'"]),  # not a number before negative
    ([["b", "x", "-1"], ["", "x", "1"]], ["row 9", "negative"]),  # negative before a blank key
]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize(("extra", "words"), BAD, ids=[w[1][1] + " " + w[1][0] for w in BAD])
def test_errors_name_the_row_wherever_the_batch_falls(tmp_path, monkeypatch, way, extra, words):
    rows = [[f"c{k}", "x", 10 + k] for k in range(7)] + extra
    p = write_csv(tmp_path / "t.csv", HEAD, rows)
    monkeypatch.setattr(cl, "CHUNK_ROWS", WAYS[way][0])
    monkeypatch.setattr(cl, "DENSE_SPAN_LIMIT", WAYS[way][1])
    with pytest.raises(UserError) as e:
        rg.load_region_table(p, "region", "industry", "emp")
    text = str(e.value)
    assert str(p) in text and all(w in text for w in words), text


def test_nan_in_a_parquet_table_is_named_at_its_row(tmp_path, monkeypatch):
    monkeypatch.setattr(cl, "CHUNK_ROWS", 2)
    p = tmp_path / "t.parquet"
    pl.DataFrame({"region": list("abcde"), "industry": ["x"] * 5,
                  "emp": [1.0, 2.0, 3.0, float("nan"), 5.0]}).write_parquet(p)
    r = indicators("regions", str(p), *REG)
    assert r.exit_code == 2 and "row 4" in r.stderr and "NaN" in r.stderr, r.stderr


def test_an_empty_table_says_so(tmp_path):
    p = write_csv(tmp_path / "t.csv", HEAD, [])
    r = indicators("regions", str(p), *REG)
    assert r.exit_code == 2 and "no data rows" in r.stderr, r.stderr


@pytest.mark.parametrize("way", WAYS)
def test_establishment_counts_are_checked_and_summed_like_the_values(tmp_path, monkeypatch, way):
    monkeypatch.setattr(cl, "CHUNK_ROWS", WAYS[way][0])
    monkeypatch.setattr(cl, "DENSE_SPAN_LIMIT", WAYS[way][1])
    head = ["region", "industry", "emp", "est"]
    rows = [["a", "x", 10, 1], ["b", "x", 20, 2], ["a", "y", 5, 1], ["b", "y", 7, 3], ["a", "x", 4, 2]]
    p = write_csv(tmp_path / "t.csv", head, rows)
    t = rg.load_region_table(p, "region", "industry", "emp", "est", sum_duplicates=True)
    got = t.cells.with_columns(pl.col("region").cast(pl.String), pl.col("industry").cast(pl.String))
    assert got.rows() == [("a", "x", 14.0, 3.0), ("a", "y", 5.0, 1.0), ("b", "x", 20.0, 2.0),
                          ("b", "y", 7.0, 3.0)]
    p = write_csv(tmp_path / "u.csv", head, [*rows[:3], ["b", "y", 7, -3]])
    with pytest.raises(UserError) as e:
        rg.load_region_table(p, "region", "industry", "emp", "est")
    assert "row 5" in str(e.value) and "'est'" in str(e.value) and "establishment count" in str(e.value)
