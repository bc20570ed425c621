"""Shared test helpers: run the CLI in-process exactly as a user would, and fetch example paths."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cluster_assess.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
# Tests read many throwaway rubric packs: cache them in a temporary folder, never in the user's
# own cache (set before any test module is imported; subprocesses inherit it).
os.environ.setdefault("CLUSTER_ASSESS_CACHE", tempfile.mkdtemp(prefix="cluster-assess-test-cache-"))
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call `cluster-assess ARGS…` in-process; returns exit code, stdout and stderr."""
    monkeypatch.setenv("CLUSTER_ASSESS_LANG", "en")
    monkeypatch.delenv("CLUSTER_ASSESS_DEBUG", raising=False)

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
