"""The JSON contract: the Assessment with texts in one language. Documented in the README.

`to_data` writes the Assessment out field by field, in the order of its fields, one function a
part (`_writer`, at the end): what pydantic's dump did, without building a serializer at start-up
or calling back into Python for each of the ~350 texts of a profile. As pydantic's `mode="json"`
did, a number that is not finite (NaN, ±Infinity) is None, a tuple is a list, and each list is a
new list. `render` writes the data indented, floats as `json.dumps` writes them (`1e-05`);
`render_line` one line an assessment (jsonl), floats as pydantic wrote them in that format
(`0.00001`, `1e-7`). Both are byte for byte what they were (tests/test_json_writer.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.encoder import encode_basestring
from operator import attrgetter
from typing import IO, Any

from cluster_assess.assessment import (
    Assessment,
    ChainResult,
    ClassificationResult,
    Conflict,
    FactorResult,
    FactShown,
    Gap,
    Implied,
    ProblemFound,
    ProblemUnchecked,
    RecommendationResult,
    Rung,
    StageResult,
    Unknown,
)

SCHEMA_VERSION = 1
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_NEGATIVE_EXPONENT = re.compile(r"[0-9]e-[0-9]")  # a float below 1e-4 as Python writes it: 1e-05


def to_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    """The JSON contract as data: every text in `lang` (both languages when it is neither)."""
    return {"schema_version": SCHEMA_VERSION, "lang": lang, **assessment_data(assessment, lang)}


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
    """One assessment on one line, for streaming many (jsonl): the same value as `to_data`,
    written compactly by the C encoder. Floats below 1e-4 are rare (a tiny share or ratio);
    when one may be there, the line is written again with pydantic's way of writing them."""
    data = to_data(assessment, lang)
    try:
        line = _COMPACT.encode(data)
    except ValueError:  # not finite: to_data leaves none, but never write NaN
        data = finite(data)
        line = _COMPACT.encode(data)
    if "e-" in line and _NEGATIVE_EXPONENT.search(line):
        line = compact(data)
    return line + "\n"


