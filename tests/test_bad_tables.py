"""The bad-input corpus for spreadsheets, tables, rubrics and CSV output (issue 11). Each file is
generated in tmp_path by tests/hostile_tables.py; each case names the exit status, where the
message must point (file, sheet, row, column or line) and what it must say. Hostile sizes run the
CLI in a subprocess under an address-space limit (RLIMIT_AS), so a reader that allocates by what a
file claims fails the test by running out of memory — no timings are asserted."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import hostile_tables as h
import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

MEMORY_MIB = 300


def limited(*args: str | Path, mib: int = MEMORY_MIB) -> subprocess.CompletedProcess[str]:
    """`cluster-assess ARGS` in a child process that may map at most `mib` MiB."""
    resource = pytest.importorskip("resource")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mib * 2**20, mib * 2**20))

    env = {**os.environ, "CLUSTER_ASSESS_LANG": "en", "PYTHONPATH": str(ROOT)}
    env.pop("CLUSTER_ASSESS_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "cluster_assess", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", preexec_fn=cap, env=env, timeout=120, check=False)


# (case, generator, file name, where the message points after the file, words it must say)
HOSTILE_SIZES = [
    ("far-away cell", h.far_away_cell, "far.xlsx", "[Towns]:row 1048576:column XFD: ", "sheets are read up to row"),
    ("1 GiB shared string", h.shared_string_bomb, "strings.xlsx", "[Towns]: ", "longer than 32,767 characters"),
    ("a million rows", h.million_rows, "rows.xlsx", "[Towns]:row 10002:column A: ", "sheets are read up to row"),
    ("19 MiB of CSV", h.big_csv, "big.csv", ":row 10002: ", "files are read up to row"),
    ("a 200 K field", h.long_csv_field, "field.csv", ":row 2: ", "longer than 131,072 characters"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")
@pytest.mark.parametrize(("case", "make", "name", "where", "words"), HOSTILE_SIZES, ids=[c[0] for c in HOSTILE_SIZES])
def test_hostile_sizes_are_refused_within_the_memory_limit(tmp_path, case, make, name, where, words):
    path = make(tmp_path / name)
    run = limited("score", path)
    assert run.returncode == 2, run.stderr[-2000:]
    assert f"{path}{where}" in run.stderr and words in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")
def test_a_far_away_cell_in_an_indicator_table_is_refused_before_polars_loads(tmp_path):
    path = h.far_away_table(tmp_path / "t.xlsx")
    run = limited("indicators", "regions", path, "--region", "region", "--industry", "industry", "--value", "emp")
    assert run.returncode == 2, run.stderr
    assert f"{path}[Towns]:row 1048576: column 'XFD'" in run.stderr and "up to column AMJ" in run.stderr


# (case, generator, file name, where, words) for `score`; all exit 2 with no traceback
BROKEN = [
    ("bad XML", h.bad_xml, "[Towns]: ", "not well-formed XML (line 1"),
    ("DTD entities", h.dtd_entities, "[Towns]: ", "xl/sharedStrings.xml declares a DTD or an entity"),
    ("XXE", h.xxe, "[Towns]: ", "xl/worksheets/sheet1.xml declares a DTD or an entity"),
    ("bad shared-string index", h.bad_shared_index, "[Towns]:row 2:column A: ", "refers to shared string '7'"),
    ("bad row reference", h.bad_row_ref, "[Towns]:row 2: ", "numbered 'x2', which is not a row number"),
    ("bad cell reference", h.bad_cell_ref, "[Towns]:row 2: ", "'2B', which is not a cell reference"),
    ("missing sheet", h.missing_sheet, "[Towns]: ", "its part xl/worksheets/sheet1.xml is missing"),
    ("no sheets", h.no_sheets, ": ", "the workbook has no sheets"),
    ("NaN", h.number_cell("NaN"), "[Towns]:row 2:column B: ", "holding 'NaN', which is not a number"),
    ("INF", h.number_cell("INF"), "[Towns]:row 2:column B: ", "holding 'INF', which is not a number"),
    ("hex", h.number_cell("0x1A"), "[Towns]:row 2:column B: ", "holding '0x1A', which is not a number"),
    ("1e999", h.number_cell("1e999"), "[Towns]:row 2:column B: ", "'1e999', which is too large"),
]


@pytest.mark.parametrize(("case", "make", "where", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_workbook_is_a_user_error_at_its_place(cli, tmp_path, case, make, where, words):
    path = make(tmp_path / "towns.xlsx")
    run = cli("score", path)
    assert run.code == 2, run.err
    assert f"{path}{where}" in run.err and words in run.err, run.err
    assert "internal error" not in run.err and "Traceback" not in run.err


def test_keep_going_skips_a_corrupt_workbook_and_scores_the_rest(cli, tmp_path):
    folder = tmp_path / "towns"
    folder.mkdir()
    for name in ("shishi.yaml", "xiaoguanzhuang-glass.yaml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    h.bad_xml(folder / "broken.xlsx")
    run = cli("score", folder, "--keep-going", "-F", "json")
    assert run.code == 2, run.err
    assert len(run.json()) == 2
    assert f"{folder / 'broken.xlsx'}[Towns]: the part xl/worksheets/sheet1.xml is not well-formed" in run.err
    assert "internal error" not in run.err


def test_a_gbk_row_in_a_utf8_csv_is_refused_at_its_row(cli, tmp_path):
    path = h.gbk_cell_in_utf8_csv(tmp_path / "towns.csv")
    run = cli("score", path)
    assert run.code == 2
    assert f"{path}:row 4: row 4 is not UTF-8" in run.err and "mixes two encodings" in run.err


def test_a_utf8_row_in_a_gbk_csv_is_refused_too(cli, tmp_path):
    path = tmp_path / "towns.csv"
    path.write_bytes("name,facts.firms.total\n石狮镇,120\n".encode("gbk") + "晋江镇,90\n".encode())
    run = cli("score", path)
    assert run.code == 2 and f"{path}:row 3: row 3 is written in UTF-8" in run.err


def test_a_whole_gbk_csv_is_still_read_with_a_warning(cli, tmp_path):
    path = tmp_path / "towns.csv"
    path.write_bytes("name,facts.firms.total\n石狮镇,120\n晋江镇,90\n".encode("gbk"))
    run = cli("score", path, "-F", "json")
    assert run.code == 0, run.err
    assert [a["profile"]["name"] for a in run.json()] == ["石狮镇", "晋江镇"]
    assert "read as GBK" in run.err


def test_a_formula_without_a_saved_result_is_named_not_silently_unknown(cli, tmp_path):
    path = h.formula_without_result(tmp_path / "towns.xlsx")
    run = cli("score", path)
    assert run.code == 0, run.err
    assert (f"warning: {path}[Towns]:row 2:column B: cell B2 holds a formula (=SUM(C2:C9)) with no saved "
            "result") in run.err


def test_merged_cells_are_named(cli, tmp_path):
    path = h.merged_cells(tmp_path / "towns.xlsx")
    run = cli("score", path)
    assert run.code == 0, run.err
    assert f"warning: {path}[Towns]:row 2:column A: cells A2:A3 are merged" in run.err


def test_an_excel_error_value_is_named(cli, tmp_path):
    path = h.workbook(tmp_path / "towns.xlsx", h.sheet_xml([h.header_row(), h.row(
        2, h.text("A2", "甲镇"), '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')]))
    run = cli("score", path)
    assert run.code == 0 and f"{path}[Towns]:row 2:column B: cell B2 holds the Excel error #DIV/0!" in run.err


def test_dates_numbers_and_booleans_read_as_before(tmp_path):
    """The stream reader gives what openpyxl gave: ints, floats, bools, dates by their style."""
    from openpyxl import Workbook

    from cluster_assess.io.sheet_reader import PROFILE_LIMITS, XlsxBook

    book = Workbook()
    sheet = book.active
    sheet.title = "T"
    sheet.append(["a", "b", "c", "d", "e"])
    import datetime as dt

    sheet.append([3, 2.5, True, dt.datetime(2023, 1, 2), "文本"])
    sheet["A5"] = "far"
    book.save(tmp_path / "t.xlsx")
    with XlsxBook(tmp_path / "t.xlsx", PROFILE_LIMITS) as reader:
        rows = list(reader.rows())
    assert rows == [(1, ["a", "b", "c", "d", "e"]), (2, [3, 2.5, True, dt.datetime(2023, 1, 2), "文本"]),
                    (5, ["far"])]


# ---------------------------------------------------------------------------------------------
# Indicator tables


@pytest.mark.parametrize(("make", "words"), [
    (h.unclosed_quote_table, "row 3: the row starting on line 3 has a double quote that is never closed"),
    (h.ragged_table, "row 3: the row has 4 fields but the header has 3"),
])
def test_indicator_csv_with_broken_rows_names_the_row(cli, tmp_path, make, words):
    path = make(tmp_path / "t.csv")
    run = cli("indicators", "regions", path, "--region", "region", "--industry", "industry", "--value", "emp")
    assert run.code == 2, run.err
    assert f"{path}:{words}" in run.err and "internal error" not in run.err


def test_indicator_csv_that_is_not_utf8_is_refused_not_mangled(cli, tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("region,industry,emp\n甲,服装,10\n".encode() + "石狮,服装,20\n".encode("gbk"))
    run = cli("indicators", "regions", path, "--region", "region", "--industry", "industry", "--value", "emp")
    assert run.code == 2 and f"{path}:row 3: the text is not UTF-8" in run.err


def test_indicator_xlsx_broken_is_a_user_error(cli, tmp_path):
    path = h.bad_shared_index(tmp_path / "t.xlsx")
    run = cli("indicators", "firms", path, "--firm", "name", "--employees", "facts.firms.total")
    assert run.code == 2 and f"{path}[Towns]:row 2: column 'A': cell A2 refers to shared string" in run.err


# ---------------------------------------------------------------------------------------------
# CSV injection


INJECTIONS = ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "\tx"]


def _profile(path: Path, name: str, region: str) -> Path:
    path.write_text(f"name: {json.dumps(name)}\nregion: {json.dumps(region)}\nfacts:\n  firms:\n    total: 100\n"
                    "  economy:\n    growth_rate: '-2.5%'\n", encoding="utf-8")
    return path


def test_compare_csv_neutralises_formulas_and_keeps_numbers(cli, tmp_path):
    paths = [_profile(tmp_path / f"t{i}.yaml", text, INJECTIONS[-1 - i]) for i, text in enumerate(INJECTIONS)]
    run = cli("compare", *paths, "-F", "csv")
    assert run.code == 0, run.err
    rows = list(csv.reader(io.StringIO(run.out)))
    names = next(r for r in rows if r[0] == "town.name")[5:]
    regions = next(r for r in rows if r[0] == "town.region")[5:]
    assert sorted(names) == sorted("'" + text for text in INJECTIONS)
    assert sorted(regions) == sorted("'" + text for text in INJECTIONS)
    growth = next(r for r in rows if r[0] == "facts.economy.growth_rate")[5:]
    assert growth == ["-0.025"] * len(INJECTIONS)  # a real negative number stays a number
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit(), cell


def test_indicators_csv_neutralises_formulas(cli, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("region,industry,emp\n=HYPERLINK(1),@SUM(1),10\n-2+3,服装,20\n乙,服装,5\n",
                    encoding="utf-8")
    run = cli("indicators", "regions", path, "--region", "region", "--industry", "industry", "--value", "emp",
              "-F", "csv")
    assert run.code == 0, run.err
    cells = [cell for row in csv.reader(io.StringIO(run.out)) for cell in row]
    assert "'=HYPERLINK(1)" in cells and "'@SUM(1)" in cells and "'-2+3" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)


def test_spreadsheet_safe_keeps_numbers_and_plain_text():
    from cluster_assess.render.compare_csv import spreadsheet_safe

    assert spreadsheet_safe(-2.5) == -2.5
    assert spreadsheet_safe("-2.5") == "-2.5"
    assert spreadsheet_safe("-2+3") == "'-2+3"
    assert spreadsheet_safe("石狮") == "石狮"


# ---------------------------------------------------------------------------------------------
# Rubrics


def _rubric(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    text = (FIXTURES / "valid-rubric-minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "rubric.yaml"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1 + new[: new.find("value") if "value" in new else 0].count("\n")
    return path, line


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ('value: 100}', 'value: many}', "factors[0].rule.value", "'many' does not fit 'facts.firms.total', which is a count"),
    ('op: "==", value: true}', 'op: "==", value: "是"}', "factors[1].rule.value", "which is a yes/no flag"),
    ('op: "==", value: true}', 'op: ">=", value: true}', "factors[1].rule.value", "'>=' compares numbers"),
    ('op: "<", value: 50}', 'op: contains, value: "x"}', "classifications[0].options[0].when.value",
     "looks inside a list of names"),
    ('op: "<", value: 50}', 'op: in, value: [1, "x"]}', "classifications[0].options[0].when.value",
     "'x' cannot be compared"),
])
def test_rubric_validate_checks_each_condition_value_against_the_fact(cli, tmp_path, old, new, field, words):
    path, line = _rubric(tmp_path, old, new)
    run = cli("rubric", "validate", path)
    assert run.code == 2, run.out + run.err
    text = run.out + run.err
    assert f"{path}:{line}:" in text and f": {field}: " in text and words in text, text


@pytest.mark.parametrize("weight", [".nan", ".inf", "1e308", "-1"])
def test_non_finite_and_absurd_weights_are_refused_at_validation(cli, tmp_path, weight):
    path, _ = _rubric(tmp_path, "    recommendations: [act]\n  - id: norms",
                      f"    recommendations: [act]\n    weight: {weight}\n  - id: norms")
    run = cli("rubric", "validate", path)
    assert run.code == 2, run.out + run.err
    assert "factors[0].weight" in run.out + run.err and "weight" in run.out + run.err


@pytest.mark.parametrize("weight", [".nan", ".inf", "1e308"])
def test_a_maturity_index_weight_that_is_not_finite_is_refused_so_json_stays_json(cli, tmp_path, weight):
    text = (FIXTURES / "valid-rubric-minimal.yaml").read_text(encoding="utf-8") + (
        "maturity_index:\n  name: {zh: 指数, en: index}\n  formula: {zh: 加权, en: weighted}\n"
        f"  models: {{ladder: {weight}}}\n  factors: {{base: 1}}\n  source: \"003 · 第二篇 · 一\"\n"
        "  rationale: {zh: 理由, en: why}\n")
    path = tmp_path / "rubric.yaml"
    path.write_text(text, encoding="utf-8")
    run = cli("compare", EXAMPLES / "shishi.yaml", EXAMPLES / "xiaoguanzhuang-glass.yaml", "-F", "json",
              "--rubric", path)
    assert run.code == 2, run.out
    assert "maturity_index.models" in run.err and "weight of 'ladder'" in run.err


def test_json_output_never_holds_nan_or_infinity():
    from cluster_assess.render.json import dumps

    text = dumps({"a": float("nan"), "b": [float("inf"), 1.5], "c": {"d": -float("inf")}})
    assert json.loads(text) == {"a": None, "b": [None, 1.5], "c": {"d": None}}
    assert "NaN" not in text and "Infinity" not in text


def test_a_1500_deep_extends_chain_is_refused_with_its_limit(cli, tmp_path):
    path = h.extends_chain(tmp_path, 1500)
    run = cli("rubric", "validate", path)
    assert run.code == 2, run.err[-500:]
    assert "more than 16 packs deep" in run.out + run.err
    assert "internal error" not in run.out + run.err


def test_a_chain_within_the_limit_still_loads(cli, tmp_path):
    path = h.extends_chain(tmp_path, 5)
    run = cli("rubric", "validate", path)
    assert run.code == 0, run.out + run.err


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("case", "make", "where", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_workbook_is_said_in_chinese_under_lang_zh(cli, tmp_path, case, make, where, words):
    path = make(tmp_path / "towns.xlsx")
    run = cli("score", path, "--lang", "zh")
    assert run.code == 2, run.err
    said = run.err.split(f"{path}", 1)[1]
    assert CJK.search(said) and words not in said, run.err  # the English words are replaced, not appended


@pytest.mark.parametrize("make", [
    h.gbk_cell_in_utf8_csv,
    lambda p: (p.write_bytes(b"name\x00,x\n\x00\x01"), p)[1],
    lambda p: (p.write_bytes("name,facts.firms.total\n石狮镇,120\n".encode("gbk") + "晋江镇,90\n".encode()), p)[1],
], ids=["utf8 then gbk", "binary", "gbk then utf8"])
def test_a_broken_csv_is_said_in_chinese_under_lang_zh(cli, tmp_path, make):
    path = make(tmp_path / "towns.csv")
    run = cli("score", path, "--lang", "zh")
    assert run.code == 2, run.err
    said = run.err.split(f"{path}", 1)[1]
    assert CJK.search(said) and not re.search(r"[A-Za-z]{3,}( [A-Za-z]{2,}){3,}", said), run.err


def test_an_unwritable_output_says_why_in_chinese(cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere (root)")
        run = cli("score", "example:shishi", "-o", folder / "out.txt", "--lang", "zh")
    finally:
        folder.chmod(0o700)
    assert run.code == 2 and "没有权限" in run.err, run.err


def test_the_systems_reason_is_said_in_both_languages():
    import errno

    from cluster_assess.i18n import msg
    from cluster_assess.io.files import os_reason

    said = msg("write_failed", reason=os_reason(PermissionError(errno.EACCES, "Permission denied")))
    assert said == "cannot write the file: Permission denied"
    assert said.say("zh") == "无法写入该文件：没有权限"
    odd = os_reason(OSError(errno.EPIPE, "Broken pipe"))  # no words of ours: the system's, in both
    assert odd == {"zh": "Broken pipe", "en": "Broken pipe"}
