"""A plain, non-editable install must find the built-in rubrics and examples from any directory.

We build the wheel exactly as `pip install .` does (hatchling), unpack it somewhere else, and run
the CLI from yet another directory against it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the installed CLI caches the rubric it parses: keep that in the tests' own folder (conftest)
_CACHE = {"CLUSTER_ASSESS_CACHE": os.environ.get("CLUSTER_ASSESS_CACHE", "")} if "CLUSTER_ASSESS_CACHE" in os.environ else {}


def test_wheel_ships_data_and_scores_from_any_directory(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", str(dist), "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(dist.glob("cluster_assess-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "cluster_assess/_data/rubrics/cluster-core.yaml" in names
    assert "cluster_assess/_data/examples/shishi.yaml" in names
    assert "cluster_assess/_data/examples/xiaoguanzhuang-glass.yaml" in names
    assert any(n.startswith("cluster_assess/_data/seeds/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "cluster_assess", "score", "example:shishi", "--format", "json"],
        capture_output=True, text=True, cwd=elsewhere, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", **_CACHE},
        timeout=120, encoding="utf-8",
    )
    assert run.returncode == 0, run.stderr
    assert '"stage": "cluster"' in run.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import cluster_assess.io.packaged as d; print(d.data_dir('rubrics'))"],
        capture_output=True, text=True, cwd=elsewhere, env={"PYTHONPATH": str(site), **_CACHE}, timeout=60,
    )
    assert str(site) in probe.stdout
