"""`compare`: the ranking follows the documented formula, every town shows in every format, the
csv and json read back to the same numbers, trajectories show stage changes and deltas, the SVG
is well-formed with names as text. Unknown is never shown as 0."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

TRAJECTORY = FIXTURES / "trajectory"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def names_of_examples() -> list[str]:
    return [yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in EXAMPLE_FILES]


def documented_index(score_json: dict, spec: dict) -> tuple[float | None, float]:
    """The README's formula, written out again from the `score` JSON: an independent check."""
    ladders = {"agglomeration": ["concentration", "agglomeration", "cluster"],
               "radiation": ["receiving", "inward", "outward"]}
    parts = []  # (weight, score or None, how well known)
    for model, weight in spec["models"].items():
        stage = score_json["stages"][model]
        if stage["stage"] == "undetermined":
            parts.append((weight, None, 0.0))
        elif stage["stage"] == "not_applicable":
            parts.append((weight, 0.0, 1.0))
        else:
            ladder = ladders[model]
            parts.append((weight, ladder.index(stage["stage"]) / (len(ladder) - 1), stage["confidence"]))
    for factor, weight in spec["factors"].items():
        score = score_json["factors"][factor]["score"]
        parts.append((weight, score, 0.0 if score is None else 1.0))
    known = sum(w for w, s, _ in parts if s is not None)
    value = 100 * sum(w * s for w, s, _ in parts if s is not None) / known if known else None
    confidence = sum(w * k for w, _, k in parts) / sum(w for w, _, _ in parts)
    return value, confidence


def test_examples_hold_at_least_five_towns():
    assert len(EXAMPLE_FILES) >= 5


def test_ranking_follows_the_documented_formula(cli):
    spec = yaml.safe_load((ROOT / "rubrics" / "cluster-core.yaml").read_text(encoding="utf-8"))["maturity_index"]
    expected = {}
    for path in EXAMPLE_FILES:
        data = cli("score", path, "-F", "json").json()
        expected[data["profile"]["name"]] = documented_index(data, spec)
    run = cli("compare", EXAMPLES, "-F", "json")
    assert run.code == 0, run.err
    out = run.json()
    by_key = {c["key"]: c["name"] for c in out["columns"]}
    for key, result in out["indexes"].items():
        value, confidence = expected[by_key[key]]
        assert result["value"] == pytest.approx(value, abs=0.06)
        assert result["confidence"] == pytest.approx(confidence, abs=0.001)
    ranked = [r["key"] for r in out["ranking"]]
    should_rank = [k for k in out["indexes"] if expected[by_key[k]][1] >= spec["min_confidence"]]
    assert sorted(ranked) == sorted(should_rank)
    assert [r["index"] for r in out["ranking"]] == sorted((r["index"] for r in out["ranking"]), reverse=True)
    assert [r["rank"] for r in out["ranking"]] == list(range(1, len(ranked) + 1))
    apart = {a["key"] for a in out["apart"]}
    assert apart == set(out["indexes"]) - set(ranked)
    # towns with too little data are listed apart, not ranked last
    assert "虎门镇服装产业集群 · 2012" in apart
    assert ranked[0] == "石狮市服装产业集群"


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_town_appears_in_every_format(cli, fmt, lang):
    run = cli("compare", EXAMPLES, "-F", fmt, "--lang", lang)
    assert run.code == 0, run.err
    for name in names_of_examples():
        assert name in run.out, (fmt, name)


def test_csv_reads_back_to_the_same_numbers_as_json(cli):
    data = cli("compare", EXAMPLES, "-F", "json").json()
    rows = list(csv.reader(io.StringIO(cli("compare", EXAMPLES, "-F", "csv").out)))
    header, body = rows[0], {r[0]: r for r in rows[1:]}
    keys = [c["key"] for c in data["columns"]]
    assert header[5:] == keys
    checked = 0
    for row in data["rows"]:
        line = body[row["id"]]
        for cell, text in zip(row["cells"], line[5:]):
            if cell["value"] is None:
                assert text == ""  # unknown is an empty cell, never 0
            elif isinstance(cell["value"], int | float):
                assert float(text) == pytest.approx(cell["value"], rel=1e-12)
                checked += 1
            else:
                assert text == cell["value"]
    assert checked > 50


