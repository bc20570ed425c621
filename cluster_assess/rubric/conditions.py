"""Declarative conditions, evaluated with three-valued logic (true / false / unknown).

A condition is data, never code: `{fact: facts.firms.total, op: ">=", value: 100}`, combined with
`all`, `any` and `not`, or referring to a factor (`{factor: location_advantage}`) or to the stage of
another model (`{model: agglomeration, at_least: cluster}`). Unknown facts make a comparison
unknown, and Kleene's rules carry that through: `any` is true if one part is true even when others
are unknown; `all` is false if one part is false. So missing data never makes a check fail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cluster_assess.i18n import msg
from cluster_assess.io.amounts import AmountError, parse_amount

Op = Literal[">=", ">", "<=", "<", "==", "!=", "in", "not_in", "contains", "lacks", "known"]
Tri = bool | None


class Condition(BaseModel):
    """Exactly one of: all / any / not / fact (+op, value) / factor / model (+at_least)."""

    # defer_build: built on first validation, never for a rubric served from the cache (see rubric.model)
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    all_: list[Condition] | None = Field(default=None, alias="all")
    any_: list[Condition] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")
    fact: str | None = None
    op: Op | None = None
    value: Any = None
    factor: str | None = None
    model: str | None = None
    at_least: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            name
            for name, present in (
                ("all", self.all_ is not None), ("any", self.any_ is not None),
                ("not", self.not_ is not None), ("fact", self.fact is not None),
                ("factor", self.factor is not None), ("model", self.model is not None),
            )
            if present
        ]
        if len(forms) != 1:
            raise ValueError(msg("rb_cond_forms_found", found=", ".join(forms)) if forms else msg("rb_cond_forms"))
        if self.fact is not None:
            if self.op is None:
                raise ValueError(msg("rb_cond_op"))
            if self.op != "known" and self.value is None:
                raise ValueError(msg("rb_cond_value", op=self.op))
        elif self.op is not None or self.value is not None:
            raise ValueError(msg("rb_cond_op_value"))
        if (self.model is None) != (self.at_least is None):
            raise ValueError(msg("rb_cond_model"))
        if (self.all_ is not None and not self.all_) or (self.any_ is not None and not self.any_):
            raise ValueError(msg("rb_cond_empty"))
        return self

    def walk(self, at: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Condition]]:
        """This condition and all nested ones, each with its path below this one."""
        out: list[tuple[tuple[str | int, ...], Condition]] = [(at, self)]
        for key, children in (("all", self.all_), ("any", self.any_)):
            for i, child in enumerate(children or []):
                out.extend(child.walk((*at, key, i)))
        if self.not_ is not None:
            out.extend(self.not_.walk((*at, "not")))
        return out


@dataclass
class Outcome:
    """The value of a condition plus the facts it read and the ones it missed."""

    value: Tri
    used: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)


@dataclass
class Context:
    """What a condition can see: known fact values, and callbacks for factors and model stages."""

    facts: Mapping[str, Any]
    kinds: Mapping[str, str]
    currencies: Mapping[str, str | None]
    factor: Callable[[str], Outcome]
    stage_at_least: Callable[[str, str], Tri]
    intervals: Mapping[str, Any] = field(default_factory=dict)  # path -> engine.values.Interval


def evaluate(cond: Condition, ctx: Context) -> Outcome:
    if cond.all_ is not None:
        return _combine([evaluate(c, ctx) for c in cond.all_], conjunction=True)
    if cond.any_ is not None:
        return _combine([evaluate(c, ctx) for c in cond.any_], conjunction=False)
    if cond.not_ is not None:
        inner = evaluate(cond.not_, ctx)
        return Outcome(None if inner.value is None else not inner.value, inner.used, inner.missing)
    if cond.factor is not None:
        return ctx.factor(cond.factor)
    if cond.model is not None:
        return Outcome(ctx.stage_at_least(cond.model, cond.at_least or ""))
    return _compare(cond, ctx)


def all_of(parts: list[Outcome]) -> Outcome:
    """Kleene AND: false if any part is false, else unknown if any is unknown."""
    return _combine(parts, conjunction=True)


def any_of(parts: list[Outcome]) -> Outcome:
    """Kleene OR: true if any part is true, else unknown if any is unknown."""
    return _combine(parts, conjunction=False)


def _combine(parts: list[Outcome], *, conjunction: bool) -> Outcome:
    used = set().union(*(p.used for p in parts))
    decisive = not conjunction  # `all` is decided by a False, `any` by a True
    if any(p.value is decisive for p in parts):
        return Outcome(decisive, used)
    if any(p.value is None for p in parts):
        missing = set().union(*(p.missing for p in parts if p.value is None))
        return Outcome(None, used, missing)
    return Outcome(conjunction, used)


def threshold(value: Any, kind: str | None) -> tuple[Any, str | None]:
    """Read a rubric threshold in the fact's own terms: '1亿元' for money, '30%' for shares."""
    if isinstance(value, str) and kind in ("money", "share", "rate", "count", "number", "metric"):
        return _read_threshold(value)
    return value, None


