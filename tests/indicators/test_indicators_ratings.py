"""Star rating (ECO) and strength tiers (US CMP) on hand-made tables, thresholds from YAML."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

from cluster_assess.errors import UserError
from cluster_assess.indicators import regions as rg
from cluster_assess.indicators.tables import TableSource
from cluster_assess.indicators.thresholds import default_rubric, load_rubric, rubrics_dir

SRC = TableSource(Path("t.csv"), "csv")


def twenty_regions() -> pl.DataFrame:
    """20 regions; r0 is large and specialised in 'x', r1 is small but wholly 'x'."""
    rows = []
    for k in range(20):
        x = {0: 5000.0, 1: 300.0}.get(k, 100.0 + k)
        other = {0: 5000.0, 1: 0.0}.get(k, 2000.0)
        rows += [(f"r{k}", "x", x), (f"r{k}", "other", other)]
    return pl.DataFrame(rows, schema=["region", "industry", "value"], orient="row")


def cell(res: rg.RegionIndicators, region: str, industry: str = "x") -> dict:
    return res.cells.filter(
        (pl.col("region") == region) & (pl.col("industry") == industry)
    ).row(0, named=True)


def test_stars_size_specialisation_focus() -> None:
    res = rg.compute(rg.prepare_cells(twenty_regions(), SRC, "value"))
    big, small, plain = cell(res, "r0"), cell(res, "r1"), cell(res, "r5")
    # r0: largest 'x' employer (top 10% = top 2 of 20), LQ = 0.5/share_x ≥ 2, focus 50 %.
    assert big["star_size"] and big["star_specialisation"] and big["star_focus"]
    assert big["stars"] == 3
    # r1: 300 is the 2nd largest → size star; all of r1 is 'x' → focus and specialisation.
    assert small["stars"] == 3
    assert plain["stars"] == 0


def test_strength_tiers_need_lq_above_one_and_peer_percentile() -> None:
    res = rg.compute(rg.prepare_cells(twenty_regions(), SRC, "value"))
    assert cell(res, "r1")["strength_tier"] == "top"  # highest LQ, value above p25
    assert cell(res, "r5")["strength_tier"] == "none"  # LQ < 1
    assert all(t in {"none", "strong", "top"} for t in res.cells["strength_tier"])


def test_thresholds_are_data(tmp_path: Path) -> None:
    """Raising the specialisation line in the YAML changes the rating — no code change."""
    data = yaml.safe_load((rubrics_dir() / "thresholds.yaml").read_text(encoding="utf-8"))
    data["star_rating"]["specialisation_min_lq"]["value"] = 1000.0
    p = tmp_path / "t.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = rg.compute(rg.prepare_cells(twenty_regions(), SRC, "value"), load_rubric(p))
    assert not res.cells["star_specialisation"].any()


def test_every_threshold_has_source_and_rationale() -> None:
    r = default_rubric()
    for group in (r.star_rating, r.strength_tiers, r.size_bands, r.leading_firms):
        for name in type(group).model_fields:
            t = getattr(group, name)
            assert t.source.strip() and t.rationale.strip(), name


def test_unknown_threshold_key_is_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load((rubrics_dir() / "thresholds.yaml").read_text(encoding="utf-8"))
    data["star_rating"]["size_top_shar"] = data["star_rating"].pop("size_top_share")
    p = tmp_path / "t.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as e:
        load_rubric(p)
    assert "star_rating" in str(e.value)
