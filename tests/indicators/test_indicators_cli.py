"""CLI behaviour: formats, file types, clear errors with exit 2, no overwrite, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from indicator_helpers import indicators, write_csv

HEAD = ["region", "industry", "emp"]
ROWS = [["a", "x", 10], ["a", "y", 30], ["b", "x", 50], ["b", "y", 10], ["c", "y", 40]]
REG = ["--region", "region", "--industry", "industry", "--value", "emp"]


def run(*args: str) -> tuple[int, str, str]:
    r = indicators(*args)
    return r.exit_code, r.stdout, r.stderr


def test_regions_json(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    code, out, _ = run("regions", str(p), *REG, "-F", "json")
    assert code == 0
    data = json.loads(out)
    lq = {(c["region"], c["industry"]): c["lq"] for c in data["cells"]}
    assert lq[("b", "x")] == round((50 / 60) / (60 / 140), 6) or abs(
        lq[("b", "x")] - (50 / 60) / (60 / 140)) < 1e-5
    assert data["meta"]["regions"] == 3


def test_regions_parquet_and_xlsx_agree_with_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    p = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    pl.read_csv(p).write_parquet(tmp_path / "t.parquet")
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for r in ROWS:
        ws.append(r)
    wb.save(tmp_path / "t.xlsx")
    outs = [run("regions", str(tmp_path / f"t.{s}"), *REG, "-F", "csv", "--table", "cells")[1]
            for s in ("csv", "parquet", "xlsx")]
    assert outs[0] == outs[1] == outs[2]
    assert outs[0].startswith("region,industry,value,share_of_region,lq")


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    code, _, err = run("regions", str(p), "--region", "region", "--industry", "industry",
                       "--value", "employment")
    assert code == 2
    assert "t.csv" in err and "'employment'" in err and "'emp'" in err
    assert "Traceback" not in err


def test_non_numeric_value_names_row(tmp_path: Path) -> None:
    rows = [*ROWS[:3], ["b", "y", "n/a"], ROWS[4]]
    p = write_csv(tmp_path / "t.csv", HEAD, rows)
    code, _, err = run("regions", str(p), *REG)
    assert code == 2
    assert "row 5" in err and "'emp'" in err and "'n/a'" in err


def test_negative_employment_is_refused(tmp_path: Path) -> None:
    rows = [*ROWS[:2], ["b", "x", -5], *ROWS[3:]]
    code, _, err = run("regions", str(write_csv(tmp_path / "t.csv", HEAD, rows)), *REG)
    assert code == 2 and "negative" in err and "row 4" in err


def test_duplicates_refused_then_summed_with_note(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "t.csv", HEAD, [*ROWS, ["a", "x", 5]])
    code, _, err = run("regions", str(p), *REG)
    assert code == 2
    assert "'a'" in err and "'x'" in err and "NOT summed" in err and "--sum-duplicates" in err
    assert "rows 2 and 7" in err
    code, out, err = run("regions", str(p), *REG, "--sum-duplicates", "-F", "json")
    assert code == 0 and "summed" in err
    cells = {(c["region"], c["industry"]): c for c in json.loads(out)["cells"]}
    assert cells[("a", "x")]["value"] == 15
    assert abs(cells[("a", "x")]["lq"] - (15 / 45) / (65 / 145)) < 1e-5
    assert abs(cells[("c", "y")]["lq"] - 1 / (80 / 145)) < 1e-5


def test_output_file_not_overwritten_without_force(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    out = tmp_path / "out.md"
    assert run("regions", str(p), *REG, "-F", "markdown", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("## Region")
    code, _, err = run("regions", str(p), *REG, "-o", str(out))
    assert code == 2 and "--force" in err
    assert run("regions", str(p), *REG, "-o", str(out), "--force")[0] == 0


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    code, _, err = run("regions", str(tmp_path / "nope.csv"), *REG)
    assert code == 2 and "file not found" in err
    (tmp_path / "t.json").write_text("{}", encoding="utf-8")
    code, _, err = run("regions", str(tmp_path / "t.json"), *REG)
    assert code == 2 and "unsupported" in err


FIRM_HEAD = ["name", "sector", "county", "staff", "sales", "gs"]
FIRMS = [
    ["A", "tex", "c1", 1200, 80_000_000, "是"],
    ["B", "tex", "c1", 300, 12_000_000, "是"],
    ["C", "tex", "c2", 800, 45_000_000, "1"],
    ["D", "tex", "c2", 50, 600_000, "否"],
    ["E", "ele", "c3", 3000, 900_000_000, "yes"],
]
FIRM_OPTS = ["--firm", "name", "--industry", "sector", "--region", "county",
             "--employees", "staff", "--sales", "sales", "--above-scale", "gs"]


def test_firms_json(tmp_path: Path) -> None:
    p = write_csv(tmp_path / "f.csv", FIRM_HEAD, FIRMS)
    code, out, _ = run("firms", str(p), *FIRM_OPTS, "-F", "json")
    assert code == 0, out
    tex = next(i for i in json.loads(out)["industries"] if i["industry"] == "tex")
    assert tex["firms"] == 4 and tex["above_scale"] == 3
    assert tex["size_bands"] == {"over_1m": 3, "over_5m": 3, "over_10m": 3, "over_50m": 1,
                                 "over_100m": 0}
    assert tex["leading_firms"] == ["A"]
    assert abs(tex["leading_firm_weight"] - 80 / 137.6) < 1e-9
    assert tex["cr4"] == 1.0


def test_firms_bad_flag_and_duplicate(tmp_path: Path) -> None:
    rows = [*FIRMS[:3], ["D", "tex", "c2", 50, 600_000, "maybe"]]
    code, _, err = run("firms", str(write_csv(tmp_path / "f.csv", FIRM_HEAD, rows)), *FIRM_OPTS)
    assert code == 2 and "'maybe'" in err and "row 5" in err
    rows = [*FIRMS, ["A", "tex", "c1", 10, 10, "是"]]
    code, _, err = run("firms", str(write_csv(tmp_path / "g.csv", FIRM_HEAD, rows)), *FIRM_OPTS)
    assert code == 2 and "'A'" in err and "NOT summed" in err


def test_firms_totals_table_for_eg(tmp_path: Path) -> None:
    """x_j from a separate regional table: the REAT ellison.a example through the CLI."""
    regions = ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"]
    emp = [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000]
    f = write_csv(tmp_path / "f.csv", ["firm", "region", "emp"],
                  [[f"f{k}", r, e] for k, (r, e) in enumerate(zip(regions, emp, strict=True))])
    t = write_csv(tmp_path / "t.csv", ["region", "emp"],
                  [["Wien", 500000], ["Linz", 300000], ["Linz", 100000], ["Graz", 100000]])
    code, out, _ = run("firms", str(f), "--firm", "firm", "--region", "region",
                       "--employees", "emp", "--totals", str(t), "-F", "json")
    assert code == 0
    assert abs(json.loads(out)["industries"][0]["eg_gamma"] - 0.05990628) < 5e-8


def test_duplicates_without_dense_key_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hash-based fallback (huge region × industry spaces) finds and sums the same rows."""
    from cluster_assess.indicators import cells

    monkeypatch.setattr(cells, "DENSE_SPAN_LIMIT", 0)
    p = write_csv(tmp_path / "t.csv", HEAD, [*ROWS, ["a", "x", 5]])
    code, _, err = run("regions", str(p), *REG)
    assert code == 2 and "rows 2 and 7" in err
    code, out, _ = run("regions", str(p), *REG, "--sum-duplicates", "-F", "json")
    cells = {(c["region"], c["industry"]): c for c in json.loads(out)["cells"]}
    assert cells[("a", "x")]["value"] == 15
    assert abs(cells[("a", "x")]["lq"] - (15 / 45) / (65 / 145)) < 1e-5


def test_indicators_share_the_output_options_of_every_command(tmp_path: Path) -> None:
    """-f is --force here as everywhere, the format is -F, and the output is refused before any
    work (the table is never read) and written atomically (no temporary file left)."""
    p = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    code, _, err = run("regions", str(tmp_path / "missing.csv"), *REG, "-o", str(out))
    assert code == 2 and "--force" in err and "missing.csv" not in err
    assert run("regions", str(p), *REG, "-F", "json", "-o", str(out), "-f")[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["regions"] == 3
    assert sorted(f.name for f in tmp_path.iterdir()) == ["out.json", "t.csv"]
