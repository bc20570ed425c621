"""Renderers: results in, text out. No computation here beyond ordering and formatting."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import TYPE_CHECKING, Any, Literal

from cluster_assess.i18n import say

if TYPE_CHECKING:
    import polars as pl

    from cluster_assess.indicators.firms import FirmReport
    from cluster_assess.indicators.regions import RegionIndicators

Format = Literal["text", "json", "csv", "markdown"]
RegionTableName = Literal["all", "cells", "regions", "industries"]


def _num(v: Any) -> Any:
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return None
        return float(f"{v:.6g}")
    return v


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    return [{k: _num(v) for k, v in r.items()} for r in df.iter_rows(named=True)]


SHARES = {"share_of_region", "share_of_total", "cr4", "cr8", "leading_firm_weight"}


def cell(value: Any, column: str, lang: str) -> str:
    """A value as people read it: thousands separators, never exponent notation, shares as
    percentages, tiers and stars in words."""
    from cluster_assess.i18n import CATALOGUE, t

    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "—"
    if isinstance(value, bool):
        return "★" if value else ""
    if isinstance(value, str):
        key = f"ind_tier_{value}" if column == "strength_tier" else None
        return t(key, lang) if key in CATALOGUE else value
    if column in SHARES:
        return f"{value:.1%}"
    if isinstance(value, int) or (float(value).is_integer() and abs(value) >= 1):
        return f"{value:,.0f}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.2f}" if abs(value) >= 10 else f"{value:.4f}"


def header(column: str, lang: str) -> str:
    from cluster_assess.i18n import CATALOGUE, t

    key = f"ind_col_{column}"
    if key in CATALOGUE:
        return t(key, lang)
    if column.startswith("over_"):  # a size band: over_10m → ≥1000万元 / ≥ CNY 10 m
        return t("ind_band", lang).format(line=t(f"ind_band_{column[5:]}", lang))
    return column


def _grid(rows: list[dict[str, Any]], fmt: Format, lang: str) -> str:
    from cluster_assess.render.grid import grid

    if not rows:
        return ""
    columns = list(rows[0])
    cells = [[cell(r[c], c, lang) for c in columns] for r in rows]
    right = [any(isinstance(r[c], int | float) and not isinstance(r[c], bool) for r in rows) for c in columns]
    return grid([header(c, lang) for c in columns], cells, markdown=fmt == "markdown", right=right)


def _csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV; text that a spreadsheet would run as a formula is neutralised (see compare_csv)."""
    from cluster_assess.render.compare_csv import spreadsheet_safe

    buf = io.StringIO()
    if rows:
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([spreadsheet_safe(k) for k in rows[0]])
        for r in rows:
            w.writerow([spreadsheet_safe(v) for v in r.values()])
    return buf.getvalue()


def _safe_frame(df: pl.DataFrame) -> pl.DataFrame:
    """Text columns with formula-like cells given a leading apostrophe; numbers untouched."""
    import polars as pl

    fix = []
    for c, dtype in df.schema.items():
        if dtype not in (pl.String, pl.Categorical) and not isinstance(dtype, pl.Enum | pl.Categorical):
            continue
        text = pl.col(c).cast(pl.String)
        risky = text.str.contains(r"^[=+\-@\t\r]") & ~text.str.contains(
            r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
        fix.append(pl.when(risky).then(pl.lit("'") + text).otherwise(text).alias(c))
    return df.with_columns(fix) if fix else df


def regions(res: RegionIndicators, fmt: Format, table: RegionTableName = "all",
            top: int = 20, lang: str = "en") -> str:
    """Text/markdown show the strongest `top` rows of each table; csv/json give full tables."""
    cells = res.cells.sort(["stars", "lq"], descending=True, nulls_last=True)
    regs = res.regions.sort("krugman", descending=True, nulls_last=True)
    inds = res.industries.sort("locational_gini", descending=True, nulls_last=True)
    frames = {"cells": cells, "regions": regs, "industries": inds}
    meta = {
        "table": str(res.source.path), "value_column": res.value_column, "total": res.total,
        "regions": res.n_regions, "industries": res.n_industries, "notes": res.notes,
    }
    if fmt == "csv":
        df = _safe_frame(frames["cells" if table == "all" else table])
        buf = io.StringIO()
        df.write_csv(buf)
        return buf.getvalue()
    if fmt == "json":
        chosen = frames if table == "all" else {table: frames[table]}
        return json.dumps({"meta": meta, **{k: _rows(v) for k, v in chosen.items()}},
                          ensure_ascii=False, indent=2) + "\n"
    from cluster_assess.i18n import t

    head = "## " if fmt == "markdown" else ""
    out = [
        f"{head}{t('ind_regions_title', lang)} — {res.source.path.name} · {res.value_column}",
        "",
        t("ind_regions_summary", lang).format(regions=f"{res.n_regions:,}", industries=f"{res.n_industries:,}",
                                            cells=f"{res.cells.height:,}", total=cell(res.total, "total", lang)),
    ]
    out += [f"{t('note_prefix', lang)}{say(n, lang)}" for n in res.notes]
    shown_cells = cells.select(
        "region", "industry", "value", "share_of_region", "lq", "stars", "strength_tier"
    )
    views = {"cells": shown_cells, "regions": regs, "industries": inds}
    for name in ("cells", "regions", "industries"):
        if table not in ("all", name):
            continue
        df = views[name]
        more = t("ind_top_of", lang).format(top=top, of=f"{df.height:,}") if 0 < top < df.height else ""
        out += ["", f"{'### ' if fmt == 'markdown' else ''}{t('ind_title_' + name, lang)}{more}", ""]
        out.append(_grid(_rows(df.head(top) if top > 0 else df), fmt, lang))
    return "\n".join(out) + "\n"


def firms(rep: FirmReport, fmt: Format, lang: str = "en") -> str:
    """One row per industry; size bands flattened into columns for csv."""
    flat: list[dict[str, Any]] = []
    for ind in rep.industries:
        d = ind.model_dump()
        bands = d.pop("size_bands") or {}
        d["leading_firms"] = "; ".join(d["leading_firms"])
        d.update(bands)
        flat.append({k: _num(v) for k, v in d.items()})
    if fmt == "json":
        return rep.model_dump_json(indent=2) + "\n"
    if fmt == "csv":
        return _csv(flat)
    from cluster_assess.i18n import t

    head = "## " if fmt == "markdown" else ""
    name = rep.table.replace("\\", "/").split("/")[-1]
    out = [f"{head}{t('ind_firms_title', lang)} — {name} · {t('ind_size', lang)} = {rep.size_column}", ""]
    out += [f"{t('note_prefix', lang)}{say(n, lang)}" for n in rep.notes]
    keys = ["industry", "firms", "above_scale", "hhi", "hhi_normalised", "hhi_equivalent_firms",
            "gini", "cr4", "cr8", "eg_gamma", "eg_g", "eg_h", "leading_firm_weight"]
    out += ["", _grid([{k: r[k] for k in keys} for r in flat], fmt, lang)]
    band_rows = [
        {"industry": r["industry"], **{k: v for k, v in r.items() if k.startswith("over_")}}
        for r in flat if any(k.startswith("over_") for k in r)
    ]
    if band_rows:
        out += ["", f"{'### ' if fmt == 'markdown' else ''}{t('ind_bands_title', lang)}", "",
                _grid(band_rows, fmt, lang)]
    sep = "；" if lang == "zh" else "; "
    out += ["", t("ind_leading", lang) + sep.join(f"{r['industry']}: {r['leading_firms']}" for r in flat)]
    return "\n".join(out) + "\n"
