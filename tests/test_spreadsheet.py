"""Spreadsheets: `init --xlsx` writes the template; `compare` and `score` read XLSX and CSV with the
same validation as YAML, reporting a bad cell by sheet, row and column; `--keep-going` compares
the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cluster_assess.errors import Problem, column_letter

RATED = ("policy_environment", "supporting_facilities", "service_support", "cultural_environment",
         "cluster_distinctiveness", "supporting_chain", "innovative_entrepreneurs")
COLUMNS = ["name", "region", "industry", "year", "facts.firms.total", "facts.economy.output_value",
           "facts.economy.export_share", "ratings.location_advantage", "ratings.location_advantage.evidence",
           "ratings.industrial_base", "ratings.market_norms", "facts.institutions.industry_association",
           *(f"ratings.{r}" for r in RATED)]
BAD_ROW = 9  # the sheet row (header is row 1) of the town with the bad cell


def town(n: int) -> list[object]:
    return [f"测试镇{n:02d}服装产业集群", "某省某县", "服装", 2022, 100 + n, (n + 1) * 1e8, 0.1 + n / 200,
            n % 6, f"evidence {n}", (n * 2) % 6, (n * 3) % 6, n % 2 == 0, *((n + k) % 6 for k in range(len(RATED)))]


def make_book(path: Path, bad: bool = True) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Towns"
    sheet.append(COLUMNS)
    for n in range(50):
        row = town(n)
        if bad and n == BAD_ROW - 2:
            row[6] = 30  # an ambiguous share: 30 what?
        sheet.append(row)
    book.save(path)


def bad_column() -> str:
    return column_letter(COLUMNS.index("facts.economy.export_share") + 1)


def test_fifty_towns_one_bad_cell_is_reported_by_sheet_row_and_column(cli, tmp_path):
    book = tmp_path / "towns.xlsx"
    make_book(book)
    run = cli("compare", book)
    assert run.code == 2
    where = f"{book}[Towns]:row {BAD_ROW}:column {bad_column()}: facts.economy.export_share: "
    assert where in run.err
    assert "30 is ambiguous for a share" in run.err


def test_keep_going_compares_the_other_49(cli, tmp_path):
    book = tmp_path / "towns.xlsx"
    make_book(book)
    run = cli("compare", book, "--keep-going", "-F", "json")
    assert run.code == 0, run.err
    data = run.json()
    assert len(data["columns"]) == 49
    assert f"skipped: {book}[Towns]:row {BAD_ROW}:column {bad_column()}" in run.err
    assert "compared 49 towns; skipped 1" in run.err
    names = {c["name"] for c in data["columns"]}
    assert f"测试镇{BAD_ROW - 2:02d}服装产业集群" not in names
    assert data["ranking"], "a workbook of rated towns is ranked"
    origins = {c["origin"] for c in data["columns"]}
    assert f"{book}[Towns]:row 2" in origins


def test_keep_going_with_nothing_left_is_still_an_error(cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,facts.firms.total\n甲镇,many\n", encoding="utf-8")
    run = cli("compare", path, "--keep-going")
    assert run.code == 2 and "no town could be compared" in run.err


def test_csv_gives_the_same_messages_as_xlsx(cli, tmp_path):
    lines = [",".join(COLUMNS)]
    for n in range(10):
        row = town(n)
        if n == BAD_ROW - 2:
            row[6] = 30
        lines.append(",".join(str(v) for v in row))
    path = tmp_path / "towns.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    run = cli("compare", path)
    assert run.code == 2
    assert f"{path}:row {BAD_ROW}:column {bad_column()}: facts.economy.export_share: 30 is ambiguous" in run.err
    ok = cli("compare", path, "-k", "-F", "json")
    assert ok.code == 0 and len(ok.json()["columns"]) == 9


def test_a_gbk_csv_from_chinese_excel_is_read(cli, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("name,facts.firms.total,facts.economy.sales\n青山湖镇,120,20亿元\n".encode("gbk"))
    data = cli("compare", path, "-F", "json").json()
    assert data["columns"][0]["name"] == "青山湖镇"
    sales = next(r for r in data["rows"] if r["id"] == "facts.economy.sales")
    assert sales["cells"][0]["value"] == 2e9


def test_unknown_column_is_named_with_a_suggestion(cli, tmp_path):
    path = tmp_path / "towns.csv"
    path.write_text("name,facts.firms.totl\n甲镇,100\n", encoding="utf-8")
    run = cli("compare", path)
    assert run.code == 2
    assert f"{path}:row 1:column B: facts.firms.totl: unknown column 'facts.firms.totl'; did you mean " \
           "'facts.firms.total'?" in run.err


def test_evidence_and_source_columns_reach_the_assessment(cli, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(
        "name,facts.firms.total,facts.firms.total.source,ratings.market_norms,ratings.market_norms.evidence\n"
        "甲镇,200多家,003 · 第三篇 · 一（一）,2,vicious competition\n", encoding="utf-8")
    data = cli("score", path, "-F", "json").json()
    facts = {f["path"]: f for f in data["facts"]}
    assert facts["facts.firms.total"]["value"] == 200 and facts["facts.firms.total"]["approx"] == "over"
    assert facts["facts.firms.total"]["source"] == "003 · 第三篇 · 一（一）"
    assert facts["ratings.market_norms"]["evidence"] == "vicious competition"


def test_a_source_without_a_value_is_an_error_at_its_cell(cli, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("name,facts.firms.total,facts.firms.total.source\n甲镇,,somewhere\n", encoding="utf-8")
    run = cli("compare", path)
    assert run.code == 2 and f"{path}:row 2:column C: facts.firms.total: a source is given but no value" in run.err


def test_score_reads_a_workbook_one_assessment_per_row(cli, tmp_path):
    book = tmp_path / "towns.xlsx"
    make_book(book, bad=False)
    run = cli("score", book, "-F", "markdown")
    assert run.code == 0, run.err
    assert run.out.count("# Cluster assessment:") == 50
    bad = tmp_path / "bad.xlsx"
    make_book(bad)
    run = cli("score", bad)
    assert run.code == 2 and f"{bad}[Towns]:row {BAD_ROW}:column {bad_column()}" in run.err


def test_init_writes_a_template_that_reads_back(cli, tmp_path):
    path = tmp_path / "template.xlsx"
    run = cli("init", "--xlsx", path, "--lang", "zh")
    assert run.code == 0, run.err
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:4] == ["集群名称", "地区", "产业", "年份"]  # labels in Chinese
    header = [c.value for c in sheet[2]]  # the field ids the reader goes by
    assert header[:4] == ["name", "region", "industry", "year"]
    assert "facts.firms.total" in header and "ratings.location_advantage.evidence" in header
    total = sheet.cell(row=1, column=header.index("facts.firms.total") + 1)
    assert total.comment is not None and "企业总数" in total.comment.text and "firms" in total.comment.text
    share = sheet.cell(row=1, column=header.index("facts.economy.export_share") + 1)
    assert "30%" in share.comment.text
    assert book.sheetnames[1:] == ["填表说明", "字段说明"]
    # fill one row and it compares
    sheet.append(["甲镇", "某地", "服装", 2023])
    sheet.cell(row=3, column=header.index("facts.firms.total") + 1, value=150)
    book.save(path)
    data = cli("compare", path, "-F", "json").json()
    assert data["columns"][0]["name"] == "甲镇"
    again = cli("init", "--xlsx", path)
    assert again.code == 2 and "--force" in again.err
    assert cli("init", "--xlsx", path, "--force").code == 0
    assert cli("init", "--xlsx", tmp_path / "t.csv").code == 2


def test_old_xls_and_broken_workbooks_are_user_errors(cli, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    run = cli("compare", tmp_path / "old.xls")
    assert run.code == 2 and "save it as .xlsx" in run.err
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    run = cli("compare", tmp_path / "broken.xlsx")
    assert run.code == 2 and "cannot read this workbook" in run.err


@pytest.mark.parametrize(("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
def test_column_letters(number, letters):
    assert column_letter(number) == letters


def test_problem_locations_read_as_rows_and_columns_only_for_sheets():
    assert str(Problem("bad", "t.xlsx[Towns]", 7, 6, "facts.firms.total", sheet=True)) == \
        "t.xlsx[Towns]:row 7:column F: facts.firms.total: bad"
    assert str(Problem("bad", "t.yaml", 7, 6, "facts.firms.total")) == "t.yaml:7:6: facts.firms.total: bad"
