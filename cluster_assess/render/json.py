"""The JSON contract: the Assessment with texts in one language. Documented in the README.

`to_data` writes the Assessment out as plain data, field by field in the order of its fields,
one function a part: what pydantic's dump did, without a serializer built at start-up or a call
back into Python for each of the ~350 texts of a profile. As pydantic's `mode="json"` did, a number
that is not finite (NaN, ±Infinity) is None and a tuple is a list. The data is then written by
pydantic-core's JSON encoder (loaded anyway to validate the profile: it writes these ~80 KB in
less than half the time of the standard library's C encoder), which is how pydantic wrote jsonl.
The output is the standard library's, whatever pydantic-core is installed: the encoder is used only
where it writes what `json.dumps` writes. Recent pydantic-core matches it except for floats below
1e-4 (`1e-05`, where it writes `0.00001`), so an assessment with one is written by `json.dumps`;
an older pydantic-core that writes other floats its own way (`1e16`) is not used at all
(`_encoder_agrees`). Outputs are pinned by digests (tests/test_json_writer.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from typing import IO, Any

from pydantic_core import to_json

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
LANGS = ("zh", "en")
TINY = 1e-4  # below this (but not 0) json.dumps writes a float with an exponent and pydantic-core without


def to_data(assessment: Assessment, lang: str) -> dict[str, Any]:
    """The JSON contract as data: every text in `lang` (both languages when it is neither).
    Lists and mappings are new; a part that is one object in the assessment (a fact shown as
    evidence of several factors) is one dict in the data."""
    return _data(assessment, lang)[0]


def render(assessment: Assessment, lang: str) -> str:
    data, tiny = _data(assessment, lang)
    if tiny or not _encoder_agrees():
        return dumps(data)
    return to_json(data, indent=2, inf_nan_mode="null").decode() + "\n"


def render_line(assessment: Assessment, lang: str) -> str:
    """One assessment on one line, for streaming many (jsonl): the same value as `to_data`."""
    data, tiny = _data(assessment, lang)
    if tiny or not _encoder_agrees():
        return dumps(data, indent=None)
    return to_json(data, inf_nan_mode="null").decode() + "\n"


_AGREES: list[bool] = []
# floats from 1e-4 up whose text pydantic-core and json.dumps have been seen to disagree on
_PROBE = [1e16, 1e22, 1.5e300, 1.7976931348623157e308, 0.30000000000000004, 123456789.123, 1e-4, 0.5,
          2.0, -0.0, 3.0000000000000004e-5 * 10, 1e15 + 0.5]


def _encoder_agrees() -> bool:
    """Whether this pydantic-core writes the floats `json.dumps` writes (from 1e-4 up)."""
    if not _AGREES:
        _AGREES.append(to_json(_PROBE).decode() == json.dumps(_PROBE, separators=(",", ":")))
    return _AGREES[0]


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON that is valid JSON: never NaN or Infinity (a non-finite number is written as null);
    indented, or on one line without spaces (`indent=None`)."""
    separators = None if indent is not None else (",", ":")
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False) + "\n"
    except ValueError:
        return json.dumps(finite(data), ensure_ascii=False, indent=indent, separators=separators,
                          allow_nan=False) + "\n"


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


def _both(text: Any) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _data(a: Assessment, lang: str) -> tuple[dict[str, Any], bool]:
    """The data of `to_data`, and whether it holds a float below TINY. One function a part, made
    for this call: `text` picks the language, `shared` keeps the dict of each fact shown and
    factor result already written (most facts back several factors; ~85 of ~165 a profile)."""
    text: Callable[[Any], Any] = attrgetter(lang) if lang in LANGS else _both
    shared: dict[int, dict[str, Any]] = {}
    tiny = False

    def number(x: Any) -> Any:  # a float field, as pydantic's JSON mode wrote it: None when not finite
        nonlocal tiny
        if x is None or x - x != 0:
            return None
        if -TINY < x < TINY and x:
            tiny = True
        return x

    def value(v: Any) -> Any:  # a fact's value, of any JSON-able type
        if type(v) is float:
            return number(v)
        if isinstance(v, list | tuple):
            return [value(x) for x in v]
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items()}
        return v

    def maybe(t: Any) -> Any:
        return None if t is None else text(t)

    def fact(f: FactShown) -> dict[str, Any]:
        found = shared.get(id(f))
        if found is not None:
            return found
        found = shared[id(f)] = {
            "path": f.path, "name": text(f.name), "kind": f.kind, "value": value(f.value), "display": f.display,
            "unit": f.unit, "approx": f.approx, "source": f.source, "evidence": f.evidence,
            "evidence_en": f.evidence_en, "display_en": f.display_en,
        }
        return found

    def factor(r: FactorResult) -> dict[str, Any]:
        found = shared.get(id(r))
        if found is not None:
            return found
        found = shared[id(r)] = {
            "id": r.id, "name": text(r.name), "status": r.status, "score": number(r.score), "rule": maybe(r.rule),
            "rating": r.rating, "facts": [fact(f) for f in r.facts], "missing": list(r.missing),
            "source": r.source, "weight": number(r.weight),
        }
        return found

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
                "confidence": number(s.confidence), "could_be_higher": s.could_be_higher,
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
                "unrecognised": list(c.unrecognised), "completeness": number(c.completeness),
                "completeness_max": number(c.completeness_max), "source": c.source}

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
        return {"factor": c.factor, "name": text(c.name), "rating": c.rating, "score": number(c.score),
                "threshold": number(c.threshold), "rated_met": c.rated_met, "facts_say": text(c.facts_say),
                "facts": [fact(f) for f in c.facts], "text": text(c.text), "source": c.source}

    def recommendation(r: RecommendationResult) -> dict[str, Any]:
        return {"id": r.id, "priority": r.priority, "level": r.level, "score": number(r.score),
                "title": text(r.title), "text": text(r.text), "answers": list(r.answers), "closes": list(r.closes),
                "fits": list(r.fits), "conditional": r.conditional, "condition": maybe(r.condition),
                "source": r.source}

    def unknown(u: Unknown) -> dict[str, Any]:
        return {"path": u.path, "name": text(u.name), "affects": [text(t) for t in u.affects],
                "weight": number(u.weight)}

    def assessment(a: Assessment) -> dict[str, Any]:
        p, r = a.profile, a.rubric
        return {
            "profile": {"name": p.name, "region": p.region, "industry": p.industry, "year": p.year},
            "rubric": {"id": r.id, "version": r.version, "title": text(r.title)},
            "stages": {k: stage(s) for k, s in a.stages.items()},
            "factors": {k: factor(f) for k, f in a.factors.items()},
            "metrics": {k: number(v) for k, v in a.metrics.items()},
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

    data = {"schema_version": SCHEMA_VERSION, "lang": lang, **assessment(a)}
    return data, tiny
