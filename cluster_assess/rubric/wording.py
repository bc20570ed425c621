"""Rules in words: the names of facts, factors, models and stages, and a condition read aloud.

Shared by the engine (gaps say what is needed) and `explain` (an item's rule); both show the
same words for the same rule.
"""

from __future__ import annotations

from typing import Any

from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.conditions import Condition, describe
from cluster_assess.rubric.model import Rubric, Text, metric_paths


def name_of(rubric: Rubric, kind: str, ident: str) -> Text:
    """Bilingual name of a fact path, factor, model or stage — for rules in words."""
    if kind == "fact":
        spec = field_specs().get(ident)
        if spec is not None:
            return Text(zh=spec.zh, en=spec.en)
        metric = metric_paths(rubric).get(ident)
        return metric.name if metric is not None else Text(zh=ident, en=ident)
    if kind == "factor":
        return next((f.name for f in rubric.factors if f.id == ident), Text(zh=ident, en=ident))
    if kind == "model":
        return next((m.name for m in rubric.stage_models if m.id == ident), Text(zh=ident, en=ident))
    if kind.startswith("stage:"):
        model = next((m for m in rubric.stage_models if m.id == kind.removeprefix("stage:")), None)
        stage = next((s for s in model.stages if s.id == ident), None) if model else None
        return stage.name if stage else Text(zh=ident, en=ident)
    return Text(zh=ident, en=ident)


def rule_text(rubric: Rubric, cond: Condition) -> Text:
    return Text(zh=describe(cond, "zh", lambda k, i: name_of(rubric, k, i).zh),
                en=describe(cond, "en", lambda k, i: name_of(rubric, k, i).en))


def factor_rule(rubric: Rubric, factor: Any) -> Text:
    zh, en = [], []
    if factor.rating is not None:
        name = name_of(rubric, "fact", f"ratings.{factor.rating}")
        zh.append(f"评估员评分“{name.zh}”不低于{factor.threshold:g}/5")
        en.append(f"assessor rating '{name.en}' at least {factor.threshold:g}/5")
    if factor.rule is not None:
        text = rule_text(rubric, factor.rule)
        zh.append(text.zh)
        en.append(text.en)
    out = Text(zh="；或".join(zh), en="; or ".join(en))
    if getattr(factor, "fails_when", None) is not None:
        fails = rule_text(rubric, factor.fails_when)
        out = Text(zh=f"{out.zh}（未评分时，{fails.zh}才判为不具备）",
                   en=f"{out.en} (unrated, it counts as not met only when {fails.en})")
    return out
