"""One input expander for every command: score, compare, report and validate accept the same
inputs (files, folders searched recursively, quoted globs, spreadsheets, example:NAME) and fail
with the same message when an input matches nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_spreadsheet import BAD_ROW, bad_column, make_book

COMMANDS = ("score", "compare", "report", "validate")


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A folder whose only profile is in a subfolder."""
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLES / "shishi.yaml", tmp_path / "sub" / "x.yaml")
    (tmp_path / "notes.txt").write_text("not a profile", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_is_searched_recursively_by_every_command(cli, nested, command):
    run = cli(command, nested)
    assert run.code == 0, run.err
    if command == "validate":
        assert "checked 1 profile(s)" in run.err
    else:
        assert "石狮" in run.out


@pytest.mark.parametrize("command", COMMANDS)
def test_a_quoted_glob_is_expanded_by_every_command(cli, nested, command):
    run = cli(command, str(nested / "**" / "*.yaml"))
    assert run.code == 0, run.err


@pytest.mark.parametrize("command", COMMANDS)
def test_an_example_name_works_for_every_command(cli, command):
    run = cli(command, "example:shishi")
    assert run.code == 0, run.err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp, "the folder holds no profiles (.yaml, .yml, .xlsx, .xlsm, .csv)"),
    (lambda tmp: tmp / "*.yaml", "the pattern matches no files"),
])
def test_an_input_that_matches_nothing_fails_the_same_way_everywhere(cli, tmp_path, command, make, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    ref = make(empty)
    run = cli(command, ref)
    assert run.code == 2
    assert f"{ref}: {message}" in run.err
    assert run.out == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_workbook_is_read_by_every_command(cli, tmp_path, command):
    book = tmp_path / "towns.xlsx"
    make_book(book, bad=False)
    run = cli(command, book)
    assert run.code == 0, run.err
    assert "binary file" not in run.err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_row_is_named_by_sheet_row_and_column_by_every_command(cli, tmp_path, command):
    book = tmp_path / "towns.xlsx"
    make_book(book)
    run = cli(command, book)
    assert run.code == 2
    where = f"{book}[Towns]:row {BAD_ROW}:column {bad_column()}: facts.economy.export_share:"
    assert where in run.out + run.err


def test_validate_checks_a_sheet_row_by_row(cli, tmp_path):
    book = tmp_path / "towns.xlsx"
    make_book(book)
    run = cli("validate", book)
    assert run.code == 2
    assert run.out.count(f"{book}[Towns]:row ") == 1
    assert "checked 50 profile(s): 1 error(s) in 1 profile(s)" in run.err
