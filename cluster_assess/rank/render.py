"""A ranking Result as text, markdown, csv or json (xlsx in render_xlsx, the figure in figure).

Every format carries the convention line, so a reader can reproduce the numbers; rank ranges and
the groups not yet separable are always shown when there are unknowns.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from cluster_assess.rank.messages import tr
from cluster_assess.rank.run import Result


def rank_text(r: Result, i: int) -> str:
    best, worst = int(r.ranges.best[i]), int(r.ranges.worst[i])
    return str(best) if best == worst else f"{best}–{worst}"


def score_text(r: Result, i: int) -> str:
    lo, hi = float(r.ranges.score_lo[i]), float(r.ranges.score_hi[i])
    return f"{lo:.4f}" if abs(hi - lo) < 5e-5 else f"{lo:.4f}–{hi:.4f}"


def ranking_rows(r: Result, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [tr("rank_col_rank", lang), tr("rank_col_name", lang), tr("rank_col_score", lang)]
    unknown = r.table.x != r.table.x  # NaN
    if r.has_unknowns:
        headers.append(tr("rank_col_unknown", lang))
    rows = []
    for i in r.order:
        row = [rank_text(r, i), r.table.names[i], score_text(r, i)]
        if r.has_unknowns:
            row.append(str(int(unknown[i].sum())))
        rows.append(row)
    return headers, rows


def weight_rows(r: Result, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [tr("rank_col_criterion", lang), tr("rank_col_direction", lang), tr("rank_col_weight", lang)]
    rows = [[r.table.label(j, lang), tr("rank_benefit" if r.table.benefit[j] else "rank_cost", lang),
             f"{r.weights[j]:.4f}"] for j in range(len(r.table.criteria))]
    return headers, rows


def stability_rows(r: Result, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [tr("rank_col_rank", lang), tr("rank_col_name", lang), tr("rank_col_hold", lang),
               tr("rank_col_p90", lang), tr("rank_col_flip", lang)]
    mc, flips = r.monte_carlo, r.flips
    if mc is None or flips is None:
        return headers, []
    rows = []
    for i in r.order:
        p05, p95 = int(mc.p05[i]), int(mc.p95[i])
        rows.append([rank_text(r, i), r.table.names[i], f"{mc.hold[i]:.0%}",
                     str(p05) if p05 == p95 else f"{p05}–{p95}", flip_text(r, i, lang)])
    return headers, rows


def flip_text(r: Result, i: int, lang: str) -> str:
    flip = r.flips[i] if r.flips else None
    if flip is None:
        return tr("rank_no_flip", lang)
    return tr("rank_flip", lang, crit=r.table.label(flip.criterion, lang), w0=flip.weight_from, w1=flip.weight_to,
              delta=flip.weight_to - flip.weight_from, rank=flip.rank_to)


def notes(r: Result, lang: str) -> list[str]:
    out = []
    if r.has_unknowns:
        scale = tr("rank_scale_note", lang) if r.table.lo is not None and (r.table.lo == r.table.lo).any() else ""
        if r.table.cell_lo is not None and (r.table.cell_lo == r.table.cell_lo).any():
            scale += tr("rank_cell_range_note", lang)
        out.append(tr("rank_range_note", lang, scale=scale))
    sep = "、" if lang == "zh" else ", "
    for group in r.groups:
        out.append(tr("rank_inseparable", lang, names=sep.join(r.table.names[i] for i in group)))
    if r.spec.complete_only:
        out.append(tr("rank_complete_only", lang, n=len(r.table.names), k=len(r.left_out),
                      names=sep.join(r.left_out) or "—"))
    out.extend(tr(key, lang, **{k: v[lang] if isinstance(v, dict) else v for k, v in kw.items()})
               for key, kw in r.notes)
    for line in r.ahp:
        res = line.result
        out.append(tr("rank_ahp_cr", lang, who=line.who, lam=res.lambda_max, ci=res.ci,
                      ri="—" if res.ri is None else f"{res.ri:g}",
                      cr=tr("rank_unknown_cr", lang) if res.cr is None else f"{res.cr:.4f}"))
    if r.spec.stability and r.has_unknowns:
        out.append(tr("rank_stability_skipped", lang))
    if r.monte_carlo is not None:
        mc = r.monte_carlo
        out.append(tr("rank_stability_mc", lang, draws=mc.draws, lo=f"{1 - mc.spread:g}", hi=f"{1 + mc.spread:g}",
                      seed=mc.seed))
    return out


def render_text(r: Result, lang: str, markdown: bool = False) -> str:
    out: list[str] = []
    head = "## " if markdown else ""
    out.append(f"{head}{tr('rank_title', lang)}")
    out.append("")
    out.append(f"{tr('rank_convention', lang)}: {r.convention(lang)}" if lang == "en"
               else f"{tr('rank_convention', lang)}：{r.convention(lang)}")
    out.append("")
    out.extend(_table(*ranking_rows(r, lang), markdown))
    for line in notes(r, lang):
        out.append(("- " if markdown else "* ") + line)
    out.append("")
    out.append(f"{head}{tr('rank_weights_title', lang)}")
    out.append("")
    out.extend(_table(*weight_rows(r, lang), markdown))
    if r.monte_carlo is not None:
        out.append("")
        out.append(f"{head}{tr('rank_stability_title', lang)}")
        out.append("")
        out.extend(_table(*stability_rows(r, lang), markdown))
    return "\n".join(out) + "\n"


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        esc = [[c.replace("|", "\\|") for c in row] for row in [headers, *rows]]
        lines = ["| " + " | ".join(esc[0]) + " |", "|" + "---|" * len(headers)]
        lines.extend("| " + " | ".join(row) + " |" for row in esc[1:])
        return [*lines, ""]
    widths = [max(_width(row[k]) for row in [headers, *rows]) for k in range(len(headers))]
    fmt = [("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths))).rstrip() for row in [headers, *rows]]
    return [fmt[0], "  ".join("-" * w for w in widths), *fmt[1:], ""]


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_csv(r: Result, lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["# " + r.convention(lang)])
    writer.writerow(["rank_best", "rank_worst", "name", "score_low", "score_high", "unknown_cells",
                     "holds_rank", "rank_p05", "rank_p95"])
    for i in r.order:
        mc = r.monte_carlo
        writer.writerow([int(r.ranges.best[i]), int(r.ranges.worst[i]), r.table.names[i],
                         f"{r.ranges.score_lo[i]:.6f}", f"{r.ranges.score_hi[i]:.6f}",
                         int((r.table.x[i] != r.table.x[i]).sum()),
                         "" if mc is None else f"{mc.hold[i]:.4f}", "" if mc is None else int(mc.p05[i]),
                         "" if mc is None else int(mc.p95[i])])
    return buf.getvalue()


def to_json(r: Result, lang: str) -> dict[str, Any]:
    mc = r.monte_carlo
    return {
        "schema_version": 1, "kind": "ranking", "lang": lang,
        "convention": r.convention(lang),
        "method": {"name": r.spec.method.name, "normalisation": r.spec.method.normalisation,
                   "distance": r.spec.method.distance, "rho": r.spec.method.rho},
        "weights_spec": {"weights": r.spec.weights, "entropy": r.spec.entropy, "ahp_method": r.spec.ahp_method,
                         "random_index": r.spec.ri},
        "criteria": [{"id": c, "label": r.table.label(j, lang), "benefit": bool(r.table.benefit[j]),
                      "weight": float(r.weights[j])} for j, c in enumerate(r.table.criteria)],
        "ranking": [{"name": r.table.names[i], "rank_best": int(r.ranges.best[i]), "rank_worst": int(r.ranges.worst[i]),
                     "score_low": float(r.ranges.score_lo[i]), "score_high": float(r.ranges.score_hi[i]),
                     "unknown_cells": int((r.table.x[i] != r.table.x[i]).sum())} for i in r.order],
        "not_separable": [[r.table.names[i] for i in g] for g in r.groups],
        "left_out": r.left_out,
        "ahp": [{"who": a.who, "lambda_max": a.result.lambda_max, "ci": a.result.ci, "ri": a.result.ri,
                 "cr": a.result.cr, "weights": [float(v) for v in a.result.weights]} for a in r.ahp],
        "notes": notes(r, lang),
        "stability": None if mc is None or r.flips is None else {
            "draws": mc.draws, "spread": mc.spread, "seed": mc.seed,
            "alternatives": [{
                "name": r.table.names[i], "holds_rank": float(mc.hold[i]), "rank_p05": int(mc.p05[i]),
                "rank_p95": int(mc.p95[i]),
                "rank_shares": None if mc.shares is None else [round(float(v), 4) for v in mc.shares[i]],
                "smallest_flip": None if r.flips[i] is None else {
                    "criterion": r.table.criteria[r.flips[i].criterion],  # type: ignore[union-attr]
                    "weight_from": r.flips[i].weight_from, "weight_to": r.flips[i].weight_to,  # type: ignore[union-attr]
                    "rank_to": r.flips[i].rank_to},  # type: ignore[union-attr]
            } for i in r.order],
        },
    }


def render_json(r: Result, lang: str) -> str:
    return json.dumps(to_json(r, lang), ensure_ascii=False, indent=2) + "\n"
