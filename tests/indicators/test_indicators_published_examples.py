"""Published worked examples, reproduced to the digits the source prints (≥ 6 significant).

Sources (documented example values in the R package REAT by Thomas Wieland, CRAN; the
examples as extracted from the package's Rd files are stored in the public repository
reallyTG/typeR at commit d26877b1cf452be1142ddc0b281ba3c21487615f, path
data/genthat_extracted_code/REAT/examples/<function>.Rd.R). Each example cites the textbook
it comes from: Farhauer & Kröll (2013/2014) "Standorttheorien", Springer; Dörsam (2004)
"Wirtschaftspolitik/ Grundlagen". Plus the US DOJ/FTC Horizontal Merger Guidelines (2010),
§5.3, whose HHI example is 30/30/20/20 % → 2,600, and EconGeo's Gini.Rd (PABalland/EconGeo,
R/Gini.r at commit 312737df73fc81bdb226b4669b230a1b2860a228): an industry wholly in one of
five regions has the maximum Gini (5-1)/5.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from cluster_assess.indicators import firms as fm
from cluster_assess.indicators import measures as m
from cluster_assess.indicators import regions as rg
from cluster_assess.indicators.tables import TableSource

SRC = TableSource(Path("example.csv"), "csv")


def seven(x: float) -> object:
    """Match a value printed with 7 significant digits: within half a unit of the last one."""
    return pytest.approx(x, abs=5e-8, rel=0)


def test_location_quotient_farhauer_kroell() -> None:
    """REAT locq.Rd: locq(1714, 79006, 879213, 15593224) → 0.3847623 (Farhauer/Kröll 2013)."""
    assert m.location_quotient(1714, 79006, 879213, 15593224) == seven(0.3847623)


def test_location_quotient_through_table() -> None:
    """Same example through the table path: region j and the rest of the reference economy."""
    cells = pl.DataFrame(
        {
            "region": ["j", "j", "rest", "rest"],
            "industry": ["i", "other", "i", "other"],
            "value": [1714.0, 79006 - 1714.0, 879213 - 1714.0, 15593224 - 79006 - 879213 + 1714.0],
        }
    )
    lq = rg.location_quotients(rg.prepare_cells(cells, SRC, "value").cells)
    got = lq.filter((pl.col("region") == "j") & (pl.col("industry") == "i"))["lq"][0]
    assert got == seven(0.3847623)


def test_gini_concentration_farhauer_kroell() -> None:
    """REAT gini.conc.Rd: E_ij = (500,500,1000,7000,1000), E_j = (20000,15000,20000,40000,5000)
    → 0.4068966 (Farhauer/Kröll 2013)."""
    e_ij = [500, 500, 1000, 7000, 1000]
    e_j = [20000, 15000, 20000, 40000, 5000]
    assert m.gini_of_lq(e_ij, e_j) == seven(0.4068966)
    rows = []
    for k, (a, b) in enumerate(zip(e_ij, e_j, strict=True)):
        rows += [(f"r{k}", "i", float(a)), (f"r{k}", "other", float(b - a))]
    cells = pl.DataFrame(rows, schema=["region", "industry", "value"], orient="row")
    res = rg.compute(rg.prepare_cells(cells, SRC, "value"))
    got = res.industries.filter(pl.col("industry") == "i")["gini_concentration"][0]
    assert got == seven(0.4068966)


def test_gini_specialisation_farhauer_kroell() -> None:
    """REAT gini.spec.Rd: E_ij = (700,600,500,10000,40000), E_i = (30000,15000,10000,60000,
    50000) → 0.6222222 (Farhauer/Kröll 2013)."""
    e_ij = [700, 600, 500, 10000, 40000]
    e_i = [30000, 15000, 10000, 60000, 50000]
    assert m.gini_of_lq(e_ij, e_i) == seven(0.6222222)
    rows = []
    for k, (a, b) in enumerate(zip(e_ij, e_i, strict=True)):
        rows += [("j", f"i{k}", float(a)), ("rest", f"i{k}", float(b - a))]
    cells = pl.DataFrame(rows, schema=["region", "industry", "value"], orient="row")
    res = rg.compute(rg.prepare_cells(cells, SRC, "value"))
    got = res.regions.filter(pl.col("region") == "j")["gini_specialisation"][0]
    assert got == seven(0.6222222)


def test_herfindahl_doersam() -> None:
    """REAT herf.Rd: sales (20,50,20,10) → HHI 0.34, normalised 0.12, equivalent 2.94
    (Dörsam 2004)."""
    sales = [20, 50, 20, 10]
    assert m.herfindahl(sales) == pytest.approx(0.34, abs=1e-12)
    assert m.herfindahl_normalised(sales) == pytest.approx(0.12, abs=1e-12)
    assert 1 / m.herfindahl(sales) == pytest.approx(2.94, abs=0.005)  # printed to 3 digits
    assert 1 / m.herfindahl(sales) == pytest.approx(1 / 0.34, rel=1e-12)


def test_herfindahl_doj_merger_guidelines() -> None:
    """DOJ/FTC Horizontal Merger Guidelines (2010) §5.3: shares 30,30,20,20 % → HHI 2,600."""
    assert m.herfindahl([30, 30, 20, 20]) * 10_000 == pytest.approx(2600, abs=1e-9)


def test_gini_doersam() -> None:
    """REAT gini.Rd: sales (20,50,20,10) → Gini 0.3, standardised 0.4 (Dörsam 2004)."""
    assert m.gini([20, 50, 20, 10]) == pytest.approx(0.3, abs=1e-12)
    assert m.gini([20, 50, 20, 10], normalised=True) == pytest.approx(0.4, abs=1e-12)


def test_gini_maximum_econgeo() -> None:
    """EconGeo Gini.Rd: an industry wholly in one of five regions has max Gini (5-1)/5."""
    assert m.gini([0, 0, 0, 0, 1]) == pytest.approx(0.8, abs=1e-12)


def test_krugman_two_regions_farhauer_kroell() -> None:
    """REAT krugman.spec.Rd (Farhauer/Kröll 2013, modified): (20,10,70,0,0) vs (0,0,0,60,40)
    → 2, the maximum of Σ|s_ij − s_il|."""
    assert m.krugman_index([20, 10, 70, 0, 0], [0, 0, 0, 60, 40]) == pytest.approx(2.0)


def test_ellison_glaeser_farhauer_kroell() -> None:
    """REAT ellison.a.Rd: ten plants in Wien/Linz/Graz, regional employment
    (500000, 400000, 100000) → γ = 0.05990628 (Farhauer/Kröll 2014)."""
    regions = ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"]
    emp = [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000]
    x = {"Wien": 500000, "Linz": 400000, "Graz": 100000}
    eg = m.ellison_glaeser(emp, regions, x)
    assert eg.gamma == seven(0.05990628)


def test_ellison_glaeser_through_roster() -> None:
    """The same example through the roster path with a separate region-totals table."""
    regions = ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"]
    emp = [200.0, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000]
    roster = pl.DataFrame({
        "firm": [f"f{k}" for k in range(10)], "industry": ["i"] * 10, "region": regions,
        "employees": emp, "sales": [None] * 10, "above": [None] * 10,
    }, schema_overrides={"sales": pl.Float64, "above": pl.Boolean})
    cols = fm.FirmColumns(firm="firm", industry="industry", region="region",
                          employees="employees")
    rep = fm.compute(roster, SRC, cols,
                     region_totals={"Wien": 500000, "Linz": 400000, "Graz": 100000})
    assert rep.industries[0].eg_gamma == seven(0.05990628)
