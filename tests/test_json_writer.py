"""`score --format json` and `--format jsonl` are written by our own writer (render/json.py), no
longer by pydantic: the bytes must stay what pydantic wrote, key order, floats, nulls and all.

The digests in golden/json-writer.sha256.json were taken from the pydantic writer (before it was
replaced) for every example, every realistic profile and 40 generated ones, in both languages, and
for a made-up assessment full of awkward values (NaN, ±Infinity, 1e-05, 0.1 + 0.2, tuples, nested
lists, 10**20, escapes). Regenerate them, after reading why they differ, with
    UPDATE_GOLDEN=1 python -m pytest tests/test_json_writer.py
Independently of the digests, jsonl is checked against pydantic-core's own JSON writer on the same
data, and each float against pydantic-core's way of writing it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import struct
import sys
from pathlib import Path

import pydantic_core
import pytest
from conftest import EXAMPLES, ROOT

from cluster_assess.assessment import (
    Assessment,
    ChainResult,
    FactorResult,
    FactShown,
    Identity,
    Implied,
    RubricRef,
    Rung,
    StageResult,
    Unknown,
)
from cluster_assess.render.json import render, render_line, to_data
from cluster_assess.rubric.model import Text

DIGESTS = Path(__file__).resolve().parent / "golden" / "json-writer.sha256.json"


def crafted() -> Assessment:
    """An assessment with every awkward value a JSON writer can meet."""
    t = Text(zh="名", en="name")
    odd = FactShown(path="facts.odd", name=t, kind="share",
                    value=[1e-05, 0.1 + 0.2, [1.5e-07, float("nan")], ("a", "b"), None, True, 10**20],
                    display='1e-05 "quoted" \\ \x01 é', unit="%")
    tiny = FactShown(path="facts.tiny", name=t, kind="metric", value=-3.0000000000000004e-05, display="0")
    factor = FactorResult(id="f", name=t, status="met", score=1e-05, rule=None, rating=None, facts=[odd, tiny],
                          missing=["facts.x"], source="s 1", weight=1e16)
    stage = StageResult(model="m", name=t, stage="a", stage_name=t, at_least="a", at_most="a", at_least_name=t,
                        at_most_name=t, summary=t, confidence=2 / 3, could_be_higher=False, reason=None,
                        evidence=[factor], implied=[Implied(id="i", text=t, source="s 2")], gaps=[], deciding=[],
                        next_stage=None, ladder=[Rung(id="a", name=t, reached=True, current=True, possible=True)],
                        source="s 3")
    return Assessment(
        profile=Identity(name="镇\u202e", region=None, industry="x", year=2020),
        rubric=RubricRef(id="r", version="1", title=t),
        stages={"m": stage}, factors={"f": factor},
        metrics={"a": float("inf"), "b": float("-inf"), "c": 1e-07, "d": None, "e": 123456789.123, "f": 1e22},
        chain=ChainResult(chain="c", name=t, present=["x"], missing=[t], missing_ids=["y"], unstated=[],
                          unstated_ids=[], unrecognised=[], completeness=0.5, completeness_max=1.0, source="s 4"),
        problems=[], unchecked=[], recommendations=[],
        unknowns=[Unknown(path="facts.x", name=t, affects=[t, t], weight=0.0)], facts=[odd, tiny],
    )


@pytest.fixture(scope="module")
def assessed(tmp_path_factory) -> dict[str, Assessment]:
    """name → assessment: the examples, the realistic profiles, 40 generated ones, the made-up one."""
    from cluster_assess import assess, load_profile, load_rubric

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from profiles import generate
    finally:
        sys.path.pop(0)
    generated = tmp_path_factory.mktemp("generated")
    generate(generated, 40, seed=1)
    realistic = ROOT / "tests" / "realistic"
    paths = {
        **{f"examples/{p.name}": p for p in sorted(EXAMPLES.glob("*.yaml"))},
        **{f"realistic/{p.name}": p for p in sorted(realistic.glob("*.yaml")) if not p.name.endswith(".expect.yaml")},
        **{f"generated/{p.relative_to(generated).as_posix()}": p for p in sorted(generated.rglob("*.yaml"))},
    }
    rubric = load_rubric()
    return {"crafted": crafted(), **{name: assess(load_profile(p).profile, rubric) for name, p in paths.items()}}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_json_and_jsonl_are_byte_for_byte_what_pydantic_wrote(assessed):
    from cluster_assess.render.compare_json import schema

    found = {"compare --schema": _digest(json.dumps(schema(), ensure_ascii=False, indent=2))}
    for name, a in assessed.items():
        for lang in ("zh", "en"):
            found[f"{name} json {lang}"] = _digest(render(a, lang))
            found[f"{name} jsonl {lang}"] = _digest(render_line(a, lang))
    if os.environ.get("UPDATE_GOLDEN"):
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert len(found) == len(expected) > 200
    differ = sorted(k for k in expected if found.get(k) != expected[k])
    assert not differ, f"{len(differ)} outputs differ, e.g. {differ[:5]}; if deliberate, UPDATE_GOLDEN=1"


def test_json_and_jsonl_are_the_data_written_as_before(assessed):
    """Independently of the digests: json is `json.dumps` of the data (as it was), jsonl is the data
    on one line as `json.dumps` writes it compactly, which is what pydantic-core writes for every
    float but those below 1e-4 (a line with one is written by json.dumps)."""
    for name, a in assessed.items():
        for lang in ("zh", "en"):
            data = to_data(a, lang)
            assert render(a, lang) == json.dumps(data, ensure_ascii=False, indent=2) + "\n", name
            line = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
            assert render_line(a, lang) == line, name


def test_awkward_values_are_written_as_before():
    a = crafted()
    line, indented = render_line(a, "en"), render(a, "en")
    assert line.startswith('{"schema_version":1,"lang":"en","profile":{"name":"镇\u202e","region":null,')
    # a float below 1e-4 is in it, so json.dumps writes the line (as it writes every line with an
    # older pydantic-core): the same text whichever pydantic-core is installed
    assert ('"value":[1e-05,0.30000000000000004,[1.5e-07,null],["a","b"],null,true,100000000000000000000],'
            '"display":"1e-05 \\"quoted\\" \\\\ \\u0001 é"') in line
    assert '"score":1e-05,' in line and '"weight":1e+16}' in line and '"value":-3.0000000000000004e-05,' in line
    assert '"metrics":{"a":null,"b":null,"c":1e-07,"d":null,"e":123456789.123,"f":1e+22}' in line
    assert '"confidence": 0.6666666666666666,' in indented and '"score": 1e-05,' in indented
    assert '"c": 1e-07,' in indented and '"a": null,' in indented
    assert '"value": [\n        1e-05,\n        0.30000000000000004,\n        [\n          1.5e-07,\n          null\n' in indented
    data = to_data(a, "zh")
    assert data["facts"][0]["value"][3] == ["a", "b"] and data["rubric"]["title"] == "名"
    both = to_data(a, "fr")  # neither language: both, as pydantic's serializer did without one
    assert both["lang"] == "fr" and both["rubric"]["title"] == {"zh": "名", "en": "name"}


def test_to_data_shares_no_list_with_the_assessment():
    a = crafted()
    data = to_data(a, "en")
    data["facts"][0]["value"].append(1)
    data["factors"]["f"]["missing"].append("x")
    assert a.facts[0].value[-1] == 10**20 and a.factors["f"].missing == ["facts.x"]


def _floats() -> list[float]:
    rng = random.Random(15)
    out = [0.0, -0.0, 1.0, 0.1, 0.1 + 0.2, 1e-4, 1e-05, 1.5e-05, 9.99e-06, 1e-6, 5e-324, 2.2250738585072014e-308,
           1e15, 1e16, 9999999999999998.0, 1.7976931348623157e308, 123456789.123, 2 / 3]
    out += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(3000)]
    out += [rng.random() * 10.0**e for e in range(-324, 309) for _ in range(3)]
    out += [-x for x in out[:500]]
    return [x for x in out if math.isfinite(x)]


def test_pydantic_core_writes_floats_as_json_dumps_does_except_below_tiny():
    """What `render` relies on: it writes with pydantic-core unless a float is below TINY, and
    only when this pydantic-core writes every other float as json.dumps does."""
    from cluster_assess.render.json import TINY, _encoder_agrees

    if not _encoder_agrees():
        pytest.skip("this pydantic-core writes floats its own way (1e16); the writer uses json.dumps")

    differ = [x for x in _floats() if json.dumps(x) != pydantic_core.to_json(x).decode()]
    assert differ and all(0 < abs(x) < TINY for x in differ)
    assert json.dumps(1e-05) == "1e-05" and pydantic_core.to_json(1e-05) == b"0.00001"
    assert pydantic_core.to_json(TINY) == b"0.0001" and json.dumps(1e16) == "1e+16" == pydantic_core.to_json(1e16).decode()
