"""Golden outputs of `score` and `compare` on the shipped examples, so that moving code around
cannot change what users see without a test saying so.

Text is rendered at a fixed width (COLUMNS) with colour off, as when piped: the full `--detail`
view at 100 columns, and the terminal views an official sees at 80 columns (score's one-screen
summary, its detail, compare) in both languages. Regenerate the files
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
    detail = ["--detail"] if fmt == "text" else []
    run = fixed("score", f"examples/{name}.yaml", "--format", fmt, "--lang", lang, *detail)
    assert run.code == 0, run.err
    check(GOLDEN / f"score.{name}.{lang}.{SUFFIX[fmt]}", run.out)


@pytest.mark.parametrize(("name", "fmt", "lang"), COMPARE)
def test_compare_golden(fixed, name, fmt, lang):
    run = fixed("compare", name, "--format", fmt, "--lang", lang)
    assert run.code == 0, run.err
    check(GOLDEN / f"compare.{name}.{lang}.{SUFFIX[fmt]}", run.out)


# the terminal at 80 columns: (file stem, command line)
TERMINAL = [
    *[(f"score.{name}.{lang}.80", ("score", f"examples/{name}.yaml", "--lang", lang))
      for name in ("shishi", "xiaoguanzhuang-glass") for lang in ("zh", "en")],
    *[(f"score-detail.shishi.{lang}.80", ("score", "examples/shishi.yaml", "--detail", "--lang", lang))
      for lang in ("zh", "en")],
    *[(f"compare.examples.{lang}.80", ("compare", "examples", "--lang", lang)) for lang in ("zh", "en")],
]


@pytest.mark.parametrize(("stem", "args"), TERMINAL, ids=[stem for stem, _ in TERMINAL])
def test_terminal_at_80_columns(fixed, monkeypatch, stem, args):
    from cluster_assess.render.grid import width

    monkeypatch.setenv("COLUMNS", "80")
    run = fixed(*args)
    assert run.code == 0, run.err
    check(GOLDEN / f"{stem}.txt", run.out)
    for line in run.out.splitlines():
        assert width(line) <= 80, line
        body = line.lstrip(" │┃")
        assert not body or body[0] not in "、，。；：！？）》」』”", line  # no line opens with '，'
    if args[0] == "score" and "--detail" not in args:
        assert len(run.out.splitlines()) <= 50, "the summary fits one screen"
