"""GitHub-flavoured markdown: headings, tables aligned by display width, user text escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO

from cluster_assess.assessment import Assessment, StageResult
from cluster_assess.display import classification_text, items_text, missing_names, named_fact, percent, sanitised
from cluster_assess.i18n import t
from cluster_assess.render import Separated
from cluster_assess.render.grid import grid

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Make user text inert in markdown and inside table cells (pipes, newlines, HTML)."""
    text = _SPECIAL.sub(r"\\\1", str(text))
    text = text.replace("&", "&amp;")
    return " ".join(text.splitlines())


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub table padded by display width, so Chinese columns line up in an editor."""
    return grid(headers, [[str(c) for c in r] for r in rows], markdown=True)


def render(a: Assessment, lang: str) -> str:
    a = sanitised(a)  # user text: no control codes or bidi overrides reach the reader
    name = escape(a.profile.name or t("unnamed", lang))
    out = [f"# {t('assessment', lang)}: {name}", ""]
    meta = [
        (t("region", lang), a.profile.region),
        (t("industry", lang), a.profile.industry),
        (t("year", lang), a.profile.year),
        (t("rubric", lang), f"{a.rubric.id} {a.rubric.version}"),
    ]
    out += [f"- **{k}:** {escape(str(v))}" for k, v in meta if v is not None] + [""]
    out += [f"## {t('stages', lang)}", ""]
    for result in a.stages.values():
        out += _stage(a, result, lang)
    if a.conflicts or a.contradictions:
        out += [f"### {t('conflicts', lang)}", ""]
        out += [f"- {escape(c.text.get(lang))} ({c.source})" for c in [*a.conflicts, *a.contradictions]] + [""]
    if a.chain is not None:
        low, high = a.chain.completeness, a.chain.completeness_max
        shown = percent(low) if low == high else f"{percent(low)}–{percent(high)}"
        out += [f"## {t('chain', lang)}", "", f"**{shown}** — {a.chain.name.get(lang)}"]
        if a.chain.missing:
            missing = "、".join if lang == "zh" else ", ".join
            out.append(f"; {t('chain_missing', lang)}: {missing(m.get(lang) for m in a.chain.missing)}")
        out += [f" ({t('source', lang)}: {a.chain.source})", ""]
    if a.classifications:
        rows = [[c.name.get(lang), escape(classification_text(c, lang)),
                 "; ".join(escape(named_fact(f, lang)) for f in c.facts), c.source]
                for c in a.classifications.values()]
        out += [f"## {t('classifications', lang)}", "",
                table(["", t("value", lang), t("evidence", lang), t("source", lang)], rows), ""]
    out += [f"## {t('problems', lang)}", ""]
    if a.problems:
        rows = [
            [t("severity_" + p.severity, lang), p.title.get(lang),
             "; ".join([*(escape(named_fact(f, lang)) for f in p.evidence),
                        *filter(None, [escape(items_text(p, lang))])]),
             p.source]
            for p in a.problems
        ]
        out += [table([t("severity", lang), t("problem", lang), t("evidence", lang), t("source", lang)], rows), ""]
    else:
        out += [t("no_problems", lang), ""]
    if a.unchecked:
        out += [f"### {t('unchecked', lang)}", ""]
        out += [f"- {p.title.get(lang)} ({p.source}) — {missing_names(a, p.missing, lang)}" for p in a.unchecked]
        out += [""]
    out += [f"## {t('recommendations', lang)}", ""]
    if a.recommendations:
        rows = [
            [str(r.priority), f"**{r.title.get(lang)}** — {r.text.get(lang)}",
             _answers(a, r, lang), r.source]
            for r in a.recommendations
        ]
        headers = [t("priority", lang), t("recommendation", lang), t("answers", lang), t("source", lang)]
        out += [table(headers, rows), ""]
    else:
        out += [t("no_recommendations", lang), ""]
    out += [f"## {t('unknowns', lang)}", ""]
    if a.unknowns:
        rows = [[f"`{u.path}`", u.name.get(lang), "; ".join(x.get(lang) for x in u.affects)] for u in a.unknowns]
        out += [table([t("fact", lang), "", t("affects", lang)], rows), ""]
    else:
        out += [t("no_unknowns", lang), ""]
    return "\n".join(out).rstrip() + "\n"


def _stage(a: Assessment, r: StageResult, lang: str) -> list[str]:
    ladder = " → ".join(f"**[{rung.name.get(lang)}]**" if rung.current else rung.name.get(lang) for rung in r.ladder)
    out = [f"### {r.name.get(lang)}", "", f"- {t('stage', lang)}: **{r.summary.get(lang)}** ({ladder})",
           f"- {t('confidence', lang)}: {percent(r.confidence)}",
           f"- {t('source', lang)}: {r.source}"]
    out += [f"- {t('implied', lang)}: {i.text.get(lang)} ({i.source})" for i in r.implied]
    if r.deciding:
        out.append(f"- {t('deciding', lang)}: " + escape(missing_names(a, r.deciding, lang)))
    if r.reason:
        out.append(f"- {r.reason.get(lang)}")
    out.append("")
    if r.evidence:
        rows = [[e.name.get(lang), "; ".join(escape(named_fact(f, lang, e.rating)) for f in e.facts), e.source]
                for e in r.evidence]
        out += [f"**{t('evidence', lang)}**", "", table(["", t("evidence", lang), t("source", lang)], rows), ""]
    if r.gaps:
        rows = [[g.name.get(lang), t("status_" + g.status, lang), g.needed.get(lang), g.source] for g in r.gaps]
        headers = ["", t("status", lang), t("needed", lang), t("source", lang)]
        out += [f"**{t('gaps', lang)}**", "", table(headers, rows), ""]
    return out


def _answers(a: Assessment, r: object, lang: str) -> str:
    titles = {p.id: p.title.get(lang) for p in a.problems}
    factors = {f.id: f.name.get(lang) for f in a.factors.values()}
    parts = [titles.get(i, i) for i in r.answers]  # type: ignore[attr-defined]
    parts += [f"{t('closes', lang)}: {factors.get(i, i)}" for i in r.closes]  # type: ignore[attr-defined]
    parts += [f"{t('fits_stage', lang)}: {a.stages[m].summary.get(lang)}" for m in r.fits]  # type: ignore[attr-defined]
    if r.conditional and r.condition is not None:  # type: ignore[attr-defined]
        parts.insert(0, f"{t('conditional', lang)}: {r.condition.get(lang)}")  # type: ignore[attr-defined]
    return "; ".join(parts)


def writer(stream: IO[str], lang: str, *, plain: bool, many: Callable[[], bool]) -> Separated:
    """Reports one after another, a rule between them."""
    return Separated(lambda a: stream.write(render(a, lang)), lambda: stream.write("\n---\n\n"))
