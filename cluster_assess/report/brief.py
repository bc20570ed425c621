"""The leader's summary (领导阅览摘要): one page that a county head reads first.

For one cluster: its stage on each model as a small ladder (established stages filled, possible
ones hatched), the three main problems, the three first actions and what to collect next. For a
comparison: the first rank band, the problems and actions most towns share, and the facts most
towns lack. Everything here is chosen by the engine's own order (severity, priority, weight);
nothing is judged again.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from cluster_assess.display import fact_text
from cluster_assess.i18n import t
from cluster_assess.report.document import Block, BulletList, Ladder, LadderRung, Paragraph, Report, cap

if TYPE_CHECKING:
    from cluster_assess.assessment import Assessment, StageResult

TOP = 3
COLLECT = 5
_SEVERITY = {"high": 0, "medium": 1, "low": 2}


def with_print_matter(report: Report, author: str | None, organisation: str | None,
                      brief: tuple[Block, ...], subtitle_key: str = "print_subtitle",
                      summary: tuple[str, ...] = ()) -> Report:
    """The cover lines (author, organisation), the leader's summary and the page furniture;
    `summary` replaces the summary lines that the leader's summary now shows as figures."""
    import dataclasses

    lang = report.lang
    meta = list(report.meta)
    at = next((i for i, (k, _) in enumerate(meta) if k == t("report_date", lang)), len(meta))
    extra = [(t("print_author", lang), author), (t("print_organisation", lang), organisation)]
    meta[at:at] = [(k, v) for k, v in extra if v]
    return dataclasses.replace(report, meta=tuple(meta), summary=summary or report.summary,
                               subtitle=t(subtitle_key, lang), brief=brief,
                               summary_title=t("brief_title", lang), contents_title=t("print_contents", lang),
                               page_label=t("print_page", lang))


def ladder_legend(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((s, t(f"ladder_legend_{s}", lang)) for s in ("established", "possible", "ruled_out"))


def stage_ladder(r: StageResult, lang: str, caption: str, *, compact: bool = False) -> Ladder:
    """A stage model's ladder figure: the range's established and possible stages."""
    rungs = tuple(LadderRung(x.name.get(lang), x.reached, x.current, x.possible or x.reached) for x in r.ladder)
    return Ladder(caption, rungs, r.summary.get(lang), ladder_legend(lang), compact, cap(r.name.get(lang)))


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def cluster_brief(a: Assessment, lang: str) -> tuple[Block, ...]:
    out: list[Block] = [Paragraph("", label=t("brief_stages", lang))]
    for r in a.stages.values():
        out.append(stage_ladder(r, lang, f"{cap(r.name.get(lang))}{_colon(lang)}{cap(r.summary.get(lang))}",
                                compact=True))
    problems = sorted(a.problems, key=lambda p: _SEVERITY.get(p.severity, 3))[:TOP]
    out.append(Paragraph("", label=t("brief_problems", lang)))
    out.append(BulletList(tuple(_problem(p, lang) for p in problems)) if problems
               else Paragraph(t("brief_no_problems", lang)))
    out.append(Paragraph("", label=t("brief_actions", lang)))
    recs = a.recommendations[:TOP]
    out.append(BulletList(tuple(_action(r, lang) for r in recs)) if recs else Paragraph(t("brief_no_actions", lang)))
    out.append(Paragraph("", label=t("brief_collect", lang)))
    sep = "、" if lang == "zh" else "; "
    collect = [t("brief_affects", lang).format(name=cap(u.name.get(lang)),
                                               affects=sep.join(x.get(lang) for x in u.affects[:2]))
               for u in sorted(a.unknowns, key=lambda u: -u.weight)[:COLLECT]]
    out.append(BulletList(tuple(collect)) if collect else Paragraph(t("brief_no_collect", lang)))
    return tuple(out)


def _problem(p: object, lang: str) -> str:
    title = cap(p.title.get(lang))  # type: ignore[attr-defined]
    evidence = p.evidence[:1]  # type: ignore[attr-defined]
    if not evidence:
        return title
    fact = evidence[0]
    shown = f"{fact.name.get(lang)}{_colon(lang)}{fact_text(fact, lang)}"
    return f"{title}（{shown}）" if lang == "zh" else f"{title} ({shown})"


def _action(r: object, lang: str) -> str:
    text = cap(r.title.get(lang))  # type: ignore[attr-defined]
    if getattr(r, "conditional", False) and getattr(r, "condition", None) is not None:
        text += t("brief_conditional", lang).format(condition=r.condition.get(lang))  # type: ignore[attr-defined]
    return text


def comparison_brief(by_key: dict[str, Assessment], names: dict[str, str], bands: dict[str, str],
                     figure: Block | None, lang: str) -> tuple[Block, ...]:
    """`bands`: each ranked town's band (towns in the first band cannot be told apart)."""
    sep = "、" if lang == "zh" else ", "
    out: list[Block] = []
    if figure is not None:
        out.append(figure)
    first = [names[k] for k, b in bands.items() if b == min(bands.values())] if bands else []
    if len(first) > 1:  # one town first is already in the summary lines
        out.append(Paragraph(t("brief_first_band", lang).format(names=sep.join(first)),
                             label=t("brief_ranking", lang)))
    problems: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for a in by_key.values():
        for p in a.problems:
            problems[p.id] += 1
            titles[p.id] = cap(p.title.get(lang))
        for r in a.recommendations[:TOP]:
            actions[r.id] += 1
            titles[r.id] = cap(r.title.get(lang))
        for u in a.unknowns:
            missing[u.path] += 1
            titles[u.path] = cap(u.name.get(lang))
    out.append(Paragraph("", label=t("brief_problems", lang)))
    out.append(BulletList(tuple(t("brief_towns_problem", lang).format(title=titles[i], n=n)
                                for i, n in problems.most_common(TOP))) if problems
               else Paragraph(t("brief_no_problems", lang)))
    out.append(Paragraph("", label=t("brief_actions", lang)))
    out.append(BulletList(tuple(t("brief_towns_problem", lang).format(title=titles[i], n=n)
                                for i, n in actions.most_common(TOP))) if actions
               else Paragraph(t("brief_no_actions", lang)))
    out.append(Paragraph("", label=t("brief_collect", lang)))
    out.append(BulletList(tuple(t("brief_towns_missing", lang).format(name=titles[i], n=n)
                                for i, n in missing.most_common(COLLECT))) if missing
               else Paragraph(t("brief_no_collect", lang)))
    return tuple(out)
