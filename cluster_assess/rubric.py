"""Rubric packs: the source documents' models, factors, checks and recommendations, as data.

The engine knows nothing of garments or glass; everything it judges by lives here. Loading is
strict: unknown keys, dangling or duplicate ids, unknown fact paths and stages out of order are
all reported at once, each with file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    ValidationError,
    field_validator,
    model_serializer,
)

from cluster_assess import data
from cluster_assess.conditions import Condition
from cluster_assess.errors import Problem, UserError
from cluster_assess.profile import Ratings, field_specs
from cluster_assess.rubric_cache import read_yaml_cached
from cluster_assess.validation import describe_type, translate
from cluster_assess.yamlsource import SourceMap, dotted

Severity = Literal["high", "medium", "low"]
SEVERITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}
MAX_WEIGHT = 1000.0  # a weight above this is a typo (1e308, inf), and sums of them overflow
MAX_EXTENDS = 16  # packs laid over packs: deeper chains are refused, not recursed into


def _check_weight(key: str, weight: float) -> float:
    import math

    if not math.isfinite(weight):
        raise ValueError(f"the weight of {key!r} is {weight!r}; a weight must be a finite number from 0 to "
                         f"{MAX_WEIGHT:g}")
    if weight < 0:
        raise ValueError(f"the weight of {key!r} is negative ({weight:g}); weights are 0 or more")
    if weight > MAX_WEIGHT:
        raise ValueError(f"the weight of {key!r} is {weight:g}; weights are at most {MAX_WEIGHT:g} (only their "
                         "ratios matter)")
    return weight


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Model):
    """User-facing text in both languages; neither may be empty."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @model_serializer(mode="plain")
    def _dump(self, info: SerializationInfo) -> str | dict[str, str]:
        """Both languages, or only one when dumped with `context={"lang": ...}`: the JSON
        renderer then gets localised output straight from pydantic's (fast) serializer."""
        lang = info.context.get("lang") if isinstance(info.context, dict) else None
        if lang in ("zh", "en"):
            return self.zh if lang == "zh" else self.en
        return {"zh": self.zh, "en": self.en}


class Item(Model):
    """Everything with an id carries its source passage."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    source: str = Field(min_length=3)


class Metric(Item):
    """A value derived from facts: a ratio of two paths, or the number of entries in a list."""

    name: Text
    ratio: tuple[str, str] | None = None
    count_of: str | None = None
    unit: Literal["share", "ratio", "count"] = "ratio"
    rationale: Text | None = None


class Segment(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text


class ValueChain(Item):
    """A reference chain for an industry; a profile's segments are measured against it."""

    name: Text
    match: list[str] = Field(default_factory=list, description="industry words that select this chain")
    segments: list[Segment] = Field(min_length=2)


class Factor(Item):
    """A condition of the sources, measured by an assessor rating and/or a rule over facts.

    It is met when the rating reaches the threshold OR the rule holds (either kind of evidence
    suffices); it is unknown when neither can be decided."""

    name: Text
    description: Text | None = None
    rating: str | None = None
    threshold: float = Field(default=3.0, ge=0, le=5)
    rule: Condition | None = None
    rationale: Text | None = None
    weight: float = 1.0
    recommendations: list[str] = Field(default_factory=list)

    @field_validator("weight")
    @classmethod
    def _finite_weight(cls, value: float) -> float:
        return _check_weight("this factor", value)


class Stage(Item):
    name: Text
    description: Text
    gates: list[str] = Field(default_factory=list)
    signs: list[Text] = Field(default_factory=list)


class StageModel(Item):
    name: Text
    description: Text | None = None
    stages: list[Stage] = Field(min_length=2)
    applies_when: Condition | None = None
    not_applicable: Text | None = None
    min_confidence: float = Field(default=0.4, ge=0, le=1)


class ProblemCheck(Item):
    title: Text
    description: Text
    severity: Severity
    when: Condition
    evidence: list[str] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
    rationale: Text | None = None
    itemise: Literal["chain_missing"] | None = Field(
        default=None, description="name each item of this list in the finding (e.g. each missing chain segment)")


