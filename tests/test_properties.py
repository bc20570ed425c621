"""Properties the sources imply (DESIGN.md principles 2 and 3), checked on random profiles:
- monotone: raising any rating or improving any higher-is-better (or lowering a lower-is-better)
  fact never lowers either bound of a stage range;
- adding a fact never widens a range, and removing one never turns an unknown into a failure
  (unless a rating was overruling the facts: then the facts speak again, which is the point);
- sound: for random completions of a profile's unknowns, every completed stage lies within the
  original [at_least, at_most];
- conflicts appear exactly when a rating and its factor's rule disagree."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cluster_assess.assessment import NOT_APPLICABLE, Assessment
from cluster_assess.engine.assess import assess
from cluster_assess.profile.fields import FieldSpec, field_specs
from cluster_assess.profile.schema import Profile
from cluster_assess.rubric.loading import load_rubric

RUBRIC = load_rubric()
SPECS = field_specs()
SEGMENTS = sorted({s.id for c in RUBRIC.value_chains for s in c.segments})
GRADES = ["low", "mid_low", "mid", "mid_high", "high"]


def value_for(spec: FieldSpec) -> st.SearchStrategy[Any]:
    if spec.kind == "rating":
        return st.integers(0, 5)
    if spec.kind == "count":
        return st.integers(0, 2000)
    if spec.kind == "money":
        return st.floats(0, 1e10, allow_nan=False)
    if spec.kind in ("share", "rate"):
        return st.floats(0, 0.99, allow_nan=False)
    if spec.kind == "number":
        return st.floats(0, 1000, allow_nan=False)
    if spec.kind == "flag":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "real":
        return st.floats(-1, 1, allow_nan=False)
    if spec.kind == "quantity":
        return st.integers(0, 10**9).map(lambda n: f"{n}件")
    if spec.kind == "series":
        return st.tuples(st.integers(1, 10**9), st.integers(1, 10**9)).map(lambda t: {2020: t[0], 2022: t[1]})
    if spec.path == "facts.chain.segments":
        return st.lists(st.sampled_from(SEGMENTS), unique=True, max_size=8)
    if spec.kind == "names":
        return st.lists(st.sampled_from(["甲", "乙", "丙", "丁", "information", "testing", "training"]),
                        unique=True, min_size=1, max_size=5)
    return st.text(min_size=1, max_size=5)


def build(flat: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"name": "random", "industry": "服装"}
    for path, value in flat.items():
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return data


profiles = st.dictionaries(
    st.sampled_from(sorted(SPECS)), st.nothing(), max_size=0
).flatmap(lambda _: st.fixed_dictionaries({}, optional={p: value_for(s) for p, s in SPECS.items()}))


def score(flat: dict[str, Any]) -> Assessment:
    return assess(Profile.model_validate(build(flat)), RUBRIC)


def index(model: str, stage: str) -> int:
    return -1 if stage == NOT_APPLICABLE else [s.id for s in RUBRIC.model(model).stages].index(stage)


def bounds(assessment: Assessment, model: str) -> tuple[int, int]:
    result = assessment.stages[model]
    return index(model, result.at_least), index(model, result.at_most)


def improved(spec: FieldSpec, value: Any) -> Any | None:
    """A better value for the field, or None when there is no better one."""
    if spec.kind == "rating":
        return min(5, value + 2) if value < 5 else None
    if spec.better == "none":
        return None
    higher = spec.better == "higher"
    if spec.kind == "flag":
        return higher if value != higher else None
    if spec.kind == "choice":
        i = GRADES.index(value)
        return GRADES[i + 1] if higher and i < 4 else GRADES[i - 1] if not higher and i > 0 else None
    if spec.kind in ("share", "rate"):
        return min(0.99, value + 0.3) if higher else max(0.0, value - 0.3)
    if spec.kind in ("count", "money", "number"):
        return value * 3 + 10 if higher else (value // 3 if spec.kind == "count" else value / 3)
    if spec.kind == "quantity":
        n = int(value.removesuffix("件"))
        return f"{n * 3 + 10 if higher else n // 3}件"
    if spec.kind == "series":  # a better latest year
        first, last = value[2020], value[2022]
        return {2020: first, 2022: last * 3 + 10 if higher else max(1, last // 3)}
    if spec.path == "facts.chain.segments":
        missing = [s for s in SEGMENTS if s not in value]
        return [*value, missing[0]] if missing else None
    return None


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def contradicted(a: Assessment) -> bool:
    """The facts break the rubric's own implications: no property can hold of such a profile."""
    return bool(a.contradictions)


