"""`cluster-assess explain ID`: what a factor, stage, check or recommendation means, and why."""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import (
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    RubricOption,
    format_option,
    lang_of,
)
from cluster_assess.io.output import check_output, open_output


class ExplainFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def explain(
    ident: str = typer.Argument(..., metavar="ID", help="Id of a factor, stage (or MODEL:STAGE), model, "
                                "classification, problem check, recommendation, metric, chain or fact path."),
    rubric: str | None = RubricOption,
    format: ExplainFormat = format_option(ExplainFormat.text),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
) -> None:
    """Explain a rubric item: its text, rule in words, thresholds and rationale, source passage.

    Example: cluster-assess explain market_norms --lang zh
    """
    import json

    from cluster_assess.rubric.explain import find, plain
    from cluster_assess.rubric.loading import load_rubric

    language = lang_of(lang)
    check_output(output, force)
    pack = load_rubric(rubric)
    items = plain(find(pack, ident), language)
    with open_output(output, force) as stream:
        if format is ExplainFormat.json:
            stream.write(json.dumps({"rubric": pack.id, "lang": language, "items": items},
                                    ensure_ascii=False, indent=2) + "\n")
        else:
            stream.write("\n\n".join(render_text(item, language) for item in items) + "\n")


LABELS = {
    "zh": {"rule": "规则", "thresholds": "门槛", "rationale": "理由", "source": "出处", "passage": "原文摘要",
           "severity": "严重程度", "priority": "优先级", "signs": "表现", "links": "关联", "unit": "单位",
           "better": "方向", "weight": "权重"},
    "en": {"rule": "Rule", "thresholds": "Thresholds", "rationale": "Rationale", "source": "Source",
           "passage": "Digest passage", "severity": "Severity", "priority": "Priority", "signs": "Signs",
           "links": "Linked", "unit": "Unit", "better": "Better", "weight": "Weight"},
}


def render_text(item: dict[str, Any], lang: str) -> str:
    """Plain text, one labelled paragraph per part; no judgement here, only layout."""
    words = LABELS[lang]
    out = [f"{item['name']}  [{item['kind_name']} · {item['id']}]"]
    if item.get("text"):
        out.append(item["text"])
    if item.get("rule"):
        out.append(f"{words['rule']}: {item['rule']}")
    if item.get("thresholds"):
        out.append(f"{words['thresholds']}:")
        out += [f"  - {t['what']} {t['value']}" for t in item["thresholds"]]
    if item.get("rationale"):
        out.append(f"{words['rationale']}: {item['rationale']}")
    for key in ("severity", "priority", "unit", "better", "weight"):
        if item.get(key) not in (None, ""):
            out.append(f"{words[key]}: {item[key]}")
    if item.get("signs"):
        out.append(f"{words['signs']}: " + ("；" if lang == "zh" else "; ").join(item["signs"]))
    links = {k: v for k, v in item.get("links", {}).items() if v}
    if links:
        out.append(f"{words['links']}:")
        out += [f"  {key}: {', '.join(v) if isinstance(v, list) else v}" for key, v in links.items()]
    if item.get("source"):
        out.append(f"{words['source']}: {item['source']}")
    for passage in item.get("passages", []):
        out.append(f"{words['passage']} — {passage['locator']} {passage['title']}:")
        out += [f"  {line}" for line in passage["text"].splitlines()]
    return "\n".join(out)
