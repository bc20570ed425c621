"""Rubric tooling end to end: one invalid fixture per validation rule, `rubric validate`,
`rubric list`, `extends:` overlays, generated docs that cannot drift, and the miit-2022 pack."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

from cluster_assess.errors import UserError
from cluster_assess.rubric.docs import render_rubric_docs
from cluster_assess.rubric.loading import load_rubric

MARK = re.compile(r"# expect-error$")

# rule -> the words its message must contain; one fixture tests/fixtures/invalid-rubric-<rule>.yaml each
RULES = [
    ('applies-when-text', "a model with 'applies_when' needs 'not_applicable' text"),
    ('bad-id', 'String should match pattern'),
    ('bad-severity', "Input should be 'high', 'medium' or 'low'"),
    ('chain-metric-without-chains', "a chain metric needs 'value_chains' to measure against"),
    ('compact-not-indicator', "'facts.economy.sales' is not one of the comparison's indicators"),
    ('comparison-unknown-path', "unknown fact path 'metrics.platform_count'"),
    ('condition-form', 'a condition needs exactly one of all, any, not, fact, factor, model (found fact, factor)'),
    ('condition-op', "a fact condition needs 'op'"),
    ('duplicate-id', "duplicate id 'base'"),
    ('duplicate-key', "duplicate key 'severity'"),
    ('duplicate-option', "duplicate option 'small'"),
    ('duplicate-stage', "duplicate stage 'low'"),
    ('empty-text', 'String should have at least 1 character'),
    ('extends-cycle', 'extends itself'),
    ('extends-missing-file', 'does not exist'),
    ('extends-unknown', "no rubric named 'cluster-cor'"),
    ('extends-value', "'extends' takes a built-in rubric id or a path to a .yaml file"),
    ('factor-evidence', "a factor needs a 'rating', a 'rule', or both"),
    ('fits-unknown-model', "unknown stage model 'ladderr'"),
    ('fits-unknown-stage', "model 'ladder' has no stage 'lowest'"),
    ('implication-cycle', "a cycle of implications is not allowed"),
    ('implication-unknown-stage', "model 'ladder' has no stage 'top'"),
    ('unless-unknown-fact', "unknown fact path 'facts.institutions.asociation'"),
    ('metric-form', "a metric needs exactly one of 'ratio', 'count_of' or 'trend_of'"),
    ('metric-order', "metric 'metrics.share' must be defined before it is used"),
    ('missing-key', 'this key is required'),
    ('model-order', 'which must be listed before it'),
    ('not-a-mapping', 'a rubric must be a mapping of keys'),
    ('one-stage', 'at least 2 items'),
    ('repeated-gate', "factor 'base' already gates an earlier stage"),
    ('stage-without-gates', "stage 'high' has no gates"),
    ('threshold-range', 'the most allowed here is 5'),
    ('unknown-fact-path', "unknown fact path 'facts.firms.totl'; did you mean 'facts.firms.total'?"),
    ('unknown-factor-in-condition', "unknown factor 'bsae'"),
    ('unknown-gate', "unknown factor 'bsae'"),
    ('unknown-key', "unknown key 'ratng'; did you mean 'rating'?"),
    ('unknown-model-in-condition', "unknown stage model 'ladderr'"),
    ('unknown-rating', "unknown rating 'industrial'"),
    ('unknown-recommendation', "unknown recommendation 'atc'"),
    ('unknown-stage-in-condition', "model 'ladder' has no stage 'top'"),
    ('unresolved-locator', "source '000 · 存在问题（9）' names no passage in the digest of document '000'"),
    ('yaml-syntax', 'YAML syntax error'),
]


def marked_line(path: Path) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if MARK.search(line)]
    assert len(lines) == 1, path
    return lines[0]


def test_every_invalid_fixture_has_a_rule_and_every_rule_a_fixture():
    on_disk = {p.stem.removeprefix("invalid-rubric-") for p in FIXTURES.glob("invalid-rubric-*.yaml")}
    assert on_disk == {rule for rule, _ in RULES}


@pytest.mark.parametrize(("rule", "words"), RULES)
def test_each_invalid_rubric_fails_with_its_message_at_its_line(cli, rule, words):
    path = FIXTURES / f"invalid-rubric-{rule}.yaml"
    with pytest.raises(UserError) as info:
        load_rubric(path)
    assert len(info.value.problems) == 1
    message = str(info.value)
    assert words in message
    assert f"{path}:{marked_line(path)}" in message
    run = cli("rubric", "validate", path)
    assert run.code == 2
    assert words in run.err and "Traceback" not in run.err


def test_the_minimal_fixture_is_valid_so_each_invalid_one_breaks_one_thing(cli):
    run = cli("rubric", "validate", FIXTURES / "valid-rubric-minimal.yaml")
    assert run.code == 0, run.err
    assert "ok" in run.out


def test_validate_reports_every_problem_of_every_file_at_once(cli):
    files = [FIXTURES / "invalid-rubric-unknown-key.yaml", FIXTURES / "valid-rubric-minimal.yaml",
             FIXTURES / "invalid-rubric-unknown-gate.yaml"]
    run = cli("rubric", "validate", *files)
    assert run.code == 2
    assert "2 problems" in run.err
    assert "unknown key 'ratng'" in run.err and "unknown factor 'bsae'" in run.err
    assert "valid-rubric-minimal.yaml: ok" in run.out


def test_the_built_in_packs_validate_and_are_listed(cli):
    run = cli("rubric", "validate", ROOT / "rubrics" / "cluster-core.yaml", ROOT / "rubrics" / "miit-2022.yaml")
    assert run.code == 0, run.err
    listed = cli("rubric", "list", "-F", "json").json()
    assert [p["id"] for p in listed] == ["cluster-core", "miit-2022"]
    core = listed[0]
    assert core["stage_models"] == ["agglomeration", "radiation", "lifecycle", "governance"]
    text = cli("rubric", "list", "--lang", "zh").out
    assert "中小企业特色产业集群" in text
    # the chains `extract --industry` and `init --industry` take, as the pack declares them
    assert "garment" in core["value_chains"] and "generic" in core["value_chains"]
    assert "参考产业链：" in text and ", ".join(core["value_chains"]) in text
    assert "rubric list" in cli("extract", "--help").out


# -- extends -------------------------------------------------------------------------------------

OVERLAY = """\
extends: cluster-core
id: strict-county
version: "1"
title: {zh: 本县从严的评估规则, en: our county's stricter rubric}
factors:
  - id: industrial_base
    rule:
      all:
        - {fact: facts.firms.total, op: ">=", value: 300}
        - {fact: facts.economy.sales, op: ">=", value: "10亿元"}
    fails_when: {fact: facts.firms.total, op: "<", value: 300}
    rationale:
      zh: 本县要求企业300家以上。
      en: "Our county asks for 300 firms or more."
"""


def test_an_overlay_that_overrides_one_threshold_changes_the_result(cli, tmp_path):
    pack = tmp_path / "strict.yaml"
    pack.write_text(OVERLAY, encoding="utf-8")
    glass = EXAMPLES / "xiaoguanzhuang-glass.yaml"
    before = cli("score", glass, "-F", "json").json()
    after = cli("score", glass, "-F", "json", "--rubric", pack).json()
    assert after["rubric"]["id"] == "strict-county"
    assert before["factors"]["industrial_base"]["status"] == "met"  # 200+ firms, 2B+ CNY
    # 200多家 is at least 200 and under 300: known short of 300 (no rating given)
    assert after["factors"]["industrial_base"]["status"] == "not_met"
    assert "300" in after["factors"]["industrial_base"]["rule"]
    # everything it did not touch is the base pack's
    assert after["stages"].keys() == before["stages"].keys()
    assert after["factors"]["market_norms"] == before["factors"]["market_norms"]


def test_an_overlay_adds_items_and_deep_merges_nested_ones(tmp_path):
    pack = tmp_path / "more.yaml"
    pack.write_text(OVERLAY + """\
stage_models:
  - id: agglomeration
    stages:
      - id: cluster
        name: {zh: 产业集群, en: industrial cluster}
recommendations:
  - id: county_talent_fund
    title: {zh: 县人才基金, en: a county talent fund}
    text: {zh: 设立人才基金吸引设计师。, en: Set up a talent fund to attract designers.}
    source: "003 · 第一篇 · 建议（4）"
    fits: {agglomeration: [cluster]}
""", encoding="utf-8")
    rubric = load_rubric(pack)
    stage = rubric.model("agglomeration").stages[2]
    assert stage.name.en == "industrial cluster"
    assert stage.gates == load_rubric().model("agglomeration").stages[2].gates  # kept from the base
    assert rubric.recommendations[-1].id == "county_talent_fund"
    assert len(rubric.factors) == len(load_rubric().factors)


def test_errors_in_an_overlay_point_to_the_overlay_file_and_line(tmp_path):
    sub = tmp_path / "packs"
    sub.mkdir()
    base = sub / "base.yaml"
    base.write_text((FIXTURES / "valid-rubric-minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    pack = sub / "overlay.yaml"
    pack.write_text("extends: base.yaml\nfactors:\n  - id: base\n    treshold: 4\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_rubric(pack)
    assert f"{pack}:4:5" in str(info.value)
    assert "did you mean 'threshold'" in str(info.value)
    # an error that sits in the base is reported in the base file
    base.write_text(base.read_text(encoding="utf-8").replace("rating: industrial_base", "rating: industrial"),
                    encoding="utf-8")
    pack.write_text("extends: base.yaml\nid: mine\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_rubric(pack)
    assert f"{base}:16:5" in str(info.value)


# -- generated docs ------------------------------------------------------------------------------

DOCS = [("cluster-core", "en", "rubric.md"), ("cluster-core", "zh", "rubric.zh.md"),
        ("miit-2022", "en", "rubric-miit-2022.md"), ("miit-2022", "zh", "rubric-miit-2022.zh.md")]


@pytest.mark.parametrize(("pack", "lang", "name"), DOCS)
def test_committed_rubric_docs_match_the_yaml(pack, lang, name):
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    fresh = render_rubric_docs(load_rubric(pack), lang)
    flag = "" if pack == "cluster-core" else f" -r {pack}"
    assert committed == fresh, (
        f"docs/{name} is out of date with rubrics/{pack}.yaml; regenerate it with: "
        f"cluster-assess rubric docs{flag} --lang {lang} -o docs/{name} --force")


def test_docs_command_writes_a_file_and_refuses_to_overwrite(cli, tmp_path):
    out = tmp_path / "rubric.md"
    assert cli("rubric", "docs", "-o", out).code == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / "rubric.md").read_text(encoding="utf-8")
    again = cli("rubric", "docs", "-o", out)
    assert again.code == 2 and "--force" in again.err


# -- the second pack -----------------------------------------------------------------------------


def test_miit_pack_runs_on_the_examples(cli):
    for example in ("shishi.yaml", "xiaoguanzhuang-glass.yaml"):
        run = cli("score", EXAMPLES / example, "--rubric", "miit-2022", "-F", "json")
        assert run.code == 0, run.err
        result = run.json()["stages"]["miit_recognition"]
        # the sources give none of the scheme's figures: too little to judge, said plainly
        assert result["stage"] == "undetermined"
        assert len(result["gaps"]) == 6


READY = """\
name: 某县特色产业集群
facts:
  economy:
    main_industry_output: 52亿元
    main_industry_output_prev1: 46亿元
    main_industry_output_prev2: 41亿元
    main_industry_share: 78%
    sme_output_share: 83%
    growth_rate: 12%
  parks: {area_km2: 60}
  institutions: {major_accident_3y: false}
"""


def test_miit_gates_decide_readiness_and_name_the_failing_gate(cli, tmp_path):
    ready = tmp_path / "ready.yaml"
    ready.write_text(READY, encoding="utf-8")
    data = cli("score", ready, "-r", "miit-2022", "-F", "json").json()
    assert data["stages"]["miit_recognition"]["stage"] == "meets_gates"
    assert data["problems"] == []
    short = tmp_path / "short.yaml"
    short.write_text(READY.replace("41亿元", "38亿元"), encoding="utf-8")
    data = cli("score", short, "-r", "miit-2022", "-F", "json").json()
    assert data["stages"]["miit_recognition"]["stage"] == "not_ready"
    assert [p["id"] for p in data["problems"]] == ["main_industry_too_small"]
    assert data["recommendations"][0]["id"] == "grow_main_industry"
    # a user's pack that lowers the one gate changes the verdict
    pack = tmp_path / "county.yaml"
    pack.write_text("""\
extends: miit-2022
id: miit-2022-central
factors:
  - id: main_industry_scale
    rule:
      all:
        - {fact: facts.economy.main_industry_output, op: ">=", value: "30亿元"}
        - {fact: facts.economy.main_industry_output_prev1, op: ">=", value: "30亿元"}
        - {fact: facts.economy.main_industry_output_prev2, op: ">=", value: "30亿元"}
""", encoding="utf-8")
    data = cli("score", short, "-r", pack, "-F", "json").json()
    assert data["stages"]["miit_recognition"]["stage"] == "meets_gates"