@lru_cache(maxsize=1024)
def _read_threshold(value: str) -> tuple[Any, str | None]:
    """Thresholds are few and fixed by the rubric: read each once, not once per profile."""
    try:
        amount = parse_amount(value)
    except AmountError:
        return value, None
    return amount.value, amount.currency


def _compare(cond: Condition, ctx: Context) -> Outcome:
    path = cond.fact or ""
    if path not in ctx.facts:
        # absence proves nothing, even for `known`: a missing fact never makes a check fail
        return Outcome(None, missing={path})
    actual = ctx.facts[path]
    used = {path}
    if cond.op == "known":
        return Outcome(True, used)
    kind = ctx.kinds.get(path)
    expected, currency = threshold(cond.value, kind)
    if kind == "money" and currency and ctx.currencies.get(path) not in (None, currency):
        # we never convert currencies: a USD fact says nothing about a CNY threshold
        return Outcome(None, used, {path})
    interval = ctx.intervals.get(path)
    if interval is not None and cond.op in _NUMERIC_OPS and _is_number(expected):
        # `200多家 >= 250` cannot be told: the fact is an interval, and so is the answer
        value = interval.compare(cond.op, float(expected))
        return Outcome(value, used, set() if value is not None else {path})
    return Outcome(_apply(cond.op or "==", actual, expected), used)


_NUMERIC_OPS = frozenset({">=", ">", "<=", "<", "==", "!="})


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _apply(op: str, actual: Any, expected: Any) -> bool:
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "contains":
        return expected in actual
    if op == "lacks":
        return expected not in actual
    if op == "==":
        return bool(actual == expected)
    if op == "!=":
        return bool(actual != expected)
    comparisons: dict[str, Callable[[Any, Any], bool]] = {
        ">=": lambda a, b: a >= b, ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
    }
    return comparisons[op](actual, expected)


_OP_WORDS = {
    "en": {">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "==": "is",
           "!=": "is not", "in": "is one of", "not_in": "is none of", "contains": "includes",
           "lacks": "does not include", "known": "is given"},
    "zh": {">=": "不少于", ">": "多于", "<=": "不多于", "<": "少于", "==": "为", "!=": "不为",
           "in": "属于", "not_in": "不属于", "contains": "包含", "lacks": "不包含",
           "known": "已填报"},
}


def describe(cond: Condition, lang: str, name_of: Callable[[str, str], str]) -> str:
    """The rule in words, e.g. 'above-scale firms at least 50 and regional brand is yes'."""
    joiner = {"en": (" and ", " or "), "zh": ("且", "或")}[lang]
    if cond.all_ is not None:
        return _group(cond.all_, joiner[0], lang, name_of)
    if cond.any_ is not None:
        return _group(cond.any_, joiner[1], lang, name_of)
    if cond.not_ is not None:
        inner = describe(cond.not_, lang, name_of)
        return f"not ({inner})" if lang == "en" else f"并非（{inner}）"
    if cond.factor is not None:
        return name_of("factor", cond.factor) + (" is met" if lang == "en" else "达标")
    if cond.model is not None:
        stage = name_of(f"stage:{cond.model}", cond.at_least or "")
        model = name_of("model", cond.model)
        return f"{model} at least {stage}" if lang == "en" else f"{model}达到{stage}及以上"
    words = _OP_WORDS[lang][cond.op or "=="]
    subject = name_of("fact", cond.fact or "")
    if cond.op == "known":
        return f"{subject} {words}" if lang == "en" else f"{subject}{words}"
    value = format_value(cond.value, lang)
    return f"{subject} {words} {value}" if lang == "en" else f"{subject}{words}{value}"


def _group(parts: list[Condition], joiner: str, lang: str, name_of: Callable[[str, str], str]) -> str:
    texts = [describe(p, lang, name_of) for p in parts]
    wrapped = [f"({t})" if (p.all_ or p.any_) else t for p, t in zip(parts, texts)]
    return joiner.join(wrapped)


def format_value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if lang == "en" else "、".join(str(v) for v in value)
    return str(value)
