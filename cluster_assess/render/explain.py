"""`explain` and `rubric list` output: rubric items in words (built by `rubric.explain`, already in
one language), and the built-in packs."""

from __future__ import annotations

import json
from typing import IO, Any

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


def write_text(explanation: dict[str, Any], stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write("\n\n".join(render_text(item, lang) for item in explanation["items"]) + "\n")


def write_json(explanation: dict[str, Any], stream: IO[str], lang: str, *, plain: bool) -> None:
    data = {"rubric": explanation["rubric"], "lang": lang, "items": explanation["items"]}
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_pack_list(rows: list[dict[str, Any]], stream: IO[str], lang: str, *, plain: bool) -> None:
    for row in rows:
        stream.write(f"{row['id']}\t{row['version']}\t{row['title']}\n")
        stream.write(f"\tmodels: {', '.join(row['stage_models'])}; factors {row['factors']}, "
                     f"classifications {row['classifications']}, problems {row['problems']}, "
                     f"recommendations {row['recommendations']}\n")


def write_pack_list_json(rows: list[dict[str, Any]], stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
