"""The one-pass reader (`io/yaml_events.py`) must read every document exactly as the node-tree
reading does: the same values, the same positions, the same problems, the same refusals. Each
text is read both ways, the second with the one pass made to give up at once."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

from cluster_assess.errors import UserError
from cluster_assess.io import yaml_events, yamlsource

BAD = ROOT / "tests" / "bad_inputs"


def _outcome(text: str) -> tuple[object, ...]:
    """Everything a reading gives: value, positions and problems, or the problems refused with."""
    found: list = []
    try:
        value, source = yamlsource.parse_yaml(text, "t.yaml", found)
    except UserError as exc:
        return ("refused", exc.problems)
    return ("read", repr(value), source.positions, found)


def _through_the_tree(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    def give_up(*args: object) -> None:
        raise yaml_events.Fallback

    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "read_events", give_up)
        return _outcome(text)


def _used_one_pass(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the one pass read `text` to the end (a refusal or value), without giving up."""
    fell_back = []
    real = yamlsource._read_tree

    def tree(*args: object) -> object:
        fell_back.append(True)
        return real(*args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "_read_tree", tree)
        _outcome(text)
    return not fell_back


def _files() -> list[Path]:
    return sorted([*EXAMPLES.glob("*.yaml"), *BAD.glob("*.yaml"), *FIXTURES.glob("*.yaml"),
                   *(ROOT / "rubrics").rglob("*.yaml"), *(ROOT / "tests" / "realistic").rglob("*.yaml")])


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_and_bad_file_reads_the_same_both_ways(path, monkeypatch):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: the decoding is tested elsewhere")
    assert _outcome(text) == _through_the_tree(text, monkeypatch)


CRAFTED = [
    "",
    "# only a comment\n",
    "---\n",
    "--- \n...\n",
    "a: 1\na: 2\nb: {c: 1, c: [1, {d: 2}], e: x}\n",
    "a:\n  b: 1\n  b:\n    - [1, 2]\n    - {x: y}\n  c: 3\n",
    "1: one\n2.5: two\ntrue: three\n~: four\n2024-01-02: five\n",
    "? !!int k\n: 1\nv: !!float abc\nw: !!int '12'\nd: 2012-13-45\n",
    "s: !!str 12\nn: !!null ''\nb: !!bool yes\nq: \"1\"\nl: |\n  two\n  lines\nf: >\n  folded\n  text\n",
    "v: 0200\nw: 1:30\nx: 0x1F4\ny: +12\nz: -0.5e3\nu: 1_000\n",
    "name: !custom x\n",
    "name: !!python/object:os.system x\n",
    "a: !!map {b: 1}\n",
    "a: !!seq abc\n",
    "a: <<\nb: =\n",
    "base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n",
    "a: &x 1\nb: *x\n",
    "a: *nothing\n",
    "[1, 2]: pair\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n--- [\n",
    "a: [1, 2\nb: 3\n",
    "a: 'open\n",
    "a:\tb\n",
    "total：200\nname:x\n\u3000a: 1\n",
    "a: 1\n  b: 2\n",
    "- a\n- b: 1\n  c: 2\n- [x, {y: z}]\n",
    "a: \x07\n",
    "x: " + "[" * 64 + "]" * 64 + "\n",
    "x: " + "[" * 65 + "]" * 65 + "\n",
    "x: " + "[" * 70 + "\n",
    "x: {" + ", ".join(f"k{i}: " + "[" * 70 for i in range(2)) + "\n",
    "a: " + "[" * 66 + "]" * 66 + "\nb: &c 1\n",
    "a: 1\na: " + "[" * 66 + "]" * 66 + "\n",
    "notes: [" + ",".join(["1"] * (yaml_events.MAX_NODES + 5)) + "]\n",
    "a: 1\na: [" + ",".join(["x"] * (yaml_events.MAX_NODES + 5)) + "]\n",
]


@pytest.mark.parametrize("text", CRAFTED, ids=lambda t: repr(t[:30]))
def test_odd_documents_read_the_same_both_ways(text, monkeypatch):
    assert _outcome(text) == _through_the_tree(text, monkeypatch)


def test_the_usual_profile_is_read_in_one_pass_and_odd_ones_are_not(monkeypatch):
    usual = (EXAMPLES / "shishi.yaml").read_text(encoding="utf-8")
    assert _used_one_pass(usual, monkeypatch)
    assert _used_one_pass("a: 1\na: 2\nb: 2012-13-45\n", monkeypatch)  # problems it reports itself
    assert _used_one_pass("x: " + "[" * 70 + "]" * 70 + "\n", monkeypatch)  # refused by its guard
    for odd in ("a: &x 1\nb: *x\n", "a: !custom 1\n", "a: 1\n---\nb: 2\n", "[1]: x\n"):
        assert not _used_one_pass(odd, monkeypatch), odd


