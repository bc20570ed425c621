"""Bad profiles: each exits 2 with a message naming file, line and field — never a traceback."""

from __future__ import annotations

import pytest

from cluster_assess.profile.fields import field_specs


def write(tmp_path, text: str):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("- just\n- a list\n", 1, None, "mapping"),
        ("name: x\nfacts:\n  firms:\n    total: many\n", 4, "facts.firms.total", "cannot read"),
        ("name: x\nfacts:\n  firms:\n    totl: 3\n", 4, "facts.firms.totl", "did you mean 'total'"),
        ("name: x\nfacts:\n  firms:\n    total: -3\n", 4, "facts.firms.total", "negative"),
        ("name: x\nfacts:\n  economy:\n    export_share: 140%\n", 4, "facts.economy.export_share", "between 0% and 100%"),
        ("name: x\nfacts:\n  economy:\n    export_share: 30\n", 4, "facts.economy.export_share", "'30%'"),
        ("name: x\nfacts:\n  firms:\n    total: 10\n    above_scale: 20\n", 5, "facts.firms.above_scale", "exceed"),
        ("name: x\nratings:\n  location_advantage: 7\n", 3, "ratings.location_advantage", "the most allowed here is 5"),
        ("name: x\nratings:\n  locaton_advantage: 3\n", 3, "ratings.locaton_advantage", "did you mean 'location_advantage'"),
        ("name: x\nfacts:\n  above_scale: 3\n", 3, "facts.above_scale", "facts.firms.above_scale"),
        ("name: x\nfacts:\n  firms: 12\n", 3, "facts.firms", "mapping"),
        ("name: x\nname: y\n", 2, "name", "duplicate key"),
        ("name: x\nyear: [2012]\n", 2, "year", "whole number"),
    ],
)
def test_bad_profile_names_file_line_and_field(cli, tmp_path, text, line, field, words):
    path = write(tmp_path, text)
    run = cli("score", path)
    assert run.code == 2, run.out
    assert "Traceback" not in run.err + run.out
    assert f"{path}:{line}" in run.err
    if field:
        assert f": {field}: " in run.err
    assert words in run.err


def test_all_problems_of_a_file_are_reported_at_once(cli, tmp_path):
    path = write(tmp_path, "name: x\nfacts:\n  firms:\n    totl: 3\n    exporters: -1\nratings:\n  embedednes: 2\n")
    run = cli("score", path)
    assert run.code == 2
    assert run.err.count(str(path)) == 3


def test_missing_file_and_folder(cli, tmp_path):
    assert "no such file" in cli("score", tmp_path / "nope.yaml").err
    assert "folder" in cli("score", tmp_path).err


def test_unknown_stays_unknown_and_amounts_keep_their_precision(cli, tmp_path):
    path = write(tmp_path, "name: x\nfacts:\n  firms:\n    total: 200多家\n  economy:\n    sales: 20多亿元\n"
                           "    exports_direct: 2000万美元以上\n")
    data = cli("score", path, "-F", "json").json()
    facts = {f["path"]: f for f in data["facts"]}
    assert facts["facts.firms.total"]["value"] == 200
    assert facts["facts.firms.total"]["approx"] == "over"
    assert facts["facts.economy.sales"]["value"] == 2_000_000_000
    assert facts["facts.economy.exports_direct"]["unit"] == "USD"
    assert "facts.firms.above_scale" not in facts


def test_every_fact_field_has_both_languages_and_a_direction():
    for spec in field_specs().values():
        assert spec.zh and spec.en, spec.path
        assert spec.better in {"higher", "lower", "none"}, spec.path
