"""Help and usage errors speak the command's language: under `--lang zh` (or CLUSTER_ASSESS_LANG=zh)
`--help` is Chinese, and a mistyped command line is answered in Chinese with exit status 2."""

from __future__ import annotations

import re
import unicodedata

import pytest
import typer.main

from cluster_assess.cli.help_zh import HELP_ZH

SENTENCE = re.compile(r"[A-Za-z]{3,}( [A-Za-z]{2,}){3,}")
COMMANDS = [("score",), ("compare",), ("report",), ("rank",), ("init",), ("extract",), ("explain",),
            ("validate",), ("examples",), ("rubric", "list"), ("rubric", "validate"), ("rubric", "docs"),
            ("indicators", "regions"), ("indicators", "firms")]
GROUPS = [(), ("rubric",), ("indicators",)]  # they take no --lang: the environment decides


def _english_texts() -> set[str]:
    from cluster_assess.cli.main import app

    found: set[str] = set()

    def walk(command) -> None:
        found.update(t for t in [command.help, *(getattr(p, "help", None) for p in command.params)] if t)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return found


def test_every_help_text_has_its_chinese_and_no_chinese_is_left_without_its_english():
    english = _english_texts()
    assert sorted(english - set(HELP_ZH)) == []  # a new or changed help text needs its Chinese
    if "Example to print (e.g. shishi)." not in english:
        pytest.skip("this typer keeps no help for arguments (older typer): the check both ways needs it")
    assert sorted(set(HELP_ZH) - english) == []  # a Chinese entry whose English has gone


@pytest.mark.parametrize("command", COMMANDS + GROUPS, ids=lambda c: " ".join(c) or "(root)")
def test_help_is_chinese_under_lang_zh(cli, monkeypatch, command):
    if command in GROUPS:
        monkeypatch.setenv("CLUSTER_ASSESS_LANG", "zh")
        run = cli(*command, "--help")
    else:
        run = cli(*command, "--help", "--lang", "zh")
    assert run.code == 0, run.err
    assert "用法：" in run.out and "选项：" in run.out and "显示本帮助后退出。" in run.out
    sentences = [line for line in run.out.splitlines() if SENTENCE.search(line) and "cluster-assess" not in line]
    assert sentences == [], sentences
    # wrapped by display columns (a Chinese character takes two), so it fits an 80-column terminal
    wide = [line for line in run.out.splitlines() if columns(line) > 80 and " " in line.strip()]
    assert wide == [], wide


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_the_environment_asks_for_chinese_help_too(cli, monkeypatch):
    monkeypatch.setenv("CLUSTER_ASSESS_LANG", "zh")
    run = cli("--help")
    assert run.code == 0 and "告诉产业集群的管理者" in run.out and "命令：" in run.out
    assert "评估集群档案" in cli("score", "-h").out


def test_english_help_stays_english(cli):
    run = cli("score", "--help", "--lang", "en")
    assert "Usage: cluster-assess score [OPTIONS]" in run.out and "Assess cluster profiles" in run.out
    assert "[default: text]" in run.out and "用法" not in run.out


@pytest.mark.parametrize(("args", "said"), [
    (("score", "example:shishi", "--foo"), "错误：没有选项 --foo（可能是：--force、--format）"),
    (("score", "example:shishi", "-F", "xml"), "错误：'--format' / '-F' 的值无效：可选 text、json、jsonl、markdown"),
    (("score", "example:shishi", "--jobs", "x"), "'--jobs' / '-j' 的值无效：应为不小于 1 的整数"),
    (("score",), "错误：缺少参数 'profiles'"),  # click names it PROFILES in older versions
    (("scor",), "错误：没有命令 'scor'；是否应为 'score'？"),
    (("score", "example:shishi", "-o"), "错误：选项 '-o' 需要一个值"),
])
def test_a_usage_error_is_said_in_chinese_with_status_2(cli, monkeypatch, args, said):
    if args[0] == "scor":  # the root takes no --lang: the environment decides
        monkeypatch.setenv("CLUSTER_ASSESS_LANG", "zh")
        run = cli(*args)
    else:
        run = cli(args[0], "--lang", "zh", *args[1:])
    assert run.code == 2, run.err
    assert said.lower() in run.err.lower(), run.err
    assert "Usage:" not in run.err and "Error:" not in run.err


def test_a_usage_error_in_english_is_clicks_own(cli):
    run = cli("score", "example:shishi", "--foo", "--lang", "en")
    assert run.code == 2
    assert "Usage: cluster-assess score [OPTIONS]" in run.err and "Error: No such option" in run.err
    assert "--foo" in run.err and "用法" not in run.err
