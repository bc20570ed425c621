"""Writing a draft as a profile YAML a person can check line by line, and adding it to a profile.

Each fact is `{value, source, note}`: the value in the writer's words, the source as
`document · ¶paragraph`, the note "extracted, check: «quote»". Uncertain readings and possible
rating evidence are comments, so the draft is valid as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cluster_assess.extract.draft import Draft, Extracted, nest
from cluster_assess.extract.messages import msg

_GROUP_ORDER = ("firms", "economy", "chain", "brands", "innovation", "talent", "platforms", "markets",
                "institutions", "parks")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def fact_entry(fact: Extracted, lang: str) -> dict[str, Any]:
    """The `{value, source, note}` a fact is written as."""
    source = "; ".join(dict.fromkeys(p.locator for p in fact.places[:3]))
    quotes = " / ".join(f"«{q}»" for q in fact.quotes[:2])
    value = list(fact.value) if isinstance(fact.value, tuple) else fact.value
    return {"value": value, "source": source, "note": msg("note", lang).format(quote=quotes)}


def _reason(candidate: Any, lang: str) -> str:
    text = msg(candidate.reason or "subject_unclear", lang)
    return text.format(others=", ".join(candidate.others)) if "{others}" in text else text


def render_draft(draft: Draft, lang: str) -> str:
    lines = [msg("header", lang).format(docs=", ".join(draft.documents))]
    if draft.name:
        lines.append(f"name: {_scalar(draft.name)}")
    if draft.industry:
        lines.append(f"industry: {_scalar(draft.industry)}")
    lines.append(f"sources: {_scalar(draft.documents)}")
    tree = nest({path: fact_entry(fact, lang) for path, fact in draft.facts.items()})
    if tree:
        lines.append("facts:")
        for group in sorted(tree, key=lambda g: _GROUP_ORDER.index(g) if g in _GROUP_ORDER else 99):
            _write(lines, group, tree[group], 1)
    if draft.uncertain:
        lines += ["", msg("uncertain_head", lang)]
        for c in sorted(draft.uncertain, key=lambda c: (c.place.doc, c.place.para, c.path)):
            value = ", ".join(c.value) if isinstance(c.value, tuple) else _scalar(c.value)
            lines.append(msg("possibly", lang).format(path=c.path, value=value, reason=_reason(c, lang),
                                                       quote=c.quote, where=c.place.locator))
    if draft.hints:
        from cluster_assess.profile.fields import field_specs

        specs = field_specs()
        lines += ["", msg("ratings_head", lang)]
        for rating in sorted(draft.hints):
            spec = specs[rating]
            for hint in draft.hints[rating]:
                lines.append(msg("hint", lang).format(rating=rating.split(".", 1)[1],
                                                      name=spec.zh if lang == "zh" else spec.en,
                                                      quote=hint.quote, where=hint.place.locator))
    return "\n".join(lines) + "\n"


def _write(lines: list[str], key: str, node: dict[str, Any], depth: int) -> None:
    pad = "  " * depth
    if set(node) == {"value", "source", "note"}:
        parts = ", ".join(f"{k}: {_scalar(node[k])}" for k in ("value", "source", "note"))
        lines.append(f"{pad}{key}: {{{parts}}}")
        return
    lines.append(f"{pad}{key}:")
    for child, sub in node.items():
        _write(lines, child, sub, depth + 1)


def add_into(path: Path, draft: Draft, lang: str) -> tuple[int, int]:
    """Add to the profile at `path` the draft's facts it does not state; returns (added, already stated).

    Comments and key order are kept (ruamel round-trip); the file is replaced atomically."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg
    from cluster_assess.indicators.profile_io import read_profile
    from cluster_assess.io.atomic import replacing

    doc: Any = read_profile(path)
    if doc.get("facts") is None:
        doc["facts"] = CommentedMap()
    added = kept = 0
    for fact_path, fact in draft.facts.items():
        keys = fact_path.split(".")[1:]
        node = doc["facts"]
        for key in keys[:-1]:
            child = node.get(key)
            if child is None:
                child = node[key] = CommentedMap()
            elif not isinstance(child, dict):
                raise UserError.single(msg("ex_into_not_group", key=key), file=str(path), field=fact_path)
            node = child
        if node.get(keys[-1]) is not None:
            kept += 1
            continue
        leaf = CommentedMap(fact_entry(fact, lang))
        node[keys[-1]] = leaf
        added += 1
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        yaml.dump(doc, handle)
    return added, kept