@SETTINGS
@given(flat=profiles, data=st.data())
def test_improving_a_fact_or_rating_never_lowers_either_bound(flat, data):
    candidates = [p for p in flat if improved(SPECS[p], flat[p]) is not None]
    if not candidates:
        return
    path = data.draw(st.sampled_from(candidates))
    better = dict(flat, **{path: improved(SPECS[path], flat[path])})
    before, after = score(flat), score(better)
    if contradicted(before) or contradicted(after):
        return
    for model in before.stages:
        (lo0, hi0), (lo1, hi1) = bounds(before, model), bounds(after, model)
        assert lo1 >= lo0 and hi1 >= hi0, (path, model, flat[path], better[path])


@SETTINGS
@given(flat=profiles, data=st.data())
def test_removing_a_fact_never_narrows_a_range_nor_creates_a_failure(flat, data):
    if not flat:
        return
    path = data.draw(st.sampled_from(sorted(flat)))
    fewer = {k: v for k, v in flat.items() if k != path}
    before, after = score(flat), score(fewer)
    if before.conflicts or contradicted(before) or contradicted(after):
        return  # a rating was overruling the facts: removing it lets the facts speak
    failing_before = {f for f, r in before.factors.items() if r.status == "not_met"}
    failing_after = {f for f, r in after.factors.items() if r.status == "not_met"}
    assert failing_after <= failing_before, path
    assert {p.id for p in after.problems} <= {p.id for p in before.problems}, path
    for model in before.stages:
        (lo0, hi0), (lo1, hi1) = bounds(before, model), bounds(after, model)
        assert lo1 <= lo0 and hi1 >= hi0, (path, model)


@SETTINGS
@given(flat=profiles, data=st.data())
def test_every_completion_of_the_unknowns_lands_inside_the_range(flat, data):
    before = score(flat)
    if contradicted(before):
        return
    unknown_ratings = {f"ratings.{RUBRIC.factor(f).rating}" for f, r in before.factors.items()
                       if r.status == "unknown" and RUBRIC.factor(f).rating}
    open_paths = [p for p in SPECS if p not in flat and (not p.startswith("ratings.") or p in unknown_ratings)]
    chosen = data.draw(st.lists(st.sampled_from(open_paths), unique=True, max_size=12)) if open_paths else []
    completed = dict(flat)
    for path in chosen:
        completed[path] = data.draw(value_for(SPECS[path]))
    after = score(completed)
    if after.conflicts or contradicted(after):
        return
    for model in before.stages:
        (lo0, hi0), (lo1, hi1) = bounds(before, model), bounds(after, model)
        assert lo0 <= lo1 <= hi1 <= hi0, (model, chosen)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flat=profiles)
def test_conflicts_appear_exactly_when_a_rating_and_its_rule_disagree(flat):
    result = score(flat)
    expected = set()
    implied = {term.factor for rule in RUBRIC.implications for term in (rule.if_, rule.then) if term.factor}
    for factor in RUBRIC.factors:
        path = f"ratings.{factor.rating}" if factor.rating else None
        if path is None or path not in flat or factor.rule is None or factor.id in implied:
            continue  # (a factor an implication can settle is decided by more than its own rule)
        unrated = score({k: v for k, v in flat.items() if k != path})
        rule_says = unrated.factors[factor.id].status
        rated_met = flat[path] >= factor.threshold
        if rule_says != "unknown" and (rule_says == "met") != rated_met:
            expected.add(factor.id)
    assert {c.factor for c in result.conflicts} - implied == expected