def test_json_validates_against_its_documented_schema(cli, tmp_path):
    schema = cli("compare", "--schema").json()
    jsonschema.Draft202012Validator.check_schema(schema)
    for folder in (EXAMPLES, TRAJECTORY):
        for lang in ("zh", "en"):
            jsonschema.validate(cli("compare", folder, "-F", "json", "--lang", lang).json(), schema)
    broken = cli("compare", EXAMPLES, "-F", "json").json()
    broken["ranking"][0]["index"] = "high"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_unknown_is_shown_as_unknown_never_zero(cli):
    data = cli("compare", EXAMPLES, "-F", "json").json()
    firms = next(r for r in data["rows"] if r["id"] == "facts.firms.total")
    keys = [c["key"] for c in data["columns"]]
    shishi = firms["cells"][keys.index("石狮市服装产业集群")]
    assert shishi["value"] is None and shishi["display"] == "unknown"
    assert not shishi["best"] and not shishi["worst"]
    text = cli("compare", EXAMPLES, "--lang", "zh").out
    assert "未知" in text


def test_best_and_weakest_are_marked_in_text_and_markdown(cli):
    data = cli("compare", EXAMPLES, "-F", "json").json()
    stage = next(r for r in data["rows"] if r["id"] == "stage.agglomeration")
    assert any(c["best"] for c in stage["cells"]) and any(c["worst"] for c in stage["cells"])
    index_row = next(r for r in data["rows"] if r["id"] == "index")
    ranked = {r["key"] for r in data["ranking"]}
    keys = [c["key"] for c in data["columns"]]
    for key, cell in zip(keys, index_row["cells"]):
        if key not in ranked:  # an index built on little evidence is never 'best'
            assert not cell["best"] and not cell["worst"]
    assert "▲" in cli("compare", EXAMPLES).out
    md = cli("compare", EXAMPLES, "-F", "markdown").out
    assert "▲" in md and "▼" in md and "| **" in md


def test_adjacent_differences_name_the_factors_behind_the_gap(cli):
    data = cli("compare", EXAMPLES, "-F", "json").json()
    ranking = [r["key"] for r in data["ranking"]]
    assert [(d["higher"], d["lower"]) for d in data["differences"]] == list(zip(ranking, ranking[1:]))
    first = data["differences"][0]
    assert first["drivers"][0]["id"] == "agglomeration"  # cluster vs concentration is most of the gap
    assert first["gap"] > 0


def test_baseline_explains_each_town_against_it(cli):
    data = cli("compare", EXAMPLES, "-F", "json", "--baseline", "小官庄镇玻璃工艺制品产业集群").json()
    assert data["baseline"] == "小官庄镇玻璃工艺制品产业集群"
    assert data["differences"]
    for d in data["differences"]:
        assert data["baseline"] in (d["higher"], d["lower"])
        assert d["gap"] >= 0
    run = cli("compare", EXAMPLES, "--baseline", "nowhere")
    assert run.code == 2 and "--baseline" in run.err and "matches no town" in run.err


def test_sort_by_a_row_and_refuse_an_unknown_key(cli):
    data = cli("compare", EXAMPLES, "-F", "json", "--sort", "factor.market_norms").json()
    row = next(r for r in data["rows"] if r["id"] == "factor.market_norms")
    scores = [c["score"] for c in row["cells"]]
    known = [s for s in scores if s is not None]
    assert known == sorted(known, reverse=True)
    assert scores[: len(known)] == known  # unknown last
    names = [c["name"] for c in cli("compare", EXAMPLES, "-F", "json", "--sort", "name").json()["columns"]]
    assert names == sorted(names)
    run = cli("compare", EXAMPLES, "--sort", "bogus")
    assert run.code == 2 and "cannot sort by 'bogus'" in run.err and "factor.market_norms" in run.err


