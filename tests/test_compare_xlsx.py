"""`compare --format xlsx`: a formatted workbook, with unknown cells blank and noted, never 0."""

from __future__ import annotations

from conftest import EXAMPLES
from openpyxl import load_workbook


def test_compare_writes_a_formatted_workbook(cli, tmp_path):
    out = tmp_path / "towns.xlsx"
    run = cli("compare", EXAMPLES, "-F", "xlsx", "-o", out, "--lang", "zh")
    assert run.code == 0, run.err
    sheet = load_workbook(out).active
    assert sheet.title == "对比" and sheet.freeze_panes == "C2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["类别", "项目"] and "石狮市服装产业集群" in header
    unknown = [c for row in sheet.iter_rows(min_row=2) for c in row[2:] if c.value is None and c.comment]
    assert unknown and all("不是零" in c.comment.text for c in unknown)
    marked = [c for row in sheet.iter_rows(min_row=2) for c in row[2:] if c.number_format.startswith('"▲')]
    assert marked  # the best of a row is marked
    assert sheet.column_dimensions["B"].width >= 30


def test_a_workbook_never_goes_to_the_terminal_and_never_over_a_file(cli, tmp_path):
    run = cli("compare", EXAMPLES, "-F", "xlsx")
    assert run.code == 2 and "-o" in run.err
    out = tmp_path / "towns.xlsx"
    out.write_bytes(b"mine")
    assert cli("compare", EXAMPLES, "-F", "xlsx", "-o", out).code == 2
    assert out.read_bytes() == b"mine"
