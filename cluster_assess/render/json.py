"""The JSON contract: the Assessment with texts in one language. Documented in the README."""

from __future__ import annotations

import json
from typing import Any

from cluster_assess.assessment import Assessment

SCHEMA_VERSION = 1


def to_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    # Texts are localised by their own serializer (the `lang` context): no walk over the dump.
    data = assessment.model_dump(mode="json", context={"lang": lang})
    return {"schema_version": SCHEMA_VERSION, "lang": lang, **data}


def render(assessment: Assessment, lang: str) -> str:
    return json.dumps(to_data(assessment, lang), ensure_ascii=False, indent=2) + "\n"


def render_line(assessment: Assessment, lang: str) -> str:
    """One assessment on one line, for streaming many (jsonl). Serialised by pydantic in one pass;
    the same value as `to_data`, written compactly."""
    body = assessment.model_dump_json(context={"lang": lang})
    head = json.dumps({"schema_version": SCHEMA_VERSION, "lang": lang}, separators=(",", ":"))
    return f"{head[:-1]},{body[1:]}\n"
