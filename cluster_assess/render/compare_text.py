"""The terminal view of a Comparison (rich): ranking, side by side, gaps, trajectories.

Readable from 2 to 200 towns: the side-by-side table is split into pages of as many towns as the
terminal width holds; past `TRANSPOSE_AFTER` towns it turns round, one line per town.
"""

from __future__ import annotations

from typing import IO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cluster_assess.compare.index import inseparable_groups
from cluster_assess.compare.model import Cell, Comparison, Row
from cluster_assess.display import percent, sanitised
from cluster_assess.i18n import t
from cluster_assess.render.summary import hang
from cluster_assess.render.text import make_console

TRANSPOSE_AFTER = 12
LABEL_WIDTH = 26
COLUMN_WIDTH = 16
WIDE_RANKING = 140  # below this width the ranking leaves the stage columns to the side-by-side view
TRANSPOSED_ROWS = ("problems.high", "problems.medium")  # then the indicators the rubric keeps (`compact`)


def cell_text(cell: Cell, lang: str) -> Text:
    text = cell.display.get(lang)
    if cell.best:
        return Text(f"▲ {text}", style="bold green")
    if cell.worst:
        return Text(f"▼ {text}", style="red")
    if cell.value is None and cell.score is None:
        return Text(text, style="dim")
    return Text(text)


def render(c: Comparison, lang: str, console: Console) -> None:
    c = sanitised(c)  # user text: no control codes or bidi overrides reach the reader
    console.rule(f"{t('comparison', lang)} — {len(c.columns)} {t('towns', lang)}", style="bold")
    console.print(Text(f"{t('rubric', lang)}: {c.rubric.id} {c.rubric.version}", style="dim"))
    console.print()
    _ranking(c, lang, console)
    console.rule(t("side_by_side", lang), style="bold")
    console.print(Text(t("legend", lang), style="dim"))
    if len(c.columns) > TRANSPOSE_AFTER:
        _transposed(c, lang, console)
    else:
        _pages(c, lang, console)
    if c.differences:
        console.print()
        console.rule(t("differences", lang), style="bold")
        _differences(c, lang, console)
    if c.trajectories:
        console.print()
        console.rule(t("trajectories", lang), style="bold")
        _trajectories(c, lang, console)
    if c.index is not None:
        console.print()
        console.print(Text(f"{t('index_formula', lang)} [{c.index.source}]: ", style="bold"))
        console.print(Text(c.index.formula.get(lang), style="dim"))


def _width(header: str, cells: list[str], cap: int = 18) -> int:
    """A column wide enough for its values and its header's longest word, at most `cap`."""
    words = min(max((cell_len(w) for w in header.split()), default=1), cap)  # Chinese has no spaces
    return min(max(words, *(cell_len(x) for x in cells), 2), max(cap, words))


def _ranking(c: Comparison, lang: str, console: Console) -> None:
    if c.index is None:
        console.print(t("no_index", lang))
        return
    console.print(Text(t("ranking", lang), style="bold"))
    stage_rows = [r for r in c.rows if r.group == "stage" and not r.id.endswith(".confidence")]
    if console.width < WIDE_RANKING:
        stage_rows = []  # at 80 columns rank, town and index must stay readable; stages follow below
    position = {col.key: i for i, col in enumerate(c.columns)}
    body = [[str(r.rank), r.key, r.display, percent(r.confidence),
             *[cell_text(row.cells[position[r.key]], lang) for row in stage_rows]] for r in c.ranking]
    headers = ["#", t("town", lang), t("index", lang), t("confidence", lang), *[r.label.get(lang) for r in stage_rows]]
    widths = [_width(h, [x.plain if isinstance(x, Text) else x for x in (row[k] for row in body)],
                     cap=30 if k == 1 else 16) for k, h in enumerate(headers)]
    spare = console.width - (sum(widths) + 3 * len(widths))
    if spare < 0:  # narrow terminal: the town column gives way first, down to 10 cells
        widths[1] = max(10, widths[1] + spare)
    if body:  # no table when no town could be ranked: the towns listed apart say why
        table = Table(pad_edge=False, expand=False)
        for k, (header, width) in enumerate(zip(headers, widths)):
            table.add_column(header, width=width, overflow="fold", justify="right" if k in (0, 2, 3) else "left")
        for row in body:
            table.add_row(*row)
        console.print(table)
    sep = "、" if lang == "zh" else ", "
    for group in inseparable_groups(c):
        console.print(hang(f"{t('inseparable', lang)}: ", Text(sep.join(group), style="yellow"), 0, 2))
    if c.apart:
        console.print(Text(t("apart", lang) + ":", style="yellow"))
        for a in c.apart:
            index = a.display
            console.print(hang("  · ", Text(f"{a.key}: {t('index', lang)} {index}, {t('confidence', lang)} "
                                            f"{percent(a.confidence)}", style="yellow")))
    console.print()


