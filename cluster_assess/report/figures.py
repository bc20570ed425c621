"""The comparison report's figures, built as document blocks that print in black and white.

- `interval_plot`: each town's maturity index as an interval with its rank band (a dot plot);
- `heat_maps`: factors × towns, met / not met / unknown, at most `HEAT_TOWNS` towns a figure;
- `stage_grids`: per stage model, towns × stages, established / possible / not reached.
Only the engine's results are read; nothing is decided here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cluster_assess.i18n import t
from cluster_assess.report.document import Grid, GridCell, Interval, IntervalPlot, cap

if TYPE_CHECKING:
    from cluster_assess.assessment import Assessment
    from cluster_assess.compare.model import Comparison

HEAT_TOWNS = 8
STATUS_SYMBOL = {"met": "✓", "not_met": "✗", "unknown": "?"}
STAGE_SYMBOL = {"established": "■", "possible": "▨", "ruled_out": "□"}


def chunks(items: list[str], size: int) -> list[list[str]]:
    """`items` cut into near-equal runs of at most `size` (8 towns → 4 + 4, not 6 + 2)."""
    if not items:
        return []
    parts = -(-len(items) // size)
    step = -(-len(items) // parts)
    return [items[i:i + step] for i in range(0, len(items), step)]


def bands(c: Comparison) -> dict[str, str]:
    """Each ranked town's band, 1, 2, …: a town whose interval overlaps the band's joins it."""
    from cluster_assess.compare.index import overlap_runs

    return {key: str(n) for n, run in enumerate(overlap_runs(c.ranking), start=1) for key in run}


def interval_plot(c: Comparison, names: dict[str, str], lang: str, caption: str) -> IntervalPlot:
    banded = bands(c)
    items = [Interval(names[r.key], r.low, r.high, r.index if r.display == f"{r.index:.1f}" else None,
                      t("fig_band_name", lang).format(n=banded[r.key]), r.display) for r in c.ranking]
    items += [Interval(names[a.key], a.low, a.high, None, t("report_compare_apart_short", lang), a.display)
              for a in c.apart]
    headers = (t("fig_band", lang), t("town", lang), t("fig_interval", lang), t("index", lang))
    return IntervalPlot(caption, tuple(items), headers, t("fig_intervals_note", lang))


def heat_maps(by_key: dict[str, Assessment], names: dict[str, str], lang: str, first: int) -> list[Grid]:
    """Factors as rows, towns as columns, at most HEAT_TOWNS towns a figure, numbered from `first`."""
    keys = list(names)
    if not keys:
        return []
    factors = list(by_key[keys[0]].factors.values())
    legend = tuple((s, STATUS_SYMBOL[s], t(f"status_{s}", lang)) for s in ("met", "not_met", "unknown"))
    parts = chunks(keys, HEAT_TOWNS)
    out = []
    for k, part in enumerate(parts):
        rows = []
        for f in factors:
            cells = []
            for key in part:
                result = by_key[key].factors.get(f.id)
                status = result.status if result is not None else "unknown"
                score = "" if result is None or result.score is None else f"{result.score:.1f}"
                cells.append(GridCell(status, f"{STATUS_SYMBOL[status]} {score}".strip()))
            rows.append((cap(f.name.get(lang)), tuple(cells)))
        caption = (t("fig_heatmap", lang).format(n=first + k, part=f"{k + 1}/{len(parts)}") if len(parts) > 1
                   else t("fig_heatmap_one", lang).format(n=first))
        out.append(Grid(caption, t("fig_heatmap_corner", lang), tuple(names[x] for x in part), tuple(rows), legend,
                        t("fig_heatmap_note", lang)))
    return out


def stage_grids(by_key: dict[str, Assessment], names: dict[str, str], lang: str, first: int) -> list[Grid]:
    """Per stage model: towns as rows, the model's stages as columns, the range of each town marked."""
    keys = list(names)
    if not keys:
        return []
    legend = tuple((s, STAGE_SYMBOL[s], t(f"ladder_legend_{s}", lang)) for s in ("established", "possible",
                                                                                  "ruled_out"))
    out = []
    for n, (model_id, result) in enumerate(by_key[keys[0]].stages.items()):
        columns = (*(x.name.get(lang) for x in result.ladder), t("report_judgement", lang))
        rows = []
        for key in keys:
            r = by_key[key].stages.get(model_id)
            ladder = r.ladder if r is not None else []
            cells = []
            for rung in ladder:
                state = "established" if rung.reached else "possible" if rung.possible else "ruled_out"
                cells.append(GridCell(state, STAGE_SYMBOL[state]))
            cells.append(GridCell("text", cap(r.summary.get(lang)) if r is not None else ""))
            rows.append((names[key], tuple(cells)))
        model = cap(result.name.get(lang))
        out.append(Grid(t("fig_ladders", lang).format(n=first + n, model=model), t("town", lang), columns,
                        tuple(rows), legend, t("fig_ladders_note", lang), (5, *([2] * (len(columns) - 1)), 6)))
    return out
