"""Renderers: results in, text out. No computation here beyond ordering and formatting."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import TYPE_CHECKING, Any, Literal

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


def _grid(df: pl.DataFrame, fmt: Format) -> str:
    from tabulate import tabulate

    return tabulate(
        _rows(df), headers="keys", tablefmt="github" if fmt == "markdown" else "simple",
        floatfmt=".4g", missingval="—",
    )


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
            top: int = 20) -> str:
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
    head = "## " if fmt == "markdown" else ""
    out = [
        f"{head}Region × industry indicators — {res.source.path.name} · {res.value_column}",
        "",
        f"{res.n_regions:,} regions × {res.n_industries:,} industries, "
        f"{res.cells.height:,} cells, total {res.total:,.6g}.",
    ]
    out += [f"Note: {n}" for n in res.notes]
    shown_cells = cells.select(
        "region", "industry", "value", "share_of_region", "lq", "stars", "strength_tier"
    )
    titles = {
        "cells": "Cells (by stars, then LQ)",
        "regions": "Regions (by Krugman specialisation)",
        "industries": "Industries (by locational Gini)",
    }
    views = {"cells": shown_cells, "regions": regs, "industries": inds}
    for name in ("cells", "regions", "industries"):
        if table not in ("all", name):
            continue
        df = views[name]
        more = f" — top {top} of {df.height:,}" if 0 < top < df.height else ""
        out += ["", f"{'### ' if fmt == 'markdown' else ''}{titles[name]}{more}", ""]
        out.append(_grid(df.head(top) if top > 0 else df, fmt))
    return "\n".join(out) + "\n"


def firms(rep: FirmReport, fmt: Format) -> str:
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
    from tabulate import tabulate

    head = "## " if fmt == "markdown" else ""
    tf = "github" if fmt == "markdown" else "simple"
    out = [f"{head}Firm indicators — {rep.table.split('/')[-1]} · size = {rep.size_column}", ""]
    out += [f"Note: {n}" for n in rep.notes]
    keys = ["industry", "firms", "above_scale", "hhi", "hhi_normalised", "hhi_equivalent_firms",
            "gini", "cr4", "cr8", "eg_gamma", "eg_g", "eg_h", "leading_firm_weight"]
    out += ["", tabulate([{k: r[k] for k in keys} for r in flat], headers="keys", tablefmt=tf,
                         floatfmt=".4g", missingval="—")]
    band_rows = [
        {"industry": r["industry"], **{k: v for k, v in r.items() if k.startswith("over_")}}
        for r in flat if any(k.startswith("over_") for k in r)
    ]
    if band_rows:
        title = "Size bands (firms with sales ≥ line, CNY)"
        out += ["", f"{'### ' if fmt == 'markdown' else ''}{title}", "",
                tabulate(band_rows, headers="keys", tablefmt=tf)]
    out += ["", "Leading firms: " + "; ".join(f"{r['industry']}: {r['leading_firms']}"
                                              for r in flat)]
    return "\n".join(out) + "\n"
