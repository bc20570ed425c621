"""Rubric loading: the built-in pack is valid; broken packs fail with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_assess.errors import UserError
from cluster_assess.rubric.loading import load_rubric

BUILTIN = Path(__file__).resolve().parent.parent / "rubrics" / "cluster-core.yaml"


def test_builtin_rubric_loads_and_has_both_models():
    rubric = load_rubric()
    assert [m.id for m in rubric.stage_models][:2] == ["agglomeration", "radiation"]
    assert [s.id for s in rubric.model("agglomeration").stages] == ["concentration", "agglomeration", "cluster"]
    assert [s.id for s in rubric.model("radiation").stages] == ["receiving", "inward", "outward"]


def broken(tmp_path, old: str, new: str) -> Path:
    text = BUILTIN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The last line holding `needle` (a duplicate is reported where it repeats)."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert lines, needle
    return lines[-1]


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [
        ("recommendations: [talent, brand_tech_talent]\n", "recommendations: [talnet, brand_tech_talent]\n", "[talnet", "unknown recommendation 'talnet'"),
        ("gates: [policy_environment, supporting_facilities]", "gates: [policy_environment, suporting_facilities]",
         "suporting_facilities", "unknown factor 'suporting_facilities'"),
        ("{fact: facts.firms.total, op: \">=\", value: 100}", "{fact: facts.firms.totl, op: \">=\", value: 100}",
         "facts.firms.totl", "did you mean 'facts.firms.total'"),
        ("  - id: talent\n", "  - id: brand_building\n", "- id: brand_building", "duplicate id 'brand_building'"),
        ("    rating: location_advantage\n", "    rating: location\n", "rating: location", "unknown rating 'location'"),
        ("    severity: high\n", "    severity: hgih\n", "severity: hgih", "severity"),
        ("    rating: location_advantage\n", "    ratng: location_advantage\n", "ratng:", "did you mean 'rating'"),
    ],
)
def test_broken_rubric_reports_file_and_line(cli, tmp_path, old, new, needle, words):
    path = broken(tmp_path, old, new)
    with pytest.raises(UserError) as info:
        load_rubric(path)
    message = str(info.value)
    assert f"{path}:{line_of(path, needle)}" in message
    assert words in message
    run = cli("score", Path(__file__).parent.parent / "examples" / "shishi.yaml", "--rubric", path)
    assert run.code == 2
    assert "Traceback" not in run.err


def test_a_later_stage_cannot_repeat_an_earlier_gate(tmp_path):
    path = broken(tmp_path, "gates: [leading_firm_radiation, regional_brand, regional_innovation]",
                  "gates: [leading_firm_radiation, regional_brand, brand_centre]")
    text = path.read_text(encoding="utf-8").replace(
        "gates: [brand_centre, technology_export, outside_radiation]", "gates: [brand_centre, technology_export]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="already gates an earlier stage"):
        load_rubric(path)
