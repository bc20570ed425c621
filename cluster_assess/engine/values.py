"""What the profile says, as values the conditions can read: numbers as intervals, metrics
computed over those intervals, and the value chain in three states (present, absent, not stated).

Why intervals: `200多家` says "at least 200, under 300", not "200". A rule "100 firms or more"
holds for it; a rule "250 or more" cannot be told. Keeping the interval lets every condition say
true, false or unknown honestly, and lets the result be sound for every reading of the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cluster_assess.assessment import ChainResult
from cluster_assess.profile.facts import Fact
from cluster_assess.profile.fields import known_facts
from cluster_assess.profile.schema import Profile, Rating
from cluster_assess.rubric.model import Rubric, ValueChain

NUMERIC_KINDS = frozenset({"count", "money", "share", "rate", "number", "metric", "rating"})


@dataclass(frozen=True)
class Interval:
    """A closed or half-open interval of the real line; lo == hi is an exact figure."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @staticmethod
    def exact(value: float) -> Interval:
        return Interval(float(value), float(value))

    @property
    def exact_value(self) -> float | None:
        return self.lo if self.lo == self.hi and not (self.lo_open or self.hi_open) else None

    def compare(self, op: str, t: float) -> bool | None:
        """Three-valued comparison of every point of the interval with a threshold."""
        lo, hi = self.lo, self.hi
        if op == ">=":
            return True if lo >= t else False if (hi < t or (hi == t and self.hi_open)) else None
        if op == ">":
            return True if (lo > t or (lo == t and self.lo_open)) else False if hi <= t else None
        if op == "<=":
            return True if hi <= t else False if (lo > t or (lo == t and self.lo_open)) else None
        if op == "<":
            return True if (hi < t or (hi == t and self.hi_open)) else False if lo >= t else None
        if op == "==":
            if self.exact_value is not None:
                return self.exact_value == t
            return False if not self.contains(t) else None
        if op == "!=":
            inner = self.compare("==", t)
            return None if inner is None else not inner
        raise ValueError(op)

    def contains(self, t: float) -> bool:
        above = t > self.lo or (t == self.lo and not self.lo_open)
        below = t < self.hi or (t == self.hi and not self.hi_open)
        return above and below

    def divide(self, other: Interval) -> Interval | None:
        """self ÷ other for non-negative intervals; None when the divisor may be zero."""
        if other.lo <= 0 or self.lo < 0:
            return None
        lo = self.lo / other.hi if math.isfinite(other.hi) else 0.0
        hi = self.hi / other.lo
        return Interval(lo, hi, self.lo_open or other.hi_open, self.hi_open or other.lo_open)


def interval_of(item: Fact | Rating) -> Interval | None:
    """The interval a known fact or rating stands for; None for non-numeric facts."""
    if isinstance(item, Rating):
        return Interval.exact(item.score)
    if item.kind not in NUMERIC_KINDS or isinstance(item.value, bool) or not isinstance(item.value, int | float):
        return None
    lo = getattr(item, "lo", None)
    hi = getattr(item, "hi", None)
    if lo is None or hi is None:
        return Interval.exact(item.value)
    if item.kind == "share":
        hi = min(hi, 1.0)
    return Interval(lo, hi, bool(getattr(item, "lo_open", False)), bool(getattr(item, "hi_open", False)))


