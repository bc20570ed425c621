"""`score` without typer (`cli.main._plain_score`, `cli.options.plain_call`): for every command line
it takes, the same call, output and exit status as typer gives; everything else (help, errors,
completion) it leaves to typer."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from cluster_assess.cli import main as cli_main
from cluster_assess.cli import options
from cluster_assess.cli.main import _plain_score as score_call
from cluster_assess.cli.options import argument, option, typer_command
from cluster_assess.cli.score import score

SHISHI = str(EXAMPLES / "shishi.yaml")

# command lines the fast path takes (each must also be one typer accepts)
TAKEN = [
    ["score", "example:shishi"],
    ["score", "example:shishi", "--format", "json"],
    ["score", "example:shishi", "--format=json", "--lang=zh"],
    ["score", "-F", "markdown", SHISHI, "-l", "en"],
    ["score", "-Fjsonl", "example:shishi"],
    ["score", "example:shishi", "--detail"],
    ["score", "example:shishi", "-d", "--lang", "zh"],
    ["score", "example:shishi", "-kd", "-F", "text"],
    ["score", "example:shishi", "-kFjson"],
    ["score", "example:shishi", "--no-progress", "-j", "1", "-F", "json"],
    ["score", "example:shishi", "--progress", "--jobs=2", "-F", "json"],
    ["score", "example:shishi", "-r", "cluster-core", "-F", "json"],
    ["score", "example:shishi", "--rubric", "miit-2022", "-F", "json"],
    ["score", "example:shishi", "--output", "-", "-F", "json"],
    ["score", "example:shishi", "-o", "-", "--force", "--keep-going"],
    # bad input the command itself reports (exit 2): typer accepts the command line
    ["score", "example:nonexistent", "-F", "json"],
    ["score", "/nonexistent/town.yaml"],
    ["score", "example:shishi", "-F", "json", "--rubric", "nope"],
    ["score", str(ROOT / "tests" / "fixtures"), "-F", "json", "-k", "-j", "1"],
]

# command lines it leaves to typer: help, usage errors, anything it does not parse itself
DECLINED = [
    [],
    ["--help"],
    ["--version"],
    ["compare", "example:shishi"],
    ["score"],
    ["score", "--help"],
    ["score", "-h"],
    ["score", "example:shishi", "--help"],
    ["score", "example:shishi", "-dh"],
    ["score", "example:shishi", "--format"],
    ["score", "example:shishi", "--format", "nope"],
    ["score", "example:shishi", "--format", "JSON"],
    ["score", "example:shishi", "-F", ""],
    ["score", "example:shishi", "--bogus"],
    ["score", "example:shishi", "-x"],
    ["score", "example:shishi", "-dx"],
    ["score", "example:shishi", "--jobs", "0"],
    ["score", "example:shishi", "--jobs", "x"],
    ["score", "example:shishi", "--jobs", "01"],
    ["score", "example:shishi", "--jobs", " 2"],
    ["score", "example:shishi", "--lang", "fr"],
    ["score", "example:shishi", "--force=1"],
    ["score", "example:shishi", "--no-progress=1"],
    ["score", "example:shishi", "-F=json"],
    ["score", "example:shishi", "-F", "json", "-F", "text"],
    ["score", "example:shishi", "--progress", "--no-progress"],
    ["score", "--", "example:shishi"],
    ["score", "-"],
    ["score", ""],
    ["score", "example:shishi", "--rubric", ""],
    ["score", "example:shishi", "-o"],
    ["score", "example:shishi", "-o", "--help"],
    ["score", "--format", "json"],
]


@pytest.fixture
def typer_only(monkeypatch):
    """Turn the fast path off: every command line goes to typer."""
    def off(argv):
        return None
    return lambda: monkeypatch.setattr(cli_main, "_plain_score", off)


def _typer_call(argv: list[str]) -> dict | None:
    """The keyword arguments typer calls `score` with for `argv` (None if it does not call it)."""
    import typer
    from typer.testing import CliRunner

    got: dict = {}

    @functools.wraps(score)
    def capture(**kwargs):
        got.update(kwargs)

    app = typer.Typer()
    app.command()(typer_command(capture))

    @app.callback()
    def root() -> None:
        """Two commands' worth of group, as the real app is."""

    result = CliRunner().invoke(app, argv)
    return got if result.exit_code == 0 and got else None


