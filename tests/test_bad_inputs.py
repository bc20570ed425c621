"""Every file in tests/bad_inputs/ is a mistake an official could make. For each, `validate` and
`score` exit 2, name the expected line and field, say the expected words — and never show a
traceback. The expectations live in tests/bad_inputs/expected.yaml, one line per file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cluster_assess.io import yamlsource

BAD = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
FILES = sorted(p.name for p in BAD.iterdir() if p.name != "expected.yaml")


def test_every_bad_input_has_an_expectation_and_there_are_enough():
    assert sorted(EXPECTED) == FILES
    assert len(FILES) >= 40


@pytest.mark.parametrize("name", FILES)
def test_bad_input_is_named_at_its_line_and_field(cli, name):
    path = BAD / name
    expected = EXPECTED[name]
    run = cli("validate", path)
    assert run.code == 2, run.out + run.err
    assert "Traceback" not in run.out + run.err
    assert "internal error" not in run.out + run.err
    lines = [line for line in run.out.splitlines() if not line.startswith("warning:")]
    where = f"{path}:{expected['line']}:" if expected["line"] is not None else f"{path}: "
    matching = [line for line in lines if line.startswith(where)]
    assert matching, run.out
    if expected["field"] is not None:
        matching = [line for line in matching if f": {expected['field']}: " in line]
        assert matching, run.out
    assert any(expected["message"] in line for line in matching), run.out

    scored = cli("score", path)
    assert scored.code == 2
    assert "Traceback" not in scored.out + scored.err
    assert expected["message"] in scored.err


def test_a_folder_of_bad_inputs_reports_each_file_and_exits_2(cli):
    run = cli("validate", BAD)
    assert run.code == 2
    for name in FILES:
        assert f"{BAD / name}:" in run.out, name
    # expected.yaml is a YAML file too, and not a profile: it is checked and fails like the rest
    assert f"checked {len(FILES) + 1} profile(s)" in run.err
    assert f"in {len(FILES) + 1} profile(s)" in run.err


def test_an_oversized_file_is_refused_before_reading(cli, tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"name: x\nnotes: '" + b"a" * yamlsource.MAX_BYTES + b"'\n")
    run = cli("validate", path)
    assert run.code == 2
    assert "limited to" in run.out


def test_the_billion_laughs_is_refused_before_it_expands(monkeypatch):
    """The refusal happens on the composed tree, without building the expansion: a bigger bomb
    (ten levels of ten) is refused the same way, and the builder never runs."""
    from cluster_assess.errors import UserError

    text = "a: &a [" + ",".join(['"lol"'] * 10) + "]\n"
    for prev, name in zip("abcdefghij", "bcdefghijk"):
        text += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]\n"

    def no_build(*args, **kwargs):
        raise AssertionError("the document was expanded")

    monkeypatch.setattr(yamlsource._Builder, "build", no_build)
    with pytest.raises(UserError, match="alias bomb"):
        yamlsource.parse_yaml(text, "bomb.yaml")


def test_many_plain_values_are_refused_while_streaming():
    from cluster_assess.errors import UserError

    text = "notes: [" + ",".join(["1"] * (yamlsource.MAX_NODES + 10)) + "]\n"
    with pytest.raises(UserError, match="more than"):
        yamlsource.parse_yaml(text, "many.yaml")


def test_all_problems_of_a_file_are_reported_at_once_field_errors_and_cross_checks(cli, tmp_path):
    path = tmp_path / "town.yaml"
    path.write_text(
        "name: 某镇\nyear: 2099\nfacts:\n  firms:\n    total: 100\n    totl: 3\n    above_scale: 150\n"
        "    exporters: 300\n  economy:\n    export_share: 30\nratings:\n  market_norms: 9\n",
        encoding="utf-8",
    )
    run = cli("validate", path)
    assert run.code == 2
    errors = [line for line in run.out.splitlines() if not line.startswith("warning:")]
    warnings = [line for line in run.out.splitlines() if line.startswith("warning:")]
    assert [line.split(":")[1] for line in errors] == ["6", "7", "10", "12"]  # in file order
    assert any("facts.firms.above_scale" in line for line in errors)  # the cross check still ran
    assert any("exporters" in line for line in warnings)
    assert any("year" in line and "future" in line for line in warnings)


def test_a_duplicate_key_or_a_forbidden_tag_does_not_hide_other_mistakes(cli, tmp_path):
    path = tmp_path / "town.yaml"
    path.write_text("name: x\nname: y\nfacts:\n  firms:\n    totl: 3\n    total: !!python/object:os.system 3\n"
                    "  economy:\n    export_share: 30\n", encoding="utf-8")
    for command in ("validate", "score"):
        run = cli(command, path)
        assert run.code == 2
        text = run.out + run.err
        for line, words in ((2, "duplicate key 'name'"), (5, "did you mean 'total'"), (6, "!!python/object"),
                            (8, "ambiguous for a share")):
            assert any(f"{path}:{line}:" in row and words in row for row in text.splitlines()), (line, text)
