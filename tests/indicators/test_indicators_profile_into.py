"""`--into PROFILE`: measured facts land under facts.measured / facts.firms, comments survive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from indicator_helpers import indicators, write_csv

PROFILE = """\
# 吴江纺织 cluster profile — hand-maintained
name: 吴江纺织  # display name
region: js
industry: tex
year: 2023
facts:
  # counts typed in from the park's yearbook
  firms:
    total: 10  # stated by the park office
    size_bands:
      over_1m: 9
  economy:
    output_value: {value: 120, source: "统计年鉴", note: "亿元"}
ratings: {}
"""


def make(tmp_path: Path) -> tuple[Path, Path, Path]:
    prof = tmp_path / "p.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    regions = write_csv(tmp_path / "emp.csv", ["prov", "ind", "emp"], [
        ["js", "tex", 500], ["js", "ele", 1200], ["zj", "tex", 900], ["zj", "ele", 400],
        ["gd", "ele", 2500], ["gd", "tex", 300],
    ])
    firms = write_csv(tmp_path / "firms.csv", ["firm", "ind", "county", "staff", "sales", "gs"], [
        ["A", "tex", "wj", 1200, 8000, "是"], ["B", "tex", "wj", 300, 1200, "是"],
        ["C", "tex", "kq", 800, 4500, "是"], ["D", "tex", "kq", 50, 60, "否"],
        ["E", "ele", "ks", 3000, 90000, "是"],
    ])
    return prof, regions, firms


def test_into_writes_measured_facts_and_keeps_comments(tmp_path: Path) -> None:
    prof, regions, firms = make(tmp_path)
    r = indicators(*["regions", str(regions), "--region", "prov", "--industry", "ind",
                                 "--value", "emp", "--into", str(prof), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    r = indicators(*["firms", str(firms), "--firm", "firm", "--industry", "ind",
                                 "--region", "county", "--employees", "staff", "--sales", "sales",
                                 "--sales-unit", "wan", "--above-scale", "gs",
                                 "--into", str(prof), "--replace-stated"])
    assert r.exit_code == 0, r.stderr
    text = prof.read_text(encoding="utf-8")
    for comment in ("# 吴江纺织 cluster profile — hand-maintained", "# display name",
                    "# counts typed in from the park's yearbook", "# stated by the park office"):
        assert comment in text
    # key order of the top level is unchanged
    assert [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()] == [
        "name", "region", "industry", "year", "facts", "ratings"]
    doc = yaml.safe_load(text)
    facts = doc["facts"]
    today = dt.date.today().isoformat()
    lq = facts["measured"]["location_quotient"]
    assert lq["source"] == f"measured: emp.csv · emp · {today}"
    assert abs(lq["value"] - (500 / 1700) / (1700 / 5800)) < 1e-7
    assert facts["measured"]["star_rating"]["value"] in (0, 1, 2, 3)
    firms_src = f"measured: firms.csv · firm · {today}"
    assert facts["firms"]["total"] == {"value": 4, "source": firms_src}
    assert facts["firms"]["above_scale"]["value"] == 3
    assert facts["firms"]["size_bands"]["over_1m"]["value"] == 3  # 60万 is below 1M
    assert facts["firms"]["size_bands"]["over_50m"]["value"] == 1
    assert facts["measured"]["cr4"]["value"] == "100%"
    assert set(facts["measured"]) >= {"hhi", "hhi_normalised", "eg_gamma", "firm_size_gini",
                                      "leading_firm_weight", "krugman_index", "locational_gini"}
    assert facts["economy"]["output_value"]["source"] == "统计年鉴"  # untouched


def test_into_needs_a_known_cell(tmp_path: Path) -> None:
    prof, regions, _ = make(tmp_path)
    r = indicators(*["regions", str(regions), "--region", "prov", "--industry", "ind",
                                 "--value", "emp", "--into", str(prof), "--for-region", "xx"])
    assert r.exit_code == 2 and "'xx'" in r.stderr and "--for-region" in r.stderr
    assert prof.read_text(encoding="utf-8") == PROFILE


def test_into_never_replaces_a_stated_value_without_replace_stated(tmp_path: Path) -> None:
    prof, _, firms = make(tmp_path)
    args = ["firms", str(firms), "--firm", "firm", "--industry", "ind", "--region", "county",
            "--employees", "staff", "--sales", "sales", "--sales-unit", "wan", "--into", str(prof)]
    r = indicators(*args)
    assert r.exit_code == 2
    assert "facts.firms.total" in r.stderr and "--replace-stated" in r.stderr
    assert prof.read_text(encoding="utf-8") == PROFILE, "nothing changed"
    # measuring again after --replace-stated refreshes the measured values without needing it
    assert indicators(*args, "--replace-stated").exit_code == 0
    assert indicators(*args).exit_code == 0


def test_a_profile_filled_by_into_scores_and_says_measured(cli, tmp_path: Path) -> None:
    prof, regions, firms = make(tmp_path)
    assert cli("indicators", "regions", regions, "--region", "prov", "--industry", "ind", "--value", "emp",
               "--into", prof, "-o", "-").code == 0
    assert cli("indicators", "firms", firms, "--firm", "firm", "--industry", "ind", "--region", "county",
               "--employees", "staff", "--sales", "sales", "--sales-unit", "wan", "--into", prof,
               "--replace-stated").code == 0
    run = cli("score", prof, "-F", "json")
    assert run.code == 0, run.err
    facts = {f["path"]: f for f in run.json()["facts"]}
    assert facts["facts.measured.location_quotient"]["source"].startswith("measured: emp.csv")
    assert facts["facts.firms.total"]["value"] == 4
