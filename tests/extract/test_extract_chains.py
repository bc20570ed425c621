"""`extract` reads chain segments with the rubric's chains and words, chosen as the engine chooses
them; counts and shares said in words (尚无…, 被认定为…, 大多数) are read where they are unambiguous."""

from __future__ import annotations

import pytest

from cluster_assess.extract.draft import draft_from
from cluster_assess.extract.reading import Document


def _draft(*paragraphs: str, industry: str | None = None):
    return draft_from([Document("t.txt", tuple(paragraphs))], industry)


def test_every_chain_word_comes_from_the_rubric_or_the_lexicon_names_a_real_segment():
    from cluster_assess.extract.lexicon import check_chain_ids, load_lexicon, segment_patterns
    from cluster_assess.rubric.loading import load_rubric

    lex, rubric = load_lexicon(), load_rubric(None)
    check_chain_ids(lex, [c.id for c in rubric.value_chains])
    for chain in rubric.value_chains:
        patterns = segment_patterns(lex, chain)
        assert set(patterns) <= {s.id for s in chain.segments}
        for seg in chain.segments:
            for word in seg.synonyms:
                if not lex.chain_general.search(word) and len(word) >= 2:
                    assert patterns[seg.id].search(word), (chain.id, seg.id, word)


def test_the_chain_is_the_engines_choice_for_the_industry():
    from cluster_assess.engine.values import choose_chain
    from cluster_assess.rubric.loading import load_rubric

    text = "古镇是灯饰之都，灯饰企业一万多家。镇里从灯具设计、五金配件到包装物流，配套完整。"
    draft = _draft(text)
    assert draft.industry == "灯饰" and draft.chain == choose_chain(load_rubric(None), "灯饰").id == "electrical"
    assert set(draft.facts["facts.chain.segments"].value) == {"design_rd", "components", "packaging_logistics"}


def test_no_specific_chain_means_segments_are_only_possibly():
    text = "嵊州领带企业1100多家，已形成从织造、印染到成品加工的产业链，但缺乏设计研发环节。"
    draft = _draft(text, industry="领带")
    assert draft.chain == "generic"
    assert "facts.chain.segments" not in draft.facts and "facts.chain.absent" not in draft.facts
    doubts = {(c.path, c.value, c.reason) for c in draft.uncertain}
    assert ("facts.chain.absent", ("design_rd",), "generic_chain") in doubts


def test_a_platform_is_not_a_stage_but_a_missing_one_is_absent():
    present = _draft("镇里设立了设计中心和检测中心，服装企业3000多家。", industry="服装")
    assert "facts.chain.segments" not in present.facts
    missing = _draft("当地服装企业3000多家，但缺乏设计研发环节。", industry="服装")
    assert missing.facts["facts.chain.absent"].value == ("design",)


@pytest.mark.parametrize(("sentence", "path", "value"), [
    ("该镇陶瓷企业5000多家，尚无专业批发市场。", "facts.markets.professional_markets", 0),
    ("镇里尚无产业园区，企业分散在各村。", "facts.parks.count", 0),
    ("产销过亿元的企业还没有。", "facts.firms.size_bands.over_100m", 0),
    ("即发集团的商标被认定为中国驰名商标。", "facts.brands.national_well_known", 1),
    ("大多数企业仍是家族式管理。", "facts.firms.family_managed_share", "大多数"),
])
def test_counts_and_shares_said_in_words(sentence, path, value):
    assert _draft(sentence).facts[path].value == value


def test_a_number_beats_one_and_several_ones_are_doubts():
    with_number = _draft("甲公司被认定为中国驰名商标。全市共有中国驰名商标5个。")
    assert with_number.facts["facts.brands.national_well_known"].value == "5个"
    two = _draft("甲公司被认定为中国驰名商标。乙公司也被认定为中国驰名商标。")
    assert "facts.brands.national_well_known" not in two.facts
    assert any(c.reason == "several_named" for c in two.uncertain)


def test_none_said_as_a_proposal_or_almost_is_not_a_fact():
    assert "facts.parks.count" not in _draft("建议在尚无产业园区的村建设园区。").facts
    assert "facts.markets.professional_markets" not in _draft("当地几乎没有专业市场。").facts
