"""Chinese first: under `--lang zh` no command says an English sentence — not in its report, not in
its errors, warnings, notes or summaries. Ids, paths, units and the writer's own words aside: an
"English sentence" is four or more Latin words in a row (the check the before-stop hook runs)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

BAD = ROOT / "tests" / "bad_inputs"
TABLES = FIXTURES / "tables"
SENTENCE = re.compile(r"[A-Za-z]{3,}( [A-Za-z]{2,}){3,}")


def english_sentences(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if SENTENCE.search(line) and "cluster-assess " not in line and "://" not in line]


def commands(tmp: Path) -> list[tuple[str | Path, ...]]:
    """Every command, with good and bad inputs; `tmp` receives what commands write."""
    profile = tmp / "town.yaml"
    shutil.copy(EXAMPLES / "xiaoguanzhuang-glass.yaml", profile)
    regions = ("indicators", "regions", TABLES / "regions.csv", "--region", "region",
               "--industry", "industry", "--value", "emp")
    firms = ("indicators", "firms", TABLES / "firms.csv", "--firm", "firm", "--region", "region",
             "--industry", "industry", "--employees", "emp")
    return [
        ("score", "example:shishi"),
        ("score", "example:xiaoguanzhuang-glass", "--detail"),
        ("score", "example:shishi", "--format", "markdown"),
        ("score", EXAMPLES),
        ("compare", EXAMPLES),
        ("compare", "example:shishi"),
        ("validate", EXAMPLES),
        ("validate", BAD),
        ("validate", tmp / "missing.yaml"),
        ("init", "-o", tmp / "new.yaml"),
        ("init", "-o", tmp / "new.yaml"),  # exists: refused without --force
        ("examples",),
        ("explain", "market_norms"),
        ("explain", "市场规范"),
        ("explain", "geographic_concentration"),
        ("explain", "facts.firms.total"),
        ("explain", "nosuchthing"),
        ("rubric", "list"),
        ("rubric", "validate", FIXTURES / "valid-rubric-minimal.yaml"),
        *[("rubric", "validate", path) for path in sorted(FIXTURES.glob("invalid-rubric-*.yaml"))],
        regions,
        (*regions, "--into", profile, "--for-region", "甲镇", "--for-industry", "服装"),
        (*regions[:3], "--region", "地区", "--industry", "industry", "--value", "emp"),
        firms,
        ("indicators", "regions", tmp / "missing.csv", "--region", "r", "--industry", "i", "--value", "v"),
        ("rank", EXAMPLES),
    ]


def test_no_english_sentence_under_lang_zh(cli, tmp_path):
    found: list[str] = []
    for args in commands(tmp_path):
        run = cli(*args, "--lang", "zh")
        assert "Traceback" not in run.out + run.err, args
        assert "No such option" not in run.err, args  # every command speaks --lang
        found += [f"{' '.join(map(str, args))}: {line}" for line in english_sentences(run.out + run.err)]
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.name)
def test_every_bad_input_is_said_in_chinese(cli, path):
    for command in ("validate", "score"):
        run = cli(command, path, "--lang", "zh")
        assert run.code == 2
        assert not english_sentences(run.out + run.err), run.out + run.err


def test_english_stays_english(cli):
    run = cli("validate", BAD / "misspelt-fact.yaml", "--lang", "en")
    assert "unknown key 'totl'; did you mean 'total'?" in run.out
    assert "checked 1 profile(s)" in run.err