class Values:
    """The facts, ratings and metrics of one profile, as the conditions read them."""

    def __init__(self, profile: Profile, rubric: Rubric) -> None:
        self.profile = profile
        self.known: dict[str, Fact | Rating] = known_facts(profile)
        self.values: dict[str, Any] = {}
        self.kinds: dict[str, str] = {}
        self.currencies: dict[str, str | None] = {}
        self.intervals: dict[str, Interval] = {}
        for path, item in self.known.items():
            if isinstance(item, Rating):
                self.values[path], self.kinds[path] = item.score, "rating"
            else:
                self.values[path], self.kinds[path] = item.value, item.kind
                self.currencies[path] = item.currency
            if (interval := interval_of(item)) is not None:
                self.intervals[path] = interval
        self.chain = self._chain(rubric)
        self.metrics = self._metrics(rubric)

    def _set_metric(self, path: str, interval: Interval) -> float:
        point = interval.exact_value
        value = point if point is not None else interval.lo
        self.values[path] = value
        self.kinds[path] = "metric"
        self.intervals[path] = interval
        return value

    def _chain(self, rubric: Rubric) -> ChainResult | None:
        """Segments present, stated absent and not stated; completeness as a range."""
        chosen = choose_chain(rubric, self.profile.industry)
        metric = rubric.chain_metric
        if chosen is None or metric is None:
            return None
        present_raw = self.values.get(metric.segments)
        absent_raw = self.values.get(metric.absent)
        if present_raw is None and absent_raw is None:
            return None
        aliases = chain_aliases(chosen)
        present, absent, unrecognised = [], [], []
        for raw_list, bucket in ((present_raw or (), present), (absent_raw or (), absent)):
            for raw in raw_list:
                seg_id = aliases.get(str(raw)) or aliases.get(str(raw).lower())
                (bucket if seg_id else unrecognised).append(seg_id or raw)
        order = [s.id for s in chosen.segments]
        present_ids = [s for s in order if s in present]
        absent_ids = [s for s in order if s in absent and s not in present]
        unstated = [s for s in chosen.segments if s.id not in present_ids and s.id not in absent_ids]
        total = len(order)
        low, high = len(present_ids) / total, (total - len(absent_ids)) / total
        self._set_metric(f"metrics.{metric.id}", Interval(low, high))
        names = {s.id: s.name for s in chosen.segments}
        return ChainResult(
            chain=chosen.id, name=chosen.name, present=present_ids,
            missing=[names[s] for s in absent_ids], missing_ids=absent_ids,
            unstated=[s.name for s in unstated], unstated_ids=[s.id for s in unstated],
            unrecognised=unrecognised, completeness=low, completeness_max=high, source=chosen.source,
        )

    def _metrics(self, rubric: Rubric) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for metric in rubric.metrics:
            path = f"metrics.{metric.id}"
            interval: Interval | None = None
            if metric.ratio is not None:
                top, bottom = (self.intervals.get(p) for p in metric.ratio)
                currencies = {self.currencies.get(p) for p in metric.ratio} - {None}
                if top is not None and bottom is not None and len(currencies) <= 1:
                    interval = top.divide(bottom)
            elif metric.count_of is not None:
                items = self.values.get(metric.count_of)
                interval = Interval.exact(len(items)) if isinstance(items, tuple) else None
            elif metric.trend_of is not None:
                interval = _trend(self.known.get(metric.trend_of))
            out[metric.id] = self._set_metric(path, interval) if interval is not None else None
        return out


def _trend(item: Fact | Rating | None) -> Interval | None:
    """Average yearly change from the first to the last year of a series, over every reading of
    the figures: from the smallest last ÷ largest first to the largest last ÷ smallest first."""
    points = getattr(item, "points", None)
    if not points or len(points) < 2:
        return None
    (y0, lo0, hi0), (y1, lo1, hi1) = points[0], points[-1]
    years = y1 - y0
    if years <= 0 or lo0 <= 0 or not math.isfinite(hi0) or not math.isfinite(hi1):
        return None
    return Interval((lo1 / hi0) ** (1 / years) - 1, (hi1 / lo0) ** (1 / years) - 1)


def choose_chain(rubric: Rubric, industry: str | None) -> ValueChain | None:
    """The reference chain whose industry words match the profile's industry, else 'generic'."""
    chains = rubric.value_chains
    if not chains:
        return None
    text = (industry or "").lower()
    chosen = next((c for c in chains if any(w.lower() in text for w in c.match)), None)
    return chosen or next((c for c in chains if c.id == "generic"), None)


def chain_aliases(chain: ValueChain) -> dict[str, str]:
    """Every way a profile may name a segment: its id, its Chinese and English names, synonyms."""
    aliases: dict[str, str] = {}
    for seg in chain.segments:
        for alias in (seg.id, seg.name.zh, seg.name.en.lower(), *getattr(seg, "synonyms", ())):
            aliases[alias] = seg.id
    return aliases
