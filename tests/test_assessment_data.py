"""The Assessment is plain data: each class says its fields three times alike (slots, annotations,
`__init__`), the engine gives every field its declared type (pydantic used to check this, and to
turn an int into a float, on every value made), and the values are frozen, copyable and picklable."""

from __future__ import annotations

import copy
import inspect
import pickle
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal

import pytest
from conftest import EXAMPLES, ROOT

import cluster_assess.assessment as module
from cluster_assess.assessment import Assessment, FactShown, Record, Rung, replace
from cluster_assess.rubric.model import Text

RECORDS = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Record) and c is not Record]
NAMESPACE = {**vars(module), "Text": Text}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, globalns=NAMESPACE)


def test_every_class_of_the_assessment_is_a_record():
    assert len(RECORDS) == 16
    assert all("__slots__" in k.__dict__ for c in RECORDS for k in c.__mro__[:-1])  # no instance __dict__


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_slots_annotations_and_init_name_the_same_fields_in_the_same_order(cls):
    annotations = list(cls.__annotations__)
    params = inspect.signature(cls.__init__, globals=NAMESPACE, eval_str=True).parameters
    kw_only = [name for name, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    assert list(cls.__slots__) == annotations == kw_only
    hints = _hints(cls)
    for name, param in params.items():
        if name == "self":
            continue
        declared = hints[name]
        if param.default is None and typing.get_origin(declared) in (list, dict):
            assert param.annotation == declared | None, name  # left out: a new empty list or mapping
        else:
            assert param.annotation == declared, name
            assert param.default is inspect.Parameter.empty or _holds(param.default, declared), name


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_sets_each_field_from_its_own_argument(cls):
    marks = {name: object() for name in cls.__slots__}
    record = cls(**marks)
    assert all(getattr(record, name) is mark for name, mark in marks.items())


def test_a_list_or_mapping_left_out_is_a_new_empty_one():
    assert Rung(id="x", name=Text(zh="甲", en="a"), reached=True, current=True).possible is False
    shown = [FactShown(path="p", name=Text(zh="甲", en="a"), value=1, display="1") for _ in range(2)]
    assert shown[0].kind == "" and shown[0].approx is None
    first, second = (Assessment(profile=None, rubric=None, stages={}, factors={}, metrics={}, chain=None,  # type: ignore[arg-type]
                                problems=[], unchecked=[], recommendations=[], unknowns=[], facts=[]) for _ in range(2))
    assert first.conflicts == [] and first.classifications == {}
    assert first.conflicts is not second.conflicts and first.classifications is not second.classifications


def test_records_are_frozen_compared_by_value_and_copied_whole():
    name = Text(zh="甲", en="a")
    rung = Rung(id="x", name=name, reached=True, current=False)
    with pytest.raises(AttributeError):
        rung.reached = False  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del rung.id
    with pytest.raises(AttributeError):
        rung.other = 1  # type: ignore[attr-defined]
    same = Rung(id="x", name=Text(zh="甲", en="a"), reached=True, current=False)
    assert rung == same and hash(rung) == hash(same) and rung != replace(rung, current=True)
    assert rung != (rung.id, rung.name, rung.reached, rung.current, rung.possible)
    changed = replace(rung, current=True)
    assert (changed.current, rung.current, changed.name) == (True, False, name)
    with pytest.raises(TypeError):
        replace(rung, nonsense=1)
    for twin in (pickle.loads(pickle.dumps(rung)), copy.copy(rung), copy.deepcopy(rung)):
        assert twin == rung and type(twin) is Rung
    assert repr(rung).startswith("Rung(id='x', name=")


def test_the_assessment_loads_without_pydantic():
    code = "import sys, cluster_assess.assessment; print(sorted(m for m in sys.modules if 'pydantic' in m))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert run.stdout.strip() == "[]"


def _holds(value: Any, declared: Any) -> bool:
    """Whether `value` is of type `declared`, as strictly as pydantic's output was: a float field
    holds a float (pydantic made 1 into 1.0), an int an int and not a bool."""
    origin, args = typing.get_origin(declared), typing.get_args(declared)
    if declared is Any:
        return True
    if declared is float:
        return type(value) is float
    if declared is int:
        return type(value) is int
    if declared in (str, bool):
        return type(value) is declared
    if declared is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(_holds(value, arg) for arg in args)
    if origin is Literal:
        return value in args
    if origin is list:
        return type(value) is list and all(_holds(v, args[0]) for v in value)
    if origin is dict:
        return type(value) is dict and all(_holds(k, args[0]) and _holds(v, args[1]) for k, v in value.items())
    if declared is Text:
        return type(value) is Text
    if isinstance(declared, type) and issubclass(declared, Record):
        return type(value) is declared and all(_holds(getattr(value, n), t) for n, t in _hints(declared).items())
    raise AssertionError(f"no check for {declared}")


def _profiles(tmp: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from profiles import generate
    finally:
        sys.path.pop(0)
    generate(tmp, 60, seed=3)
    realistic = [p for p in (ROOT / "tests" / "realistic").glob("*.yaml") if not p.name.endswith(".expect.yaml")]
    return [*sorted(EXAMPLES.glob("*.yaml")), *sorted(realistic), *sorted(tmp.rglob("*.yaml"))]


def test_the_engine_gives_every_field_its_declared_type(tmp_path):
    from cluster_assess import assess, load_profile, load_rubric

    rubric = load_rubric()
    seen: set[str] = set()
    for path in _profiles(tmp_path):
        a = assess(load_profile(path).profile, rubric)
        assert _holds(a, Assessment), path
        seen |= {type(v).__name__ for v in _records(a)}
    assert seen == {c.__name__ for c in RECORDS}  # every class was checked on real values


def _records(value: Any) -> list[Record]:
    if isinstance(value, Record):
        return [value, *(r for n in value.__slots__ for r in _records(getattr(value, n)))]
    if isinstance(value, list):
        return [r for v in value for r in _records(v)]
    if isinstance(value, dict):
        return [r for v in value.values() for r in _records(v)]
    return []
