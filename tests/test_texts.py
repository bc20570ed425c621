"""Issue 13: profiles written from real texts. Facts the texts give have fields, measure words are
checked per field, officials' words are read, and the checks take every evidence path the texts use."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_assess.engine import assess
from cluster_assess.errors import UserError
from cluster_assess.profile.fields import field_specs
from cluster_assess.profile.loading import check_profile_file, load_profile
from cluster_assess.profile.template import example, render_template
from cluster_assess.rubric.loading import load_rubric
from cluster_assess.rubric.seeds import outside_seeds

RUBRIC = load_rubric()
ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str) -> list[str]:
    errors, _, _, _ = check_profile_file(write(tmp_path, text))
    return [f"{e.field}: {e.message}" for e in errors]


def warnings_of(tmp_path: Path, text: str) -> list[str]:
    _, _, _, warnings = check_profile_file(write(tmp_path, text))
    return [f"{w.field}: {w.message}" for w in warnings]


def problems(tmp_path: Path, text: str) -> set[str]:
    return {p.id for p in assess(load_profile(write(tmp_path, text)).profile, RUBRIC).problems}


@pytest.mark.parametrize(("field", "value", "words"), [
    ("firms:\n    total", "2.8亿件", "家、户、个、企业"),
    ("markets:\n    shops", "近10万平方米", "间、个、家、户"),
    ("economy:\n    key_equipment", "300家", "台、套"),
    ("markets:\n    traders", "3000多家", "人、名、位"),
])
def test_a_count_in_a_measure_word_of_another_kind_is_an_error(tmp_path, field, value, words):
    found = errors_of(tmp_path, f"facts:\n  {field}: {value}\n")
    assert len(found) == 1 and words in found[0] and value in found[0], found


@pytest.mark.parametrize(("field", "value"), [
    ("markets:\n    shops", "1600多间"), ("economy:\n    key_equipment", "2.6万台"),
    ("firms:\n    total", "16000多户"), ("firms:\n    total", "200多家企业"), ("firms:\n    total", 367),
])
def test_natural_measure_words_are_read(tmp_path, field, value):
    assert errors_of(tmp_path, f"facts:\n  {field}: {value}\n") == []


def test_output_keeps_its_unit_and_needs_one(tmp_path):
    profile = load_profile(write(tmp_path, "facts:\n  economy:\n    physical_output: 200多亿双\n")).profile
    fact = profile.facts.economy.physical_output
    assert fact.unit == "双" and fact.value == 2e10 and fact.hi == 3e10
    assert "measure word" in errors_of(tmp_path, "facts:\n  economy:\n    physical_output: 2.8亿\n")[0]


@pytest.mark.parametrize(("field", "said", "read"), [
    ("economy:\n    product_grade", "中低档", "mid_low"), ("economy:\n    product_grade", "高端", "high"),
    ("firms:\n    origin", "出口优势", "export_advantage"), ("firms:\n    origin", "专业市场", "professional_market"),
    ("measured:\n    strength_tier", "强", "strong"),
])
def test_choices_accept_the_words_officials_write(tmp_path, field, said, read):
    profile = load_profile(write(tmp_path, f"facts:\n  {field}: {said}\n")).profile
    group, name = field.split(":\n    ")
    assert getattr(getattr(profile.facts, group), name).value == read


def test_a_wrong_choice_lists_the_chinese_words(tmp_path):
    found = errors_of(tmp_path, "facts:\n  economy:\n    product_grade: 中等偏下\n")
    assert "中低档" in found[0]


def test_chain_segments_accept_synonyms_and_the_chain_follows_the_industry():
    garment = load_profile(ROOT / "tests/realistic/zhili-2006.yaml").profile
    chain = assess(garment, RUBRIC).chain
    assert chain.chain == "garment" and not chain.unrecognised
    assert {"fabrics", "accessories", "garment_making"} <= set(chain.present)
    denim = assess(load_profile(ROOT / "tests/realistic/xintang-2013.yaml").profile, RUBRIC).chain
    assert denim.chain == "denim" and "washing" in denim.present and not denim.unrecognised


@pytest.mark.parametrize(("industry", "chain"), [
    ("毛织", "knitwear"), ("针织毛衫", "knitwear"), ("袜业", "hosiery"), ("牛仔服装", "denim"), ("运动鞋", "footwear"),
    ("卫浴陶瓷", "ceramics"), ("五金工具", "hardware"), ("小家电", "electrical"), ("童装", "garment"),
    ("针织服装", "garment"),
])
def test_reference_chains_for_the_corpus_industries(industry, chain):
    from cluster_assess.engine.values import choose_chain

    chosen = choose_chain(RUBRIC, industry)
    assert chosen.id == chain and outside_seeds(chosen.source) == (chain not in ("garment",))


def test_validate_warns_on_an_unknown_segment_and_a_fallback_chain(tmp_path):
    ok = warnings_of(tmp_path, "industry: 服装\nfacts:\n  chain:\n    segments: [织造, 成衣加工, 印染]\n")
    assert ok == []
    slip = warnings_of(tmp_path, "industry: 服装\nfacts:\n  chain:\n    segments: [织造厂]\n")
    assert len(slip) == 1 and "did you mean 'weaving_knitting'" in slip[0]
    fallback = warnings_of(tmp_path, "industry: 竹木制品\nfacts:\n  chain:\n    segments: [processing]\n")
    assert len(fallback) == 1 and fallback[0].startswith("industry:") and "generic" in fallback[0]


def test_weak_brands_from_every_path_texts_use(tmp_path):
    assert "weak_brands" in problems(tmp_path, "ratings:\n  brand_effect: 1\n")
    assert "weak_brands" in problems(tmp_path, "facts:\n  economy:\n    oem_share: 绝大部分\n")
    assert "weak_brands" in problems(tmp_path, "facts:\n  firms:\n    total: 500家\n  brands:\n    own_brand_firms: 18家\n")
    assert "weak_brands" in problems(tmp_path, "facts:\n  brands:\n    own_brand_share: 10%\n")
    assert "weak_brands" not in problems(tmp_path, "facts:\n  brands:\n    own_brand_share: 60%\n")


def test_homogeneous_competition_alone_is_vicious_competition(tmp_path):
    assert "vicious_competition" in problems(tmp_path, "facts:\n  firms:\n    homogeneous_competition: 是\n")


def test_the_new_diagnoses(tmp_path):
    assert "lacking_leading_firms" in problems(tmp_path, "facts:\n  firms:\n    leading_lacking: true\n")
    assert "association_detached" in problems(
        tmp_path, "facts:\n  institutions:\n    industry_association: true\nratings:\n  self_organisation: 1\n")
    assert "rising_costs" in problems(tmp_path, "facts:\n  costs:\n    labour: true\n")
    assert "extensive_growth" in problems(tmp_path, "facts:\n  economy:\n    extensive_growth: true\n")
    falling = "facts:\n  series:\n    output_value: {2021: 110亿元, 2022: 95亿元, 2023: 80亿元}\n"
    assert "decline" in problems(tmp_path, falling)
    rising = "facts:\n  series:\n    output_value: {2021: 80亿元, 2023: 110亿元}\n"
    assert "decline" not in problems(tmp_path, rising)


def test_a_series_is_read_in_one_unit_and_refused_otherwise(tmp_path):
    assert errors_of(tmp_path, "facts:\n  series:\n    firms: '2019: 900多家; 2022: 600多家'\n") == []
    assert "different units" in errors_of(tmp_path, "facts:\n  series:\n    exports: {2019: 5亿美元, 2022: 30亿元}\n")[0]
    assert "at least two" in errors_of(tmp_path, "facts:\n  series:\n    firms: {2019: 900家}\n")[0]


def test_new_advice_is_not_offered_for_what_the_profile_says_exists(tmp_path):
    text = "facts:\n  economy:\n    oem_share: 80%\n  brands:\n    own_brand_share: 60%\n"
    result = assess(load_profile(write(tmp_path, text)).profile, RUBRIC)
    assert "own_brands" not in {r.id for r in result.recommendations}


def test_every_template_example_is_valid_for_its_field(tmp_path):
    lines = ["facts:"]
    groups: dict[str, list[str]] = {}
    for spec in field_specs().values():
        if not spec.path.startswith("facts.") or spec.kind in ("names",):
            continue
        shown = example(spec, "zh")
        if spec.kind == "choice":
            shown = spec.choices[0]
        parts = spec.path.split(".")
        if len(parts) != 3:
            continue
        groups.setdefault(parts[1], []).append(f"    {parts[2]}: {shown if shown.startswith('{') else repr(shown)}")
    for group, entries in groups.items():
        lines += [f"  {group}:", *entries]
    try:
        load_profile(write(tmp_path, "\n".join(lines) + "\n"))
    except UserError as error:  # pragma: no cover - the message says which example is wrong
        pytest.fail(str(error))


def test_the_chinese_template_has_no_english_units():
    import re

    text = render_template("zh", RUBRIC.value_chains)
    units = re.findall(r"单位: ([^·]+?) ·", text)
    assert units and not [u for u in units if re.search(r"[A-Za-z]{2,}", u)], units
    assert "例 200多 ·" not in text and "star_rating" in text


def test_items_from_outside_the_seeds_say_so():
    docs = (ROOT / "docs/rubric.md").read_text(encoding="utf-8")
    outside = [p for p in RUBRIC.problems if outside_seeds(p.source)]
    assert [p.id for p in outside] == ["decline"]
    assert docs.count("from outside the seed documents") >= len(outside) + 1
