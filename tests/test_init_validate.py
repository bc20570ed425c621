"""`init` writes a template an official can fill in by hand; `validate` checks files and folders."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.loading import load_rubric


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_template_as_written_is_a_valid_empty_profile(cli, tmp_path, lang):
    path = tmp_path / "town.yaml"
    run = cli("init", "--lang", lang, "-o", path)
    assert run.code == 0, run.err
    assert "validate" in run.err
    check = cli("validate", path)
    assert check.code == 0, check.out
    assert "no errors" in check.err


def test_the_template_lists_every_field_with_meaning_unit_and_source(cli):
    text = cli("init", "--lang", "en").out
    lines = text.splitlines()
    for path, spec in field_specs().items():
        leaf = path.rsplit(".", 1)[-1]
        described = next(
            lines[j] for i, line in enumerate(lines) if line.strip() == f"# {leaf}:"
            for j in range(i - 1, max(i - 16, 0), -1) if lines[j].strip().startswith(f"# {spec.en} · ")  # past the chains listed
        )
        assert spec.why in described, path
        if spec.unit:
            assert spec.unit in described, path
    assert all(not line or line.lstrip().startswith("#") or re.match(r"^ *[a-z_0-9]+:( |$)", line) for line in lines)


def test_the_chinese_template_speaks_chinese(cli):
    text = cli("init", "--lang", "zh").out
    assert "企业总数" in text
    assert "单位: 家" in text
    assert "比重" in text


def test_uncommenting_and_filling_a_few_fields_gives_a_scored_profile(cli, tmp_path):
    path = tmp_path / "town.yaml"
    assert cli("init", "--industry", "glass_crafts", "-o", path).code == 0
    text = path.read_text(encoding="utf-8")
    fills = {
        "total": "200多家", "above_scale": "２０家", "sales": "产销规模20多亿元", "export_share": "30%",
        "exports_direct": "2000万美元以上", "homogeneous_competition": "是", "segments": "[rod_tube, forming]",
        "market_norms": "{score: 1, evidence: 恶性竞争}", "policy_environment": "3",
    }
    for key, value in fills.items():
        text, count = re.subn(rf"^( *)# {key}:$", rf"\1{key}: {value}", text, count=1, flags=re.M)
        assert count == 1, key
    text = text.replace("name:    #", "name: 小官庄镇玻璃工艺制品产业集群    #", 1)
    path.write_text(text, encoding="utf-8")
    assert cli("validate", path).code == 0
    run = cli("score", path, "-F", "json")
    assert run.code == 0, run.err
    data = run.json()
    facts = {f["path"]: f for f in data["facts"]}
    assert facts["facts.economy.sales"]["value"] == 2_000_000_000
    assert facts["facts.economy.sales"]["approx"] == "over"
    assert facts["facts.firms.above_scale"]["value"] == 20
    assert data["chain"]["chain"] == "glass_crafts"
    assert data["profile"]["name"] == "小官庄镇玻璃工艺制品产业集群"


def test_industry_fills_the_industry_and_lists_its_segments(cli):
    rubric = load_rubric()
    for chain in rubric.value_chains:
        text = cli("init", "--industry", chain.id).out
        industry_line = next(line for line in text.splitlines() if line.startswith("industry:"))
        assert f"({chain.id})" in industry_line
        assert ", ".join(s.id for s in chain.segments) in text
        others = [c for c in rubric.value_chains if c.id != chain.id]
        assert all(f"{c.id} (" not in text for c in others)


def test_industry_picks_the_chain_it_names(cli, tmp_path):
    for chain in load_rubric().value_chains:
        path = tmp_path / f"{chain.id}.yaml"
        assert cli("init", "--industry", chain.id, "-o", path).code == 0
        text = path.read_text(encoding="utf-8").replace(
            "# segments:", f"segments: [{chain.segments[0].id}]", 1)
        path.write_text(text, encoding="utf-8")
        assert cli("score", path, "-F", "json").json()["chain"]["chain"] == chain.id


def test_unknown_industry_is_refused_with_a_suggestion(cli):
    run = cli("init", "--industry", "glass_craft")
    assert run.code == 2
    assert "did you mean 'glass_crafts'" in run.err


def test_init_never_overwrites_without_force(cli, tmp_path):
    path = tmp_path / "town.yaml"
    path.write_text("name: 我的数据\n", encoding="utf-8")
    run = cli("init", "-o", path)
    assert run.code == 2
    assert "--force" in run.err
    assert path.read_text(encoding="utf-8") == "name: 我的数据\n"
    assert cli("init", "-o", path, "--force").code == 0
    assert "cluster-assess" in path.read_text(encoding="utf-8")


def test_validate_passes_the_examples_and_accepts_folders(cli):
    run = cli("validate", EXAMPLES)
    assert run.code == 0, run.out
    assert run.out == ""
    assert "no errors" in run.err


def test_validate_reports_warnings_without_failing(cli, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("name: x\nfacts:\n  firms:\n    total: 10\n    exporters: 20\n", encoding="utf-8")
    run = cli("validate", path)
    assert run.code == 0
    assert run.out.startswith(f"warning: {path}:5:5: facts.firms.exporters: ")


def test_validate_checks_every_file_even_after_a_bad_one(cli, tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text("name: [\n", encoding="utf-8")
    good = EXAMPLES / "shishi.yaml"
    missing = tmp_path / "missing.yaml"
    run = cli("validate", bad, good, missing)
    assert run.code == 2
    assert f"{bad}:" in run.out
    assert f"{missing}: no such file" in run.out
    assert str(good) not in run.out
    assert "2 error(s) in 2 profile(s)" in run.err


def test_validate_an_empty_folder(cli, tmp_path):
    run = cli("validate", tmp_path)
    assert run.code == 2
    assert "the folder holds no profiles" in run.err


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ("total: 10\n    medium_large: 5\n    above_scale: 3", "facts.firms.medium_large", "above-scale"),
        ("total: 10\n  parks:\n    firms_in_parks: 30", "facts.parks.firms_in_parks", "firms in the parks"),
        ("total: 10\n  economy:\n    sales: 1亿元\n    profit: 2亿元", "facts.economy.profit", "exceed sales"),
        ("total: 10\n  economy:\n    sales: 10亿元\n    exports_direct: 1亿元\n    export_share: 60%",
         "facts.economy.export_share", "exports and sales give 10%"),
        ("total: 100\n    above_scale: 50\n  economy:\n    above_scale_output_share: 20%",
         "facts.economy.above_scale_output_share", "50% of all firms"),
    ],
)
def test_consistency_warnings(cli, tmp_path, text, path, words):
    file = tmp_path / "p.yaml"
    file.write_text(f"name: x\nfacts:\n  firms:\n    {text}\n", encoding="utf-8")
    run = cli("validate", file)
    assert run.code == 0, run.out
    assert any(line.startswith("warning: ") and f": {path}: " in line and words in line
               for line in run.out.splitlines()), run.out


def test_usd_exports_are_not_compared_with_cny_sales(cli, tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("name: x\nfacts:\n  economy:\n    sales: 1亿元\n    exports_direct: 2亿美元\n", encoding="utf-8")
    run = cli("validate", file)
    assert run.code == 0
    assert "warning" not in run.out