def compact(data: Any) -> str:
    """`data` as one line of JSON, floats written as pydantic writes them (`float_text`)."""
    if isinstance(data, str):
        return encode_basestring(data)
    if data is None or data is True or data is False:
        return "null" if data is None else "true" if data else "false"
    if isinstance(data, float):
        return float_text(data)
    if isinstance(data, int):
        return int.__repr__(data)
    if isinstance(data, dict):
        return "{" + ",".join(f"{encode_basestring(str(k))}:{compact(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list | tuple):
        return "[" + ",".join(compact(v) for v in data) + "]"
    raise TypeError(f"not JSON data: {type(data).__name__}")


def float_text(x: float) -> str:
    """A float as pydantic writes it in JSON: as Python does (`0.1`, `1e+16`), except below 1e-4,
    where Python writes `1.5e-05` and pydantic `0.000015`, and `1e-07` as `1e-7`. Not finite: null."""
    if x - x != 0:
        return "null"
    text = repr(x)
    mantissa, _, exponent = text.partition("e-")
    if not exponent:
        return text
    power = int(exponent)
    if power > 5:
        return f"{mantissa}e-{power}"
    sign, digits = ("-", mantissa[1:]) if mantissa.startswith("-") else ("", mantissa)
    return f"{sign}0.{'0' * (power - 1)}{digits.replace('.', '')}"


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


# The Assessment as JSON data ------------------------------------------------------------------

LANGS = ("zh", "en")


def assessment_data(a: Assessment, lang: str) -> dict[str, Any]:
    """`a` as JSON data with its texts in `lang`."""
    write = _WRITERS.get(lang)
    if write is None:
        write = _writer(attrgetter(lang) if lang in LANGS else _both)
        if lang in LANGS:
            _WRITERS[lang] = write
    return write(a)


def _both(text: Any) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _number(x: Any) -> Any:
    """A number as pydantic wrote a float in JSON mode: None when not finite (x − x is NaN then)."""
    return x if x is None or x - x == 0 else None


def _plain(value: Any) -> Any:
    """A value of any JSON-able type (a fact's value): tuples as lists, non-finite floats None."""
    if type(value) is float:
        return value if value - value == 0 else None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _writer(text: Callable[[Any], Any]) -> Callable[[Assessment], dict[str, Any]]:
    """The functions that write each part, with `text` (one language, or both) built in."""

    def maybe(t: Any) -> Any:
        return None if t is None else text(t)

    def fact(f: FactShown) -> dict[str, Any]:
        return {"path": f.path, "name": text(f.name), "kind": f.kind, "value": _plain(f.value),
                "display": f.display, "unit": f.unit, "approx": f.approx, "source": f.source,
                "evidence": f.evidence, "evidence_en": f.evidence_en, "display_en": f.display_en}

    def factor(r: FactorResult) -> dict[str, Any]:
        return {"id": r.id, "name": text(r.name), "status": r.status, "score": _number(r.score),
                "rule": maybe(r.rule), "rating": r.rating, "facts": [fact(f) for f in r.facts],
                "missing": list(r.missing), "source": r.source, "weight": _number(r.weight)}

    def implied(i: Implied) -> dict[str, Any]:
        return {"id": i.id, "text": text(i.text), "source": i.source}

    def gap(g: Gap) -> dict[str, Any]:
        return {"factor": g.factor, "name": text(g.name), "status": g.status, "needed": text(g.needed),
                "facts": [fact(f) for f in g.facts], "missing": list(g.missing),
                "recommendations": list(g.recommendations), "source": g.source}

    def rung(r: Rung) -> dict[str, Any]:
        return {"id": r.id, "name": text(r.name), "reached": r.reached, "current": r.current,
                "possible": r.possible}

    def stage(s: StageResult) -> dict[str, Any]:
        return {"model": s.model, "name": text(s.name), "stage": s.stage, "stage_name": text(s.stage_name),
                "at_least": s.at_least, "at_most": s.at_most, "at_least_name": text(s.at_least_name),
                "at_most_name": text(s.at_most_name), "summary": text(s.summary),
                "confidence": _number(s.confidence), "could_be_higher": s.could_be_higher,
                "reason": maybe(s.reason), "evidence": [factor(r) for r in s.evidence],
                "implied": [implied(i) for i in s.implied], "gaps": [gap(g) for g in s.gaps],
                "deciding": list(s.deciding), "next_stage": s.next_stage, "ladder": [rung(r) for r in s.ladder],
                "source": s.source}

    def chain(c: ChainResult | None) -> dict[str, Any] | None:
        if c is None:
            return None
        return {"chain": c.chain, "name": text(c.name), "present": list(c.present),
                "missing": [text(t) for t in c.missing], "missing_ids": list(c.missing_ids),
                "unstated": [text(t) for t in c.unstated], "unstated_ids": list(c.unstated_ids),
                "unrecognised": list(c.unrecognised), "completeness": _number(c.completeness),
                "completeness_max": _number(c.completeness_max), "source": c.source}

    def classification(c: ClassificationResult) -> dict[str, Any]:
        return {"id": c.id, "name": text(c.name), "value": c.value, "value_name": maybe(c.value_name),
                "also_possible": list(c.also_possible),
                "also_possible_names": [text(t) for t in c.also_possible_names],
                "facts": [fact(f) for f in c.facts], "missing": list(c.missing), "source": c.source}

    def problem(p: ProblemFound) -> dict[str, Any]:
        return {"id": p.id, "title": text(p.title), "description": text(p.description), "severity": p.severity,
                "evidence": [fact(f) for f in p.evidence], "recommendations": list(p.recommendations),
                "source": p.source, "items": [text(t) for t in p.items]}

    def unchecked(p: ProblemUnchecked) -> dict[str, Any]:
        return {"id": p.id, "title": text(p.title), "missing": list(p.missing), "source": p.source}

    def conflict(c: Conflict) -> dict[str, Any]:
        return {"factor": c.factor, "name": text(c.name), "rating": c.rating, "score": _number(c.score),
                "threshold": _number(c.threshold), "rated_met": c.rated_met, "facts_say": text(c.facts_say),
                "facts": [fact(f) for f in c.facts], "text": text(c.text), "source": c.source}

    def recommendation(r: RecommendationResult) -> dict[str, Any]:
        return {"id": r.id, "priority": r.priority, "level": r.level, "score": _number(r.score),
                "title": text(r.title), "text": text(r.text), "answers": list(r.answers), "closes": list(r.closes),
                "fits": list(r.fits), "conditional": r.conditional, "condition": maybe(r.condition),
                "source": r.source}

    def unknown(u: Unknown) -> dict[str, Any]:
        return {"path": u.path, "name": text(u.name), "affects": [text(t) for t in u.affects],
                "weight": _number(u.weight)}

    def assessment(a: Assessment) -> dict[str, Any]:
        p, r = a.profile, a.rubric
        return {
            "profile": {"name": p.name, "region": p.region, "industry": p.industry, "year": p.year},
            "rubric": {"id": r.id, "version": r.version, "title": text(r.title)},
            "stages": {k: stage(s) for k, s in a.stages.items()},
            "factors": {k: factor(f) for k, f in a.factors.items()},
            "metrics": {k: _number(v) for k, v in a.metrics.items()},
            "chain": chain(a.chain),
            "classifications": {k: classification(c) for k, c in a.classifications.items()},
            "problems": [problem(p) for p in a.problems],
            "unchecked": [unchecked(p) for p in a.unchecked],
            "conflicts": [conflict(c) for c in a.conflicts],
            "contradictions": [implied(i) for i in a.contradictions],
            "recommendations": [recommendation(r) for r in a.recommendations],
            "unknowns": [unknown(u) for u in a.unknowns],
            "facts": [fact(f) for f in a.facts],
        }

    return assessment


_WRITERS: dict[str, Callable[[Assessment], dict[str, Any]]] = {}
