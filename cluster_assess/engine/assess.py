"""assess(): Profile × Rubric → Assessment. Pure: no I/O, no clock, no randomness.

How a stage is decided (for every stage model):
- stages are cumulative: stage k is reached when the gate factors of stages 0..k are all met —
  the sources say each stage needs "the elements of the stages before, and also …";
- the first stage is the floor: a cluster is at least there, whatever its gates say;
- a gate that is unknown stops the climb but is not a failure: the result says the stage
  "could be higher" and lists the facts to collect;
- confidence is the share of the model's gate factors that are informed — their rating is
  known, or the facts their rule reads are (one part of an `any` is enough) — whatever those
  values say; below the model's `min_confidence` the stage is `undetermined`, said plainly.
  Because it depends on which facts are known and not on their values, improving a fact never
  turns a judged stage into `undetermined`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from cluster_assess.assessment import (
    NOT_APPLICABLE,
    UNDETERMINED,
    Assessment,
    ChainResult,
    ClassificationResult,
    FactorResult,
    FactShown,
    Gap,
    Identity,
    ProblemFound,
    ProblemUnchecked,
    RecommendationResult,
    RubricRef,
    Rung,
    StageResult,
    Unknown,
)
from cluster_assess.profile.facts import Fact
from cluster_assess.profile.fields import field_specs, known_facts
from cluster_assess.profile.schema import Profile, Rating
from cluster_assess.rubric import wording
from cluster_assess.rubric.conditions import (
    Condition,
    Context,
    Outcome,
    all_of,
    any_of,
    describe,
    evaluate,
)
from cluster_assess.rubric.model import SEVERITY_WEIGHT, Classification, Factor, Rubric, StageModel, Text

GAP_WEIGHT = 1.5
FIT_BONUS = 1.0
BASE_PRIORITY = {"high": 1.0, "medium": 0.5, "low": 0.0}


def assess(profile: Profile, rubric: Rubric) -> Assessment:
    return _Run(profile, rubric).assessment()


class _Compiled:
    """What depends on the rubric alone, worked out once per rubric and reused for every profile:
    id lookups, the names of facts, and each factor's rule in words. A batch of ten thousand
    profiles against one rubric would otherwise redo this ten thousand times."""

    def __init__(self, rubric: Rubric) -> None:
        self.factors = {f.id: f for f in rubric.factors}
        self.models = {m.id: m for m in rubric.stage_models}
        self.metrics = {f"metrics.{m.id}": m for m in rubric.metrics}
        self.metric_names = {path: m.name for path, m in self.metrics.items()}
        self.share_metrics = {f"metrics.{m.id}" for m in rubric.metrics if m.unit == "share"}
        self.share_metrics.add("metrics.chain_completeness")
        self.names: dict[tuple[str, str], Text] = {}
        self.rules: dict[str, Text] = {}
        self.affects: dict[tuple[str, str, str], Text] = {}
        # Facts as evidence, by (path, fact): flags, grades and bare ratings recur from profile to
        # profile. Bounded, so that memory stays flat over any number of profiles.
        self.shown: dict[tuple[str, Any], FactShown] = {}

    def fact_inputs(self, path: str) -> set[str]:
        """The profile paths behind a condition's path: metrics are computed from facts."""
        metric = self.metrics.get(path)
        if metric is not None:
            out: set[str] = set()
            for part in (*(metric.ratio or ()), *([metric.count_of] if metric.count_of else [])):
                out |= self.fact_inputs(part)
            return out
        if path == "metrics.chain_completeness":
            return {"facts.chain.segments"}
        return {path}


SHOWN_CACHE_MAX = 4096


_COMPILED: dict[int, tuple[Rubric, _Compiled]] = {}


