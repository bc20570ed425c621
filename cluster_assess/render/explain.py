"""`explain` and `rubric list` output: rubric items in words (built by `rubric.explain`, already in
one language), and the built-in packs."""

from __future__ import annotations

import json
from typing import IO, Any


def render_text(item: dict[str, Any], lang: str) -> str:
    """Plain text, one labelled paragraph per part; no judgement here, only layout."""
    from cluster_assess.i18n import CATALOGUE, t

    def word(key: str) -> str:
        return t(f"explain_{key}", lang)

    def value_of(key: str, value: Any) -> Any:  # levels, directions and units in the reader's words
        keys = {"severity": [f"explain_level_{value}"], "priority": [f"explain_level_{value}"],
                "better": [f"explain_better_{value}"], "unit": [f"report_unit_{value}", f"unit_{value}"]}
        found = next((k for k in keys.get(key, []) if k in CATALOGUE), None)
        return t(found, lang) if found else value

    out = [f"{item['name']}  [{item['kind_name']} · {item['id']}]"]
    if item.get("text"):
        out.append(item["text"])
    if item.get("rule"):
        out.append(f"{word('rule')}: {item['rule']}")
    if item.get("thresholds"):
        out.append(f"{word('thresholds')}:")
        out += [f"  - {th['what']} {th['value']}" for th in item["thresholds"]]
    if item.get("rationale"):
        out.append(f"{word('rationale')}: {item['rationale']}")
    for key in ("severity", "priority", "unit", "better", "weight"):
        if item.get(key) not in (None, ""):
            out.append(f"{word(key)}: {value_of(key, item[key])}")
    if item.get("signs"):
        out.append(f"{word('signs')}: " + ("；" if lang == "zh" else "; ").join(item["signs"]))
    links = {k: v for k, v in item.get("links", {}).items() if v}
    if links:
        out.append(f"{word('links')}:")
        out += [f"  {word('link_' + key)}: {', '.join(v) if isinstance(v, list) else v}" for key, v in links.items()]
    if item.get("source"):
        out.append(f"{word('source')}: {item['source']}")
    for passage in item.get("passages", []):
        out.append(f"{word('passage')} — {passage['locator']} {passage['title']}:")
        out += [f"  {line}" for line in passage["text"].splitlines()]
    return "\n".join(out)


def write_text(explanation: dict[str, Any], stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write("\n\n".join(render_text(item, lang) for item in explanation["items"]) + "\n")


def write_json(explanation: dict[str, Any], stream: IO[str], lang: str, *, plain: bool) -> None:
    data = {"rubric": explanation["rubric"], "lang": lang, "items": explanation["items"]}
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_pack_list(rows: list[dict[str, Any]], stream: IO[str], lang: str, *, plain: bool) -> None:
    from cluster_assess.i18n import t

    for row in rows:
        stream.write(f"{row['id']}\t{row['version']}\t{row['title']}\n")
        stream.write("\t" + t("pack_models", lang).format(models=", ".join(row["stage_models"]), **row) + "\n")
        if row["value_chains"]:
            stream.write("\t" + t("pack_chains", lang).format(chains=", ".join(row["value_chains"])) + "\n")


def write_pack_list_json(rows: list[dict[str, Any]], stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
