"""The compact assessment a comparison keeps of each town.

`compare` and the comparison report read a town's stage ranges, factor scores, metrics, chain,
key indicators, problem counts and titles, its first recommendations and how many facts are
unknown — not the evidence behind each judgement, the gaps or the full advice (the ladders stay: the comparison
report draws its stage grids from them).
`slim()` keeps what they read and drops the rest as soon as a town is assessed; and since most
towns share most of what is left (a factor met with the same score, the same stage range), equal
parts are one shared object (they are frozen). A comparison of thousands of towns then holds a
few kilobytes a town instead of a whole Assessment. The comparison built from slim assessments
is the same, byte for byte (tested).
"""

from __future__ import annotations

from typing import Any

from cluster_assess.assessment import Assessment, Record, replace
from cluster_assess.rubric.model import Rubric, Text

TOP_RECOMMENDATIONS = 3  # what the comparison and its report show of each town's advice
SHARED_MAX = 100_000  # distinct parts kept for sharing; past it the table starts again

# the ladder stays: the comparison report's stage grid reads it
_STAGE_DETAIL = {"evidence": [], "implied": [], "gaps": [], "deciding": []}
_FACTOR_DETAIL = {"facts": [], "missing": []}
_PROBLEM_DETAIL = {"evidence": []}


def slim(a: Assessment, rubric: Rubric) -> Assessment:
    """`a` without what no comparison reads (same type, same attribute access)."""
    memo = rubric.memo
    keep = kept_facts(rubric)
    shared = memo.get("slim.shared")
    if shared is None or len(shared) > SHARED_MAX:
        shared = memo["slim.shared"] = {}
    return replace(
        a,
        stages={k: _share(shared, s, _STAGE_DETAIL) for k, s in a.stages.items()},
        factors={k: _share(shared, f, _FACTOR_DETAIL) for k, f in a.factors.items()},
        classifications={},
        problems=[_share(shared, p, _PROBLEM_DETAIL) for p in a.problems],
        unchecked=[_share(shared, p) for p in a.unchecked],
        conflicts=[],
        recommendations=[_share(shared, r) for r in a.recommendations[:TOP_RECOMMENDATIONS]],
        unknowns=[_share(shared, u) for u in a.unknowns],
        facts=[_share(shared, f) for f in a.facts if f.path in keep],
    )


def kept_facts(rubric: Rubric) -> frozenset[str]:
    """The facts a comparison shows (its indicator rows): all a compact town keeps of its facts,
    and so all `assess` need build for a town that will be made compact."""
    keep = rubric.memo.get("slim.facts")
    if keep is None:
        keep = rubric.memo["slim.facts"] = frozenset(rubric.comparison.indicators if rubric.comparison else ())
    return keep


def _share(shared: dict[Any, Any], item: Record, drop: dict[str, Any] | None = None) -> Any:
    """The one object equal to `item` without the fields in `drop`."""
    key = (type(item), *(_key(getattr(item, name)) for name in item.__slots__ if drop is None or name not in drop))
    found = shared.get(key)
    if found is None:
        found = shared[key] = replace(item, **drop) if drop else item
    return found


def _key(value: Any) -> Any:
    if isinstance(value, Text):
        return (Text, value.zh, value.en)
    if isinstance(value, list | tuple):
        return (list, *(_key(v) for v in value))
    if isinstance(value, dict):
        return (dict, *((k, _key(v)) for k, v in value.items()))
    if isinstance(value, Record):
        return (type(value), *(_key(getattr(value, name)) for name in value.__slots__))
    return (type(value), value)
