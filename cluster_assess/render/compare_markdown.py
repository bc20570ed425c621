"""A Comparison as GitHub-flavoured markdown, to paste into a briefing: ranking, the
side-by-side table (best ▲ and weakest ▼ of each row marked), gaps and trajectories."""

from __future__ import annotations

from typing import IO

from cluster_assess.compare.model import Cell, Comparison, Step
from cluster_assess.display import percent, sanitised
from cluster_assess.i18n import t
from cluster_assess.render.markdown import escape, table


def cell_md(cell: Cell, lang: str) -> str:
    text = escape(cell.display.get(lang))
    if cell.best:
        return f"**{text}** ▲"
    if cell.worst:
        return f"{text} ▼"
    return text


def render(c: Comparison, lang: str) -> str:
    c = sanitised(c)  # user text: no control codes or bidi overrides reach the reader
    out = [f"# {t('comparison', lang)} — {len(c.columns)} {t('towns', lang)}", "",
           f"- **{t('rubric', lang)}:** {c.rubric.id} {c.rubric.version}", ""]
    out += _ranking(c, lang)
    out += _side_by_side(c, lang)
    out += _differences(c, lang)
    out += _trajectories(c, lang)
    if c.index is not None:
        out += [f"## {t('index_formula', lang)}", "", c.index.formula.get(lang), "",
                f"{c.index.rationale.get(lang)} ({t('source', lang)}: {c.index.source})", ""]
    return "\n".join(out).rstrip() + "\n"


def _ranking(c: Comparison, lang: str) -> list[str]:
    out = [f"## {t('ranking', lang)}", ""]
    if c.index is None:
        return [*out, t("no_index", lang), ""]
    position = {col.key: i for i, col in enumerate(c.columns)}
    stage_rows = [r for r in c.rows if r.group == "stage" and not r.id.endswith(".confidence")]
    headers = ["#", t("town", lang), c.index.name.get(lang), t("confidence", lang),
               *[r.label.get(lang) for r in stage_rows]]
    rows = [[str(r.rank), escape(r.key), r.display, percent(r.confidence),
             *[escape(s.cells[position[r.key]].display.get(lang)) for s in stage_rows]] for r in c.ranking]
    out += [table(headers, rows), ""]
    if c.apart:
        out += [f"**{t('apart', lang)}**", ""]
        for a in c.apart:
            index = a.display
            out.append(f"- {escape(a.key)}: {t('index', lang)} {index}, {t('confidence', lang)} "
                       f"{percent(a.confidence)} — {a.reason.get(lang)}")
        out.append("")
    return out


def _side_by_side(c: Comparison, lang: str) -> list[str]:
    headers = ["", *[escape(col.key) for col in c.columns]]
    rows = []
    for row in c.rows:
        label = escape(row.label.get(lang))
        if row.group in ("index", "stage"):
            label = f"**{label}**"
        rows.append([label, *[cell_md(cell, lang) for cell in row.cells]])
    return [f"## {t('side_by_side', lang)}", "", f"_{t('legend', lang)}_", "", table(headers, rows), ""]


def _differences(c: Comparison, lang: str) -> list[str]:
    if not c.differences:
        return []
    out = [f"## {t('differences', lang)}", ""]
    for d in c.differences:
        drivers = "; ".join(f"{x.name.get(lang)} {x.points:+.1f}" for x in d.drivers) or t("no_drivers", lang)
        line = (f"- **{escape(d.higher)}** {t('vs', lang)} **{escape(d.lower)}**: "
                f"{d.gap:+.1f} {t('points', lang)} — {drivers}")
        if d.unknown_in_one:
            sep = "、" if lang == "zh" else ", "
            line += f" ({t('known_in_one', lang)}: {sep.join(x.get(lang) for x in d.unknown_in_one)})"
        out.append(line)
    return [*out, ""]


def _trajectories(c: Comparison, lang: str) -> list[str]:
    if not c.trajectories:
        return []
    out = [f"## {t('trajectories', lang)}", ""]
    headers = [t("year", lang), t("index", lang), t("stage_changes", lang), t("indicator_changes", lang),
               t("resolved", lang), t("new_problems", lang)]
    for tr in c.trajectories:
        out += [f"### {escape(tr.name)}", ""]
        out += [f"- {n.get(lang)}" for n in tr.notes]
        out += [table(headers, [_step_row(step, lang) for step in tr.steps]), ""]
    return out


def _step_row(step: Step, lang: str) -> list[str]:
    sep = "、" if lang == "zh" else "; "
    stages = "; ".join(f"{s.name.get(lang)}: {s.from_name.get(lang)} → {s.to_name.get(lang)}"
                       for s in step.stages if s.direction != "same") or t("direction_same", lang)
    deltas = "; ".join(
        f"{d.name.get(lang)} {d.growth:+.1%}" if d.growth is not None
        else f"{d.name.get(lang)} {d.change:+,.4g}" for d in step.deltas) or "—"
    index = "—" if step.index_change is None else f"{step.index_change:+.1f}"
    return [f"{step.from_year}→{step.to_year}", index, stages, deltas,
            sep.join(x.get(lang) for x in step.resolved) or "—", sep.join(x.get(lang) for x in step.new) or "—"]


def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(render(c, lang))
