"""assess() as a library, with tiny rubrics: each step of the judgement alone.

values (intervals) · factors (the rating decides; conflicts) · stages (ranges, history models,
applicability, implications both ways) · ranking (unless, conditional advice, order) · wording of
every stage state in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from cluster_assess.engine import assess
from cluster_assess.engine.values import Interval
from cluster_assess.profile.schema import Profile
from cluster_assess.rubric.model import Rubric

SRC = "003 · 第二篇 · 一"


def text(en: str, zh: str | None = None) -> dict[str, str]:
    return {"zh": zh or en, "en": en}


def factor(fid: str, rule: dict[str, Any] | None = None, rating: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": fid, "name": text(fid), "source": SRC, **extra}
    if rule is not None:
        out["rule"] = rule
    if rating is not None:
        out["rating"] = rating
    return out


def stage(sid: str, gates: list[str] | None = None) -> dict[str, Any]:
    return {"id": sid, "name": text(sid, f"{sid}期"), "description": text(sid), "source": SRC, "gates": gates or []}


FIRMS_100 = {"fact": "facts.firms.total", "op": ">=", "value": 100}
ASSOCIATION = {"fact": "facts.institutions.industry_association", "op": "==", "value": True}
NO_PRICE_WAR = {"fact": "facts.firms.price_competition", "op": "==", "value": False}


def rubric(**extra: Any) -> Rubric:
    data: dict[str, Any] = {
        "id": "tiny", "version": "1", "title": text("tiny"),
        "factors": [
            factor("base", FIRMS_100),
            factor("norms", ASSOCIATION, rating="market_norms", recommendations=["associate"]),
            factor("calm", NO_PRICE_WAR, recommendations=["brand"]),
        ],
        "stage_models": [{"id": "ladder", "name": text("ladder"), "source": SRC, "stages": [
            stage("low"), stage("mid", ["base"]), stage("top", ["norms", "calm"])]}],
        "recommendations": [
            {"id": "associate", "title": text("associate"), "text": text("set up an association"), "source": SRC,
             "unless": ASSOCIATION},
            {"id": "brand", "title": text("brand"), "text": text("build brands"), "source": SRC},
        ],
    }
    data.update(extra)
    return Rubric.model_validate(data)


def profile(facts: dict[str, Any] | None = None, ratings: dict[str, Any] | None = None) -> Profile:
    return Profile.model_validate({"name": "t", "facts": facts or {}, "ratings": ratings or {}})


def bounds(result: Any, model: str = "ladder") -> tuple[str, str]:
    stage_result = result.stages[model]
    return stage_result.at_least, stage_result.at_most


# -- values -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "op", "threshold", "expected"), [
    ("200多家", ">=", 100, True), ("200多家", ">=", 250, None), ("200多家", ">=", 300, False),
    ("近3000家", ">=", 3000, False), ("约25亿元", ">=", 20e8, True), ("不足20亿元", ">=", 20e8, False),
    ("数百家", ">=", 100, True), ("数百家", ">=", 500, None),
])
def test_a_written_amount_answers_a_rule_as_its_interval_allows(written, op, threshold, expected):
    tiny = rubric(factors=[factor("big", {"fact": "facts.economy.sales" if "元" in written else "facts.firms.total",
                                          "op": op, "value": threshold})], stage_models=[], recommendations=[])
    group = "economy" if "元" in written else "firms"
    key = "sales" if "元" in written else "total"
    status = assess(profile({group: {key: written}}), tiny).factors["big"].status
    assert status == {True: "met", False: "not_met", None: "unknown"}[expected]


def test_interval_comparisons_respect_open_ends():
    under_300 = Interval(200, 300, hi_open=True)
    assert under_300.compare(">=", 300) is False and under_300.compare("<", 300) is True
    assert under_300.compare(">=", 200) is True and under_300.compare("==", 250) is None


# -- factors ----------------------------------------------------------------------------------

def test_a_low_rating_decides_even_when_the_rule_cannot_be_evaluated():
    result = assess(profile(ratings={"market_norms": 0}), rubric())
    assert result.factors["norms"].status == "not_met"
    assert not result.conflicts


def test_a_rating_that_the_facts_contradict_stands_and_is_reported():
    result = assess(profile({"institutions": {"industry_association": False}}, {"market_norms": 4}), rubric())
    assert result.factors["norms"].status == "met"
    [conflict] = result.conflicts
    assert conflict.factor == "norms" and conflict.rated_met
    assert "industry association" in conflict.text.en and "以评分为准" in conflict.text.zh


def test_without_a_rating_the_rule_decides():
    result = assess(profile({"institutions": {"industry_association": True}}), rubric())
    assert result.factors["norms"].status == "met" and not result.conflicts


# -- stages -----------------------------------------------------------------------------------

def test_nothing_known_is_undetermined_across_the_whole_ladder():
    result = assess(profile(), rubric())
    assert bounds(result) == ("low", "top")
    assert result.stages["ladder"].stage == "undetermined"
    assert result.stages["ladder"].summary.en == "undetermined (anywhere from low to top)"


def test_a_gate_known_met_raises_the_floor_and_one_known_unmet_caps_the_ceiling():
    result = assess(profile({"firms": {"total": 150, "price_competition": True}}), rubric())
    assert bounds(result) == ("mid", "mid")
    assert result.stages["ladder"].stage == "mid"
    capped = assess(profile({"firms": {"price_competition": True}}), rubric())
    assert bounds(capped) == ("low", "mid")
    assert capped.stages["ladder"].summary.zh == "至少low期（可能已达mid期）"
    assert capped.stages["ladder"].deciding == ["facts.firms.total"]


def test_a_history_model_lets_a_later_stage_establish_the_earlier_ones():
    facts = {"firms": {"price_competition": False}, "institutions": {"industry_association": True}}
    cumulative = assess(profile(facts), rubric())
    assert bounds(cumulative) == ("low", "top")  # 'base' unknown: the cumulative climb stops
    history = rubric(stage_models=[{"id": "ladder", "name": text("ladder"), "source": SRC, "history": True,
                                    "stages": [stage("low"), stage("mid", ["base"]), stage("top", ["norms", "calm"])]}])
    assert bounds(assess(profile(facts), history)) == ("top", "top")


def test_a_model_that_applies_only_from_a_stage_of_another_is_not_applicable_below_it():
    second = {"id": "second", "name": text("second"), "source": SRC, "not_applicable": text("only once at top"),
              "applies_when": {"model": "ladder", "at_least": "top"},
              "stages": [stage("first"), stage("next", ["base"])]}
    tiny = rubric(stage_models=[rubric().stage_models[0].model_dump(by_alias=True), second])
    ruled_out = assess(profile({"firms": {"price_competition": True}}), tiny)
    assert bounds(ruled_out, "second") == ("not_applicable", "not_applicable")
    open_question = assess(profile(), tiny)
    assert bounds(open_question, "second") == ("not_applicable", "next")
    assert open_question.stages["second"].summary.en.startswith("not yet known whether it applies")


def test_implications_move_both_bounds_and_are_shown_as_evidence():
    implication = {"id": "mid_means_calm", "if": {"model": "ladder", "at_least": "mid"}, "then": {"factor": "calm"},
                   "source": SRC, "why": text("a cluster past the start competes on more than price")}
    tiny = rubric(implications=[implication])
    result = assess(profile({"firms": {"total": 150}}), tiny)
    assert result.factors["calm"].status == "met"  # the conclusion, where the factor's own evidence is silent
    backwards = assess(profile({"firms": {"price_competition": True}}), tiny)
    assert bounds(backwards) == ("low", "low")  # not calm, so not mid either (the contrapositive)
    assert [i.id for i in backwards.stages["ladder"].implied] == ["mid_means_calm"]


# -- ranking ----------------------------------------------------------------------------------

def test_advice_is_never_offered_for_what_the_profile_says_exists():
    result = assess(profile({"firms": {"total": 150}, "institutions": {"industry_association": True}}), rubric())
    assert "associate" not in {r.id for r in result.recommendations}


def test_advice_for_a_gap_known_unmet_is_firm_and_for_an_unknown_one_conditional():
    result = assess(profile({"firms": {"total": 150, "price_competition": True}}), rubric())
    recs = {r.id: r for r in result.recommendations}
    assert not recs["brand"].conditional  # calm is known unmet
    assert recs["associate"].conditional  # norms unknown, and nobody said the association is missing
    assert "if 'norms' is not yet in place" in recs["associate"].condition.en
    assert [r.id for r in result.recommendations] == ["brand", "associate"]  # firm before conditional


@pytest.mark.parametrize(("energy", "offered", "conditional"), [
    (None, True, True),  # the facts do not say: offered, on its presumption
    (False, True, False),  # energy-saving technology known absent: the presumption holds
    (True, False, None),  # known in use: never offered
])
def test_advice_that_presumes_a_fact_is_offered_only_where_it_may_hold(energy, offered, conditional):
    presumes = {"fact": "facts.parks.energy_saving", "op": "==", "value": False}
    data = rubric()
    pack = rubric(recommendations=[
        *[r.model_dump(exclude_none=True) for r in data.recommendations if r.id != "brand"],
        {"id": "brand", "title": text("brand"), "text": text("build brands"), "source": SRC, "when": presumes},
    ])
    facts: dict[str, Any] = {"firms": {"total": 150, "price_competition": True}}
    if energy is not None:
        facts["parks"] = {"energy_saving": energy}
    recs = {r.id: r for r in assess(profile(facts), pack).recommendations}
    assert ("brand" in recs) is offered
    if offered:
        assert recs["brand"].conditional is conditional
    if conditional:
        assert recs["brand"].condition.en.startswith("if energy-saving technology in use is no"), recs["brand"].condition


# -- wording ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("facts", "zh", "en"), [
    ({}, "无法判断（low期至top期均有可能）", "undetermined (anywhere from low to top)"),
    ({"firms": {"total": 150, "price_competition": True}}, "mid期", "mid"),
    ({"firms": {"price_competition": True}}, "至少low期（可能已达mid期）", "at least low (possibly mid)"),
    ({"firms": {"total": 10}}, "low期", "low"),
])
def test_every_stage_state_reads_in_both_languages(facts, zh, en):
    summary = assess(profile(facts), rubric()).stages["ladder"].summary
    assert (summary.zh, summary.en) == (zh, en)


def test_a_range_between_two_inner_stages_reads_as_between():
    four = rubric(factors=[factor("a", FIRMS_100), factor("b", ASSOCIATION), factor("c", NO_PRICE_WAR)],
                  stage_models=[{"id": "ladder", "name": text("ladder"), "source": SRC, "stages": [
                      stage("s0"), stage("s1", ["a"]), stage("s2", ["b"]), stage("s3", ["c"])]}],
                  recommendations=[])
    result = assess(profile({"firms": {"price_competition": True}}), four)
    assert result.stages["ladder"].summary.en == "between s0 and s2"
    assert result.stages["ladder"].summary.zh == "介于s0期与s2期之间"
