"""Turn indicator results into the profile facts `--into` writes (pure: results in, list out).

Keys written (all as {value, source}) — see docs/indicators.md for the schema the lead matches:
facts.measured.* for indicators, facts.firms.total / above_scale / size_bands.over_* for counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.indicators.profile_io import Measured

if TYPE_CHECKING:
    from cluster_assess.indicators.firms import FirmIndicators, FirmReport
    from cluster_assess.indicators.regions import RegionIndicators


def region_facts(res: RegionIndicators, region: str, industry: str) -> list[Measured]:
    """The measured facts for one region × industry cell (the profile's cluster)."""
    import polars as pl

    table, col = str(res.source.path), res.value_column
    cell = res.cells.filter((pl.col("region") == region) & (pl.col("industry") == industry))
    if cell.height == 0:
        known_r = res.regions.filter(pl.col("region") == region).height > 0
        known_i = res.industries.filter(pl.col("industry") == industry).height > 0
        what = (
            msg("into_no_region", region=region) if not known_r
            else msg("into_no_industry", industry=industry) if not known_i
            else msg("into_no_cell", region=region, industry=industry)
        )
        raise UserError.single(
            msg("into_which_cell", what=what),
            file=table,
        )
    c = cell.row(0, named=True)
    r = res.regions.filter(pl.col("region") == region).row(0, named=True)
    i = res.industries.filter(pl.col("industry") == industry).row(0, named=True)
    stars = [n for n in ("size", "specialisation", "focus") if c[f"star_{n}"]]
    m = ("measured",)
    out = [
        Measured((*m, "cell_value"), c["value"], table, col),
        Measured((*m, "share_of_region"), c["share_of_region"], table, col),
        Measured((*m, "location_quotient"), c["lq"], table, col),
        Measured((*m, "star_rating"), int(c["stars"]), table, col),
        Measured((*m, "star_criteria"), stars, table, col),
        Measured((*m, "strength_tier"), c["strength_tier"], table, col),
        Measured((*m, "krugman_index"), r["krugman"], table, col),
        Measured((*m, "hachman_index"), r["hachman"], table, col),
        Measured((*m, "region_hhi"), r["hhi"], table, col),
        Measured((*m, "region_diversity"), r["diversity"], table, col),
        Measured((*m, "gini_specialisation"), r["gini_specialisation"], table, col),
        Measured((*m, "gini_concentration"), i["gini_concentration"], table, col),
        Measured((*m, "locational_gini"), i["locational_gini"], table, col),
    ]
    return [f for f in out if f.value is not None]


def pick_industry(report: FirmReport, industry: str | None) -> FirmIndicators:
    """The roster's one industry, or the one named; an unknown name is a user error."""
    if industry is None:
        if len(report.industries) == 1:
            return report.industries[0]
        names = ", ".join(repr(x.industry) for x in report.industries[:10])
        raise UserError.single(
            msg("into_many_industries", n=len(report.industries), names=names), file=report.table,
        )
    for x in report.industries:
        if x.industry == industry:
            return x
    names = ", ".join(repr(x.industry) for x in report.industries[:10])
    raise UserError.single(
        msg("into_industry_missing", industry=industry, names=names),
        file=report.table,
    )


def firm_facts(report: FirmReport, ind: FirmIndicators, firm_col: str,
               above_col: str | None) -> list[Measured]:
    """Firm counts into facts.firms, concentration and agglomeration into facts.measured."""
    table, size = report.table, report.size_column
    emp = report.employees_column or size
    m = ("measured",)
    out = [
        Measured(("firms", "total"), ind.firms, table, firm_col),
        Measured((*m, "hhi"), ind.hhi, table, size),
        Measured((*m, "hhi_normalised"), ind.hhi_normalised, table, size),
        Measured((*m, "hhi_equivalent_firms"), ind.hhi_equivalent_firms, table, size),
        Measured((*m, "firm_size_gini"), ind.gini, table, size),
        Measured((*m, "cr4"), ind.cr4, table, size),
        Measured((*m, "cr8"), ind.cr8, table, size),
        Measured((*m, "eg_gamma"), ind.eg_gamma, table, emp),
        Measured((*m, "eg_g"), ind.eg_g, table, emp),
        Measured((*m, "eg_h"), ind.eg_h, table, emp),
        Measured((*m, "leading_firm_weight"), ind.leading_firm_weight, table,
                 report.sales_column or size),
        Measured((*m, "leading_firms"), ind.leading_firms, table, firm_col),
    ]
    if ind.above_scale is not None and above_col:
        out.append(Measured(("firms", "above_scale"), ind.above_scale, table, above_col))
    if ind.size_bands is not None and report.sales_column:
        out += [Measured(("firms", "size_bands", k), v, table, report.sales_column)
                for k, v in ind.size_bands.items()]
    return [f for f in out if f.value is not None]
