"""Facts as evidence: each known fact, rating or metric with its name, its value as the writer put
it, its unit and its source, so every sentence of a report can be traced back to the profile."""

from __future__ import annotations

from typing import Any

from cluster_assess.assessment import FactShown
from cluster_assess.display import amount_en, cjk
from cluster_assess.engine.values import Values
from cluster_assess.profile.facts import Fact
from cluster_assess.profile.fields import field_specs
from cluster_assess.profile.schema import Rating
from cluster_assess.rubric import wording
from cluster_assess.rubric.conditions import Condition
from cluster_assess.rubric.model import Factor, Rubric, Text

SHOWN_CACHE_MAX = 4096


class Evidence:
    """Names and facts shown, for one profile; texts that depend on the rubric alone are kept
    on the rubric's memo, so a batch of profiles builds each only once."""

    def __init__(self, rubric: Rubric, values: Values) -> None:
        self.rubric = rubric
        self.values = values
        self._shown: dict[str, FactShown | None] = {}

    def name_of(self, kind: str, ident: str) -> Text:
        key = ("name", kind, ident)
        memo = self.rubric.memo
        if key not in memo:
            memo[key] = wording.name_of(self.rubric, kind, ident)
        return memo[key]

    def describe(self, cond: Condition) -> Text:
        return wording.rule_text(self.rubric, cond)

    def factor_rule(self, factor: Factor) -> Text:
        key = ("rule", factor.id)
        memo = self.rubric.memo
        if key not in memo:
            memo[key] = wording.factor_rule(self.rubric, factor)
        return memo[key]

    def shown(self, path: str) -> FactShown | None:
        """A fact as evidence; the same fact backs many factors, so each is built once a run."""
        if path not in self._shown:
            self._shown[path] = self._build(path)
        return self._shown[path]

    def shown_all(self, paths: Any) -> list[FactShown]:
        return [s for p in dict.fromkeys(paths) if (s := self.shown(p))]

    def _build(self, path: str) -> FactShown | None:
        values = self.values
        if path not in values.values:
            return None
        item = values.known.get(path)
        if item is None:
            return self._item(path, None)
        cache = self.rubric.memo.setdefault("shown", {})
        key = (path, item)
        found = cache.get(key)
        if found is None:
            if len(cache) >= SHOWN_CACHE_MAX:
                cache.clear()
            found = cache[key] = self._item(path, item)
        return found

    def _item(self, path: str, item: Fact | Rating | None) -> FactShown:
        name = self.name_of("fact", path)
        spec = field_specs().get(path)
        unit = spec.unit if spec else ""
        value = self.values.values[path]
        if isinstance(item, Rating):
            return FactShown(path=path, name=name, kind="rating", value=value, display=f"{value:g}/5", unit="0–5",
                             source=item.source, evidence=item.evidence, evidence_en=item.evidence_en)
        if isinstance(item, Fact):
            return FactShown(path=path, name=name, kind=item.kind, value=_jsonable(value), display=display(item),
                             unit=item.currency or unit, approx=item.approx, source=item.source,
                             display_en=_english(item, unit))
        metric = self.rubric.metrics_by_path.get(path)
        share = metric is not None and metric.unit == "share"
        interval = self.values.intervals.get(path)
        if interval is not None and interval.exact_value is None:
            ends = (interval.lo, interval.hi)
            shown = "–".join(f"{end:.0%}" if share else number(end) for end in ends)
        else:
            shown = f"{value:.0%}" if share else number(value)
        return FactShown(path=path, name=name, kind="metric", value=value, display=shown, unit=unit)


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def number(value: Any) -> str:
    if isinstance(value, float):
        if value == float("inf"):
            return "∞"
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _english(fact: Fact, unit: str) -> str | None:
    """The amount in English when the writer put it in Chinese words; None when their words serve."""
    if not fact.raw or not cjk(fact.raw) or not isinstance(fact.value, int | float) or isinstance(fact.value, bool):
        return None
    return amount_en(fact.kind, fact.value, fact.approx, fact.lo, fact.hi, fact.currency, unit)


def display(fact: Fact) -> str:
    """A fact as the writer put it: their own words when they wrote text."""
    if fact.raw:
        return fact.raw
    value = fact.value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(value)
    if fact.kind in ("share", "rate") and isinstance(value, int | float):
        return f"{value:.1%}".replace(".0%", "%")
    if fact.kind == "money" and isinstance(value, int | float):
        return f"{number(float(value))} {fact.currency or 'CNY'}"
    return number(value)