class ClassOption(Model):
    """One answer a classification can give, with the condition that makes it the answer."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    when: Condition
    description: Text | None = None


class Classification(Item):
    """A non-ladder judgement (cluster type, origin, leading-firm weight): the first option whose
    condition holds is the answer; earlier options still unknown are reported as also possible."""

    name: Text
    description: Text | None = None
    options: list[ClassOption] = Field(min_length=2)
    evidence: list[str] = Field(default_factory=list, description="facts shown with the answer")
    rationale: Text | None = None


class Recommendation(Item):
    title: Text
    text: Text
    priority: Severity = "medium"
    fits: dict[str, list[str]] = Field(default_factory=dict)


class MaturityIndex(Model):
    """How `compare` ranks towns: a weighted mean, 0–100, of stage positions and factor scores.

    Components that are unknown weigh zero and lower the index's confidence (as Lighthouse does
    with audits it cannot score); below `min_confidence` a town is listed apart, not ranked."""

    name: Text
    formula: Text
    models: dict[str, float] = Field(default_factory=dict, description="weight per stage model")
    factors: dict[str, float] = Field(default_factory=dict, description="weight per factor")
    min_confidence: float = Field(default=0.5, ge=0, le=1)
    source: str = Field(min_length=3)
    rationale: Text

    @field_validator("models", "factors")
    @classmethod
    def _non_negative(cls, value: dict[str, float]) -> dict[str, float]:
        for key, weight in value.items():
            _check_weight(key, weight)
        return value


class Rubric(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str
    title: Text
    description: Text | None = None
    sources: list[str] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    value_chains: list[ValueChain] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    stage_models: list[StageModel] = Field(default_factory=list)
    classifications: list[Classification] = Field(default_factory=list)
    problems: list[ProblemCheck] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    maturity_index: MaturityIndex | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    # lookups used by the engine and renderers
    def factor(self, factor_id: str) -> Factor:
        return {f.id: f for f in self.factors}[factor_id]

    def model(self, model_id: str) -> StageModel:
        return {m.id: m for m in self.stage_models}[model_id]

    def recommendation(self, rec_id: str) -> Recommendation:
        return {r.id: r for r in self.recommendations}[rec_id]

    def all_items(self) -> list[tuple[str, Any]]:
        """(kind, item) for everything with an id — for `explain` and the docs."""
        out: list[tuple[str, Any]] = []
        out += [("metric", m) for m in self.metrics]
        out += [("value_chain", c) for c in self.value_chains]
        out += [("factor", f) for f in self.factors]
        for model in self.stage_models:
            out.append(("stage_model", model))
            out += [("stage", s) for s in model.stages]
        out += [("classification", c) for c in self.classifications]
        out += [("problem", p) for p in self.problems]
        out += [("recommendation", r) for r in self.recommendations]
        return out


CHAIN_METRICS = ("metrics.chain_completeness",)


def fact_paths(rubric: Rubric) -> set[str]:
    """Every path a condition may read: profile facts and ratings, plus the rubric's metrics."""
    paths = set(field_specs())
    paths.update(f"metrics.{m.id}" for m in rubric.metrics)
    paths.update(CHAIN_METRICS)
    return paths


# ---------------------------------------------------------------------------------------------
# Loading


def load_rubric(ref: str | Path | None = None) -> Rubric:
    """Load a rubric by built-in id (`cluster-core`) or path; raise UserError with every problem.

    A pack with `extends: BASE` is laid over its base first (see `read_rubric`)."""
    raw, source = read_rubric(resolve_rubric(ref))
    return validate_rubric_data(raw, source)


SECTIONS = ("metrics", "value_chains", "factors", "stage_models", "classifications", "problems",
            "recommendations")


class OverlaySourceMap(SourceMap):
    """Positions of a pack laid over its base: each value points to the file it came from."""

    def __init__(self, file: str, positions: dict[Any, tuple[int, int]], files: dict[Any, str]) -> None:
        super().__init__(file, positions)
        self.files = files

    def problem(self, path: tuple[Any, ...], message: str) -> Problem:
        at = tuple(path)
        while at and at not in self.positions:
            at = at[:-1]
        line, column = self.positions.get(at, (None, None))
        return Problem(message, self.files.get(at, self.file), line, column, dotted(tuple(path)) or None)


