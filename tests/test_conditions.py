"""Three-valued logic: unknown never makes a check fail, and Kleene's rules hold."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cluster_assess.rubric.conditions import Condition, Context, Outcome, evaluate


def ctx(**facts) -> Context:
    return Context(
        facts=facts, kinds={k: "count" for k in facts}, currencies={},
        factor=lambda _: Outcome(None), stage_at_least=lambda *_: None,
    )


T = {"fact": "a", "op": ">=", "value": 1}   # true when a=5
F = {"fact": "a", "op": ">=", "value": 10}  # false when a=5
U = {"fact": "b", "op": ">=", "value": 1}   # unknown: b missing


@pytest.mark.parametrize(
    ("cond", "expected"),
    [
        (T, True), (F, False), (U, None),
        ({"all": [T, U]}, None), ({"all": [F, U]}, False), ({"all": [T, T]}, True),
        ({"any": [T, U]}, True), ({"any": [F, U]}, None), ({"any": [F, F]}, False),
        ({"not": U}, None), ({"not": F}, True),
        ({"fact": "b", "op": "known"}, None), ({"fact": "a", "op": "known"}, True),
    ],
)
def test_kleene_truth_table(cond, expected):
    assert evaluate(Condition.model_validate(cond), ctx(a=5)).value is expected


def test_unknown_reports_the_missing_fact():
    outcome = evaluate(Condition.model_validate({"any": [F, U]}), ctx(a=5))
    assert outcome.missing == {"b"}


def test_money_in_another_currency_is_unknown_not_converted():
    context = Context({"m": 5e7}, {"m": "money"}, {"m": "USD"}, lambda _: Outcome(None), lambda *_: None)
    cond = Condition.model_validate({"fact": "m", "op": ">=", "value": "1亿元"})
    assert evaluate(cond, context).value is None


@pytest.mark.parametrize(
    "bad",
    [{}, {"fact": "a"}, {"fact": "a", "op": ">="}, {"all": []}, {"fact": "a", "op": ">=", "value": 1, "factor": "x"},
     {"model": "m"}, {"fact": "a", "op": "~", "value": 1}],
)
def test_malformed_conditions_are_rejected(bad):
    with pytest.raises(ValidationError):
        Condition.model_validate(bad)
