"""The JSON contract: the Assessment with texts in one language. Documented in the README."""

from __future__ import annotations

import json
from typing import Any

from cluster_assess.assessment import Assessment
from cluster_assess.render import localise

SCHEMA_VERSION = 1


def to_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    data = localise(assessment.model_dump(mode="json"), lang)
    return {"schema_version": SCHEMA_VERSION, "lang": lang, **data}


def render(assessment: Assessment, lang: str) -> str:
    return json.dumps(to_data(assessment, lang), ensure_ascii=False, indent=2) + "\n"


def render_line(assessment: Assessment, lang: str) -> str:
    """One assessment on one line, for streaming many (jsonl)."""
    return json.dumps(to_data(assessment, lang), ensure_ascii=False, separators=(",", ":")) + "\n"
