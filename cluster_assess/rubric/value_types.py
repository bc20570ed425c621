"""Whether a condition's value can be compared with its fact: checked when a rubric is loaded,
so a mismatch is a rubric error at its line rather than a crash when some profile has the fact."""

from __future__ import annotations

from typing import Any

from cluster_assess.i18n import msg
from cluster_assess.rubric.conditions import Condition

NUMERIC_KINDS = ("count", "money", "share", "rate", "number", "real", "rating", "metric")
_KINDS = ("count", "money", "share", "rate", "number", "real", "rating", "metric", "flag", "text", "choice", "names")


def value_misfit(cond: Condition, kind: str, allowed: tuple[str, ...] = ()) -> str | None:
    """Why a condition's value cannot be compared with its fact (a message), or None when it can.

    Checked when the rubric is loaded, so a mismatch is a rubric error at its line, not a crash
    when some profile happens to have the fact."""
    import math

    from cluster_assess.rubric.conditions import threshold

    op, value = cond.op or "==", cond.value
    what = msg(f"vt_kind_{kind}") if kind in _KINDS else kind
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
            return msg("vt_list", op=op, value=value)
        bad = [item for item in value if not fits(item)]
        if bad:
            return msg("vt_compare", value=bad[0], fact=fact, what=what)
        return None
    if op in ("contains", "lacks"):
        if kind not in ("names", "text"):
            return msg("vt_contains", op=op, fact=fact, what=what)
        if not isinstance(value, str):
            return msg("vt_contains_text", op=op, value=value)
        return None
    if kind == "names":
        return msg("vt_names", fact=fact, op=op)
    if op in (">=", ">", "<=", "<") and kind not in NUMERIC_KINDS:
        return msg("vt_numbers", op=op, fact=fact, what=what)
    if not fits(value):
        hint = ({"flag": msg("vt_hint_flag"), "choice": ", ".join(allowed) or msg("vt_hint_choice")}.get(kind)
                or (msg("vt_hint_number") if kind in NUMERIC_KINDS else msg("want_text")))
        return msg("vt_misfit", value=value, fact=fact, what=what, hint=hint)
    return None
