"""The JSON contract: the Assessment with texts in one language. Documented in the README."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from cluster_assess.assessment import Assessment

SCHEMA_VERSION = 1


def to_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    # Texts are localised by their own serializer (the `lang` context): no walk over the dump.
    data = assessment.model_dump(mode="json", context={"lang": lang})
    return {"schema_version": SCHEMA_VERSION, "lang": lang, **data}


def render(assessment: Assessment, lang: str) -> str:
    return dumps(to_data(assessment, lang))


def dumps(data: Any) -> str:
    """JSON that is valid JSON: never NaN or Infinity (a non-finite number is written as null)."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        return json.dumps(finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def finite(data: Any) -> Any:
    """`data` with every NaN or ±Infinity replaced by None."""
    import math

    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite(v) for v in data]
    return data


def render_line(assessment: Assessment, lang: str) -> str:
    """One assessment on one line, for streaming many (jsonl). Serialised by pydantic in one pass;
    the same value as `to_data`, written compactly."""
    body = assessment.model_dump_json(context={"lang": lang})
    head = json.dumps({"schema_version": SCHEMA_VERSION, "lang": lang}, separators=(",", ":"))
    return f"{head[:-1]},{body[1:]}\n"


class JsonWriter:
    """One object for one assessment, an array for many, each written as soon as it comes. The
    shape follows the command line (`many()`, asked at the first write), never what a folder
    happens to hold; an empty run that named many prints `[]`."""

    def __init__(self, stream: IO[str], lang: str, many: Callable[[], bool]) -> None:
        self.stream, self.lang, self.many = stream, lang, many
        self.count = 0
        self.array = False

    def write(self, assessment: Assessment) -> None:
        if self.count == 0:
            self.array = self.many()
        if not self.array:
            self.stream.write(render(assessment, self.lang))
        else:
            body = render(assessment, self.lang).rstrip("\n").replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + body)
        self.count += 1

    def finish(self) -> None:
        if self.array:
            self.stream.write("\n]\n")
        elif self.count == 0 and self.many():
            self.stream.write("[]\n")


class JsonLinesWriter:
    """One assessment per line, written as each is scored: memory stays flat over any number."""

    def __init__(self, stream: IO[str], lang: str) -> None:
        self.stream, self.lang = stream, lang

    def write(self, assessment: Assessment) -> None:
        self.stream.write(render_line(assessment, self.lang))

    def finish(self) -> None:
        return None


def writer(stream: IO[str], lang: str, *, plain: bool, many: Callable[[], bool]) -> JsonWriter:
    return JsonWriter(stream, lang, many)


def line_writer(stream: IO[str], lang: str, *, plain: bool, many: Callable[[], bool]) -> JsonLinesWriter:
    return JsonLinesWriter(stream, lang)