def _pages(c: Comparison, lang: str, console: Console) -> None:
    per_page = max(2, (console.width - LABEL_WIDTH) // COLUMN_WIDTH)
    pages = [list(range(i, min(i + per_page, len(c.columns)))) for i in range(0, len(c.columns), per_page)]
    for n, page in enumerate(pages, start=1):
        title = t("page", lang).format(n=n, of=len(pages)) if len(pages) > 1 else None
        table = Table(title=title, pad_edge=False, expand=False, show_lines=False)
        table.add_column("", overflow="fold", min_width=16, max_width=LABEL_WIDTH)
        for i in page:
            table.add_column(c.columns[i].key, overflow="fold", max_width=max(COLUMN_WIDTH, 24))
        group = None
        confidence = {r.id.removesuffix(".confidence"): r for r in c.rows
                      if r.group == "stage" and r.id.endswith(".confidence")}
        for row in c.rows:
            if row.id.endswith(".confidence") and row.group == "stage":
                continue  # shown beside the stage itself
            if group is not None and row.group != group:
                table.add_section()
            group = row.group
            cells = [cell_text(row.cells[i], lang) for i in page]
            if row.id in confidence:
                for cell, i in zip(cells, page):
                    conf = confidence[row.id].cells[i]
                    if conf.score is not None and row.cells[i].value not in (None, "not_applicable"):
                        cell.append(f" ({conf.display.get(lang)})", style="dim")
            table.add_row(_label(row, lang), *cells)
        console.print(table)


def _label(row: Row, lang: str) -> Text:
    return Text(row.label.get(lang), style="bold" if row.group in ("index", "stage") else "")


def _transposed(c: Comparison, lang: str, console: Console) -> None:
    """One line per town, with as many of the key rows as the terminal width holds."""
    console.print(Text(t("transposed", lang), style="dim"))
    by_id = {r.id: r for r in c.rows}
    wanted = [r.id for r in c.rows if r.group == "stage" and not r.id.endswith(".confidence")]
    wanted = ["index", "index.confidence", *wanted, *TRANSPOSED_ROWS, *c.compact]
    town_width = min(max(cell_len(col.key) for col in c.columns), max(10, console.width // 3))
    used = town_width + 3
    chosen: list[tuple[Row, int]] = []
    for row_id in dict.fromkeys(wanted):
        row = by_id.get(row_id)
        if row is None:
            continue
        width = _width(row.label.get(lang), [cell_text(cell, lang).plain for cell in row.cells], cap=16)
        if used + width + 3 > console.width:
            break
        used += width + 3
        chosen.append((row, width))
    table = Table(pad_edge=False, expand=False)
    table.add_column(t("town", lang), overflow="fold", width=town_width)
    for row, width in chosen:
        table.add_column(row.label.get(lang), overflow="fold", width=width)
    for i, column in enumerate(c.columns):
        table.add_row(column.key, *[cell_text(row.cells[i], lang) for row, _ in chosen])
    console.print(table)


def _differences(c: Comparison, lang: str, console: Console) -> None:
    for d in c.differences:
        head = Text(f"{d.higher} {t('vs', lang)} {d.lower}: ", style="bold")
        head.append(f"{d.gap:+.1f} {t('points', lang)}")
        if c.baseline:
            head.append(f"  ({t('baseline', lang)}: {c.baseline})", style="dim")
        console.print(head)
        if not d.drivers:
            console.print(hang("   ", Text(t("no_drivers", lang), style="dim")))
        for driver in d.drivers:
            style = "green" if driver.points > 0 else "red"
            line = Text(f"   {driver.points:+.1f} ", style=style)
            line.append(f"{driver.name.get(lang)} ({driver.higher:.0%} / {driver.lower:.0%})")
            console.print(line)
        if d.unknown_in_one:
            sep = "、" if lang == "zh" else ", "
            console.print(hang(f"   {t('known_in_one', lang)}: ",
                               Text(sep.join(x.get(lang) for x in d.unknown_in_one), style="dim")))


def _trajectories(c: Comparison, lang: str, console: Console) -> None:
    sep = "、" if lang == "zh" else "; "
    for tr in c.trajectories:
        points = " → ".join(f"{y}: {'—' if v is None else f'{v:.1f}'}" for y, v in zip(tr.years, tr.index))
        console.print(Text(f"{tr.name}  ({points})", style="bold"))
        for note in tr.notes:
            console.print(Text(f"  {note.get(lang)}", style="yellow"))
        for step in tr.steps:
            head = Text(f"  {step.from_year} → {step.to_year}", style="bold")
            if step.index_change is not None:
                head.append(f"   {t('index', lang)} {step.index_change:+.1f}")
            console.print(head)
            for change in step.stages:
                style = {"up": "green", "down": "red"}.get(change.direction, "")
                console.print(Text(f"    {change.name.get(lang)}: {change.from_name.get(lang)} → "
                                   f"{change.to_name.get(lang)} ({t('direction_' + change.direction, lang)})",
                                   style=style))
            for delta in step.deltas:
                line = f"    {delta.name.get(lang)}: {delta.before_display.get(lang)} → {delta.after_display.get(lang)}"
                if delta.growth is not None:
                    line += f" ({delta.growth:+.1%}"
                    if delta.annual_growth is not None and step.to_year - step.from_year > 1:
                        line += f", {delta.annual_growth:+.1%} {t('annual', lang)}"
                    line += ")"
                console.print(line)
            for key, items in (("resolved", step.resolved), ("new_problems", step.new),
                               ("unverifiable", step.unverifiable)):
                if items:
                    console.print(hang(f"    {t(key, lang)}: ", sep.join(x.get(lang) for x in items)))



def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    render(c, lang, make_console(stream, plain=plain))
