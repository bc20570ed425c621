"""The one-screen terminal summary `score` prints by default: where the cluster stands on each
model (ranges in words), the first problems and actions, conflicts to answer, and how many facts
are worth collecting. `--detail` prints everything (render/text.py)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.text import Text

from cluster_assess.assessment import Assessment
from cluster_assess.display import percent
from cluster_assess.i18n import t
from cluster_assess.render.grid import break_points, width

TOP = 3  # problems and actions shown on the first screen
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


class Hanging:
    """Text with a hanging indent: the first line at `first` columns, the lines it wraps onto at
    `rest`, broken by the Chinese line-breaking rules (render/grid.py), styles kept."""

    def __init__(self, text: Text, first: int, rest: int) -> None:
        self.text, self.first, self.rest = text, first, rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        limit = max(options.max_width - self.rest, 8)
        text = self.text.copy()
        text.rstrip()
        breaks = break_points(text.plain, limit, max(options.max_width - self.first, 8))
        for i, line in enumerate(text.divide(breaks)):
            line.rstrip()
            yield Text(" " * (self.first if i == 0 else self.rest)) + line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.rest + 8, self.first + width(self.text.plain))


def hang(prefix: str | Text, body: str | Text, indent: int = 0, rest: int | None = None) -> Hanging:
    """`prefix` then `body`, `indent` columns in; a wrapped line starts under the body's first
    character, or at `rest` columns."""
    head = prefix if isinstance(prefix, Text) else Text(prefix)
    text = head + (body if isinstance(body, Text) else Text(body))
    return Hanging(text, indent, indent + width(head.plain) if rest is None else rest)


def render_summary(a: Assessment, lang: str, console: Console, header: object) -> None:
    colon = "：" if lang == "zh" else ": "
    console.print(header)
    console.print()
    console.rule(t("stages", lang), style="bold")
    for r in a.stages.values():
        body = Text(r.summary.get(lang), style="bold")
        if r.stage != "not_applicable":  # a model that does not apply has no confidence to speak of
            body.append(t("sum_confidence", lang).format(p=percent(r.confidence)), style="dim")
        console.print(hang(f"{r.name.get(lang)}{colon}", body, 2, 6))
    if a.conflicts:
        console.print(hang("! ", Text(t("sum_conflicts", lang).format(n=len(a.conflicts)), style="bold yellow"), 2))
        for c in a.conflicts:
            console.print(hang("· ", Text(c.text.get(lang), style="yellow"), 4))
    console.print()
    console.rule(t("problems", lang), style="bold")
    if not a.problems:
        console.print(Text("  " + t("no_problems", lang)))
    for p in sorted(a.problems, key=lambda p: SEVERITY_ORDER[p.severity])[:TOP]:
        mark = Text(f"{t('severity_' + p.severity, lang)}  ", style=SEVERITY_STYLE[p.severity])
        console.print(hang(mark, p.title.get(lang), 2))
    more = [t("sum_more", lang).format(n=len(a.problems) - TOP)] if len(a.problems) > TOP else []
    if a.unchecked:
        more.append(t("sum_unchecked", lang).format(n=len(a.unchecked)))
    if more:
        console.print(hang("", Text(("；" if lang == "zh" else "; ").join(more), style="dim"), 6))
    console.print()
    console.rule(t("sum_actions", lang), style="bold")
    if not a.recommendations:
        console.print(Text("  " + t("no_recommendations", lang)))
    for rec in a.recommendations[:TOP]:
        body = Text(rec.title.get(lang), style="bold")
        if rec.conditional:
            body.append(f"（{t('conditional', lang)}）" if lang == "zh" else f" ({t('conditional', lang)})",
                        style="yellow")
        console.print(hang(f"{rec.priority}. ", body, 2))
    if len(a.recommendations) > TOP:
        console.print(hang("", Text(t("sum_more", lang).format(n=len(a.recommendations) - TOP), style="dim"), 5))
    console.print()
    lines = []
    if a.unknowns:
        sep = "、" if lang == "zh" else ", "
        names = sep.join(u.name.get(lang) for u in a.unknowns[:TOP])
        lines.append(hang(Text(t("sum_collect", lang).format(n=len(a.unknowns)), style="bold"),
                          t("sum_collect_first", lang).format(names=names), 0, 2))
    lines.append(Text(t("sum_detail", lang), style="dim"))
    console.print(Group(*lines))
