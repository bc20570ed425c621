"""What reading a profile remembers between profiles (amounts by their text, facts by their written
form) gives exactly what reading afresh gives, never remembers a refusal, and tells apart written
forms Python holds equal (`1`, `1.0`, `true`; `0.0`, `-0.0`)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cluster_assess.io import amounts
from cluster_assess.io.amounts import AmountError, parse_amount
from cluster_assess.profile import facts
from cluster_assess.profile.loading import _empty_groups_as_mappings, _groups
from cluster_assess.profile.schema import Profile

FORMS = ["20多亿元", "约3503万元", "30%以上", "647多家", "二十多亿元", "数百家", "20-30亿元", "不足20亿元", "2000万美元"]


@pytest.mark.parametrize("text", FORMS)
def test_an_amount_read_again_is_the_same_interval(text):
    amounts._parse_text.cache_clear()
    first = parse_amount(text)
    again = parse_amount(text)
    assert again is first  # remembered, not read again
    amounts._parse_text.cache_clear()
    assert parse_amount(text) == first  # and equal to a fresh reading


@pytest.mark.parametrize("text", ["下降5%", "", "abc"])
def test_an_unreadable_amount_is_refused_every_time(text):
    for _ in range(3):
        with pytest.raises(AmountError):
            parse_amount(text)


KINDS = [("count", facts._count), ("number", facts._number), ("flag", facts._flag), ("money", facts._money),
         ("real", facts._real), ("text", facts._text), ("names", facts._names)]
WRITTEN = [1, 1.0, True, "1", 0.0, -0.0, "是", "200多家", "20多亿元", ["甲", "乙"], ["甲", 1], [1, "甲"],
           {"value": 1}, {"value": 1.0}, {"value": True}, {"value": "1", "source": "a"},
           {"value": "1", "source": "b"}, {"value": "1", "note": "a"}, {"value": -0.0}]


def _fresh(kind: str, parse: facts.Parser, raw: object) -> str:
    """What a validator that has never read anything makes of `raw` (repr: 1 and 1.0 differ)."""
    try:
        return repr(facts._fact_parser(kind, parse).func(raw))
    except ValueError as exc:
        return f"refused: {exc}"


@pytest.mark.parametrize(("kind", "parse"), KINDS, ids=[k for k, _ in KINDS])
def test_a_remembered_fact_is_what_reading_afresh_gives(kind, parse):
    shared = facts._fact_parser(kind, parse).func
    for _ in range(2):  # the second round is read from memory
        for raw in WRITTEN:
            try:
                got = repr(shared(raw))
            except ValueError as exc:
                got = f"refused: {exc}"
            assert got == _fresh(kind, parse, raw), raw


def test_the_same_written_fact_in_two_profiles_is_one_object():
    first = Profile.model_validate({"facts": {"economy": {"sales": {"value": "20多亿元", "source": "p. 3"}}}})
    second = Profile.model_validate({"facts": {"economy": {"sales": {"value": "20多亿元", "source": "p. 3"}}}})
    other = Profile.model_validate({"facts": {"economy": {"sales": {"value": "20多亿元", "source": "p. 4"}}}})
    assert first.facts.economy.sales is second.facts.economy.sales
    assert other.facts.economy.sales is not first.facts.economy.sales
    assert other.facts.economy.sales.source == "p. 4"


def test_a_refused_fact_is_refused_every_time():
    for _ in range(3):
        with pytest.raises(ValidationError, match="negative"):
            Profile.model_validate({"facts": {"firms": {"total": -5}}})
        with pytest.raises(ValidationError, match="unknown key"):
            Profile.model_validate({"facts": {"firms": {"total": {"value": 5, "sorce": "x"}}}})


def test_the_memory_of_facts_stays_bounded(monkeypatch):
    monkeypatch.setattr(facts, "FACT_MEMO_MAX", 10)
    validate = facts._fact_parser("count", facts._count).func
    for n in range(50):
        assert validate(n).value == n
    memo = next(cell.cell_contents for cell in validate.__closure__ if isinstance(cell.cell_contents, dict))
    assert 0 < len(memo) <= 10


def test_groups_left_out_are_read_as_written_empty():
    """Every group, nested ones too, is handed to the validator as a mapping, so no group's
    default (which would build that class's own validator) is needed; the profile is the same."""
    filled = _empty_groups_as_mappings({"name": "x", "facts": {"firms": None}}, Profile)

    def check(data: dict, model: type) -> None:
        for key, group in _groups(model):
            assert isinstance(data[key], dict), key
            check(data[key], group)

    check(filled, Profile)
    assert Profile.model_validate(filled) == Profile.model_validate({"name": "x"})
    assert _empty_groups_as_mappings({"facts": 3}, Profile)["facts"] == 3  # a mistake stays to be named
