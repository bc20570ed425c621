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

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": list(self.value) if isinstance(self.value, tuple) else self.value}
        for key in ("approx", "currency", "raw", "source", "note", "lo", "hi"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


_PROVENANCE_KEYS = {"value", "source", "note"}


def _unwrap(raw: Any) -> tuple[Any, str | None, str | None]:
    """Split the `{value, source, note}` form; anything else is a bare value."""
    if isinstance(raw, dict) and "value" in raw:
        extra = set(raw) - _PROVENANCE_KEYS
        if extra:
            raise ValueError(msg("fact_extra_key", key=sorted(extra)[0]))
        for key in ("source", "note"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise ValueError(msg("fact_key_text", key=key))
        return raw["value"], raw.get("source"), raw.get("note")
    if isinstance(raw, dict):
        raise ValueError(msg("fact_shape"))
    return raw, None, None


@dataclass(frozen=True)
class FactKind:
    """Annotation marker naming a fact's kind (count, money, share…) for templates and docs."""

    name: str
    choices: tuple[str, ...] = ()


def _fact_parser(kind: str, parse: Callable[[Any], tuple[FactValue, dict[str, Any]]]) -> Any:
    def validate(raw: Any) -> Any:
        if isinstance(raw, Fact):
            return raw
        value, source, note = _unwrap(raw)
        if value is None:
            return None
        try:
            parsed, extra = parse(value)
        except AmountError as exc:
            raise ValueError(exc.args[0]) from None
        return Fact(
            parsed, kind, source=source, note=note,
            raw=value if isinstance(value, str) else None, **extra,
        )

    return BeforeValidator(validate)


def _count(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
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


def _real(value: Any) -> tuple[FactValue, dict[str, Any]]:
    """Any number, negative too (e.g. the Ellison–Glaeser γ is below 0 for dispersed industries)."""
    return parse_amount(value).value, {}


def _text(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise AmountError(msg("fact_text"))
    return str(value), {}


def _choice(*allowed: str) -> Callable[[Any], tuple[FactValue, dict[str, Any]]]:
    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        if value not in allowed:
            hint = difflib.get_close_matches(str(value), allowed, n=1)
            if hint:
                raise AmountError(msg("fact_choice_hint", value=value, allowed=", ".join(allowed), hint=hint[0]))
            raise AmountError(msg("fact_choice", value=value, allowed=", ".join(allowed)))
        return value, {}

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


def _choice_type(*allowed: str) -> Any:
    """A fact that takes one of a fixed set of words; the words are listed for templates and docs."""
    return Annotated[Fact | None, _fact_parser("choice", _choice(*allowed)), FactKind("choice", allowed)]


Tier = _choice_type("none", "strong", "top")
Origin = _choice_type("professional_market", "export_advantage", "leading_firm")
Grade = _choice_type("low", "mid_low", "mid", "mid_high", "high")
