"""`compare` and `report` with --jobs: towns assessed by a worker pool write what one process writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from cluster_assess.cli import batch

BAD = "facts:\n  firms:\n    totl: 3\n"
WARNED = "name: 警示镇\nyear: 2020\nfacts:\n  firms:\n    total: 10\n    exporters: 20\n"  # more exporters than firms


@pytest.fixture
def towns(tmp_path: Path) -> Path:
    """Eleven towns in ten files (enough for a pool): one with a warning, and a sheet of two rows."""
    names = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
    folder = tmp_path / "towns"
    folder.mkdir()
    for n in range(8):
        shutil.copy(EXAMPLES / names[n % len(names)], folder / f"p{n:02d}.yaml")
    (folder / "p03w.yaml").write_text(WARNED, encoding="utf-8")
    (folder / "p09.csv").write_text("name,year,facts.firms.total\n甲镇,2021,120\n乙镇,2021,80\n", encoding="utf-8")
    return folder


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pools started, so a test knows the second run did go through one."""
    started: list[int] = []
    real = batch.in_pool

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(args[1])
        yield from real(*args, **kwargs)

    monkeypatch.setattr(batch, "in_pool", counting)
    return started


def _both(cli, pooled: list[int], *args: str | Path):  # type: ignore[no-untyped-def]
    serial = cli(*args, "--jobs", "1")
    assert pooled == []
    parallel = cli(*args, "--jobs", "2")
    assert pooled == [2]
    return serial, parallel


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
@pytest.mark.parametrize("bad", [False, True])
def test_every_compare_format_is_the_same_at_one_and_two_jobs(cli, towns, pooled, fmt, bad):
    if bad:
        (towns / "p05b.yaml").write_text(BAD, encoding="utf-8")
    serial, parallel = _both(cli, pooled, "compare", towns, "-F", fmt, "--keep-going", "--lang", "zh")
    assert (serial.code, parallel.code) == (0, 0), serial.err
    assert parallel.out == serial.out and serial.out
    assert parallel.err == serial.err
    assert "exporters" in serial.err  # the warning, once, as in one process
    assert ("totl" in serial.err) is bad


def test_the_workbook_is_the_same_at_one_and_two_jobs(cli, towns, pooled, tmp_path):
    (towns / "p05b.yaml").write_text(BAD, encoding="utf-8")
    out = [tmp_path / "one.xlsx", tmp_path / "two.xlsx"]
    serial = cli("compare", towns, "-F", "xlsx", "-k", "-o", out[0], "--jobs", "1")
    parallel = cli("compare", towns, "-F", "xlsx", "-k", "-o", out[1], "--jobs", "2")
    assert (serial.code, parallel.code) == (0, 0)
    assert pooled == [2]
    assert _members(out[0]) == _members(out[1])
    assert parallel.err.replace("two.xlsx", "one.xlsx") == serial.err


def test_without_keep_going_every_bad_town_is_named_as_in_one_process(cli, towns, pooled):
    (towns / "p02b.yaml").write_text(BAD, encoding="utf-8")
    (towns / "p09.csv").write_text("name,facts.firms.total\n甲镇,120\n乙镇,lots\n", encoding="utf-8")
    for command in ("compare", "report"):
        pooled.clear()
        serial, parallel = _both(cli, pooled, command, towns)
        assert (serial.code, parallel.code) == (2, 2)
        assert parallel.out == serial.out == ""
        assert parallel.err == serial.err
        assert "totl" in serial.err and "row 3" in serial.err


def _members(path: Path) -> dict[str, bytes]:
    """A workbook's parts, byte for byte, without the clock: the zip stamps each part, and
    openpyxl the document's creation and modification times."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"",
                                        parts["docProps/core.xml"])
    return parts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_comparison_report_is_the_same_at_one_and_two_jobs(cli, towns, pooled, fmt):
    serial, parallel = _both(cli, pooled, "report", towns, "-F", fmt, "--lang", "zh")
    assert (serial.code, parallel.code) == (0, 0), serial.err
    assert parallel.out == serial.out and "甲镇" in serial.out
    assert parallel.err == serial.err


def test_a_lone_good_town_from_the_pool_is_kept_whole(towns):
    """A single town gives a cluster report, from its whole assessment, however it was read."""
    from cluster_assess.cli.towns import assess_towns
    from cluster_assess.rubric.loading import load_rubric

    for path in towns.iterdir():
        if path.name != "p01.yaml":
            path.write_text(BAD, encoding="utf-8")
    pack = load_rubric(None)
    serial = assess_towns([towns], pack, keep_going=True, jobs=1)
    parallel = assess_towns([towns], pack, keep_going=True, jobs=2)
    assert len(parallel.assessments) == 1 and parallel.whole is not None
    assert parallel.whole[0] == serial.whole[0]  # type: ignore[index]
    assert parallel.whole[0].stages[next(iter(parallel.whole[0].stages))].evidence  # not the compact one
    assert len(parallel.bad) == len(serial.bad) == 9


def test_jobs_must_be_at_least_one(cli, towns):
    assert cli("compare", towns, "--jobs", "0").code == 2
    assert cli("report", towns, "--jobs", "0").code == 2