def test_three_year_trajectory_shows_stage_changes_and_deltas(cli):
    run = cli("compare", TRAJECTORY, "-F", "json")
    assert run.code == 0, run.err
    data = run.json()
    [trajectory] = data["trajectories"]
    assert trajectory["years"] == [2019, 2020, 2021]
    first, second = trajectory["steps"]
    agglo = next(s for s in first["stages"] if s["model"] == "agglomeration")
    assert (agglo["from_stage"], agglo["to_stage"], agglo["direction"]) == ("concentration", "agglomeration", "up")
    agglo = next(s for s in second["stages"] if s["model"] == "agglomeration")
    assert (agglo["from_stage"], agglo["to_stage"]) == ("agglomeration", "cluster")
    firms = {d["indicator"]: d for d in first["deltas"]}["facts.firms.total"]
    assert (firms["before"], firms["after"], firms["change"], firms["growth"]) == (120, 150, 30, 0.25)
    output = {d["indicator"]: d for d in second["deltas"]}["facts.economy.output_value"]
    assert output["growth"] == pytest.approx(0.25)
    assert output["after_display"] == "1.25 bn CNY"
    assert [p for p in second["resolved"]] == ["talent shortage (designers and managers)"]
    # 2019's market norms are rated 2/5: the rating decides, so the town is known to be held at
    # concentration, and the "behind the leading clusters" finding is resolved once it agglomerates
    assert first["resolved"] == ["unbalanced development (behind the leading clusters)"] and second["new"] == []
    assert trajectory["index"] == sorted(trajectory["index"])  # this town only improves
    text = cli("compare", TRAJECTORY, "--lang", "zh").out
    assert "集中 → 集聚" in text and "集聚 → 集群" in text and "+25.0%" in text
    md = cli("compare", TRAJECTORY, "-F", "markdown").out
    assert "2019→2020" in md and "talent shortage" in md


def test_annual_growth_compounds_over_a_gap_of_years(cli, tmp_path):
    for year in ("2019", "2021"):
        text = (TRAJECTORY / f"town-{year}.yaml").read_text(encoding="utf-8")
        (tmp_path / f"town-{year}.yaml").write_text(text, encoding="utf-8")
    [step] = cli("compare", tmp_path, "-F", "json").json()["trajectories"][0]["steps"]
    firms = {d["indicator"]: d for d in step["deltas"]}["facts.firms.total"]
    assert firms["growth"] == pytest.approx(0.5)
    assert firms["annual_growth"] == pytest.approx(1.5 ** 0.5 - 1, abs=1e-4)


def test_profiles_without_years_are_not_a_series(cli, tmp_path):
    text = (TRAJECTORY / "town-2019.yaml").read_text(encoding="utf-8").replace("year: 2019\n", "")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    data = cli("compare", tmp_path, "-F", "json").json()
    assert data["trajectories"] == []
    assert len({c["key"] for c in data["columns"]}) == 2  # same name twice: still two distinct columns