def read_rubric(path: Path, chain: tuple[Path, ...] = ()) -> tuple[Any, SourceMap]:
    """Read a pack; if it `extends:` another (a built-in id or a path relative to it), merge it
    over its base: items with the same id are deep-merged (the pack's keys win, lists of items
    with ids merge by id, other lists are replaced); new ids are added. The result is validated
    like any other pack, and every error points to the file and line its value came from."""
    raw, source = read_yaml_cached(path)  # parsed once per version of the file (see rubric_cache)
    if not isinstance(raw, dict) or "extends" not in raw:
        return raw, source
    ref = raw["extends"]
    if not isinstance(ref, str) or not ref.strip():
        raise UserError([source.problem(
            ("extends",), "'extends' takes a built-in rubric id or a path to a .yaml file")])
    candidate = path.parent / ref
    base_path = candidate if ref.endswith((".yaml", ".yml")) else None
    if base_path is None:
        try:
            base_path = resolve_rubric(ref)
        except UserError as exc:
            raise UserError([source.problem(("extends",), exc.problems[0].message)]) from None
    if base_path.resolve() in {p.resolve() for p in (*chain, path)}:
        raise UserError([source.problem(("extends",), f"{ref!r} extends itself (through {path.name})")])
    if len(chain) + 1 >= MAX_EXTENDS:
        raise UserError([source.problem(
            ("extends",), f"the chain of 'extends' is more than {MAX_EXTENDS} packs deep (from "
            f"{chain[0].name if chain else path.name}); a pack may extend packs that extend others up to "
            f"{MAX_EXTENDS} levels")])
    try:
        base, base_source = read_rubric(base_path, (*chain, path))
    except UserError as exc:
        if any(p.file == str(base_path) and p.message == "no such file" for p in exc.problems):
            raise UserError([source.problem(
                ("extends",), f"the base rubric {str(base_path)!r} does not exist")]) from None
        raise
    if not isinstance(base, dict):
        raise UserError([source.problem(("extends",), f"the base rubric {ref!r} is not a mapping of keys")])
    files: dict[Any, str] = dict(getattr(base_source, "files", {}))
    positions = dict(base_source.positions)
    for key in positions:
        files.setdefault(key, base_source.file)
    overlay = {k: v for k, v in raw.items() if k != "extends"}
    merged = _merge(base, overlay, (), (), source, positions, files)
    files[()] = source.file
    positions[()] = source.positions.get((), (1, 1))
    return merged, OverlaySourceMap(source.file, positions, files)


def _by_id(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value)


def _merge(base: Any, over: Any, over_at: tuple[Any, ...], out_at: tuple[Any, ...], source: SourceMap,
           positions: dict[Any, tuple[int, int]], files: dict[Any, str]) -> Any:
    """Merge `over` (from the overlay file, at `over_at`) onto `base` (already placed at `out_at`)."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            _place(source, (*over_at, key), (*out_at, key), positions, files, shallow=True)
            if key in base:
                out[key] = _merge(base[key], value, (*over_at, key), (*out_at, key), source, positions, files)
            else:
                _place(source, (*over_at, key), (*out_at, key), positions, files)
                out[key] = value
        return out
    if _by_id(base) and _by_id(over):
        out_list = list(base)
        index = {item["id"]: i for i, item in enumerate(base)}
        for j, item in enumerate(over):
            if item["id"] in index:
                k = index[item["id"]]
                _place(source, (*over_at, j), (*out_at, k), positions, files, shallow=True)
                out_list[k] = _merge(base[k], item, (*over_at, j), (*out_at, k), source, positions, files)
            else:
                _place(source, (*over_at, j), (*out_at, len(out_list)), positions, files)
                out_list.append(item)
        return out_list
    _place(source, over_at, out_at, positions, files)
    return over


def _place(source: SourceMap, over_at: tuple[Any, ...], out_at: tuple[Any, ...],
           positions: dict[Any, tuple[int, int]], files: dict[Any, str], shallow: bool = False) -> None:
    """Point `out_at` (and, unless shallow, everything below it) at the overlay's positions."""
    n = len(over_at)
    for key, pos in source.positions.items():
        if key[:n] == over_at and (not shallow or len(key) == n):
            target = (*out_at, *key[n:])
            positions[target] = pos
            files[target] = source.file


def resolve_rubric(ref: str | Path | None) -> Path:
    if ref is None:
        ref = data.DEFAULT_RUBRIC
    candidate = Path(ref)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return candidate
    builtin = data.builtin_rubrics()
    if str(ref) in builtin:
        return builtin[str(ref)]
    raise UserError.single(
        f"no rubric named {ref!r}; built-in rubrics: {', '.join(sorted(builtin)) or 'none'}; "
        "or give a path to a .yaml file",
        field="--rubric",
    )


def validate_rubric_data(raw: Any, source: SourceMap) -> Rubric:
    if not isinstance(raw, dict):
        raise UserError.single(
            f"a rubric must be a mapping of keys (id:, version:, factors:, …), not {describe_type(raw)}",
            file=source.file, line=1,
        )
    try:
        rubric = Rubric.model_validate(raw)
    except ValidationError as exc:
        raise UserError(translate(exc, source, raw, Rubric)) from None
    problems = cross_reference_problems(rubric, source)
    if problems:
        raise UserError(problems)
    return rubric


