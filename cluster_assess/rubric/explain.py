"""What a rubric item means, in words: `cluster-assess explain ID`.

Pure functions from a Rubric (and the digests) to plain data with bilingual texts; the command
picks the language and the format. An official reading an assessment can look up any factor,
stage, check or recommendation it names and see its rule, thresholds, rationale and passage.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.profile.fields import field_specs
from cluster_assess.rubric.conditions import Condition
from cluster_assess.rubric.model import Rubric, Text
from cluster_assess.rubric.seeds import passages, split_locators
from cluster_assess.rubric.wording import factor_rule, name_of, rule_text

KIND_NAMES = {
    "metric": Text(zh="指标", en="metric"),
    "value_chain": Text(zh="参照产业链", en="reference value chain"),
    "factor": Text(zh="要素", en="factor"),
    "stage_model": Text(zh="阶段模型", en="stage model"),
    "stage": Text(zh="阶段", en="stage"),
    "classification": Text(zh="分类", en="classification"),
    "problem": Text(zh="问题核查", en="problem check"),
    "recommendation": Text(zh="对策建议", en="recommendation"),
    "fact": Text(zh="数据项", en="fact"),
}


def _join(parts: list[Text], zh_sep: str = "、", en_sep: str = ", ") -> Text:
    return Text(zh=zh_sep.join(p.zh for p in parts) or "—", en=en_sep.join(p.en for p in parts) or "—")


def catalogue(rubric: Rubric) -> list[tuple[str, str, Any]]:
    """(kind, lookup id, item) for everything `explain` can show; stages also as `model:stage`."""
    out: list[tuple[str, str, Any]] = []
    for kind, item in rubric.all_items():
        out.append((kind, item.id, item))
    for model in rubric.stage_models:
        out += [("stage", f"{model.id}:{stage.id}", stage) for stage in model.stages]
    out += [("fact", path, spec) for path, spec in field_specs().items()]
    return out


def _names(item: Any) -> tuple[str, ...]:
    """The names an official may type for an item: its Chinese and English name or title."""
    if hasattr(item, "path") and hasattr(item, "zh"):  # a field of the catalogue
        return (item.zh, item.en)
    text = getattr(item, "name", None) or getattr(item, "title", None)
    return (text.zh, text.en) if text is not None else ()


def find(rubric: Rubric, ident: str) -> list[dict[str, Any]]:
    """Every item whose id (or `model:stage`, or fact path) or name (中文 or English) is `ident`;
    UserError, with the nearest ids and names, if none."""
    entries = catalogue(rubric)
    wanted = ident.strip()
    hits = [(kind, item) for kind, key, item in entries if key == wanted]
    if not hits:
        folded = wanted.casefold()
        hits = [(kind, item) for kind, _, item in entries
                if any(name.casefold() == folded for name in _names(item))]
    seen: set[int] = set()
    unique = []
    for kind, item in hits:
        if id(item) not in seen:
            seen.add(id(item))
            unique.append((kind, item))
    if not unique:
        keys = sorted({key for _, key, _ in entries} | {n for _, _, item in entries for n in _names(item)})
        hint = difflib.get_close_matches(wanted, keys, n=3, cutoff=0.6)
        if hint:
            raise UserError.single(msg("explain_not_found_hint", rubric=rubric.id, ident=ident,
                                       hint=", ".join(repr(h) for h in hint)), field="ID")
        raise UserError.single(msg("explain_not_found", rubric=rubric.id, ident=ident), field="ID")
    return [explain_item(rubric, kind, item) for kind, item in unique]


def _model_of(rubric: Rubric, stage: Any) -> Any:
    return next(m for m in rubric.stage_models if any(s is stage for s in m.stages))


def explain_item(rubric: Rubric, kind: str, item: Any) -> dict[str, Any]:
    """One item as data: texts stay bilingual ({zh, en}) until rendered."""
    if kind == "fact":
        return {
            "kind": kind, "kind_name": KIND_NAMES[kind], "id": item.path,
            "name": Text(zh=item.zh, en=item.en), "text": None, "rule": None, "thresholds": [],
            "rationale": None, "unit": item.unit, "better": item.better,
            "source": item.why or None, "passages": _passages(item.why), "links": {},
        }
    out: dict[str, Any] = {
        "kind": kind, "kind_name": KIND_NAMES[kind], "id": item.id,
        "name": getattr(item, "name", None) or getattr(item, "title", None),
        "text": getattr(item, "description", None) or getattr(item, "text", None),
        "rule": None, "thresholds": [], "rationale": getattr(item, "rationale", None),
        "source": item.source, "passages": _passages(item.source), "links": {},
    }
    _EXPLAIN[kind](rubric, item, out)
    return out


def _factor(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    out["rule"] = factor_rule(rubric, item)
    if item.rating is not None:
        out["thresholds"].append({"what": name_of(rubric, "fact", f"ratings.{item.rating}"),
                                  "value": f"{item.threshold:g}/5"})
    if item.rule is not None:
        out["thresholds"] += _thresholds(rubric, item.rule)
    out["links"]["gates"] = [f"{m.id}:{s.id}" for m in rubric.stage_models for s in m.stages if item.id in s.gates]
    out["links"]["recommendations"] = list(item.recommendations)
    out["weight"] = item.weight


def _stage(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    model = _model_of(rubric, item)
    gates = [name_of(rubric, "factor", g) for g in item.gates]
    if item.gates:
        out["rule"] = Text(
            zh=f"累积判定：{model.name.zh}中此前各阶段的门槛要素全部具备，并且具备：{_join(gates).zh}",
            en=f"cumulative: every gate of the earlier stages of {model.name.en}, "
               f"and also: {_join(gates, en_sep='; ').en}",
        )
    else:
        out["rule"] = Text(zh="起点阶段：无需门槛，任何集群至少处于此阶段",
                           en="the floor: no gate; every cluster is at least here")
    out["links"]["model"] = model.id
    out["links"]["gates"] = list(item.gates)
    out["links"]["recommendations"] = [r.id for r in rubric.recommendations if item.id in r.fits.get(model.id, [])]
    out["signs"] = list(item.signs)


def _stage_model(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    ladder = _join([s.name for s in item.stages], " → ", " → ")
    out["rule"] = ladder
    if item.applies_when is not None:
        applies = rule_text(rubric, item.applies_when)
        out["rule"] = Text(zh=f"{ladder.zh}；仅当{applies.zh}时适用",
                           en=f"{ladder.en}; applies only when {applies.en}")
        out["thresholds"] += _thresholds(rubric, item.applies_when)
    out["thresholds"].append({"what": Text(zh="最低可信度", en="minimum confidence"),
                              "value": f"{item.min_confidence:.0%}"})
    out["links"]["stages"] = [s.id for s in item.stages]


def _problem(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    out["rule"] = rule_text(rubric, item.when)
    out["thresholds"] += _thresholds(rubric, item.when)
    out["severity"] = item.severity
    out["links"]["recommendations"] = list(item.recommendations)


def _recommendation(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    out["priority"] = item.priority
    links = out["links"]
    links["answers"] = [p.id for p in rubric.problems if item.id in p.recommendations]
    links["closes"] = [f.id for f in rubric.factors if item.id in f.recommendations]
    links["fits"] = [f"{m}:{s}" for m, stages in item.fits.items() for s in stages]
    rule = Text(
        zh="针对已发现的问题或已知不具备的要素时确定提出；要素仅为未知时以“视情况”提出，排在确定建议之后；"
           "按问题严重程度、已知差距、阶段契合度排序",
        en="offered firmly for a problem found or a factor known unmet; only conditionally, after the firm "
           "ones, for a factor that is merely unknown; ranked by problem severity, known gaps and fit",
    )
    if item.unless is not None:
        never = rule_text(rubric, item.unless)
        rule = Text(zh=f"{rule.zh}；下列情况成立时不提出：{never.zh}",
                    en=f"{rule.en}; never offered when this holds: {never.en}")
    if item.when is not None:
        presumes = rule_text(rubric, item.when)
        rule = Text(zh=f"{rule.zh}；只在下列情况可能成立时提出（未知时视情况提出）：{presumes.zh}",
                    en=f"{rule.en}; offered only where this may hold (conditionally while unknown): {presumes.en}")
    out["rule"] = rule


def _classification(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    parts = [Text(zh=f"{o.name.zh}：{rule_text(rubric, o.when).zh}",
                  en=f"{o.name.en}: {rule_text(rubric, o.when).en}")
             for o in item.options]
    out["rule"] = Text(zh="按顺序取第一个成立的选项 —— " + "；".join(p.zh for p in parts),
                       en="the first option that holds, in order — " + "; ".join(p.en for p in parts))
    for option in item.options:
        out["thresholds"] += _thresholds(rubric, option.when)
    out["links"]["options"] = [o.id for o in item.options]


def _metric(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    if getattr(item, "ratio", None) is not None:
        top, bottom = (name_of(rubric, "fact", p) for p in item.ratio)
        out["rule"] = Text(zh=f"{top.zh} ÷ {bottom.zh}", en=f"{top.en} ÷ {bottom.en}")
    elif getattr(item, "count_of", None) is not None:
        what = name_of(rubric, "fact", item.count_of)
        out["rule"] = Text(zh=f"“{what.zh}”的条目数", en=f"number of entries in '{what.en}'")
    elif getattr(item, "trend_of", None) is not None:
        what = name_of(rubric, "fact", item.trend_of)
        out["rule"] = Text(zh=f"“{what.zh}”从首年到末年的年均变化率",
                           en=f"average yearly change of '{what.en}' from its first to its last year")
    elif getattr(item, "segments", None) is not None:
        what = name_of(rubric, "fact", item.segments)
        out["rule"] = Text(zh=f"“{what.zh}”所列环节占参照产业链环节的比重（参照链按产业名选定）",
                           en=f"share of the reference chain's segments named in '{what.en}' "
                              "(the chain is chosen by the industry)")
    if item.better != "none":
        out["better"] = item.better


def _value_chain(rubric: Rubric, item: Any, out: dict[str, Any]) -> None:
    out["rule"] = _join([s.name for s in item.segments], " → ", " → ")
    if item.match:
        out["text"] = Text(zh="适用于产业名含：" + "、".join(item.match),
                           en="used for industries named with: " + ", ".join(item.match))
    else:
        out["text"] = Text(zh="无匹配产业时的通用链条", en="used when no other chain matches the industry")
    written = [(s, s.synonyms) for s in item.segments if getattr(s, "synonyms", None)]
    if written:
        zh = "；".join(f"{s.name.zh}（{s.id}）：" + "、".join(words) for s, words in written)
        en = "; ".join(f"{s.id}: " + ", ".join(words) for s, words in written)
        out["text"] = Text(zh=f"{out['text'].zh}。各环节也可写作 —— {zh}",
                           en=f"{out['text'].en}. Segments may also be written as — {en}")
    out["links"]["segments"] = [s.id for s in item.segments]


# what each kind of item adds to the common fields (rule, thresholds, links)
_EXPLAIN: dict[str, Callable[[Rubric, Any, dict[str, Any]], None]] = {
    "factor": _factor, "stage": _stage, "stage_model": _stage_model, "problem": _problem,
    "recommendation": _recommendation, "classification": _classification, "metric": _metric,
    "value_chain": _value_chain,
}


def _thresholds(rubric: Rubric, cond: Condition) -> list[dict[str, Any]]:
    """Each comparison against a number in a condition: what is compared, and with what."""
    out = []
    for _, node in cond.walk():
        if node.fact is not None and node.op in (">=", ">", "<=", "<"):
            out.append({"what": name_of(rubric, "fact", node.fact), "value": f"{node.op} {node.value}"})
    return out


def _passages(source: str | None) -> list[dict[str, Any]]:
    if not source:
        return []
    known = passages()
    out = []
    for locator in split_locators(source):
        passage = known.get(locator)
        if passage is not None:
            out.append({"locator": locator, "title": Text(zh=passage.heading("zh"), en=passage.heading("en")),
                        "text": Text(zh=passage.text("zh"), en=passage.text("en"))})
    return out
