"""Yearly series of facts: `{2019: 900多家, 2022: 600多家}`, or as text `2019: 900多家; 2022: 600多家`.
Each year is read as its field's kind (a count, money…) by `profile.facts`, which declares the
series kinds (`series_of`) with this reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cluster_assess.io.amounts import AmountError

if TYPE_CHECKING:
    from cluster_assess.profile.facts import FactValue

Parser = Callable[[Any], "tuple[FactValue, dict[str, Any]]"]

_SERIES_ITEM = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*(?:年)?\s*[:：=]?\s*(?P<amount>.+?)\s*$")


def read_series(inner: Parser) -> Parser:
    """A yearly series, `{2019: 900多家, 2022: 600多家}` (or as text, `2019: 900多家; 2022: 600多家`):
    each year read as its field's kind; the value shown is the series as written, oldest first."""
    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        if isinstance(value, str):
            items: list[tuple[Any, Any]] = []
            for part in (p for p in re.split(r"[;；,，、\n]", value) if p.strip()):
                match = _SERIES_ITEM.match(part)
                if not match:
                    raise AmountError(
                        f"cannot read {part.strip()!r} as 'year: amount'; write e.g. '2019: 900多家; 2022: 600多家'")
                items.append((match.group("year"), match.group("amount")))
        elif isinstance(value, dict):
            items = list(value.items())
        else:
            raise AmountError("expected a mapping of years to amounts, e.g. {2019: 900多家, 2022: 600多家}")
        points: list[tuple[int, float, float]] = []
        currencies: set[str | None] = set()
        units: set[str | None] = set()
        for year, amount in items:
            try:
                number = int(str(year).strip().removesuffix("年"))
            except ValueError:
                raise AmountError(f"{year!r} is not a year; the keys of a series are years such as 2019") from None
            if not 1949 <= number <= 2100:
                raise AmountError(f"{year!r} is not a plausible year")
            shown, extra = inner(amount)
            currencies.add(extra.get("currency"))
            units.add(extra.get("unit"))
            lo = extra.get("lo", float(shown))  # type: ignore[arg-type]
            hi = extra.get("hi", float(shown))  # type: ignore[arg-type]
            points.append((number, float(lo), float(hi)))
        if len(points) < 2:
            raise AmountError("a series needs at least two years")
        if len({p[0] for p in points}) != len(points):
            raise AmountError("a year is written twice in the series")
        if len(currencies) > 1 or len(units) > 1:
            raise AmountError("the years of a series are in different units or currencies; write them all in one")
        points.sort()
        text = "; ".join(f"{y}: {a}" for y, a in sorted(items, key=lambda i: int(str(i[0]).strip().removesuffix("年"))))
        return text, {"points": tuple(points), "currency": next(iter(currencies)), "unit": next(iter(units))}

    return parse
