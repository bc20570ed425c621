"""The terminal view (rich): a header, a stage ladder per model, tables of problems and
recommendations, and what to collect next. Plain text when piped or with NO_COLOR."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cluster_assess.assessment import Assessment, StageResult
from cluster_assess.display import classification_text, items_text, missing_names, named_fact, percent, sanitised
from cluster_assess.i18n import t
from cluster_assess.render import Separated
from cluster_assess.render.grid import install_line_breaking
from cluster_assess.render.summary import Hanging, hang

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
STATUS_STYLE = {"met": "green", "not_met": "red", "unknown": "dim"}


def make_console(file: IO[str] | None = None, *, plain: bool = False, width: int | None = None) -> Console:
    install_line_breaking()  # Chinese lines break between characters, never before '，'
    # markup=False: a town called '[/]' or '[link=…]' is text, never rich markup
    return Console(file=file, no_color=plain or None, force_terminal=False if plain else None,
                   width=width, highlight=False, emoji=False, soft_wrap=False, markup=False)


def render(a: Assessment, lang: str, console: Console, detail: bool = True) -> None:
    """Everything (`detail`), or the one-screen summary `score` prints by default."""
    a = sanitised(a)  # user text: no control codes or bidi overrides reach the reader
    if not detail:
        from cluster_assess.render.summary import render_summary

        render_summary(a, lang, console, _header(a, lang))
        return
    console.print(_header(a, lang))
    console.print()
    console.rule(t("stages", lang), style="bold")
    for result in a.stages.values():
        console.print(_stage(a, result, lang))
    for line in conflicts(a, lang):
        console.print(line)
    if a.conflicts or a.contradictions:
        console.print()
    if a.chain is not None:
        chain = Text(f"{t('chain', lang)}: ", style="bold")
        chain.append(f"{chain_range(a.chain)} ({a.chain.name.get(lang)})")
        sep = "、" if lang == "zh" else ", "
        if a.chain.missing:
            chain.append(f" — {t('chain_missing', lang)}: " + sep.join(m.get(lang) for m in a.chain.missing))
        if a.chain.unstated:
            chain.append(f" — {t('chain_unstated', lang)}: " + sep.join(m.get(lang) for m in a.chain.unstated))
        if a.chain.unrecognised:
            chain.append(f" — {t('chain_unrecognised', lang)}: " + ", ".join(a.chain.unrecognised), style="yellow")
        chain.append(f"  [{a.chain.source}]", style="dim")
        console.print(hang("", chain, 0, 2))
        console.print()
    if a.classifications:
        console.rule(t("classifications", lang), style="bold")
        for c in a.classifications.values():
            line = Text(f"{c.name.get(lang)}: ", style="bold")
            line.append(classification_text(c, lang))
            facts = "; ".join(named_fact(f, lang) for f in c.facts)
            if facts:
                line.append(f" — {facts}")
            line.append(f"  [{c.source}]", style="dim")
            console.print(hang("", line, 0, 2))
        console.print()
    console.rule(t("problems", lang), style="bold")
    console.print(_problems(a, lang))
    if a.unchecked:
        console.print(Text(t("unchecked", lang) + ":", style="dim"))
        for p in a.unchecked:
            console.print(hang("  · ", Text(f"{p.title.get(lang)} [{p.source}] — {missing_names(a, p.missing, lang)}",
                                            style="dim")))
    console.print()
    console.rule(t("recommendations", lang), style="bold")
    console.print(_recommendations(a, lang))
    console.print()
    console.rule(t("unknowns", lang), style="bold")
    console.print(_unknowns(a, lang))


def _header(a: Assessment, lang: str) -> Panel:
    title = Text(a.profile.name or t("unnamed", lang), style="bold")
    details = [str(v) for v in (a.profile.region, a.profile.industry, a.profile.year) if v]
    body = Text(" · ".join(details)) if details else Text("")
    body.append(f"\n{t('rubric', lang)}: {a.rubric.id} {a.rubric.version} — {a.rubric.title.get(lang)}", style="dim")
    return Panel(body, title=title, title_align="left", expand=False)


def _ladder(r: StageResult, lang: str) -> Text:
    line = Text("  ")
    for i, rung in enumerate(r.ladder):
        if i:
            line.append(" → ", style="dim")
        if rung.current:
            line.append(f"[● {rung.name.get(lang)}]", style="bold reverse green")
        elif rung.reached:
            line.append(rung.name.get(lang), style="green")
        else:
            line.append(rung.name.get(lang), style="dim")
    return line


def _stage(a: Assessment, r: StageResult, lang: str) -> Group:
    head = Text(r.name.get(lang), style="bold")
    head.append("   ")
    head.append(f"{t('stage', lang)}: ")
    style = "bold green" if r.stage not in ("undetermined", "not_applicable") else "bold yellow"
    head.append(r.summary.get(lang), style=style)
    head.append(f"   {t('confidence', lang)}: {percent(r.confidence)}")
    head.append(f"   [{r.source}]", style="dim")
    parts: list[Text | Table | Hanging] = [hang("", head, 0, 2), _ladder(r, lang)]
    if r.reason:
        parts.append(Text("  " + r.reason.get(lang), style="yellow"))
    if r.evidence:
        parts.append(Text(f"  {t('evidence', lang)}:", style="bold"))
        for e in r.evidence:
            line = Text(e.name.get(lang))
            facts = "; ".join(named_fact(f, lang, e.rating) for f in e.facts)
            if facts:
                line.append(f" — {facts}")
            line.append(f" [{e.source}]", style="dim")
            parts.append(hang(Text("✓ ", style="green"), line, 3))
    for implied in r.implied:
        line = Text(f"{t('implied', lang)}: {implied.text.get(lang)}")
        line.append(f" [{implied.source}]", style="dim")
        parts.append(hang(Text("⇒ ", style="cyan"), line, 3))
    if r.gaps:
        label = t("gaps", lang) if r.next_stage else t("gaps_floor", lang)
        parts.append(Text(f"  {label}:", style="bold"))
        for g in r.gaps:
            mark = "✗" if g.status == "not_met" else "?"
            line = Text(g.name.get(lang))
            line.append(f" ({t('status_' + g.status, lang)})", style=STATUS_STYLE[g.status])
            line.append(f" — {t('needed', lang)}: {g.needed.get(lang)}")
            line.append(f" [{g.source}]", style="dim")
            parts.append(hang(Text(f"{mark} ", style=STATUS_STYLE[g.status]), line, 3))
    if r.deciding:
        parts.append(hang(Text(f"{t('deciding', lang)}: ", style="yellow"),
                          Text(missing_names(a, r.deciding, lang), style="yellow"), 2))
    parts.append(Text(""))
    return Group(*parts)


def chain_range(chain: object) -> str:
    low, high = chain.completeness, chain.completeness_max  # type: ignore[attr-defined]
    return percent(low) if low == high else f"{percent(low)}–{percent(high)}"


def conflicts(a: Assessment, lang: str) -> list[Text | Hanging]:
    """Ratings the facts contradict: shown so the assessor answers them, never resolved silently."""
    if not (a.conflicts or a.contradictions):
        return []
    out: list[Text | Hanging] = [Text(t("conflicts", lang) + ":", style="bold yellow")]
    out += [hang("  ! ", Text(f"{c.text.get(lang)} [{c.source}]", style="yellow"))
            for c in [*a.conflicts, *a.contradictions]]
    return out


def _problems(a: Assessment, lang: str) -> Table | Text:
    if not a.problems:
        return Text(t("no_problems", lang))
    table = Table(show_lines=False, expand=False, pad_edge=False)
    table.add_column(t("severity", lang), no_wrap=True)
    table.add_column(t("problem", lang), ratio=2, overflow="fold")
    table.add_column(t("evidence", lang), ratio=3, overflow="fold")
    table.add_column(t("source", lang), no_wrap=True, style="dim", overflow="fold")
    for p in a.problems:
        evidence = "\n".join([*(named_fact(f, lang) for f in p.evidence), *filter(None, [items_text(p, lang)])])
        table.add_row(Text(t("severity_" + p.severity, lang), style=SEVERITY_STYLE[p.severity]),
                      escape(p.title.get(lang)), Text(evidence), p.source)
    return table


def _recommendations(a: Assessment, lang: str) -> Table | Text:
    if not a.recommendations:
        return Text(t("no_recommendations", lang))
    table = Table(expand=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("recommendation", lang), ratio=4, overflow="fold")
    table.add_column(t("answers", lang), ratio=2, overflow="fold")
    table.add_column(t("source", lang), no_wrap=True, style="dim", overflow="fold")
    titles = {p.id: p.title.get(lang) for p in a.problems}
    factors = {f.id: f.name.get(lang) for f in a.factors.values()}
    for r in a.recommendations:
        body = Text(r.title.get(lang), style="bold " + SEVERITY_STYLE[r.level])
        if r.conditional and r.condition is not None:
            body.append(f"\n（{t('conditional', lang)}）{r.condition.get(lang)}" if lang == "zh"
                        else f"\n({t('conditional', lang)}) {r.condition.get(lang)}", style="yellow")
        body.append("\n" + r.text.get(lang))
        answers = [titles.get(i, i) for i in r.answers]
        answers += [f"{t('closes', lang)}: {factors.get(i, i)}" for i in r.closes]
        answers += [f"{t('fits_stage', lang)}: {a.stages[m].summary.get(lang)}" for m in r.fits]
        table.add_row(str(r.priority), body, Text("\n".join(answers)), r.source)
    return table


def _unknowns(a: Assessment, lang: str) -> Table | Text:
    if not a.unknowns:
        return Text(t("no_unknowns", lang))
    table = Table(expand=False, pad_edge=False)
    table.add_column(t("fact", lang), overflow="fold")
    table.add_column(t("affects", lang), overflow="fold")
    for u in a.unknowns:
        table.add_row(Text(f"{u.name.get(lang)}\n{u.path}"), Text("\n".join(x.get(lang) for x in u.affects)))
    return table


def writer(stream: IO[str], lang: str, *, plain: bool, many: Callable[[], bool], detail: bool = True) -> Separated:
    """Reports one after another on one console, a blank line between them; the one-screen
    summary of each unless `detail`."""
    console = make_console(stream, plain=plain)
    return Separated(lambda a: render(a, lang, console, detail), console.print)
