"""The JSON contract of `compare`: the Comparison with texts in one language, and its JSON Schema
(`cluster-assess compare --schema`), generated from the same model so the two cannot drift."""

from __future__ import annotations

from typing import IO, Any

from cluster_assess.compare.model import Comparison
from cluster_assess.display import in_language

SCHEMA_VERSION = 2  # 2: a ranked town gives its rank range (best, worst), not the names it overlaps


def to_data(c: Comparison, lang: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "kind": "comparison", "lang": lang,
            **in_language(c.model_dump(mode="json"), lang)}


def render(c: Comparison, lang: str) -> str:
    from cluster_assess.render.json import dumps

    return dumps(to_data(c, lang))  # never NaN or Infinity, whatever the numbers


def schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of the output: the model's schema with every {zh, en} text a string."""
    base = Comparison.model_json_schema(mode="serialization")
    defs = base.pop("$defs", {})
    defs["Text"] = {"type": "string", "description": "text in the language chosen with --lang"}
    properties = {
        "schema_version": {"const": SCHEMA_VERSION},
        "kind": {"const": "comparison"},
        "lang": {"enum": ["zh", "en"]},
        **base["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cluster-assess compare output",
        "type": "object",
        "properties": properties,
        "required": ["schema_version", "kind", "lang", *base.get("required", [])],
        "$defs": defs,
    }


def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(render(c, lang))
