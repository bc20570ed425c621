"""Conventional CLI behaviour: version, help, output files, exit codes."""

from __future__ import annotations

from conftest import EXAMPLES

from cluster_assess import __version__


def test_version(cli):
    run = cli("--version")
    assert run.code == 0
    assert __version__ in run.out


def test_help_lists_commands_with_examples(cli):
    run = cli("--help")
    assert run.code == 0
    assert "score" in run.out
    assert "cluster-assess score examples/shishi.yaml" in run.out


def test_output_file_is_written_and_never_overwritten_without_force(cli, tmp_path):
    target = tmp_path / "out.json"
    assert cli("score", EXAMPLES / "shishi.yaml", "-F", "json", "-o", target).code == 0
    first = target.read_text(encoding="utf-8")
    assert '"schema_version"' in first
    target.write_text("keep me", encoding="utf-8")
    run = cli("score", EXAMPLES / "shishi.yaml", "-F", "json", "-o", target)
    assert run.code == 2
    assert "--force" in run.err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert cli("score", EXAMPLES / "shishi.yaml", "-F", "json", "-o", target, "--force").code == 0
    assert target.read_text(encoding="utf-8") == first


def test_usage_errors_exit_2(cli):
    assert cli("score", EXAMPLES / "shishi.yaml", "--format", "pdf").code == 2
    assert cli("score").code == 2
    assert cli("no-such-command").code == 2


def test_unknown_rubric_is_a_user_error(cli):
    run = cli("score", EXAMPLES / "shishi.yaml", "--rubric", "nope")
    assert run.code == 2
    assert "cluster-core" in run.err
    assert "Traceback" not in run.err


def test_text_written_to_a_file_is_plain(cli, tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    assert cli("score", EXAMPLES / "shishi.yaml", "-o", target).code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "cluster" in text


def test_every_command_is_documented_in_the_readme_and_has_help(cli):
    """As sqlite-utils does: a command nobody can find in the README does not exist for users."""
    import re
    from pathlib import Path

    from cluster_assess.cli.main import typer_app

    app = typer_app()

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    assert {"score", "compare", "report", "init", "validate", "explain", "rubric", "indicators"} <= set(names)
    for name in names:
        assert re.search(rf"cluster-assess {name}\b", readme), f"`{name}` is not in the README"
        run = cli(name, "--help")
        assert run.code == 0 and "Usage" in run.out, name
