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


def test_messages_are_said_in_the_language_asked_and_pickle_with_their_key():
    import pickle

    from cluster_assess.i18n import msg, say

    message = msg("fact_flag", value="是的")
    assert message == "expected true or false (是/否), got '是的'"  # a str: English by default
    assert say(message, "zh") == "此处应填 是/否（true/false），填的是 '是的'"
    assert say(pickle.loads(pickle.dumps(message)), "zh") == say(message, "zh")
    nested = msg("expected_here", want=msg("want_int"), got=msg("type_text", value="去年"))
    assert say(nested, "zh") == "此处应为整数，而不是文字 '去年'"


def test_every_message_key_has_both_languages_and_the_same_placeholders():
    import string

    from cluster_assess.i18n import CATALOGUE

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, text in CATALOGUE.items():
        assert set(text) == {"zh", "en"}, key
        assert fields(text["zh"]) == fields(text["en"]), key


def test_explain_finds_items_by_chinese_name_and_speaks_chinese(cli):
    by_name = cli("explain", "市场规范", "--lang", "zh")
    assert by_name.code == 0
    assert cli("explain", "market_norms", "--lang", "zh").out in by_name.out  # the factor (and its rating)
    assert "作为门槛的阶段" in by_name.out and "gates:" not in by_name.out
    fact = cli("explain", "企业总数", "--lang", "zh").out
    assert "单位: 家" in fact and "方向: 无高低之分" in fact and "单位: firms" not in fact
    assert "优先级: 高" in cli("explain", "industry_association", "--lang", "zh").out
    assert cli("explain", "market norms", "--lang", "en").code == 0
    missing = cli("explain", "市场规", "--lang", "zh")
    assert missing.code == 2 and "是否应为 '市场规范'" in missing.err


def test_a_sheet_may_name_fields_by_their_chinese_labels(cli, tmp_path):
    sheet = tmp_path / "towns.csv"
    sheet.write_text("名称,企业总数,企业总数.出处,规模以上企业数\n甲镇,200多家,调研报告,300\n", encoding="utf-8")
    run = cli("validate", sheet, "--lang", "zh")
    assert run.code == 2
    assert "规模以上企业（300家）多于企业总数（200家）" in run.out  # the labels were read as fields
    sheet.write_text("名称,企业总\n甲镇,200\n", encoding="utf-8")
    run = cli("validate", sheet, "--lang", "zh")
    assert "未知的列 '企业总'；是否应为 '企业总数 (facts.firms.total)'？" in run.out


def test_the_english_edition_says_amounts_in_english_with_their_precision(cli):
    from cluster_assess.display import amount_en

    assert amount_en("count", 200, "over", 200, 300, None, "firms") == "200+ firms"
    assert amount_en("money", 2e9, "over", 2e9, 3e9, "CNY", "CNY") == "CNY 2+ bn"
    assert amount_en("money", 2e7, "over", 2e7, None, "USD", "USD") == "USD 20+ m"
    assert amount_en("count", 3000, "nearly", 2700, 3000, None, "firms") == "nearly 3,000 firms"
    assert amount_en("count", 200, "vague", 200, 1000, None, "firms") == "200–1,000 firms"
    assert amount_en("money", 2.5e9, "about", 2.25e9, 2.75e9, "CNY", "CNY") == "about CNY 2.5 bn"
    en = cli("score", EXAMPLES / "xiaoguanzhuang-glass.yaml", "--detail", "--lang", "en").out
    assert "CNY 2+ bn" in en and "200+ firms" in en and "20多亿元" not in en
    zh = cli("score", EXAMPLES / "xiaoguanzhuang-glass.yaml", "--detail", "--lang", "zh").out
    assert "20多亿元" in zh and "CNY 2+ bn" not in zh


def test_evidence_is_shown_as_written_with_its_english_alongside(cli):
    data = cli("score", EXAMPLES / "xiaoguanzhuang-glass.yaml", "-F", "json").json()
    rating = next(f for f in data["facts"] if f["path"] == "ratings.market_norms")
    assert rating["evidence"] == "报告指出存在恶性竞争，缺乏行业引导。"
    assert rating["evidence_en"] == "The report finds vicious competition and no industry guidance."
    zh = cli("score", EXAMPLES / "shishi.yaml", "-F", "markdown", "--lang", "zh").out
    assert "市里正投资建设45万平方米的服装城" in zh and "Assessor's judgement" not in zh
    en = cli("score", EXAMPLES / "shishi.yaml", "-F", "markdown", "--lang", "en").out
    assert "The city is investing in a 450,000 m² garment city" in en and "市里正投资" not in en
