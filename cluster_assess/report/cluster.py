"""The report document: an Assessment laid out as a survey report (调研报告), format-neutral.

`build_report()` is pure: it takes the date it is dated by (the CLI passes today's; tests pass a
fixed one) and returns a `Report` (see `report.document`), holding plain, localised text.

The structure follows the convention of Chinese survey reports, as 003 · 第三篇 does:
一、基本情况 — 二、发展阶段判断 — 三、存在的主要问题 — 四、发展方向与对策建议 — 五、数据说明.
A comparison report (several profiles) is `report.comparison`, producing the same `Report` type.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cluster_assess.assessment import NOT_APPLICABLE, UNDETERMINED, Assessment, FactShown, StageResult
from cluster_assess.display import evidence_text, fact_text, missing_names, percent
from cluster_assess.i18n import t
from cluster_assess.report.brief import cluster_brief, stage_ladder, with_print_matter
from cluster_assess.report.document import (
    Bar,
    BarChart,
    Block,
    BulletList,
    Paragraph,
    Report,
    Section,
    Subsection,
    Table,
    cap,
    section_title,
    subsection_title,
)
from cluster_assess.report.references import references_section

if TYPE_CHECKING:
    from cluster_assess.profile.schema import Profile
    from cluster_assess.rubric.model import Rubric

# -- building -------------------------------------------------------------------------------------


def build_report(
    assessment: Assessment,
    lang: str,
    date: dt.date,
    *,
    profile: Profile | None = None,
    rubric: Rubric | None = None,
    author: str | None = None,
    organisation: str | None = None,
) -> Report:
    """Lay out one cluster's assessment as a survey report in `lang`, dated `date`.

    `profile` adds the notes written beside facts and the documents the profile cites; `rubric`
    adds value-chain segment names and groups the factor chart by stage. Both are optional.
    `author` and `organisation` go on the cover."""
    report = _Builder(assessment, lang, date, profile, rubric).build()
    counts = tuple(x for x in report.summary[len(assessment.stages):len(assessment.stages) + 1])
    return with_print_matter(report, author, organisation, cluster_brief(assessment, lang), summary=counts)



class _Builder:
    def __init__(self, a: Assessment, lang: str, date: dt.date, profile: Profile | None,
                 rubric: Rubric | None) -> None:
        self.a, self.lang, self.date, self.profile, self.rubric = a, lang, date, profile, rubric
        self.sep = "、" if lang == "zh" else ", "
        self.colon = "：" if lang == "zh" else ": "
        self.figures = 0
        self.tables = 0
        self.locators: list[str] = []
        self.notes: dict[str, str] = {}
        if profile is not None:
            from cluster_assess.profile.facts import Fact
            from cluster_assess.profile.fields import known_facts

            self.notes = {p: f.note for p, f in known_facts(profile).items() if isinstance(f, Fact) and f.note}

    # small helpers

    def tr(self, key: str, **kw: object) -> str:
        return t(key, self.lang).format(**kw)

    def cite(self, locator: str | None) -> str:
        """Record a locator (each part of a `;`-joined list) and return it as shown."""
        if not locator:
            return self.tr("report_no_source")
        for part in re.split(r"\s*[;；]\s*", locator):
            if part and part not in self.locators:
                self.locators.append(part)
        return locator

    def aside(self, label: str, value: str) -> str:
        """`（出处：…）` in Chinese, ` (source: …)` in English."""
        return f"（{label}：{value}）" if self.lang == "zh" else f" ({label}: {value})"

    def name(self) -> str:
        return self.a.profile.name or t("unnamed", self.lang)

    def figure(self) -> int:
        self.figures += 1
        return self.figures

    def table_no(self) -> int:
        self.tables += 1
        return self.tables

    def fact_value(self, fact: FactShown) -> str:
        """A fact's value with its unit, and the note the profile wrote beside it."""
        text = fact_text(fact, self.lang)
        if fact.path == "facts.chain.segments" and self.rubric is not None and self.a.chain is not None:
            names = {s.id: s.name.get(self.lang) for c in self.rubric.value_chains if c.id == self.a.chain.chain
                     for s in c.segments}
            text = self.sep.join(names.get(str(v), str(v)) for v in (fact.value or []))
        elif fact.kind == "names" and isinstance(fact.value, list | tuple):
            text = self.sep.join(str(v) for v in fact.value)
        elif fact.kind in ("count", "number") and re.fullmatch(r"[\d,.]+", fact.display or ""):
            key = f"report_unit_{fact.unit}"
            from cluster_assess.i18n import CATALOGUE

            if key in CATALOGUE:
                unit = t(key, self.lang)
                text = f"{text}{unit}" if self.lang == "zh" else f"{text} {unit}"
        note = self.notes.get(fact.path)
        if note:
            text += self.aside(t("report_note", self.lang), note)
        return text

    def fact_line(self, fact: FactShown) -> str:
        return f"{fact.name.get(self.lang)}{self.colon}{self.fact_value(fact)}"

    def fact_cited(self, fact: FactShown) -> str:
        src = self.cite(fact.source) if fact.source else None
        line = self.fact_line(fact)
        if src:
            line += self.aside(t("source", self.lang), src)
        return line

    def missing(self, paths: Iterable[str]) -> str:
        names = {u.path: u.name.get(self.lang) for u in self.a.unknowns}
        return self.sep.join(names.get(p, p) for p in paths)

    # the whole

    def build(self) -> Report:
        a, lang = self.a, self.lang
        sections = [
            self.facts_section(0),
            self.stages_section(1),
            self.problems_section(2),
            self.recommendations_section(3),
        ]
        sections.append(self.data_section(4))
        documents = list(self.profile.sources or []) if self.profile is not None else []
        sections.append(references_section(5, self.locators, lang, documents))
        meta = [(t("region", lang), a.profile.region), (t("industry", lang), a.profile.industry),
                (t("year", lang), str(a.profile.year) if a.profile.year else None),
                (t("rubric", lang), f"{a.rubric.title.get(lang)}（{a.rubric.id} {a.rubric.version}）" if lang == "zh"
                 else f"{a.rubric.title.get(lang)} ({a.rubric.id} {a.rubric.version})"),
                (t("report_date", lang), self.date.isoformat())]
        from cluster_assess import __version__

        return Report(
            lang=lang, title=self.tr("report_title", name=self.name()),
            meta=tuple((k, v) for k, v in meta if v), summary_title=t("report_summary", lang),
            summary=tuple(self.summary()), sections=tuple(sections), date=self.date,
            footer=self.tr("report_generated", version=__version__), locators=tuple(self.locators),
        )

    def summary(self) -> list[str]:
        a = self.a
        out = [self.tr("report_summary_stage", model=cap(r.name.get(self.lang)), stage=r.summary.get(self.lang),
                       confidence=percent(r.confidence)) for r in a.stages.values()]
        out.append(self.tr("report_summary_counts", problems=len(a.problems), unchecked=len(a.unchecked),
                           recommendations=len(a.recommendations), unknowns=len(a.unknowns)))
        if a.recommendations:
            out.append(self.tr("report_summary_first", title=a.recommendations[0].title.get(self.lang)))
        return out

    # 一、基本情况

    def facts_section(self, index: int) -> Section:
        a, lang = self.a, self.lang
        blocks: list[Block | Subsection] = []
        intro = self.tr("report_intro", rubric=a.rubric.title.get(lang), rubric_id=a.rubric.id,
                        version=a.rubric.version, name=self.name())
        if a.profile.region and a.profile.industry:
            intro = self.tr("report_located", name=self.name(), region=a.profile.region,
                            industry=a.profile.industry) + ("" if lang == "zh" else " ") + intro
        blocks.append(Paragraph(intro))
        if self.profile is not None and self.profile.notes:
            blocks.append(Paragraph(self.profile.notes, label=t("report_notes", lang)))
        facts = [f for f in a.facts if f.kind != "rating"]
        ratings = [f for f in a.facts if f.kind == "rating"]
        if facts:
            rows, previous = [], None
            for fact in facts:
                group = fact.path.split(".")[1] if fact.path.count(".") >= 2 else ""
                key = f"report_group_{group}"
                from cluster_assess.i18n import CATALOGUE

                label = t(key, lang) if key in CATALOGUE else group
                item = cap(fact.name.get(lang))
                if fact.path == "facts.chain.segments" and self.rubric is not None:
                    item = t("report_segments", lang)  # shown by name here, not by id as the field's name says
                rows.append((label if group != previous else "", item, self.fact_value(fact),
                             self.cite(fact.source)))
                previous = group
            blocks.append(Table(self.tr("report_facts_table", n=self.table_no()),
                                (t("report_category", lang), t("report_item", lang), t("value", lang),
                                 t("source", lang)), tuple(rows), (2, 4, 5, 3)))
        else:
            blocks.append(Paragraph(t("report_no_facts", lang)))
        if a.chain is not None:
            chain = a.chain
            text = self.tr("report_chain", chain=chain.name.get(lang), present=len(chain.present),
                           total=len(chain.present) + len(chain.missing), completeness=percent(chain.completeness))
            if chain.missing:
                missing = self.sep.join(m.get(lang) for m in chain.missing)
                text += f" {cap(t('chain_missing', lang))}{self.colon}{missing}"
                text += "。" if lang == "zh" else "."
            if chain.unrecognised:
                text += f" {cap(t('chain_unrecognised', lang))}{self.colon}{self.sep.join(chain.unrecognised)}"
                text += "。" if lang == "zh" else "."
            label = t("chain", lang) + self.aside(t("source", lang), self.cite(chain.source))
            blocks.append(Paragraph(text, label=label))
        if ratings:
            rows = [(cap(f.name.get(lang)), f.display, evidence_text(f, lang), self.cite(f.source)) for f in ratings]
            blocks.append(Table(self.tr("report_ratings_table", n=self.table_no()),
                                (t("report_factor", lang), t("report_rating", lang), t("evidence", lang),
                                 t("source", lang)),
                                tuple(rows), (6, 3, 13, 6)))
        return Section("facts", section_title(index, t("report_sec_facts", lang), lang), tuple(blocks))

    # 二、发展阶段判断

    def stages_section(self, index: int) -> Section:
        blocks: list[Block | Subsection] = [self.factor_chart()]
        for k, result in enumerate(self.a.stages.values()):
            title = subsection_title(index, k, cap(result.name.get(self.lang)), self.lang)
            blocks.append(Subsection(title, tuple(self.stage_blocks(result))))
        return Section("stages", section_title(index, t("report_sec_stages", self.lang), self.lang), tuple(blocks))

    def factor_chart(self) -> BarChart:
        lang = self.lang
        groups: dict[str, str] = {}
        if self.rubric is not None:
            for model in self.rubric.stage_models:
                for stage in model.stages:
                    for gate in stage.gates:
                        groups.setdefault(gate, stage.name.get(lang))
        bars = []
        for f in self.a.factors.values():
            text = t("status_unknown", lang) if f.score is None else percent(f.score)
            bars.append(Bar(cap(f.name.get(lang)), f.score, f.status, text, groups.get(f.id, "")))
        legend = tuple((s, t(f"status_{s}", lang)) for s in ("met", "not_met", "unknown"))
        headers = (t("report_factor", lang), t("stage", lang), t("status", lang), t("report_chart_bar", lang),
                   t("report_chart_score", lang))
        return BarChart(self.tr("report_chart", n=self.figure()), tuple(bars), legend, t("report_chart_note", lang),
                        headers)

    def stage_blocks(self, r: StageResult) -> list[Block]:
        lang = self.lang
        out: list[Block] = [
            stage_ladder(r, lang, self.tr("report_ladder", n=self.figure(), model=cap(r.name.get(lang)))),
        ]
        if r.stage == UNDETERMINED and r.at_least != NOT_APPLICABLE:
            judgement = self.tr("report_stage_range", stage=cap(r.summary.get(lang)))
            if r.deciding:
                lead = " 需补充：" if lang == "zh" else " To collect: "
                judgement += lead + missing_names(self.a, r.deciding, lang)
        elif r.stage in (UNDETERMINED, NOT_APPLICABLE):
            judgement = self.tr("report_stage_other", stage=cap(r.stage_name.get(lang)),
                                reason=r.reason.get(lang) if r.reason else "")
        else:
            judgement = self.tr("report_stage_reached", stage=r.stage_name.get(lang), confidence=percent(r.confidence))
            if r.reason:
                judgement += " " + r.reason.get(lang)
            if r.next_stage is None:
                judgement += t("report_top_stage", lang) if lang == "zh" else " " + t("report_top_stage", lang)
        out.append(Paragraph(judgement, label=t("report_judgement", lang)))
        for implied in r.implied:
            out.append(Paragraph(f"{implied.text.get(lang)} {self.cite(implied.source)}", label=t("implied", lang)))
        out.append(Paragraph(self.cite(r.source), label=t("source", lang)))
        if r.evidence:
            rows = tuple((cap(e.name.get(lang)), "; ".join(self.fact_cited(f) for f in e.facts) or "—",
                          self.cite(e.source)) for e in r.evidence)
            caption = self.tr("report_table", n=self.table_no(), title=t("report_met", lang))
            out.append(Table(caption,
                             (t("report_factor", lang), t("report_facts_used", lang), t("source", lang)), rows,
                             (3, 8, 3)))
        if r.gaps:
            next_name = next((x.name.get(lang) for x in r.ladder if x.id == r.next_stage), None)
            title = self.tr("report_gaps_to", stage=next_name) if next_name else t("gaps_floor", lang)
            caption = self.tr("report_table", n=self.table_no(), title=title)
            rows = []
            for g in r.gaps:
                known = "; ".join(self.fact_cited(f) for f in g.facts)
                if g.missing:
                    need = f"{t('report_to_collect', lang)}{self.colon}{self.missing(g.missing)}"
                    known = f"{known}; {need}" if known else need
                rows.append((cap(g.name.get(lang)), t(f"status_{g.status}", lang), cap(g.needed.get(lang)),
                             known or "—", self.cite(g.source)))
            out.append(Table(caption, (t("report_factor", lang), t("status", lang), t("needed", lang),
                                       t("report_facts_used", lang), t("source", lang)), tuple(rows), (3, 2, 5, 5, 3)))
        return out

    # 三、存在的主要问题

    def problems_section(self, index: int) -> Section:
        a, lang = self.a, self.lang
        blocks: list[Block | Subsection] = []
        recs = {r.id: r for r in a.recommendations}
        if not a.problems:
            blocks.append(Paragraph(t("no_problems", lang)))
        for k, p in enumerate(a.problems):
            severity = f"{t('severity', lang)}{self.colon}{t('severity_' + p.severity, lang)}"
            title = f"{p.title.get(lang)}（{severity}）" if lang == "zh" else f"{cap(p.title.get(lang))} ({severity})"
            body: list[Block] = [Paragraph(p.description.get(lang))]
            if p.evidence:
                body.append(Paragraph("", label=t("report_problem_facts", lang)))
                body.append(BulletList(tuple(self.fact_cited(f) for f in p.evidence)))
            answered = [f"{recs[r].priority}. {recs[r].title.get(lang)}" for r in p.recommendations if r in recs]
            if answered:
                body.append(Paragraph(self.sep.join(answered), label=t("report_problem_recs", lang)))
            body.append(Paragraph(self.cite(p.source), label=t("source", lang)))
            blocks.append(Subsection(subsection_title(index, k, title, lang), tuple(body)))
        if a.unchecked:
            items = tuple(self.tr("report_unchecked_item", title=cap(p.title.get(lang)), source=self.cite(p.source),
                                  missing=self.missing(p.missing)) for p in a.unchecked)
            blocks.append(Subsection(subsection_title(index, len(a.problems), t("unchecked", lang), lang),
                                     (BulletList(items),)))
        return Section("problems", section_title(index, t("report_sec_problems", lang), lang), tuple(blocks))

    # 四、发展方向与对策建议

    def recommendations_section(self, index: int) -> Section:
        a, lang = self.a, self.lang
        blocks: list[Block | Subsection] = []
        if not a.recommendations:
            blocks.append(Paragraph(t("no_recommendations", lang)))
        problems = {p.id: p.title.get(lang) for p in a.problems}
        factors = {f.id: f.name.get(lang) for f in a.factors.values()}
        for k, r in enumerate(a.recommendations):
            level = t(f"report_level_{r.level}", lang)
            title = (f"{r.title.get(lang)}（{t('priority', lang)}：第{r.priority}位，{level}）" if lang == "zh"
                     else f"{cap(r.title.get(lang))} ({t('priority', lang)} {r.priority}, {level})")
            body: list[Block] = [Paragraph(r.text.get(lang))]
            if r.answers:
                body.append(Paragraph(self.sep.join(problems.get(i, i) for i in r.answers),
                                      label=t("report_rec_answers", lang)))
            if r.closes:
                body.append(Paragraph(self.sep.join(factors.get(i, i) for i in r.closes),
                                      label=t("report_rec_closes", lang)))
            if r.fits:
                fits = [f"{a.stages[m].summary.get(lang)}（{a.stages[m].name.get(lang)}）" if lang == "zh"
                        else f"{cap(a.stages[m].summary.get(lang))} ({a.stages[m].name.get(lang)})" for m in r.fits]
                body.append(Paragraph(self.sep.join(fits), label=t("report_rec_fits", lang)))
            body.append(Paragraph(self.cite(r.source), label=t("source", lang)))
            blocks.append(Subsection(subsection_title(index, k, title, lang), tuple(body)))
        return Section("recommendations", section_title(index, t("report_sec_recommendations", lang), lang),
                       tuple(blocks))

    # 五、数据说明

    def data_section(self, index: int) -> Section:
        a, lang = self.a, self.lang
        blocks: list[Block | Subsection] = []
        k = 0
        unknown_body: list[Block]
        if a.unknowns:
            rows = tuple((u.name.get(lang), u.path, "; ".join(x.get(lang) for x in u.affects)) for u in a.unknowns)
            unknown_body = [Table(self.tr("report_unknowns_table", n=self.table_no()),
                                  (t("fact", lang), t("report_field", lang), t("affects", lang)), rows, (4, 4, 7))]
        else:
            unknown_body = [Paragraph(t("no_unknowns", lang))]
        blocks.append(Subsection(subsection_title(index, k, t("unknowns", lang), lang), tuple(unknown_body)))
        k += 1
        method = [
            Paragraph(self.tr("report_rubric_line", title=a.rubric.title.get(lang), id=a.rubric.id,
                              version=a.rubric.version)),
            Paragraph(t("report_method_text", lang)),
            Paragraph(self.date.isoformat(), label=t("report_date", lang)),
        ]
        blocks.append(Subsection(subsection_title(index, k, t("report_method", lang), lang), tuple(method)))
        return Section("data", section_title(index, t("report_sec_data", lang), lang), tuple(blocks))
