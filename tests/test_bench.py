"""bench/run.py must keep working (it is quoted in the README); no timings are checked here."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_bench_runs_and_prints_every_measurement(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "12,24", "--repeat", "1",
         "--batch-repeat", "1", "--towns", "12,24", "--report-towns", "12", "--lq-rows", "20000"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    for row in ("1. score example", "1. --help", "2. score 24 profiles (jsonl, --jobs 1)",
                "2. score 24 profiles (jsonl, --jobs 2)", "2. peak memory", "2. scaling: 12 profiles",
                "2. scaling: 24 profiles", "3. compare of 24 towns: peak memory", "4. compare of 24 towns: time",
                "5. location quotients over 20,000 rows", "6. report of 12 towns (docx): time"):
        assert row in run.stdout, row
    assert "FAILED" not in run.stdout  # every generated profile is valid and scored
    assert "machine: " in run.stdout
    assert "installed and compiled" in run.stdout  # the package as users run it, not the source tree


def test_generated_profiles_are_valid_and_raise_no_warnings(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from run import generate
    finally:
        sys.path.pop(0)
    from cluster_assess.profile.loading import load_profile

    generate(tmp_path, 40, seed=7)
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) == 40
    for path in files:
        loaded = load_profile(path)
        assert loaded.warnings == [], (path, loaded.warnings)
        assert loaded.profile.facts.firms.total is not None