def cross_reference_problems(rubric: Rubric, source: SourceMap) -> list[Problem]:
    """Dangling references, duplicate ids, unknown fact paths and ratings, misordered models."""
    problems: list[Problem] = []

    def report(path: tuple[Any, ...], message: str) -> None:
        problems.append(source.problem(path, message))

    def unique(section: str, items: list[Any]) -> set[str]:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                report((section, i, "id"), f"duplicate id {item.id!r} (also {section}[{seen[item.id]}])")
            seen.setdefault(item.id, i)
        return set(seen)

    metrics = unique("metrics", rubric.metrics)
    factors = unique("factors", rubric.factors)
    models = unique("stage_models", rubric.stage_models)
    unique("problems", rubric.problems)
    recs = unique("recommendations", rubric.recommendations)
    unique("value_chains", rubric.value_chains)
    unique("classifications", rubric.classifications)
    paths = set(field_specs()) | {f"metrics.{m}" for m in metrics} | set(CHAIN_METRICS)
    ratings = set(Ratings.model_fields)
    stages_of = {m.id: [s.id for s in m.stages] for m in rubric.stage_models}
    model_order = [m.id for m in rubric.stage_models]

    def check_path(where: tuple[Any, ...], path: str) -> None:
        if path not in paths:
            import difflib

            hint = difflib.get_close_matches(path, sorted(paths), n=1, cutoff=0.6)
            report(where, f"unknown fact path {path!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""))

    kinds = {path: spec.kind for path, spec in field_specs().items()}
    choices = {path: spec.choices for path, spec in field_specs().items()}
    kinds.update({f"metrics.{m}": "metric" for m in metrics})
    kinds.update({p: "share" for p in CHAIN_METRICS})

    def check_condition(where: tuple[Any, ...], cond: Condition | None, before: str | None = None) -> None:
        if cond is None:
            return
        for rel, node in cond.walk():
            if node.fact is not None:
                check_path((*where, *rel, "fact"), node.fact)
                if node.fact in kinds and node.op not in (None, "known"):
                    message = value_misfit(node, kinds[node.fact], choices.get(node.fact, ()))
                    if message:
                        report((*where, *rel, "value"), message)
            if node.factor is not None and node.factor not in factors:
                report((*where, *rel, "factor"), f"unknown factor {node.factor!r}")
            if node.model is not None:
                at = (*where, *rel, "model")
                if node.model not in models:
                    report(at, f"unknown stage model {node.model!r}")
                elif node.at_least not in stages_of[node.model]:
                    report(at, f"model {node.model!r} has no stage {node.at_least!r} "
                                  f"(stages: {', '.join(stages_of[node.model])})")
                elif before is not None and model_order.index(node.model) >= model_order.index(before):
                    report(at, f"stage model {before!r} depends on {node.model!r}, which must be "
                                  "listed before it (models are judged in order)")

    def check_recs(where: tuple[Any, ...], ids: list[str]) -> None:
        for j, rec in enumerate(ids):
            if rec not in recs:
                report((*where, j), f"unknown recommendation {rec!r}")

    def check_source(where: tuple[Any, ...], cited: str) -> None:
        from cluster_assess.seeds import unresolved

        for locator in unresolved(cited):
            report((*where, "source"), f"source {locator!r} names no passage in the digest of document "
                   f"{locator.split(' · ')[0]!r} (seeds/); cite a heading that exists there")

    for section in SECTIONS:
        for i, item in enumerate(getattr(rubric, section)):
            check_source((section, i), item.source)
    for i, model in enumerate(rubric.stage_models):
        for j, stage in enumerate(model.stages):
            check_source(("stage_models", i, "stages", j), stage.source)
    for i, metric in enumerate(rubric.metrics):
        if (metric.ratio is None) == (metric.count_of is None):
            report(("metrics", i), "a metric needs exactly one of 'ratio' or 'count_of'")
        for path in (*(metric.ratio or ()), *([metric.count_of] if metric.count_of else [])):
            if path.startswith("metrics.") and path.removeprefix("metrics.") not in {
                m.id for m in rubric.metrics[:i]
            }:
                report(("metrics", i), f"metric {path!r} must be defined before it is used")
            else:
                check_path(("metrics", i), path)
    for i, factor in enumerate(rubric.factors):
        if factor.rating is None and factor.rule is None:
            report(("factors", i), "a factor needs a 'rating', a 'rule', or both")
        if factor.rating is not None and factor.rating not in ratings:
            import difflib

            hint = difflib.get_close_matches(factor.rating, sorted(ratings), n=1)
            report(("factors", i, "rating"), f"unknown rating {factor.rating!r}"
                   + (f"; did you mean {hint[0]!r}?" if hint else ""))
        check_condition(("factors", i, "rule"), factor.rule)
        check_recs(("factors", i, "recommendations"), factor.recommendations)
    for i, model in enumerate(rubric.stage_models):
        check_condition(("stage_models", i, "applies_when"), model.applies_when, before=model.id)
        if model.applies_when is not None and model.not_applicable is None:
            report(("stage_models", i), "a model with 'applies_when' needs 'not_applicable' text")
        seen_stage: set[str] = set()
        gated: set[str] = set()
        for j, stage in enumerate(model.stages):
            if stage.id in seen_stage:
                report(("stage_models", i, "stages", j, "id"), f"duplicate stage {stage.id!r}")
            seen_stage.add(stage.id)
            if j > 0 and not stage.gates:
                report(("stage_models", i, "stages", j),
                       f"stage {stage.id!r} has no gates, so it would be reached without evidence; "
                       "only the first stage (the floor) may have none")
            for k, gate in enumerate(stage.gates):
                if gate not in factors:
                    report(("stage_models", i, "stages", j, "gates", k), f"unknown factor {gate!r}")
                elif gate in gated:
                    report(("stage_models", i, "stages", j, "gates", k),
                           f"factor {gate!r} already gates an earlier stage; stages out of order?")
                gated.add(gate)
    for i, classification in enumerate(rubric.classifications):
        seen_option: set[str] = set()
        for j, option in enumerate(classification.options):
            if option.id in seen_option:
                report(("classifications", i, "options", j, "id"), f"duplicate option {option.id!r}")
            seen_option.add(option.id)
            check_condition(("classifications", i, "options", j, "when"), option.when)
        for j, path in enumerate(classification.evidence):
            check_path(("classifications", i, "evidence", j), path)
    for i, problem in enumerate(rubric.problems):
        check_condition(("problems", i, "when"), problem.when)
        for j, path in enumerate(problem.evidence):
            check_path(("problems", i, "evidence", j), path)
        check_recs(("problems", i, "recommendations"), problem.recommendations)
    for i, rec in enumerate(rubric.recommendations):
        for model_id, stage_ids in rec.fits.items():
            if model_id not in models:
                report(("recommendations", i, "fits", model_id), f"unknown stage model {model_id!r}")
                continue
            for stage_id in stage_ids:
                if stage_id not in stages_of[model_id]:
                    report(("recommendations", i, "fits", model_id),
                           f"model {model_id!r} has no stage {stage_id!r}")
    if rubric.maturity_index is not None:
        _check_maturity_index(rubric.maturity_index, factors, models, report)
    return problems


NUMERIC_KINDS = ("count", "money", "share", "rate", "number", "real", "rating", "metric")
_KIND_WORDS = {"count": "a count", "money": "an amount of money", "share": "a share", "rate": "a rate",
               "number": "a number", "real": "a number", "rating": "a rating (0–5)", "metric": "a metric (a number)",
               "flag": "a yes/no flag", "text": "text", "choice": "a choice", "names": "a list of names"}


def value_misfit(cond: Condition, kind: str, allowed: tuple[str, ...] = ()) -> str | None:
    """Why a condition's value cannot be compared with its fact (a message), or None when it can.

    Checked when the rubric is loaded, so a mismatch is a rubric error at its line, not a crash
    when some profile happens to have the fact."""
    import math

    from cluster_assess.conditions import threshold

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


def _check_maturity_index(index: MaturityIndex, factors: set[str], models: set[str], report: Any) -> None:
    """Every weighted id must exist, and something must carry weight."""
    import difflib

    for section, known, kind in (("models", models, "stage model"), ("factors", factors, "factor")):
        for key in getattr(index, section):
            if key not in known:
                hint = difflib.get_close_matches(key, sorted(known), n=1)
                report(("maturity_index", section, key), f"unknown {kind} {key!r}"
                       + (f"; did you mean {hint[0]!r}?" if hint else ""))
    if not any(w > 0 for w in (*index.models.values(), *index.factors.values())):
        report(("maturity_index",),
               "the maturity index gives no weight to anything; weight at least one model or factor")
