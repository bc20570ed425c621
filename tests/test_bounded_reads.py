"""Bounded reads (issue 11): only regular files are read, never more than the limit, and walks
never loop. Each hostile input is refused with a message inside a 300 MiB address-space limit
(set on a subprocess with RLIMIT_AS); a FIFO test uses a timeout only to detect a hang."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from cluster_assess.io import yamlsource

LIMIT = 300 * 1024 * 1024


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run_bounded(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess that cannot use more than 300 MiB of address space; the timeout is a
    hang detector (a blocked read), not a measure of speed."""
    return subprocess.run([sys.executable, "-m", "cluster_assess", *map(str, args)], capture_output=True,
                          text=True, preexec_fn=_bounded, timeout=120, cwd=cwd,
                          env={**os.environ, "CLUSTER_ASSESS_LANG": "en"})


def test_the_cli_itself_fits_in_the_memory_bound():
    run = run_bounded("score", EXAMPLES / "shishi.yaml", "-F", "json")
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("how", ["direct", "symlink", "extends", "rubric"])
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_however_it_is_reached(tmp_path, how):
    if how == "direct":
        args: list[str | Path] = ["validate", "/dev/zero"]
    elif how == "symlink":
        (tmp_path / "z.yaml").symlink_to("/dev/zero")
        args = ["validate", tmp_path / "z.yaml"]
    elif how == "extends":
        (tmp_path / "pack.yaml").write_text("extends: /dev/zero\n", encoding="utf-8")
        args = ["rubric", "validate", tmp_path / "pack.yaml"]
    else:
        (tmp_path / "z.yaml").symlink_to("/dev/zero")
        args = ["score", EXAMPLES / "shishi.yaml", "--rubric", tmp_path / "z.yaml"]
    run = run_bounded(*args)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "this is a device" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "town.yaml"
    os.mkfifo(fifo)
    for command in ("validate", "score"):
        run = run_bounded(command, fifo)  # a hang here fails by the timeout
        assert run.returncode == 2
        assert "named pipe (FIFO)" in run.stdout + run.stderr


def test_a_huge_sparse_file_is_refused_after_reading_the_limit(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(8 * 1024 * 1024 * 1024)  # 8 GiB of holes: costs no disk
    run = run_bounded("validate", big)
    assert run.returncode == 2
    assert "limited to 5 MiB" in run.stdout


def test_a_file_growing_past_its_stat_size_is_still_bounded(tmp_path, monkeypatch):
    """The limit holds while reading, whatever size the file claims."""
    from cluster_assess.io.files import TooLarge, read_regular

    path = tmp_path / "x.yaml"
    path.write_bytes(b"a" * 100)
    with pytest.raises(TooLarge) as info:
        read_regular(path, 10)
    assert info.value.size == 11  # read limit + 1 bytes, not the whole file


def alias_text_bomb(path: Path) -> None:
    """About 1 MB: one 100 KB text and 9,000 aliases of it — 900 MB once expanded, yet only
    9,000 values, far below the value limit."""
    text = 'name: t\nnotes: &a "' + "x" * 100_000 + '"\nevidence: [' + ",".join(["*a"] * 9000) + "]\n"
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "score"])
def test_an_alias_bomb_of_long_texts_is_refused_within_the_memory_bound(tmp_path, command):
    bomb = tmp_path / "bomb.yaml"
    alias_text_bomb(bomb)
    assert bomb.stat().st_size < yamlsource.MAX_BYTES
    run = run_bounded(command, bomb)
    assert run.returncode == 2
    assert "million characters of text through aliases" in run.stdout + run.stderr