def test_svg_is_well_formed_with_names_as_text(cli, tmp_path):
    odd = tmp_path / "odd.yaml"
    odd.write_text("name: 'A&B <镇> \"x\"'\nratings: {location_advantage: 3}\n", encoding="utf-8")
    chart = tmp_path / "chart.svg"
    run = cli("compare", EXAMPLES, TRAJECTORY, odd, "--chart", chart, "-o", tmp_path / "out.txt")
    assert run.code == 0, run.err
    root = ET.fromstring(chart.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = {el.text for el in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "石狮市服装产业集群" in texts
    assert "示例镇针织产业集群" in texts  # the trajectory's line chart
    assert "policy environment" in texts
    assert "PingFang SC" in root.get("font-family", "")
    data = cli("compare", EXAMPLES, TRAJECTORY, odd, "-F", "json").json()
    shown = [c["key"] for c in data["columns"]][:8]
    assert set(shown) <= texts
    again = cli("compare", EXAMPLES, "--chart", chart)
    assert again.code == 2 and "--force" in again.err  # never overwrite without --force


def test_wide_comparisons_turn_round_and_keep_every_town(cli, tmp_path):
    lines = ["name,year,facts.firms.total,ratings.location_advantage"]
    lines += [f"镇{n:03d},2020,{100 + n},{n % 6}" for n in range(40)]
    (tmp_path / "many.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("compare", tmp_path / "many.csv")
    assert run.code == 0, run.err
    assert "one row per cluster" in run.out
    for n in range(40):
        assert f"镇{n:03d}" in run.out


def test_nothing_to_compare_and_missing_files_are_user_errors(cli, tmp_path):
    assert cli("compare").code == 2
    run = cli("compare", tmp_path)
    assert run.code == 2 and "no profiles" in run.err
    run = cli("compare", tmp_path / "nope.yaml")
    assert run.code == 2 and "no such file" in run.err


def test_rubric_maturity_index_is_validated_with_lines(tmp_path):
    from cluster_assess.errors import UserError
    from cluster_assess.rubric.loading import load_rubric

    text = (ROOT / "rubrics" / "cluster-core.yaml").read_text(encoding="utf-8")
    bad = text.replace("    market_norms: 1\n    service_support: 1", "    market_norm: 1\n    service_support: 1")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_rubric(path)
    line = next(n for n, t in enumerate(bad.splitlines(), start=1) if t == "    market_norm: 1")
    [problem] = caught.value.problems
    assert problem.line == line and "unknown factor 'market_norm'" in problem.message
    assert "did you mean 'market_norms'" in problem.message
    path.write_text(text.replace("    radiation: 6\n", "    radiation: -6\n"), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_rubric(path)
    assert "negative" in str(caught.value)


def test_compare_without_an_index_lists_everyone_apart(tmp_path):
    from cluster_assess.compare.comparison import compare
    from cluster_assess.engine.assess import assess
    from cluster_assess.profile.loading import load_profile
    from cluster_assess.rubric.loading import load_rubric

    rubric = load_rubric()
    plain = rubric.model_copy(update={"maturity_index": None})
    towns = [assess(load_profile(p).profile, plain) for p in EXAMPLE_FILES[:2]]
    result = compare(towns, plain)
    assert result.ranking == [] and len(result.apart) == 2 and result.index is None
    assert not any(r.id == "index" for r in result.rows)


def test_examples_cite_only_passages_that_exist():
    """Every `source` in the new examples names a heading of our digests."""
    import re

    headings: set[str] = set()
    for digest in (ROOT / "seeds").glob("*.md"):
        headings.update(re.findall(r"^#+ `([^`]+)`", digest.read_text(encoding="utf-8"), flags=re.M))

    def sources(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [node["source"]] if isinstance(node.get("source"), str) else []
            return found + [s for v in node.values() for s in sources(v)]
        if isinstance(node, list):
            return [s for v in node for s in sources(v)]
        return []

    for path in EXAMPLE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for cited in sources(data) + data.get("sources", []):
            for part in cited.split(";"):
                assert part.strip() in headings, (path.name, part)


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_chart_path_in_missing_folder_fails_before_work(cli, tmp_path):
    run = cli("compare", EXAMPLES, "--chart", tmp_path / "no" / "c.svg")
    assert run.code == 2 and "does not exist" in run.err
    assert not Path(tmp_path / "no").exists()


def test_narrow_terminal_pages_the_side_by_side_view(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    run = cli("compare", EXAMPLES)
    assert run.code == 0, run.err
    assert "page 1 of" in run.out
    for name in names_of_examples():
        assert name in run.out.replace("\n", "") or name[:6] in run.out
    from rich.cells import cell_len

    assert max(cell_len(line) for line in run.out.splitlines()) <= 80


def test_help_says_what_keep_going_does(cli):
    run = cli("compare", "--help")
    assert run.code == 0
    assert "--keep-going" in run.out and "exit 0" in run.out


def test_a_minimal_rubric_compares_with_only_its_own_rows(cli):
    """The indicator rows come from the rubric's `comparison:`, so a pack without one gets no
    indicator rows at all (never rows of another pack's metrics, always empty)."""
    minimal = FIXTURES / "valid-rubric-minimal.yaml"
    run = cli("compare", EXAMPLES / "shishi.yaml", EXAMPLES / "xiaoguanzhuang-glass.yaml",
              "--rubric", minimal, "-F", "json")
    assert run.code == 0, run.err
    ids = [row["id"] for row in run.json()["rows"]]
    assert not [i for i in ids if i.startswith(("metrics.", "facts."))], ids
    assert "factor.base" in ids and "stage.ladder" in ids
    core = cli("compare", EXAMPLES / "shishi.yaml", EXAMPLES / "xiaoguanzhuang-glass.yaml", "-F", "json")
    rows = {row["id"]: row for row in core.json()["rows"]}
    assert rows["metrics.chain_completeness"]["better"] == "higher"
    assert rows["metrics.platform_count"]["label"] == "kinds of public service platform present"
