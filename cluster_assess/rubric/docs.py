"""Reference documentation of a rubric pack, generated from its YAML (docs/rubric.md and its
Chinese twin). One source of truth: the test suite fails when the committed docs drift."""

from __future__ import annotations

from typing import Any

from cluster_assess.display import in_language
from cluster_assess.render.markdown import escape
from cluster_assess.rubric.explain import explain_item
from cluster_assess.rubric.model import Rubric
from cluster_assess.rubric.seeds import outside_seeds
from cluster_assess.rubric.wording import name_of

WORDS = {
    "en": {
        "generated": "Generated from the rubric pack `{id}` (version {version}) by `cluster-assess rubric docs "
                     "--lang en`. Do not edit by hand: change the YAML and regenerate.",
        "explain": "Any id below can be looked up with `cluster-assess explain ID`.",
        "stage_model": "Stage models", "factor": "Factors", "classification": "Classifications",
        "problem": "Problem checks", "recommendation": "Recommendations", "metric": "Metrics",
        "value_chain": "Reference value chains", "rule": "Rule", "thresholds": "Thresholds",
        "rationale": "Rationale", "source": "Source", "severity": "Severity", "priority": "Priority",
        "stages": "Stages", "gates": "gates", "floor": "floor (no gate)", "recommendations": "Recommendations",
        "answers": "Answers", "closes": "Closes", "fits": "Fits", "options": "Options",
        "better": "Better", "comparison": "Key indicators in comparisons",
        "implications": "Implications", "implications_intro": "What one piece of evidence lets the engine "
        "conclude about another, applied to both stage bounds (if the first holds, so does the second; "
        "if the second is ruled out, so is the first).", "history": "a history: a later stage's evidence "
        "establishes the earlier ones",
        "outside": "(from outside the seed documents: see seeds/outside-literature.md)",
        "comparison_intro": "`compare` shows these rows for each town, in this order; those marked * are kept "
                            "when many towns are shown one line each.",
    },
    "zh": {
        "generated": "本文件由 `cluster-assess rubric docs --lang zh` 根据评估规则包 `{id}`（版本 {version}）生成，"
                     "请勿手工修改：修改 YAML 后重新生成。",
        "explain": "下列任何编号都可以用 `cluster-assess explain 编号` 查看详细说明。",
        "stage_model": "阶段模型", "factor": "要素", "classification": "分类", "problem": "问题核查",
        "recommendation": "对策建议", "metric": "指标", "value_chain": "参照产业链", "rule": "规则",
        "thresholds": "门槛", "rationale": "理由", "source": "出处", "severity": "严重程度",
        "priority": "优先级", "stages": "阶段", "gates": "门槛要素", "floor": "起点（无门槛）",
        "recommendations": "对策建议", "answers": "针对问题", "closes": "弥补要素", "fits": "适合阶段",
        "options": "选项", "better": "方向", "comparison": "比较中的关键指标",
        "implications": "推定关系", "implications_intro": "一项证据可推出另一项，同时作用于阶段的上下限"
        "（前者成立则后者成立；后者被排除则前者也被排除）。", "history": "历程型：较高阶段的证据同时确立较低阶段",
        "outside": "（来自源文件以外的文献，见 seeds/outside-literature.md）",
        "comparison_intro": "`compare` 按此顺序逐个集群列出这些指标；标 * 的在集群较多、每个集群一行时仍保留。",
    },
}

ORDER = ("stage_model", "factor", "classification", "problem", "recommendation", "metric", "value_chain")


def render_rubric_docs(rubric: Rubric, lang: str) -> str:
    words = WORDS[lang]
    out = [f"# {escape(rubric.title.get(lang))}", "",
           words["generated"].format(id=rubric.id, version=rubric.version), "", words["explain"], ""]
    if rubric.description:
        out += [escape(rubric.description.get(lang)), ""]
    items = rubric.all_items()
    for kind in ORDER:
        chosen = [item for k, item in items if k == kind]
        if not chosen:
            continue
        out += [f"## {words[kind]}", ""]
        for item in chosen:
            out += _item(rubric, kind, item, lang)
    out += _implications(rubric, lang)
    out += _comparison(rubric, lang)
    return "\n".join(out).rstrip() + "\n"


def _implications(rubric: Rubric, lang: str) -> list[str]:
    words = WORDS[lang]
    histories = [m for m in rubric.stage_models if m.history]
    if not rubric.implications and not histories:
        return []
    out = [f"## {words['implications']}", "", words["implications_intro"], ""]
    for rule in rubric.implications:
        out.append(f"- `{rule.id}`: {escape(rule.why.get(lang))} ({words['source']}: {rule.source})")
    for model in histories:
        why = f" {escape(model.history_why.get(lang))}" if model.history_why else ""
        out.append(f"- `{model.id}` — {words['history']}.{why}")
    return [*out, ""]


def _comparison(rubric: Rubric, lang: str) -> list[str]:
    spec = rubric.comparison
    if spec is None or not spec.indicators:
        return []
    words = WORDS[lang]
    out = [f"## {words['comparison']}", "", words["comparison_intro"], ""]
    for path in spec.indicators:
        mark = " *" if path in spec.compact else ""
        out.append(f"- `{path}` {escape(name_of(rubric, 'fact', path).get(lang))}{mark}")
    return [*out, ""]


def _item(rubric: Rubric, kind: str, item: Any, lang: str) -> list[str]:
    words = WORDS[lang]
    data = in_language(explain_item(rubric, kind, item), lang)
    out = [f"### {escape(data['name'])} (`{item.id}`)", ""]
    if data.get("text"):
        out += [escape(data["text"]), ""]
    if kind == "stage_model":
        out.append(f"- **{words['stages']}:**")
        for stage in item.stages:
            gates = ", ".join(f"`{g}`" for g in stage.gates) or words["floor"]
            out.append(f"  - `{stage.id}` {escape(stage.name.get(lang))} — {words['gates']}: {gates} "
                       f"({words['source']}: {stage.source})")
    if data.get("rule"):
        out.append(f"- **{words['rule']}:** {escape(data['rule'])}")
    if data.get("thresholds"):
        out.append(f"- **{words['thresholds']}:** " + "; ".join(
            escape(f"{t['what']} {t['value']}") for t in data["thresholds"]))
    if data.get("rationale"):
        out.append(f"- **{words['rationale']}:** {escape(data['rationale'])}")
    if data.get("severity"):
        out.append(f"- **{words['severity']}:** {data['severity']}")
    if data.get("better"):
        out.append(f"- **{words['better']}:** {data['better']}")
    if data.get("priority"):
        out.append(f"- **{words['priority']}:** {data['priority']}")
    links = data.get("links", {})
    for key in ("recommendations", "answers", "closes", "fits", "options"):
        if links.get(key):
            out.append(f"- **{words[key]}:** " + ", ".join(f"`{v}`" for v in links[key]))
    mark = f" {words['outside']}" if outside_seeds(data.get("source")) else ""
    out.append(f"- **{words['source']}:** {data['source']}{mark}")
    return [*out, ""]
