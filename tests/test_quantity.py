"""Amounts as the sources and the officials write them, and the forms we refuse to guess at."""

from __future__ import annotations

import pytest

from cluster_assess.io.amounts import AmountError, parse_amount

# (text, value, approx, currency, percent) — most strings are quoted from the two source documents
TABLE = [
    ("20多亿元", 2_000_000_000, "over", "CNY", False),
    ("产销规模20多亿元", 2_000_000_000, "over", "CNY", False),
    ("２００多家", 200, "over", None, False),
    ("200多家", 200, "over", None, False),
    ("年均增幅达30%以上", 0.30, "over", None, True),
    ("30%", 0.30, None, None, True),
    ("３０％", 0.30, None, None, True),
    ("0.3", 0.3, None, None, False),
    ("2000万美元以上", 20_000_000, "over", "USD", False),
    ("4000万美元以上", 40_000_000, "over", "USD", False),
    ("3000多种", 3000, "over", None, False),
    ("10多家", 10, "over", None, False),
    ("1.5万人", 15_000, None, None, False),
    ("6000余人", 6000, "over", None, False),
    ("500万元", 5_000_000, None, "CNY", False),
    ("1000万元以上", 10_000_000, "over", "CNY", False),
    ("120.5亿元", 12_050_000_000, None, "CNY", False),
    ("１２０．５亿元", 12_050_000_000, None, "CNY", False),
    ("2.3万亿元", 2_300_000_000_000, None, "CNY", False),
    ("1,200家", 1200, None, None, False),
    ("1，200家", 1200, None, None, False),
    ("近3000家", 3000, "nearly", None, False),
    ("约20亿", 2_000_000_000, "about", None, False),
    ("20亿左右", 2_000_000_000, "about", None, False),
    ("销售收入近20亿元", 2_000_000_000, "nearly", "CNY", False),
    ("二十多亿元", 2_000_000_000, "over", "CNY", False),
    ("两千多家", 2000, "over", None, False),
    ("十多家", 10, "over", None, False),
    ("一千二百家", 1200, None, None, False),
    ("五十余家", 50, "over", None, False),
    ("百余家", 100, "over", None, False),
    ("上百家", 100, "over", None, False),
    ("逾百家", 100, "over", None, False),
    ("过亿元", 100_000_000, "over", "CNY", False),
    ("百分之三十", 0.30, None, None, True),
    ("三成", 0.30, None, None, True),
    ("七成以上", 0.70, "over", None, True),
    ("-5%", -0.05, None, None, True),
    ("+12%", 0.12, None, None, True),
    ("200多家企业", 200, "over", None, False),
    ("20多亿元人民币", 2_000_000_000, "over", "CNY", False),
    ("$2000万", 20_000_000, None, "USD", False),
    ("3000万美金", 30_000_000, None, "USD", False),
    ("500万欧元", 5_000_000, None, "EUR", False),
    ("about 200", 200, "about", None, False),
    (200, 200, None, None, False),
    (0.35, 0.35, None, None, False),
]


@pytest.mark.parametrize(("text", "value", "approx", "currency", "percent"), TABLE)
def test_amounts_read_as_the_reports_mean_them(text, value, approx, currency, percent):
    amount = parse_amount(text)
    assert amount.value == pytest.approx(value)
    assert amount.approx == approx
    assert amount.currency == currency
    assert amount.percent is percent