@pytest.mark.parametrize("argv", TAKEN, ids=" ".join)
def test_the_fast_path_calls_score_as_typer_does(argv):
    fast = score_call(argv)
    assert fast is not None, argv
    assert fast == _typer_call(argv)
    assert {k: type(v) for k, v in fast.items()} == {k: type(v) for k, v in _typer_call(argv).items()}


@pytest.mark.parametrize("argv", TAKEN, ids=" ".join)
def test_taken_command_lines_give_typers_output(argv, cli, typer_only):
    fast = cli(*argv)
    typer_only()
    slow = cli(*argv)
    assert (fast.code, fast.out, _untimed(fast.err)) == (slow.code, slow.out, _untimed(slow.err))
    assert fast.code or fast.out


def _untimed(err: str) -> str:
    """A batch's summary ends with the time it took, which no two runs share."""
    return re.sub(r"\d+(\.\d+)? s\b", "… s", err)


def test_an_output_file_is_written_alike(cli, typer_only, tmp_path):
    argv = ["score", "example:shishi", "-F", "json", "-o"]
    assert cli(*argv, tmp_path / "fast.json").code == 0
    typer_only()
    assert cli(*argv, tmp_path / "typer.json").code == 0
    assert (tmp_path / "fast.json").read_bytes() == (tmp_path / "typer.json").read_bytes()
    refused = cli(*argv, tmp_path / "typer.json")  # an existing file, no --force: the same refusal
    fast = score_call([*argv, str(tmp_path / "typer.json")])
    assert fast is not None and refused.code == 2


@pytest.mark.parametrize("argv", DECLINED, ids=lambda a: " ".join(a) or "(none)")
def test_help_and_errors_are_left_to_typer(argv):
    assert score_call(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("_CLUSTER_ASSESS_COMPLETE", "bash_complete")
    assert score_call(["score", "example:shishi"]) is None


def test_a_declaration_it_does_not_know_is_left_to_typer():
    """Another option kind added to `score` (here a repeatable one) sends score to typer until the
    fast path learns it: it never guesses."""
    def with_multiple(profiles: list[Path] = argument(...),
                      tag: list[str] = option([], "--tag", multiple=True)) -> None:
        """A command with a repeatable option."""

    with pytest.raises(options._Decline):
        options._declarations(with_multiple)


def test_score_reads_its_options_from_scores_own_declarations():
    """Every option typer shows for `score` is one the fast path knows, by the same names."""
    known, positional, defaults = options._declarations(score)
    import typer

    app = typer.Typer(add_completion=False)
    app.command()(typer_command(score))
    command = typer.main.get_command(app)
    spelled = {name for p in command.params if p.param_type_name == "option" for name in (*p.opts, *p.secondary_opts)}
    assert set(known) == spelled - {"--help", "-h"}
    assert positional == "profiles" and set(defaults) == {p.name for p in command.params} - {"profiles"}


def test_a_plain_score_imports_neither_typer_nor_the_renderers_it_does_not_use():
    """`score --format json`, in a fresh process, cache cold and then warm: none of typer, click,
    rich, tabulate, openpyxl, python-docx, Polars or NumPy; from a warm cache, not the rubric checks."""
    code = (
        "import sys, json\n"
        "from cluster_assess.cli.main import main\n"
        "main(['score', 'example:shishi', '--format', 'json'])\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    heavy = {"typer", "click", "rich", "tabulate", "openpyxl", "docx", "polars", "numpy"}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                             check=True)
        loaded = set(json.loads(run.stderr.strip().splitlines()[-1]))
        assert "cluster_assess.engine.assess" in loaded  # scoring did happen
        assert not {m.split(".")[0] for m in loaded} & heavy, sorted({m.split(".")[0] for m in loaded} & heavy)
    assert "cluster_assess.rubric.checks" not in loaded


def test_ctrl_c_ends_as_under_typer(cli, typer_only, monkeypatch):
    """Interrupted while scoring: status 130 and the same (empty) words on either path."""
    from cluster_assess.rubric import loading

    def interrupted(ref=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(loading, "load_rubric", interrupted)
    argv = ["score", "example:shishi", "-F", "json"]
    fast = cli(*argv)
    typer_only()
    slow = cli(*argv)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err) == (130, "", "")
