"""Scoring many profiles in one command: folders, globs, jsonl streaming, --keep-going, summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from cluster_assess.errors import UserError
from cluster_assess.io.inputs import expand_profiles

BAD = "facts:\n  firms:\n    totl: 3\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """examples at the top, one more in a subfolder, hidden and non-YAML files to be skipped."""
    shutil.copy(EXAMPLES / "shishi.yaml", tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / "xiaoguanzhuang-glass.yaml", tmp_path / "b.yml")
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLES / "shishi.yaml", tmp_path / "sub" / "c.yaml")
    (tmp_path / "notes.txt").write_text("not a profile", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_folder_expands_recursively_sorted_and_skips_hidden(tree):
    found = [Path(p).relative_to(tree).as_posix() for p in expand_profiles([tree])]
    assert found == ["a.yaml", "b.yml", "sub/c.yaml"]


def test_glob_is_expanded_by_us_so_quoted_globs_work(tree):
    found = [Path(p).name for p in expand_profiles([str(tree / "*.y*ml")])]
    assert found == ["a.yaml", "b.yml"]
    found = [Path(p).name for p in expand_profiles([str(tree / "**" / "*.yaml")])]
    assert found == ["a.yaml", "c.yaml"]


def test_empty_folder_and_unmatched_glob_are_user_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="holds no profiles"):
        expand_profiles([tmp_path / "empty"])
    with pytest.raises(UserError, match="matches no files"):
        expand_profiles([str(tmp_path / "*.yaml")])


def test_jsonl_one_valid_assessment_per_line(cli, tree):
    run = cli("score", tree, "-F", "jsonl")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["schema_version"] for r in records] == [1, 1, 1]
    assert [r["profile"]["name"] for r in records] == ["石狮市服装产业集群", "小官庄镇玻璃工艺制品产业集群", "石狮市服装产业集群"]
    assert "scored 3, failed 0" in run.err


def test_jsonl_line_equals_the_json_object(cli):
    one = cli("score", EXAMPLES / "shishi.yaml", "-F", "json").json()
    line = cli("score", EXAMPLES / "shishi.yaml", "-F", "jsonl").out
    assert line.count("\n") == 1
    assert json.loads(line) == one


def test_json_is_an_array_for_a_folder_even_of_one_and_an_object_for_one_file(cli, tmp_path):
    shutil.copy(EXAMPLES / "shishi.yaml", tmp_path / "only.yaml")
    array = cli("score", tmp_path, "-F", "json").json()
    assert isinstance(array, list) and len(array) == 1
    single = cli("score", tmp_path / "only.yaml", "-F", "json").json()
    assert isinstance(single, dict)
    assert array[0] == single
    two = cli("score", tmp_path / "only.yaml", EXAMPLES / "xiaoguanzhuang-glass.yaml", "-F", "json").json()
    assert [type(x) for x in two] == [dict, dict]


def test_keep_going_reports_bad_files_and_exits_2_at_the_end(cli, tree):
    (tree / "sub" / "bad.yaml").write_text(BAD, encoding="utf-8")
    run = cli("score", tree, "-F", "jsonl", "--keep-going")
    assert run.code == 2
    assert len(run.out.splitlines()) == 3  # every good profile still scored
    assert "bad.yaml:3:5: facts.firms.totl: unknown key 'totl'" in run.err
    assert "scored 3, failed 1" in run.err
    assert "Traceback" not in run.err


def test_without_keep_going_the_first_bad_file_stops_the_run(cli, tree, tmp_path):
    (tree / "sub" / "bad.yaml").write_text(BAD, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    run = cli("score", tree, "-F", "jsonl", "-o", target)
    assert run.code == 2
    assert "unknown key 'totl'" in run.err
    assert not target.exists()  # no half-written file is left behind


def test_missing_file_among_many_is_skipped_with_keep_going(cli, tmp_path):
    run = cli("score", EXAMPLES / "shishi.yaml", tmp_path / "nope.yaml", "-F", "jsonl", "-k")
    assert run.code == 2
    assert len(run.out.splitlines()) == 1
    assert "nope.yaml: no such file" in run.err


def test_summary_in_chinese_and_none_for_a_single_profile(cli, tree):
    run = cli("score", tree, "-F", "jsonl", "--lang", "zh")
    assert "已评估 3 个，失败 0 个" in run.err
    single = cli("score", EXAMPLES / "shishi.yaml", "-F", "json")
    assert single.err == ""


def test_progress_bar_goes_to_stderr_only(cli, tree):
    run = cli("score", tree, "-F", "jsonl", "--progress")
    assert run.code == 0
    assert [json.loads(line)["schema_version"] for line in run.out.splitlines()] == [1, 1, 1]


def test_markdown_and_text_separate_many_reports(cli, tree):
    md = cli("score", tree, "-F", "markdown")
    assert md.code == 0
    assert md.out.count("\n---\n") == 2
    text = cli("score", tree)
    assert text.code == 0
    assert text.out.count("石狮") >= 2


def test_a_folder_mixes_yaml_and_sheets_each_row_streamed(cli, tree):
    (tree / "sub" / "towns.csv").write_text(
        "name,facts.firms.total\n甲镇,120\n乙镇,80多家\n", encoding="utf-8")
    (tree / "sub" / "~$towns.xlsx").write_text("lock file", encoding="utf-8")
    run = cli("score", tree, "-F", "jsonl")
    assert run.code == 0, run.err
    names = [json.loads(line)["profile"]["name"] for line in run.out.splitlines()]
    assert names[-2:] == ["甲镇", "乙镇"] and len(names) == 5
    assert "scored 5, failed 0" in run.err


def test_json_from_one_sheet_of_several_rows_is_an_array(cli, tmp_path):
    sheet = tmp_path / "towns.csv"
    sheet.write_text("name,facts.firms.total\n甲镇,120\n乙镇,80\n", encoding="utf-8")
    data = cli("score", sheet, "-F", "json").json()
    assert [d["profile"]["name"] for d in data] == ["甲镇", "乙镇"]


def test_keep_going_skips_bad_rows_of_a_sheet_by_row(cli, tmp_path):
    sheet = tmp_path / "towns.csv"
    sheet.write_text("name,facts.firms.total\n甲镇,120\n乙镇,lots\n丙镇,9\n", encoding="utf-8")
    run = cli("score", sheet, "-F", "jsonl", "-k")
    assert run.code == 2
    assert [json.loads(line)["profile"]["name"] for line in run.out.splitlines()] == ["甲镇", "丙镇"]
    assert f"skipped {sheet}:row 3" in run.err
    assert "scored 2, failed 1" in run.err


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Twelve profiles (enough for a pool), a bad one first and one in the middle."""
    names = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
    for n in range(12):
        shutil.copy(EXAMPLES / names[n % len(names)], tmp_path / f"p{n:02d}.yaml")
    (tmp_path / "a-bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "p05b.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text", "markdown"])
def test_jobs_write_what_one_process_writes_in_input_order(cli, many, fmt):
    serial = cli("score", many, "-F", fmt, "--jobs", "1", "--keep-going")
    pooled = cli("score", many, "-F", fmt, "--jobs", "2", "--keep-going")
    assert (serial.code, pooled.code) == (2, 2)
    assert pooled.out == serial.out
    strip = lambda err: [line for line in err.splitlines() if not line.startswith("scored")]  # noqa: E731
    assert strip(pooled.err) == strip(serial.err)
    assert "scored 12, failed 2" in pooled.err


def test_jobs_without_keep_going_stop_at_the_first_bad_profile(cli, many):
    (many / "a-bad.yaml").unlink()
    serial = cli("score", many, "-F", "jsonl", "--jobs", "1")
    pooled = cli("score", many, "-F", "jsonl", "--jobs", "2")
    assert (serial.code, pooled.code) == (2, 2)
    assert pooled.out == serial.out and len(pooled.out.splitlines()) == 6
    assert pooled.err == serial.err and "totl" in pooled.err


def test_jobs_must_be_at_least_one(cli, many):
    assert cli("score", many, "--jobs", "0").code == 2
