"""`cluster-assess explain ID`: every item of the rubric can be looked up, with its rule in words,
thresholds, rationale, source locator and the digest passage, in either language."""

from __future__ import annotations

import pytest

from cluster_assess.rubric.loading import load_rubric

# SOURCES.md, "Dimensions a faithful rubric covers": each reachable by an id
DIMENSIONS = [
    "agglomeration", "radiation", "lifecycle", "governance", "cluster_type", "origin", "leading_firm_weight",
    "geographic_concentration", "embeddedness", "flexible_specialisation", "cooperative_networks",
    "cluster_innovativeness", "self_organisation",
    "unbalanced_development", "low_tech_content", "small_scale_low_level", "incomplete_chain",
    "learning_and_innovation", "tech_brand_leaders", "complete_chain",
]


@pytest.mark.parametrize("ident", DIMENSIONS)
def test_every_dimension_of_the_sources_is_explained(cli, ident):
    data = cli("explain", ident, "-F", "json").json()
    assert data["rubric"] == "cluster-core"
    for item in data["items"]:
        assert item["name"] and item["rule"] and item["source"]
        assert item["passages"] and item["passages"][0]["text"]


def test_every_item_of_both_packs_explains_with_its_passage():
    from cluster_assess.display import in_language
    from cluster_assess.rubric.explain import find

    for pack in ("cluster-core", "miit-2022"):
        rubric = load_rubric(pack)
        for _, item in rubric.all_items():
            for found in in_language(find(rubric, item.id), "en"):
                assert found["source"], item.id
                assert found["passages"], (item.id, found["source"])


def test_a_factor_shows_rule_thresholds_rationale_and_passage(cli):
    run = cli("explain", "supporting_chain")
    assert run.code == 0
    assert "Rule: assessor rating 'industrial supporting chain' at least 3/5; or value-chain completeness at least 0.6" in run.out
    assert "60% is a default an assessor may change" in run.out
    assert "Source: 003 · 第二篇 · 一（三）" in run.out
    assert "industrial supporting chain (产业配套)" in run.out  # the digest passage, in English
    zh = cli("explain", "supporting_chain", "--lang", "zh")
    assert "规则: 评估员评分“产业配套”不低于3/5" in zh.out
    assert "除前两阶段的要素外，还需四个要素" in zh.out


def test_a_shared_id_shows_every_item_and_model_stage_picks_one(cli):
    both = cli("explain", "agglomeration", "-F", "json").json()["items"]
    assert [i["kind"] for i in both] == ["stage_model", "stage"]
    one = cli("explain", "agglomeration:cluster", "-F", "json").json()["items"]
    assert len(one) == 1 and one[0]["kind"] == "stage"
    assert one[0]["links"]["gates"] == ["cultural_environment", "cluster_distinctiveness", "supporting_chain",
                                        "innovative_entrepreneurs"]


def test_problem_and_recommendation_show_their_links(cli):
    problem = cli("explain", "vicious_competition", "-F", "json").json()["items"][0]
    assert problem["severity"] == "high"
    assert "industry_association" in problem["links"]["recommendations"]
    rec = cli("explain", "industry_association", "-F", "json").json()["items"][0]
    assert "vicious_competition" in rec["links"]["answers"]
    assert "governance:spontaneous" in rec["links"]["fits"]
    assert rec["passages"][0]["locator"] == "003 · 第四篇 · 六（三）"


def test_facts_and_the_other_pack_can_be_explained(cli):
    fact = cli("explain", "facts.firms.family_managed_share", "-F", "json").json()["items"][0]
    assert fact["source"] == "003 · 第五篇 · 4 · 二是"
    gate = cli("explain", "main_industry_scale", "--rubric", "miit-2022").out
    assert "check it against the current notice" in gate
    assert "40亿元" in gate


def test_an_unknown_id_is_bad_input_with_a_suggestion(cli):
    run = cli("explain", "market_norm")
    assert run.code == 2
    assert "did you mean 'market_norms'" in run.err