def test_the_character_bound_counts_each_use_of_a_shared_text():
    from cluster_assess.errors import UserError

    text = 'a: &a "' + "x" * 1000 + '"\nb: [' + ",".join(["*a"] * (yamlsource.MAX_CHARS // 1000 + 1)) + "]\n"
    with pytest.raises(UserError, match="characters of text"):
        yamlsource.parse_yaml(text, "t.yaml")
    fine = 'a: &a "' + "x" * 1000 + '"\nb: [' + ",".join(["*a"] * 100) + "]\n"
    assert len(yamlsource.parse_yaml(fine, "t.yaml")[0]["b"]) == 100


def test_a_glob_over_symlink_loops_ends_and_finds_each_file_once(tmp_path):
    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    for name in ("a/one.yaml", "a/b/two.yaml"):
        (tree / name).write_bytes((EXAMPLES / "shishi.yaml").read_bytes())
    # loops: to an ancestor, to the root, and two folders pointing at each other
    (tree / "a" / "b" / "up").symlink_to("..")
    (tree / "a" / "root").symlink_to(tree)
    (tree / "x").mkdir()
    (tree / "y").mkdir()
    (tree / "x" / "to_y").symlink_to(tree / "y")
    (tree / "y" / "to_x").symlink_to(tree / "x")
    run = run_bounded("score", "tree/**/*.yaml", "-F", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)) == 2
    run = run_bounded("score", tree, "-F", "json", cwd=tmp_path)  # a folder walk does not follow the links
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)) == 2


def test_a_glob_matches_what_glob_matches(tmp_path, monkeypatch):
    import glob

    from cluster_assess.io.inputs import glob_names

    monkeypatch.chdir(tmp_path)
    for name in ("a/1.yaml", "a/b/2.yaml", "a/b/c/3.yml", "x/4.yaml", "x/.hidden/5.yaml", "top.yaml", "a/n.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("", encoding="utf-8")
    for pattern in ("**/*.yaml", "a/**/*.yaml", "**/b/*.yaml", "a/*/[0-9].yaml", "*.yaml", "a/**/*.y?ml",
                    f"{tmp_path}/**/*.yaml", "**/[!a]*.yaml"):
        assert glob_names(pattern) == sorted(glob.glob(pattern, recursive=True)), pattern


# --- sheets of profiles and indicator tables: the same regular-file check ------------------------

TABLE = ["--region", "prov", "--industry", "ind", "--value", "emp"]


def _hostile(tmp_path: Path, how: str, suffix: str) -> Path:
    path = tmp_path / f"towns{suffix}"
    if how == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("how", ["fifo", "zero"])
@pytest.mark.parametrize(("suffix", "command"), [
    (".csv", ["score"]), (".xlsx", ["score"]), (".csv", ["validate"]), (".csv", ["compare"]),
    (".csv", ["indicators", "regions"]), (".xlsx", ["indicators", "regions"]),
    (".parquet", ["indicators", "regions"]), (".tsv", ["indicators", "firms"]),
])
def test_a_sheet_or_table_that_is_a_fifo_or_dev_zero_is_refused(tmp_path, how, suffix, command):
    """Profile spreadsheets and indicator tables go through the same regular-file check as YAML:
    a FIFO is refused at once (a hang fails by the timeout), /dev/zero unread (the memory bound)."""
    path = _hostile(tmp_path, how, suffix)
    extra = TABLE if command == ["indicators", "regions"] else ["--firm", "f", "--employees", "e"] if command[0] == "indicators" else []
    run = run_bounded(*command, path, *extra)
    assert run.returncode == 2, run.stdout + run.stderr
    said = run.stdout + run.stderr
    assert ("named pipe (FIFO)" if how == "fifo" else "this is a device") in said
    assert "regular files only" in said and "Traceback" not in said


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_indicator_thresholds_and_into_profile_that_are_devices_are_refused(tmp_path):
    table = tmp_path / "emp.csv"
    table.write_text("prov,ind,emp\njs,tex,500\nzj,ele,400\n", encoding="utf-8")
    zero = tmp_path / "z.yaml"
    zero.symlink_to("/dev/zero")
    run = run_bounded("indicators", "regions", table, *TABLE, "--thresholds", zero)
    assert run.returncode == 2 and "this is a device" in run.stderr
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    run = run_bounded("indicators", "regions", table, *TABLE, "--into", fifo, "--for-region", "js",
                      "--for-industry", "tex")
    assert run.returncode == 2 and "named pipe (FIFO)" in run.stderr
