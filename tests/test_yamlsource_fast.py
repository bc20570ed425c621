"""The position-keeping YAML reader must read values exactly as PyYAML's safe loader does,
shortcuts included, and turn unreadable scalars into located problems, never a crash."""

from __future__ import annotations

import pytest
import yaml
from conftest import EXAMPLES

from cluster_assess.errors import UserError
from cluster_assess.io.yamlsource import parse_yaml

DOCS = [
    "a: 1\nb: 1.5\nc: true\nd: ~\ne: text\nf: '1'\ng: 2024-01-02\nh: [1, x, 1_000, .inf, 0, -0.5]\n",
    "nested: {x: {y: [1, {z: 'deep'}]}}\n1: one\n2.5: yes\n",
    "s: !!str 12\nm: |\n  two\n  lines\nn: -0.5e3\n",
]


@pytest.mark.parametrize("text", DOCS)
def test_values_match_the_safe_loader(text):
    value, _ = parse_yaml(text, "t.yaml")
    expected = yaml.safe_load(text)
    expected = {str(k) if not isinstance(k, str) else k: v for k, v in expected.items()}
    assert value == expected


@pytest.mark.parametrize(("written", "safe_load_reads"), [
    ("0200", 128), ("012", 10), ("-012", -10), ("1:30", 90), ("0x1F4", 500), ("0b101", 5),
    ("1:30:00.5", 5400.5),
])
def test_yaml_1_1_number_traps_are_kept_as_written(written, safe_load_reads):
    """The one place we read differently from the safe loader, on purpose: these become the text
    written, which the amount reader reads as written (0200 → 200) or refuses with a message."""
    assert yaml.safe_load(f"v: {written}\n")["v"] == safe_load_reads
    assert parse_yaml(f"v: {written}\n", "t.yaml")[0] == {"v": written}
    assert parse_yaml(f"v: '{written}'\n", "t.yaml")[0] == {"v": written}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_match_the_safe_loader(path):
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text, path.name)[0] == yaml.safe_load(text)


@pytest.mark.parametrize(("text", "value"), [
    ("name: !!int x\n", "'x'"),
    ("year: 2024-13-45\n", "'2024-13-45'"),
    ("ratio: !!float abc\n", "'abc'"),
    ("? !!int k\n: 1\n", "'k'"),
])
def test_unreadable_scalars_are_located_problems(text, value):
    with pytest.raises(UserError) as info:
        parse_yaml(text, "t.yaml")
    problem = info.value.problems[0]
    assert problem.file == "t.yaml" and problem.line == 1
    assert f"cannot read {value} as the kind of value" in problem.message
