"""Indicators read by people: thousands separators, no exponent notation, headers and tiers in the
reader's language; measured specialisation feeds the rubric's geographic concentration."""

from __future__ import annotations

import json
import re
from pathlib import Path

from indicator_helpers import indicators, write_csv

HEAD = ["region", "industry", "emp"]
ROWS = [["甲镇", "服装", 12000], ["甲镇", "食品", 3000], ["乙镇", "服装", 5000], ["乙镇", "食品", 9000],
        ["丙镇", "食品", 40000]]
REG = ["--region", "region", "--industry", "industry", "--value", "emp"]


def test_numbers_read_as_people_write_them(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    out = indicators("regions", str(table), *REG, "--lang", "en").stdout
    assert not re.search(r"\d[eE][+-]\d", out)  # never 2.5e+04
    assert "12,000" in out and "69,000" in out
    assert "80.0%" in out  # a share as a percentage
    assert "share of region" in out and "share_of_region" not in out
    assert "top 10%" in out


def test_chinese_headers_and_tiers_line_up(tmp_path: Path) -> None:
    from cluster_assess.render.grid import width

    table = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    out = indicators("regions", str(table), *REG, "--lang", "zh").stdout
    assert "占本地区比重" in out and "区位熵" in out and "最强（前10%）" in out
    block = out.split("各单元")[1].split("\n\n")[1].splitlines()
    header, first = block[0], block[2]
    # right-aligned numbers end where their header ends, counted in display columns
    assert width(header[: header.index("区位熵") + 3]) == width(first[: first.index("3.2471") + 6])


def test_measured_specialisation_feeds_geographic_concentration(tmp_path: Path, cli) -> None:
    table = write_csv(tmp_path / "t.csv", HEAD, ROWS)
    profile = tmp_path / "town.yaml"
    profile.write_text("name: 甲镇服装\nregion: 甲镇\nindustry: 服装\n", encoding="utf-8")
    before = cli("score", profile, "-F", "json").json()["factors"]["geographic_concentration"]
    assert before["status"] == "unknown"
    assert indicators("regions", str(table), *REG, "--into", str(profile)).exit_code == 0
    after = cli("score", profile, "-F", "json").json()["factors"]["geographic_concentration"]
    assert after["status"] == "met"
    assert any(f["path"] == "facts.measured.location_quotient" for f in after["facts"])
    assert "location quotient at least 2" in json.dumps(after["rule"], ensure_ascii=False)