def _compiled(rubric: Rubric) -> _Compiled:
    """The compiled form of a rubric; keyed by identity (rubrics are frozen), a few kept."""
    entry = _COMPILED.get(id(rubric))
    if entry is not None and entry[0] is rubric:
        return entry[1]
    if len(_COMPILED) >= 8:
        _COMPILED.pop(next(iter(_COMPILED)))
    compiled = _Compiled(rubric)
    _COMPILED[id(rubric)] = (rubric, compiled)  # holding the rubric keeps its id from being reused
    return compiled


class _Run:
    """One evaluation: caches factor and model results so each is computed once."""

    def __init__(self, profile: Profile, rubric: Rubric) -> None:
        self.profile = profile
        self.rubric = rubric
        self.compiled = _compiled(rubric)
        self.shown_cache: dict[str, FactShown | None] = {}
        self.known = known_facts(profile)
        self.values: dict[str, Any] = {}
        self.kinds: dict[str, str] = {}
        self.currencies: dict[str, str | None] = {}
        for path, item in self.known.items():
            if isinstance(item, Rating):
                self.values[path], self.kinds[path] = item.score, "rating"
            else:
                self.values[path], self.kinds[path] = item.value, item.kind
                self.currencies[path] = item.currency
        self.chain = self._chain()
        self.metrics = self._metrics()
        self.factor_outcomes: dict[str, Outcome] = {}
        self.factor_results: dict[str, FactorResult] = {}
        self.models: dict[str, StageResult] = {}
        self.ctx = Context(self.values, self.kinds, self.currencies, self._factor_outcome, self._at_least)

    # -- names and display ------------------------------------------------------------------

    def name_of(self, kind: str, ident: str) -> Text:
        """Names depend on the rubric alone, so they are worked out once per rubric."""
        names = self.compiled.names
        key = (kind, ident)
        if key not in names:
            names[key] = self._name_of(kind, ident)
        return names[key]

    def _name_of(self, kind: str, ident: str) -> Text:
        return wording.name_of(self.rubric, kind, ident)

    def describe(self, cond: Condition) -> Text:
        return Text(
            zh=describe(cond, "zh", lambda k, i: self.name_of(k, i).zh),
            en=describe(cond, "en", lambda k, i: self.name_of(k, i).en),
        )

    def shown(self, path: str) -> FactShown | None:
        """A fact as evidence; the same fact backs many factors, so each is built once a run."""
        if path not in self.shown_cache:
            self.shown_cache[path] = self._shown(path)
        return self.shown_cache[path]

    def _shown(self, path: str) -> FactShown | None:
        if path not in self.values:
            return None
        item = self.known.get(path)
        if item is None:
            return self._shown_item(path, item)
        cache = self.compiled.shown
        key = (path, item)
        found = cache.get(key)
        if found is None:
            if len(cache) >= SHOWN_CACHE_MAX:
                cache.clear()
            found = cache[key] = self._shown_item(path, item)
        return found

    def _shown_item(self, path: str, item: Fact | Rating | None) -> FactShown:
        name = self.name_of("fact", path)
        spec = field_specs().get(path)
        unit = spec.unit if spec else ""
        value = self.values[path]
        if isinstance(item, Rating):
            return FactShown(path=path, name=name, kind="rating", value=value, display=f"{value:g}/5", unit="0–5",
                             source=item.source, evidence=item.evidence)
        if isinstance(item, Fact):
            return FactShown(path=path, name=name, kind=item.kind, value=_jsonable(value), display=_display(item),
                             unit=item.currency or unit, approx=item.approx, source=item.source)
        share = path in self.compiled.share_metrics
        display = f"{value:.0%}" if share else _number(value)
        return FactShown(path=path, name=name, kind="metric", value=value, display=display, unit=unit)

    # -- derived values ---------------------------------------------------------------------

    def _chain(self) -> ChainResult | None:
        chains = self.rubric.value_chains
        if not chains:
            return None
        industry = (self.profile.industry or "").lower()
        chosen = next((c for c in chains if any(w.lower() in industry for w in c.match)), None)
        chosen = chosen or next((c for c in chains if c.id == "generic"), None)
        if chosen is None:
            return None
        segments = self.values.get("facts.chain.segments")
        if segments is None:
            return None
        aliases: dict[str, str] = {}
        for seg in chosen.segments:
            for alias in (seg.id, seg.name.zh, seg.name.en.lower()):
                aliases[alias] = seg.id
        present, unrecognised = [], []
        for raw in segments:
            seg_id = aliases.get(raw) or aliases.get(str(raw).lower())
            (present if seg_id else unrecognised).append(seg_id or raw)
        present = [s.id for s in chosen.segments if s.id in present]
        missing = [s for s in chosen.segments if s.id not in present]
        completeness = len(present) / len(chosen.segments)
        self.values["metrics.chain_completeness"] = completeness
        self.kinds["metrics.chain_completeness"] = "share"
        return ChainResult(
            chain=chosen.id, name=chosen.name, present=present, missing=[s.name for s in missing],
            missing_ids=[s.id for s in missing], unrecognised=unrecognised,
            completeness=completeness, source=chosen.source,
        )

    def _metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for metric in self.rubric.metrics:
            value: float | None = None
            if metric.ratio is not None:
                top, bottom = (self.values.get(p) for p in metric.ratio)
                currencies = {self.currencies.get(p) for p in metric.ratio} - {None}
                if (isinstance(top, int | float) and isinstance(bottom, int | float) and bottom
                        and len(currencies) <= 1):
                    value = float(top) / float(bottom)
            elif metric.count_of is not None:
                items = self.values.get(metric.count_of)
                value = float(len(items)) if isinstance(items, tuple) else None
            out[metric.id] = value
            if value is not None:
                path = f"metrics.{metric.id}"
                self.values[path] = value
                self.kinds[path] = "metric"
        return out

    # -- factors ----------------------------------------------------------------------------

    def inputs_of(self, paths: set[str]) -> list[str]:
        """Unknown metric paths replaced by the unknown facts they are computed from."""
        out: set[str] = set()
        for path in paths:
            leaves = self.compiled.fact_inputs(path)
            out |= {p for p in leaves if p not in self.values} if path in self.compiled.metrics else leaves
        return sorted(out)

    def _factor_outcome(self, factor_id: str) -> Outcome:
        if factor_id not in self.factor_outcomes:
            self.factor_outcomes[factor_id] = Outcome(None)  # guards against a cycle of factors
            self.factor_outcomes[factor_id] = self._evaluate_factor(self.compiled.factors[factor_id])
        return self.factor_outcomes[factor_id]

    def _evaluate_factor(self, factor: Factor) -> Outcome:
        parts: list[Outcome] = []
        scores: list[float] = []
        if factor.rating is not None:
            path = f"ratings.{factor.rating}"
            if path in self.values:
                parts.append(Outcome(self.values[path] >= factor.threshold, {path}))
                scores.append(self.values[path] / 5)
            else:
                parts.append(Outcome(None, missing={path}))
        if factor.rule is not None:
            rule = evaluate(factor.rule, self.ctx)
            parts.append(rule)
            if rule.value is not None:
                scores.append(1.0 if rule.value else 0.0)
        outcome = any_of(parts)
        status = {True: "met", False: "not_met", None: "unknown"}[outcome.value]
        used = sorted(outcome.used | set().union(*(p.used for p in parts)))
        self.factor_results[factor.id] = FactorResult(
            id=factor.id, name=factor.name, status=status, score=max(scores) if scores else None,
            rule=self._factor_rule(factor),
            rating=f"ratings.{factor.rating}" if factor.rating else None,
            facts=[s for p in used if (s := self.shown(p))],
            missing=self.inputs_of(outcome.missing), source=factor.source, weight=factor.weight,
        )
        return outcome

    def _factor_rule(self, factor: Factor) -> Text:
        """The factor's test in words: the same for every profile, so worked out once a rubric."""
        rules = self.compiled.rules
        if factor.id not in rules:
            rules[factor.id] = self._factor_rule_text(factor)
        return rules[factor.id]

    def _factor_rule_text(self, factor: Factor) -> Text:
        return wording.factor_rule(self.rubric, factor)

    def factor(self, factor_id: str) -> FactorResult:
        self._factor_outcome(factor_id)
        return self.factor_results[factor_id]

    # -- stage models -----------------------------------------------------------------------

    def _at_least(self, model_id: str, stage_id: str) -> bool | None:
        result = self.models.get(model_id)
        if result is None or result.stage == UNDETERMINED:
            return None
        if result.stage == NOT_APPLICABLE:
            return False
        order = [s.id for s in self.compiled.models[model_id].stages]
        if order.index(result.stage) >= order.index(stage_id):
            return True
        return None if result.could_be_higher else False

    def _model(self, model: StageModel) -> StageResult:
        base: dict[str, Any] = {"model": model.id, "name": model.name, "source": model.source}
        if model.applies_when is not None:
            applies = evaluate(model.applies_when, self.ctx)
            if applies.value is not True:
                stage = NOT_APPLICABLE if applies.value is False else UNDETERMINED
                reason = model.not_applicable or Text(zh="不适用", en="does not apply")
                if applies.value is None:
                    reason = Text(zh="尚无法判断是否适用：" + reason.zh,
                                  en="cannot yet tell whether it applies: " + reason.en)
                return StageResult(**base, stage=stage, stage_name=_status_name(stage),
                                   confidence=0.0, reason=reason, ladder=self._ladder(model, None))
        reached, could_be_higher = 0, False
        for k, stage in enumerate(model.stages):
            outcome = _all([self._factor_outcome(g) for g in stage.gates])
            if outcome.value is True:
                reached = k
                continue
            could_be_higher = outcome.value is None
            break
        # Confidence is the share of gate factors that are informed: their rating is known, or every
        # fact their rule reads is. It depends on which facts are known, never on their values, so
        # improving a fact can never turn a stage into 'undetermined' (DESIGN.md principles 2, 3).
        gates = [g for s in model.stages for g in s.gates]
        informed = [g for g in gates if self._informed_factor(g, set())]
        confidence = len(informed) / len(gates) if gates else 1.0
        evidence = [self.factor(g) for s in model.stages[: reached + 1] for g in s.gates]
        nxt = model.stages[reached + 1] if reached + 1 < len(model.stages) else None
        unmet_floor = [g for s in model.stages[: reached + 1] for g in s.gates
                       if self.factor(g).status != "met"]
        gap_ids = unmet_floor + (list(nxt.gates) if nxt else [])
        gaps = [self._gap(g) for g in gap_ids if self.factor(g).status != "met"]
        evidence = [e for e in evidence if e.status == "met"]
        if confidence < model.min_confidence:
            return StageResult(
                **base, stage=UNDETERMINED, stage_name=_status_name(UNDETERMINED),
                confidence=confidence, gaps=gaps, ladder=self._ladder(model, None),
                reason=Text(
                    zh=f"{len(gates)}个门槛要素中只有{len(informed)}个有评分或完整事实，低于{model.min_confidence:.0%}，"
                       "无法判断所处阶段",
                    en=f"only {len(informed)} of {len(gates)} gate factors have a rating or the facts their rule "
                       f"needs (below {model.min_confidence:.0%}), too little to judge the stage",
                ),
            )
        current = model.stages[reached]
        return StageResult(
            **base, stage=current.id, stage_name=current.name, confidence=confidence,
            could_be_higher=could_be_higher, evidence=evidence, gaps=gaps,
            next_stage=nxt.id if nxt else None, ladder=self._ladder(model, reached),
        )

    def _informed_factor(self, factor_id: str, seen: set[str]) -> bool:
        """Whether there is evidence on a factor: its rating is known, or its rule is informed."""
        if factor_id in seen:
            return False
        seen.add(factor_id)
        factor = self.compiled.factors[factor_id]
        if factor.rating and f"ratings.{factor.rating}" in self.known:
            return True
        return factor.rule is not None and self._informed(factor.rule, seen)

    def _informed(self, cond: Condition, seen: set[str]) -> bool:
        """Whether the known facts speak to a condition at all, whatever their values say: every
        part of an `all`, one part of an `any`. A stage of another model counts as evidence."""
        if cond.all_ is not None:
            return all(self._informed(c, seen) for c in cond.all_)
        if cond.any_ is not None:
            return any(self._informed(c, seen) for c in cond.any_)
        if cond.not_ is not None:
            return self._informed(cond.not_, seen)
        if cond.factor is not None:
            return self._informed_factor(cond.factor, seen)
        if cond.model is not None:
            return True
        return all(p in self.known for p in self.compiled.fact_inputs(cond.fact or ""))

    def _gap(self, factor_id: str) -> Gap:
        result = self.factor(factor_id)
        factor = self.compiled.factors[factor_id]
        return Gap(
            factor=factor_id, name=result.name,
            status="unknown" if result.status == "unknown" else "not_met",
            needed=result.rule or Text(zh="", en=""), facts=result.facts, missing=result.missing,
            recommendations=list(factor.recommendations), source=factor.source,
        )

    @staticmethod
    def _ladder(model: StageModel, reached: int | None) -> list[Rung]:
        return [
            Rung(id=s.id, name=s.name, reached=reached is not None and k <= reached,
                 current=reached == k)
            for k, s in enumerate(model.stages)
        ]

    # -- the whole --------------------------------------------------------------------------

    def assessment(self) -> Assessment:
        for model in self.rubric.stage_models:
            self.models[model.id] = self._model(model)
        for factor in self.rubric.factors:
            self.factor(factor.id)
        found, unchecked = [], []
        for check in self.rubric.problems:
            outcome = evaluate(check.when, self.ctx)
            if outcome.value is True:
                paths = list(dict.fromkeys([*check.evidence, *sorted(outcome.used)]))
                found.append(ProblemFound(
                    id=check.id, title=check.title, description=check.description,
                    severity=check.severity, evidence=[s for p in paths if (s := self.shown(p))],
                    recommendations=list(check.recommendations), source=check.source,
                    items=self._items(check.itemise),
                ))
            elif outcome.value is None:
                unchecked.append(ProblemUnchecked(id=check.id, title=check.title,
                                                  missing=self.inputs_of(outcome.missing),
                                                  source=check.source))
        return Assessment(
            profile=Identity(name=self.profile.name, region=self.profile.region,
                             industry=self.profile.industry, year=self.profile.year),
            rubric=RubricRef(id=self.rubric.id, version=self.rubric.version, title=self.rubric.title),
            stages=self.models, factors={f.id: self.factor_results[f.id] for f in self.rubric.factors},
            metrics=self.metrics, chain=self.chain,
            classifications={c.id: self._classify(c) for c in self.rubric.classifications},
            problems=found, unchecked=unchecked,
            recommendations=self._recommendations(found),
            unknowns=self._unknowns(unchecked),
            facts=[s for p in self.known if (s := self.shown(p))],
        )

    def _items(self, itemise: str | None) -> list[Text]:
        if itemise == "chain_missing" and self.chain is not None:
            return list(self.chain.missing)
        return []

    def _classify(self, classification: Classification) -> ClassificationResult:
        """The first option whose condition holds; options before it that are unknown stay
        'also possible', so an answer is never claimed more firmly than the facts allow."""
        undecided: list[str] = []
        used: set[str] = set()
        missing: set[str] = set()
        chosen = None
        for option in classification.options:
            outcome = evaluate(option.when, self.ctx)
            used |= outcome.used
            if outcome.value is True:
                chosen = option
                break
            if outcome.value is None:
                undecided.append(option.id)
                missing |= outcome.missing
        return ClassificationResult(
            id=classification.id, name=classification.name,
            value=chosen.id if chosen else None, value_name=chosen.name if chosen else None,
            also_possible=undecided,
            also_possible_names=[o.name for o in classification.options if o.id in undecided],
            facts=[s for p in dict.fromkeys([*classification.evidence, *sorted(used)]) if (s := self.shown(p))],
            missing=self.inputs_of(missing), source=classification.source,
        )

    def _recommendations(self, found: list[ProblemFound]) -> list[RecommendationResult]:
        answers: dict[str, list[str]] = defaultdict(list)
        severity: dict[str, float] = defaultdict(float)
        for problem in found:
            for rec in problem.recommendations:
                answers[rec].append(problem.id)
                severity[rec] += SEVERITY_WEIGHT[problem.severity]
        closes: dict[str, list[str]] = defaultdict(list)
        for result in self.models.values():
            for gap in result.gaps:
                for rec in gap.recommendations:
                    if gap.factor not in closes[rec]:
                        closes[rec].append(gap.factor)
        scored = []
        for order, rec in enumerate(self.rubric.recommendations):
            fits = [m for m, stages in rec.fits.items()
                    if self.models.get(m) is not None and self.models[m].stage in stages]
            if not (answers[rec.id] or closes[rec.id] or fits):
                continue
            score = (severity[rec.id] + GAP_WEIGHT * len(closes[rec.id])
                     + BASE_PRIORITY[rec.priority] + (FIT_BONUS if fits else 0.0))
            scored.append((-score, order, rec, score, fits))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [
            RecommendationResult(
                id=rec.id, priority=rank, level=_level(score), score=round(score, 3),
                title=rec.title, text=rec.text, answers=answers[rec.id], closes=closes[rec.id],
                fits=fits, source=rec.source,
            )
            for rank, (_, _, rec, score, fits) in enumerate(scored, start=1)
        ]

    def _unknowns(self, unchecked: list[ProblemUnchecked]) -> list[Unknown]:
        affects: dict[str, list[Text]] = defaultdict(list)
        for result in self.models.values():
            for gap in result.gaps:
                if gap.status != "unknown":
                    continue
                target = result.next_stage or result.stage
                stage_name = (self.name_of(f"stage:{result.model}", target)
                              if target not in (UNDETERMINED, NOT_APPLICABLE) else result.stage_name)
                key = (result.model, gap.factor, target)
                text = self.compiled.affects.get(key)
                if text is None:  # rubric words only: made once per rubric
                    text = self.compiled.affects[key] = Text(
                        zh=f"{result.name.zh}：能否判定“{gap.name.zh}”（关系到是否达到{stage_name.zh}）",
                        en=f"{result.name.en}: decides '{gap.name.en}' (whether it reaches {stage_name.en})",
                    )
                for path in gap.missing:
                    affects[path].append(text)
        for problem in unchecked:
            for path in problem.missing:
                affects[path].append(Text(zh=f"问题核查：{problem.title.zh}",
                                          en=f"problem check: {problem.title.en}"))
        return [
            Unknown(path=path, name=self.name_of("fact", path), affects=texts)
            for path, texts in sorted(affects.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]


def _all(parts: list[Outcome]) -> Outcome:
    return all_of(parts) if parts else Outcome(True)


def _level(score: float) -> str:
    return "high" if score >= 4 else "medium" if score >= 2 else "low"


def _status_name(stage: str) -> Text:
    return {
        UNDETERMINED: Text(zh="无法判断", en="undetermined"),
        NOT_APPLICABLE: Text(zh="尚不适用", en="not applicable"),
    }[stage]


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _display(fact: Fact) -> str:
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
        return f"{_number(float(value))} {fact.currency or 'CNY'}"
    return _number(value)
