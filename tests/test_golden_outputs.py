"""Golden outputs of `score` and `compare` on the shipped examples, so that moving code around
cannot change what users see without a test saying so.

Text is rendered at a fixed width (COLUMNS) with colour off, as when piped. Regenerate the files
deliberately, after reading the diff, with the same switch as the report goldens:
    UPDATE_GOLDEN=1 python -m pytest tests/test_golden_outputs.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
WIDTH = "100"
SUFFIX = {"text": "txt", "markdown": "md", "json": "json", "csv": "csv"}

SCORE = [(name, fmt, "en") for name in ("shishi", "xiaoguanzhuang-glass") for fmt in ("text", "markdown", "json")]
SCORE.append(("shishi", "text", "zh"))
COMPARE = [("examples", fmt, "en") for fmt in ("text", "markdown", "json", "csv")]
COMPARE.append(("examples", "text", "zh"))


@pytest.fixture
def fixed(cli, monkeypatch):
    """The CLI as a pipe sees it: a fixed width, no colour, paths relative to the repository."""
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.chdir(ROOT)
    return cli


def check(path: Path, output: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path.name}; run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert output == expected, f"{path.name} differs; if the change is deliberate, run UPDATE_GOLDEN=1 pytest"


@pytest.mark.parametrize(("name", "fmt", "lang"), SCORE)
def test_score_golden(fixed, name, fmt, lang):
    run = fixed("score", f"examples/{name}.yaml", "--format", fmt, "--lang", lang)
    assert run.code == 0, run.err
    check(GOLDEN / f"score.{name}.{lang}.{SUFFIX[fmt]}", run.out)


@pytest.mark.parametrize(("name", "fmt", "lang"), COMPARE)
def test_compare_golden(fixed, name, fmt, lang):
    run = fixed("compare", name, "--format", fmt, "--lang", lang)
    assert run.code == 0, run.err
    check(GOLDEN / f"compare.{name}.{lang}.{SUFFIX[fmt]}", run.out)
