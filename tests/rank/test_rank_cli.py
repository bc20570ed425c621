"""`cluster-assess rank` end to end: tables and profiles, every format, both languages, every bad input → exit 2."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES

TABLE = "town,risk,value,firms\nA1,1,3000,\nA2,2,3750,5\nA3,5,4500,7\n"
CONSISTENT = "criteria: [risk, value, firms]\nmatrix:\n  - [1, 2, 4]\n  - [1/2, 1, 2]\n  - [1/4, 1/2, 1]\n"


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "towns.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_table_every_format_and_language(cli, table, fmt, lang):
    run = cli("rank", "--table", table, "--cost", "risk", "-F", fmt, "--lang", lang, "--draws", "50")
    assert run.code == 0, run.err
    assert ("TOPSIS" in run.out)
    if fmt == "json":
        data = run.json()
        assert data["kind"] == "ranking" and data["ranking"][0]["name"] in ("A1", "A2", "A3")
        assert {a["name"] for a in data["ranking"]} == {"A1", "A2", "A3"}


def test_convention_line_names_everything(cli, table):
    run = cli("rank", "--table", table, "--cost", "risk", "--norm", "minmax", "--weights", "entropy")
    assert "TOPSIS, min-max normalisation, Euclidean distance; weights: entropy, min-max-first" in run.out
    assert "There are unknown values" in run.out  # A1 has an unknown firms count


def test_xlsx_and_figure_and_no_overwrite(cli, table, tmp_path):
    out, fig = tmp_path / "r.xlsx", tmp_path / "r.svg"
    assert cli("rank", "--table", table, "--complete-only", "-F", "xlsx", "-o", out, "--figure", fig).code == 0
    assert out.read_bytes()[:2] == b"PK" and "<svg" in fig.read_text(encoding="utf-8")
    again = cli("rank", "--table", table, "-F", "xlsx", "-o", out)
    assert again.code == 2 and "--force" in again.err
    assert cli("rank", "--table", table, "-F", "xlsx", "-o", out, "--force").code == 0


def test_ahp_weights_and_cr(cli, table, tmp_path):
    m = tmp_path / "ahp.yaml"
    m.write_text(CONSISTENT, encoding="utf-8")
    run = cli("rank", "--table", table, "--cost", "risk", "--weights", f"ahp:{m}", "-F", "json", "--ri", "gong-xu")
    assert run.code == 0, run.err
    data = run.json()
    assert [round(c["weight"], 4) for c in data["criteria"]] == [0.5714, 0.2857, 0.1429]
    assert data["ahp"][0]["cr"] == pytest.approx(0, abs=1e-9)
    combined = cli("rank", "--table", table, "--weights", f"combined:ahp:{m},entropy,0.7", "--method", "gra")
    assert combined.code == 0 and "combined 0.7×AHP + 0.3×entropy" in combined.out


def test_several_experts_each_cr_shown(cli, table, tmp_path):
    m = tmp_path / "ahp.yaml"
    m.write_text("criteria: [risk, value, firms]\nexperts:\n"
                 "  - {name: E1, matrix: [[1, 2, 4], [null, 1, 2], [null, null, 1]]}\n"
                 "  - {name: E2, matrix: [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]}\n", encoding="utf-8")
    run = cli("rank", "--table", table, "--weights", f"ahp:{m}", "--ahp", "geometric")
    assert run.code == 0, run.err
    assert "E1: λmax" in run.out and "E2: λmax" in run.out and "geometric mean of the experts" in run.out


@pytest.mark.parametrize(("matrix", "message"), [
    ("criteria: [risk, value, firms]\nmatrix: [[1, 2, 4], [2, 1, 2], [1/4, 1/2, 1]]\n", "not reciprocal"),
    ("criteria: [risk, value, firms]\nmatrix: [[1, 2], [1/2, 1]]\n", "not square"),
    ("criteria: [risk, valu, firms]\nmatrix: [[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]]\n", "no criterion 'valu'"),
    ("criteria: [risk, value, firms]\nmatrix: [[1, 2, x], [1/2, 1, 2], [1/4, 1/2, 1]]\n", "not a number"),
    ("criteria: [risk, value, firms]\nmatrix: [[1, 12, 4], [1/12, 1, 2], [1/4, 1/2, 1]]\n", "Saaty's 1–9 scale"),
    ("criteria: [risk, value, firms]\nmatrix: [[1, 9, 1/9], [1/9, 1, 9], [9, 1/9, 1]]\n", "CR = "),
])
def test_bad_ahp_matrices_exit_2(cli, table, tmp_path, matrix, message):
    m = tmp_path / "ahp.yaml"
    m.write_text(matrix, encoding="utf-8")
    run = cli("rank", "--table", table, "--weights", f"ahp:{m}")
    assert run.code == 2, run.out
    assert message in run.err and "Traceback" not in run.err


def test_inconsistent_matrix_allowed_on_request(cli, table, tmp_path):
    m = tmp_path / "ahp.yaml"
    m.write_text("criteria: [risk, value, firms]\nmatrix: [[1, 9, 1/9], [1/9, 1, 9], [9, 1/9, 1]]\n", encoding="utf-8")
    assert cli("rank", "--table", table, "--weights", f"ahp:{m}", "--allow-inconsistent").code == 0


def test_bad_cell_names_row_and_column(cli, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("town,a,b\nX,1,2\nY,abc,3\n", encoding="utf-8")
    run = cli("rank", "--table", path)
    assert run.code == 2 and "row 3:column B" in run.err and "'abc' is not a number" in run.err


def test_direction_row_and_unknown_cost_column(cli, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("town,a,b\n方向,效益,成本\nX,1,2\nY,2,3\n", encoding="utf-8")
    data = cli("rank", "--table", path, "-F", "json").json()
    assert [c["benefit"] for c in data["criteria"]] == [True, False]
    run = cli("rank", "--table", path, "--cost", "zz")
    assert run.code == 2 and "no criterion 'zz'" in run.err


def test_profiles_folder_in_chinese(cli):
    run = cli("rank", EXAMPLES, "--lang", "zh", "--method", "index")
    assert run.code == 0, run.err
    assert "权重：评估规则中的权重" in run.out and "尚无法区分" in run.out


def test_profiles_complete_only_reports_left_out(cli):
    run = cli("rank", EXAMPLES, "--complete-only", "-F", "json")
    assert run.code == 2 or json.loads(run.out)["left_out"]