def test_the_table_is_large_enough():
    assert len(TABLE) >= 30


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("下降5%", "signed number"),
        ("亏损2000万元", "signed number"),
        ("很多", "no number"),
        ("", "empty"),
        ("20亿元abc", "cannot read"),
        ("$20亿欧元", "two currencies"),
        (float("nan"), "not a usable number"),
        (float("inf"), "not a usable number"),
        (10**400, "too large"),
        (True, "expected a number"),
        ([1, 2], "expected a number"),
    ],
)
def test_forms_we_cannot_read_honestly_are_refused_with_advice(text, words):
    with pytest.raises(AmountError, match=words):
        parse_amount(text)


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("economy.export_share", 30, "write '30%' for 30 per cent, or a fraction (e.g. 0.3)"),
        ("economy.export_share", "30", "write '30%'"),
        ("economy.export_share", 1, "ambiguous"),
        ("economy.export_share", 250, "write a percentage such as '30%'"),
        ("economy.growth_rate", 12, "write '12%'"),
    ],
)
def test_bare_numbers_in_share_and_rate_fields_say_which_reading_to_write(cli, tmp_path, field, text, words):
    group, leaf = field.split(".")
    path = tmp_path / "p.yaml"
    value = f'"{text}"' if isinstance(text, str) else text
    path.write_text(f"name: x\nfacts:\n  {group}:\n    {leaf}: {value}\n", encoding="utf-8")
    run = cli("validate", path)
    assert run.code == 2
    assert f"{path}:4:5: facts.{field}: " in run.out
    assert words in run.out


def test_shares_written_either_way_agree(cli, tmp_path):
    values = []
    for text in ("30%", "0.3", "三成", "百分之三十"):
        path = tmp_path / "p.yaml"
        path.write_text(f"name: x\nfacts:\n  economy:\n    export_share: {text}\n", encoding="utf-8")
        facts = {f["path"]: f for f in cli("score", path, "-F", "json").json()["facts"]}
        values.append(facts["facts.economy.export_share"]["value"])
    assert values == pytest.approx([0.3] * 4)


INF = float("inf")
# text, lo, hi, lo_open, hi_open: the interval each written form stands for (README, "Amounts")
INTERVALS = [
    ("200多家", 200, 300, False, True),
    ("1600多间", 1600, 1700, False, True),
    ("20多亿元", 2e9, 3e9, False, True),
    ("二十多亿元", 2e9, 3e9, False, True),
    ("3000余家", 3000, 4000, False, True),
    ("百余家", 100, 200, False, True),
    ("30%以上", 0.3, INF, False, False),
    ("2000万美元以上", 2e7, INF, False, False),
    ("近3000家", 2700, 3000, False, True),
    ("约25亿元", 2.25e9, 2.75e9, False, False),
    ("25亿元左右", 2.25e9, 2.75e9, False, False),
    ("不足20亿元", 0, 2e9, False, True),
    ("不到100家", 0, 100, False, True),
    ("30%以下", 0, 0.3, False, False),
    ("20-30亿元", 2e9, 3e9, False, False),
    ("20至30亿元", 2e9, 3e9, False, False),
    ("２０～３０家", 20, 30, False, False),
    ("20亿元-30亿元", 2e9, 3e9, False, False),
    ("数百家", 200, 1000, False, True),
    ("几十家", 20, 100, False, True),
    ("十几家", 11, 20, False, True),
    ("二三十家", 20, 30, False, False),
    ("产值达数十亿元", 2e9, 1e10, False, True),
    ("大多数", 0.5, 1, True, False),
    ("绝大多数", 0.8, 1, False, False),
    ("少数", 0, 0.5, True, True),
    ("200家", 200, 200, False, False),
    (350, 350, 350, False, False),
]


@pytest.mark.parametrize(("text", "lo", "hi", "lo_open", "hi_open"), INTERVALS)
def test_each_form_stands_for_its_honest_interval(text, lo, hi, lo_open, hi_open):
    amount = parse_amount(text)
    assert amount.lo == pytest.approx(lo)
    assert amount.hi == pytest.approx(hi)
    assert (amount.lo_open, amount.hi_open) == (lo_open, hi_open)
    assert amount.lo <= amount.value <= amount.hi


def test_a_range_that_runs_backwards_is_refused():
    with pytest.raises(AmountError, match="backwards"):
        parse_amount("30-20亿元")