def test_each_hostile_input_is_still_refused_with_its_message():
    expected = yamlsource.yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
    for name in ("billion-laughs.yaml", "deep-nesting.yaml", "self-alias.yaml", "undefined-alias.yaml",
                 "two-documents.yaml", "python-object-tag.yaml", "python-apply-tag.yaml", "merge-key.yaml",
                 "custom-tag.yaml", "duplicate-top-key.yaml", "control-character.yaml"):
        text = (BAD / name).read_text(encoding="utf-8")
        with pytest.raises(UserError) as info:
            yamlsource.parse_yaml(text, name)
        said = [str(p) for p in info.value.problems]
        assert any(expected[name]["message"] in line for line in said), (name, said)


def _mutants(text: str, count: int, seed: int) -> list[str]:
    """Small random edits of a valid profile: deleted, doubled or inserted YAML punctuation."""
    rng = random.Random(seed)
    marks = [":", " ", "\n", "-", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!!int ", "? ", "#", "\t",
             "0", "：", "|", "\n  "]
    out = []
    for _ in range(count):
        edited = text
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(edited))
            choice = rng.random()
            if choice < 0.3:
                edited = edited[:at] + edited[at + rng.randint(1, 4):]
            elif choice < 0.5:
                line_start = edited.rfind("\n", 0, at) + 1
                line_end = edited.find("\n", at) + 1 or len(edited)
                edited = edited[:line_end] + edited[line_start:line_end] + edited[line_end:]
            else:
                edited = edited[:at] + rng.choice(marks) + edited[at:]
        out.append(edited)
    return out


def test_randomly_damaged_profiles_read_the_same_both_ways(monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from profiles import ProfileMaker
    finally:
        sys.path.remove(str(ROOT / "bench"))
    maker = ProfileMaker(5)
    texts = [maker.make(i) for i in range(4)] + [(EXAMPLES / "shishi.yaml").read_text(encoding="utf-8")]
    differing = []
    for n, text in enumerate(texts):
        for mutant in _mutants(text, 60, n):
            if _outcome(mutant) != _through_the_tree(mutant, monkeypatch):
                differing.append(mutant)
    assert not differing, differing[0]


def test_scalars_of_the_same_text_are_read_once():
    """Plain scalars are resolved and read once per text; the values stay those of the safe loader."""
    import datetime

    text = "a: 12\nb: 12\nc: [12, 2024-01-02, x]\nd: 2024-01-02\ne: 'x'\n"
    yaml_events._plain.cache_clear()
    first, _ = yamlsource.parse_yaml(text, "t.yaml")
    assert yaml_events._plain.cache_info().misses == 8  # a b c d e, 12, the date, x
    again, _ = yamlsource.parse_yaml(text, "t.yaml")
    assert yaml_events._plain.cache_info().misses == 8
    assert first == again == yamlsource.yaml.safe_load(text)
    assert first["c"][1] == datetime.date(2024, 1, 2)


def test_an_unreadable_scalar_is_reported_each_time_it_is_read():
    for _ in range(2):
        with pytest.raises(UserError, match="2012-13-45"):
            yamlsource.parse_yaml("year: 2012-13-45\n", "t.yaml")


SLIPS = ["name:x\n", "a:\r\nb:c\r\n", "url: http://x\n", "total：200\n", "\u3000a: 1\n", "# a:b\n",
         "- key:value\n", "x:\x85y:z\n", "a: 1\nb: 12:30\n", "name: 某镇\n", "a:\u2028b:c"]


@pytest.mark.parametrize("text", SLIPS, ids=repr)
def test_the_quick_scan_for_typing_slips_misses_none(text, monkeypatch):
    """A text the quick scan passes has no slip the line-by-line check would find."""
    from cluster_assess.io import yaml_messages

    found = yaml_messages.typing_slips(text, "t.yaml")
    monkeypatch.setattr(yaml_messages, "_MAYBE_NO_SPACE", yaml_messages.re.compile(""))
    assert found == yaml_messages.typing_slips(text, "t.yaml")


def test_the_quick_scan_misses_no_slip_in_damaged_profiles(monkeypatch):
    from cluster_assess.io import yaml_messages

    texts = _mutants((EXAMPLES / "shishi.yaml").read_text(encoding="utf-8"), 200, 9)
    quick = [yaml_messages.typing_slips(text, "t.yaml") for text in texts]
    monkeypatch.setattr(yaml_messages, "_MAYBE_NO_SPACE", yaml_messages.re.compile(""))
    assert quick == [yaml_messages.typing_slips(text, "t.yaml") for text in texts]
    assert any(quick)  # the damage makes slips the scan must not miss
