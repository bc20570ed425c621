"""Whether a condition's value can be compared with its fact: checked when a rubric is loaded,
so a mismatch is a rubric error at its line rather than a crash when some profile has the fact."""

from __future__ import annotations

from typing import Any

from cluster_assess.rubric.conditions import Condition

NUMERIC_KINDS = ("count", "money", "share", "rate", "number", "real", "rating", "metric")
_KIND_WORDS = {"count": "a count", "money": "an amount of money", "share": "a share", "rate": "a rate",
               "number": "a number", "real": "a number", "rating": "a rating (0–5)", "metric": "a metric (a number)",
               "flag": "a yes/no flag", "text": "text", "choice": "a choice", "names": "a list of names"}


def value_misfit(cond: Condition, kind: str, allowed: tuple[str, ...] = ()) -> str | None:
    """Why a condition's value cannot be compared with its fact (a message), or None when it can.

    Checked when the rubric is loaded, so a mismatch is a rubric error at its line, not a crash
    when some profile happens to have the fact."""
    import math

    from cluster_assess.rubric.conditions import threshold

    op, value = cond.op or "==", cond.value
    what = _KIND_WORDS.get(kind, kind)
    fact = cond.fact

    def number(item: Any) -> bool:
        if isinstance(item, bool):
            return False
        if isinstance(item, int | float):
            return math.isfinite(item)
        if isinstance(item, str) and kind in ("count", "money", "share", "rate", "number", "metric"):
            read, _ = threshold(item, kind)
            return isinstance(read, int | float) and not isinstance(read, bool) and math.isfinite(read)
        return False

    def fits(item: Any) -> bool:
        if kind in NUMERIC_KINDS:
            return number(item)
        if kind == "flag":
            return isinstance(item, bool)
        if kind == "choice":
            return isinstance(item, str) and (not allowed or item in allowed)
        return isinstance(item, str)

    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            return f"{op!r} needs a list of values, e.g. [a, b]; got {value!r}"
        bad = [item for item in value if not fits(item)]
        if bad:
            return f"{bad[0]!r} cannot be compared with {fact!r}, which is {what}"
        return None
    if op in ("contains", "lacks"):
        if kind not in ("names", "text"):
            return f"{op!r} looks inside a list of names or a text, but {fact!r} is {what}; use ==, >= or in"
        if not isinstance(value, str):
            return f"{op!r} needs a name (text) to look for; got {value!r}"
        return None
    if kind == "names":
        return f"{fact!r} is a list of names: use 'contains', 'lacks' or 'known', not {op!r}"
    if op in (">=", ">", "<=", "<") and kind not in NUMERIC_KINDS:
        return f"{op!r} compares numbers, but {fact!r} is {what}; use == or in"
    if not fits(value):
        hint = {"flag": "true or false", "choice": ", ".join(allowed) or "one of its choices"}.get(
            kind, "a number such as 100, or an amount such as '1亿元' or '30%'" if kind in NUMERIC_KINDS else "text")
        return f"the value {value!r} does not fit {fact!r}, which is {what}; write {hint}"
    return None
