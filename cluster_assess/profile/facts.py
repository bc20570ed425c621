"""Facts and their kinds: how one written value (`200多家`, `30%以上`, `是`) becomes a typed `Fact`.

A fact may be written plainly (`total: 200`, `sales: 20多亿元`) or with its provenance
(`total: {value: 200多家, source: "003 · 第三篇 · 一（一）"}`). Either way it becomes a `Fact`, which
keeps the number, how approximate the text was, the currency and where it came from. Each kind
(count, money, share, rate, number, flag, names, text, real, choice) is an annotated type the
profile's fields are declared with.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator

from cluster_assess.i18n import msg
from cluster_assess.io.amounts import Amount, AmountError, parse_amount
from cluster_assess.profile.series import Parser, read_series

FactValue = float | int | bool | str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """One known fact: its value plus what the profile said about its precision and origin."""

    value: FactValue
    kind: str
    approx: str | None = None
    currency: str | None = None
    raw: str | None = None
    source: str | None = None
    note: str | None = None
    # the interval the writer's words stand for (None: exactly `value`); see io/amounts.py
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    # the measure word of a quantity (件, 双, 吨…), kept because quantities in other words never mix
    unit: str | None = None
    # a yearly series: (year, lo, hi) per year written, oldest first
    points: tuple[tuple[int, float, float], ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": list(self.value) if isinstance(self.value, tuple) else self.value}
        for key in ("approx", "currency", "unit", "raw", "source", "note", "lo", "hi"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


_PROVENANCE_KEYS = {"value", "source", "note"}


def _unwrap(raw: Any, mapping: bool = False) -> tuple[Any, str | None, str | None]:
    """Split the `{value, source, note}` form; anything else is a bare value (a mapping too, for
    the kinds whose value is one, such as a yearly series)."""
    if isinstance(raw, dict) and "value" in raw:
        extra = set(raw) - _PROVENANCE_KEYS
        if extra:
            raise ValueError(msg("fact_extra_key", key=sorted(extra)[0]))
        for key in ("source", "note"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise ValueError(msg("fact_key_text", key=key))
        return raw["value"], raw.get("source"), raw.get("note")
    if isinstance(raw, dict) and not mapping:
        raise ValueError("expected a value, or a mapping with 'value' (and optional source, note)")
    return raw, None, None


@dataclass(frozen=True)
class FactKind:
    """Annotation marker naming a fact's kind (count, money, share…) for templates and docs.

    `measures` are the measure words (量词) a count or quantity may be written in (家, 间, 台…);
    `labels` the Chinese words officials write for each choice (中低档 for mid_low)."""

    name: str
    choices: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()


FACT_MEMO_MAX = 4096  # facts remembered per kind of field: memory stays flat over any batch
_PLAIN = {str, int, float, bool, type(None)}


def _fact_parser(kind: str, parse: Callable[[Any], tuple[FactValue, dict[str, Any]]]) -> Any:
    # Reports repeat what they write (`是`, `20多亿元`, a source line), and a Fact is immutable and
    # depends on nothing else: each written form is read once per kind. Errors are not remembered.
    memo: dict[str, Fact] = {}

    def validate(raw: Any) -> Any:
        if isinstance(raw, Fact):
            return raw
        key = _memo_key(raw)
        if key in memo:
            return memo[key]
        value, source, note = _unwrap(raw, mapping=kind == "series")
        if value is None:
            return None
        try:
            parsed, extra = parse(value)
        except AmountError as exc:
            raise ValueError(exc.args[0]) from None
        fact = Fact(parsed, kind, source=source, note=note, raw=value if isinstance(value, str) else None, **extra)
        if key is not None:
            if len(memo) >= FACT_MEMO_MAX:
                memo.clear()
            memo[key] = fact
        return fact

    return BeforeValidator(validate)


def _memo_key(raw: Any) -> str | None:
    """What `raw` is remembered by: its repr, which tells `1`, `1.0`, `true`, `'1'`, `0.0` and `-0.0`
    apart (Python holds some of them equal); None unless it is scalars or a list or mapping of them."""
    kind = type(raw)
    if kind is dict:
        plain = all(type(k) in _PLAIN and type(v) in _PLAIN for k, v in raw.items())
    elif kind is list:
        plain = all(type(v) in _PLAIN for v in raw)
    else:
        plain = kind in _PLAIN
    return repr(raw) if plain else None


_AREA_UNITS = ("平方公里", "平方米", "km2", "km²", "亩")


def _measure_check(value: Any, amount: Amount, measures: tuple[str, ...], what: str) -> None:
    """A count written in a measure word of another kind (`2.8亿件` of firms, `10万平方米` of shops)
    is a figure of something else: refuse it, naming the words this field takes."""
    if not measures or amount.unit is None or amount.unit in measures:
        return
    words = "、".join(measures)
    what_zh = _WHAT_ZH.get(what, what)
    key = "measure_area" if amount.unit in _AREA_UNITS else "measure_wrong"
    raise AmountError(msg(key, value=value, unit=amount.unit, what={"zh": what_zh, "en": what}, words=words,
                          first=measures[0]))


# the things counted, in Chinese, for the measure-word messages
_WHAT_ZH = {"firms": "企业", "shops": "商铺", "machines": "设备", "people": "人员", "output": "产量",
            "places": "场所", "items": "项目",
            "markets": "市场", "brands": "品牌", "traders": "经营户"}


def _count_in(measures: tuple[str, ...], what: str) -> Callable[[Any], tuple[FactValue, dict[str, Any]]]:
    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        amount = parse_amount(value)
        parsed, extra = _count(value, amount)
        _measure_check(value, amount, measures, what)
        return parsed, extra

    return parse


def _count(value: Any, amount: Amount | None = None) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value) if amount is None else amount
    if amount.currency or amount.percent:
        raise AmountError(msg("fact_count_money", value=value))
    if amount.value < 0:
        raise AmountError(msg("fact_count_negative", value=value))
    if amount.value != int(amount.value):
        raise AmountError(msg("fact_count_whole", value=value))
    return int(amount.value), {"approx": amount.approx, **_bounds(amount)}


def _money(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.percent:
        raise AmountError(msg("fact_money_share", value=value))
    if amount.unit and not amount.currency:
        raise AmountError(msg("fact_money_count", value=value, unit=amount.unit))
    if amount.value < 0:
        raise AmountError(msg("fact_money_negative", value=value))
    return amount.value, {"approx": amount.approx, "currency": amount.currency or "CNY", **_bounds(amount)}


def _bare_fraction_check(value: Any, amount: Any, what: str) -> None:
    """A bare 30 in a share or rate field could mean 30% or 30 times: make the user say which."""
    if amount.percent or amount.unit or amount.currency:
        return
    size = abs(amount.value)
    if size >= 1 and size <= 100:
        shown = f"{amount.value:g}"
        raise AmountError(msg("fact_ambiguous", value=value, what=msg(f"kind_{what}"), shown=shown,
                              fraction=f"{amount.value / 100:g}"))
    if size > 100:
        raise AmountError(msg("fact_not_fraction", value=value, what=msg(f"kind_{what}")))


def _share(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.currency or (amount.unit and not amount.percent):
        raise AmountError(msg("fact_not_share", value=value))
    _bare_fraction_check(value, amount, "share")
    if not 0 <= amount.value <= 1:
        raise AmountError(msg("fact_share_range", value=value))
    return amount.value, {"approx": amount.approx, **_bounds(amount, top=1.0)}


def _rate(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.currency or (amount.unit and not amount.percent):
        raise AmountError(msg("fact_not_rate", value=value))
    _bare_fraction_check(value, amount, "rate")
    return amount.value, {"approx": amount.approx, **_bounds(amount)}


def _number(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.value < 0:
        raise AmountError(msg("fact_negative", value=value))
    return amount.value, {"approx": amount.approx, **_bounds(amount)}


def _bounds(amount: Amount, top: float | None = None) -> dict[str, Any]:
    """The interval of an inexact amount (exact ones keep none: `value` says it all)."""
    if amount.lo == amount.hi == amount.value:
        return {}
    hi = amount.hi if top is None or amount.hi is None else min(amount.hi, top)
    return {"lo": amount.lo, "hi": hi, "lo_open": amount.lo_open, "hi_open": amount.hi_open and hi == amount.hi}


_TRUE = {"true", "yes", "y", "是", "有", "已", "已建", "已有", "已设立", "已成立"}
_FALSE = {"false", "no", "n", "否", "无", "没有", "未", "未建", "尚无"}


def _flag(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if isinstance(value, bool):
        return value, {}
    if isinstance(value, str) and value.strip().lower() in _TRUE:
        return True, {}
    if isinstance(value, str) and value.strip().lower() in _FALSE:
        return False, {}
    raise AmountError(msg("fact_flag", value=value))


def _names(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[、,，;；]\s*", value) if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise AmountError(msg("fact_names"))
    return tuple(str(v).strip() for v in value), {}


def _quantity(measures: tuple[str, ...]) -> Callable[[Any], tuple[FactValue, dict[str, Any]]]:
    """A physical quantity (2.8亿件, 55.3亿双, 3万吨): the number and its measure word, kept together."""
    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        amount = parse_amount(value)
        if amount.currency or amount.percent:
            raise AmountError(f"{value!r} is an amount of money or a share; this field is a quantity such as '2.8亿件'")
        if amount.unit is None:
            raise AmountError(
                f"{value!r} has no measure word; write the quantity with its unit, e.g. '2.8亿件', "
                f"in one of {'、'.join(measures)}"
            )
        _measure_check(value, amount, measures, "output")
        if amount.value < 0:
            raise AmountError(f"a quantity cannot be negative (got {value!r})")
        return amount.value, {"approx": amount.approx, "unit": amount.unit, **_bounds(amount)}

    return parse


def _real(value: Any) -> tuple[FactValue, dict[str, Any]]:
    """Any number, negative too (e.g. the Ellison–Glaeser γ is below 0 for dispersed industries)."""
    return parse_amount(value).value, {}


def _text(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise AmountError(msg("fact_text"))
    return str(value), {}


def _choice(labels: dict[str, tuple[str, ...]]) -> Callable[[Any], tuple[FactValue, dict[str, Any]]]:
    allowed = tuple(labels)
    words = {word: choice for choice, said in labels.items() for word in said}

    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        text = value.strip() if isinstance(value, str) else value
        if text in allowed:
            return text, {}
        if isinstance(text, str) and text in words:
            return words[text], {}
        options = [*allowed, *words]
        hint = difflib.get_close_matches(str(value), options, n=1)
        listed = ", ".join(f"{c} ({'/'.join(labels[c])})" if labels[c] else c for c in allowed)
        if hint:
            raise AmountError(msg("fact_choice_hint", value=value, allowed=listed, hint=hint[0]))
        raise AmountError(msg("fact_choice", value=value, allowed=listed))

    return parse


Count = Annotated[Fact | None, _fact_parser("count", _count), FactKind("count")]
Money = Annotated[Fact | None, _fact_parser("money", _money), FactKind("money")]
Share = Annotated[Fact | None, _fact_parser("share", _share), FactKind("share")]
Rate = Annotated[Fact | None, _fact_parser("rate", _rate), FactKind("rate")]
Number = Annotated[Fact | None, _fact_parser("number", _number), FactKind("number")]
Flag = Annotated[Fact | None, _fact_parser("flag", _flag), FactKind("flag")]
Names = Annotated[Fact | None, _fact_parser("names", _names), FactKind("names")]
Text = Annotated[Fact | None, _fact_parser("text", _text), FactKind("text")]
Real = Annotated[Fact | None, _fact_parser("real", _real), FactKind("real")]


def _choice_type(**labels: tuple[str, ...]) -> Any:
    """A fact that takes one of a fixed set of words, each also in the Chinese words officials
    write for it (中低档 → mid_low); the words are listed for templates and docs."""
    return Annotated[Fact | None, _fact_parser("choice", _choice(labels)),
                     FactKind("choice", tuple(labels), labels=tuple(labels.items()))]


def count_of(what: str, *measures: str) -> Any:
    """A count whose measure words are `measures` (家/户/个 for firms, 间/个 for shops, 台/套 for
    machines); a figure in any other measure word is refused."""
    kind = FactKind("count", measures=measures)
    return Annotated[Fact | None, _fact_parser("count", _count_in(measures, what)), kind]


def quantity_of(*measures: str) -> Any:
    """A physical quantity kept with its measure word (2.8亿件)."""
    kind = FactKind("quantity", measures=measures)
    return Annotated[Fact | None, _fact_parser("quantity", _quantity(measures)), kind]


def series_of(kind: str, parse: Parser, measures: tuple[str, ...] = ()) -> Any:
    """A yearly series whose years are read as `kind` (a count, money…)."""
    marker = FactKind("series", (kind,), measures=measures)
    return Annotated[Fact | None, _fact_parser("series", read_series(parse)), marker]


Tier = _choice_type(none=("无", "未达标"), strong=("强", "较强"), top=("顶尖", "最强"))
Origin = _choice_type(professional_market=("专业市场", "市场依托", "专业市场依托"),
                      export_advantage=("出口优势", "出口", "外贸"),
                      leading_firm=("龙头企业", "龙头", "龙头带动"))
Grade = _choice_type(low=("低档", "低端"), mid_low=("中低档", "中低端"), mid=("中档", "中端"),
                     mid_high=("中高档", "中高端"), high=("高档", "高端"))

FIRM_WORDS = ("家", "户", "个", "企业")
SHOP_WORDS = ("间", "个", "家", "户", "铺", "档")
EQUIPMENT_WORDS = ("台", "套")
OUTPUT_WORDS = ("件", "条", "双", "吨", "套", "只", "台", "打", "副", "顶", "把", "支", "张", "辆", "个", "片", "箱",
                "米", "平方米")
PEOPLE_WORDS = ("人", "名", "位")
PLACE_WORDS = ("个", "家", "座", "所", "处")

FirmCount = count_of("firms", *FIRM_WORDS)
ShopCount = count_of("shops", *SHOP_WORDS)
EquipmentCount = count_of("machines", *EQUIPMENT_WORDS)
PeopleCount = count_of("people", *PEOPLE_WORDS)
PlaceCount = count_of("places", *PLACE_WORDS)
ItemCount = count_of("items", "个", "项", "件", "种", "款", "类", "家")
Output = quantity_of(*OUTPUT_WORDS)
FirmSeries = series_of("count", _count_in(FIRM_WORDS, "firms"), FIRM_WORDS)
MoneySeries = series_of("money", _money)
