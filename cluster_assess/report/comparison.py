"""The comparison report: several clusters in one survey document, same five sections.

`build_comparison_report()` lays a `Comparison` (and the assessments behind it) out as a `Report`,
the format-neutral document the markdown, HTML and Word renderers already draw. Like the cluster
report it is pure: the date is passed in.

一、基本情况 key indicators side by side — 二、发展阶段判断 ranking by the maturity index, stages and
factor scores, what explains the gaps — 三、存在的主要问题 problem counts and each town's problems —
四、发展方向与对策建议 each town's first recommendations — 五、数据说明 the index formula, the towns
listed apart and why, trajectories, rubric and sources.
"""

from __future__ import annotations

import datetime as dt

from cluster_assess import __version__
from cluster_assess.assessment import Assessment
from cluster_assess.compare.model import Comparison, Row
from cluster_assess.display import percent
from cluster_assess.i18n import t
from cluster_assess.report.brief import comparison_brief, with_print_matter
from cluster_assess.report.document import (
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
from cluster_assess.report.figures import bands, chunks, heat_maps, interval_plot, stage_grids
from cluster_assess.report.references import references_section

SIDE_BY_SIDE_MAX = 6  # more towns than this and tables turn to one row per town
TOP_RECOMMENDATIONS = 3


def build_comparison_report(comparison: Comparison, assessments: dict[str, Assessment], lang: str,
                            date: dt.date, ranking: tuple[object, ...] = (), *, author: str | None = None,
                            organisation: str | None = None) -> Report:
    """Lay out a comparison as a report in `lang`; `assessments` maps column keys to assessments.

    `ranking`: optional blocks (from `cluster_assess.rank.figure.report_blocks`) added to section 二 as
    its last subsection, with the ranking method's convention, rank ranges and stability figure."""
    builder = _Builder(comparison, assessments, lang, date)
    report = builder.build()
    figure = (interval_plot(comparison, builder.names, lang, t("fig_intervals_brief", lang))
              if comparison.index is not None else None)
    brief = comparison_brief(assessments, builder.names, bands(comparison), figure, lang)
    report = with_print_matter(report, author, organisation, brief, "print_compare_subtitle")
    if not ranking:
        return report
    import dataclasses

    sections = list(report.sections)
    sec = sections[1]
    title = subsection_title(1, len(sec.blocks), t("rank_title", lang), lang)
    sections[1] = dataclasses.replace(sec, blocks=(*sec.blocks, Subsection(title, ranking)))  # type: ignore[arg-type]
    return dataclasses.replace(report, sections=tuple(sections))


class _Builder:
    def __init__(self, c: Comparison, assessments: dict[str, Assessment], lang: str, date: dt.date) -> None:
        self.c, self.by_key, self.lang, self.date = c, assessments, lang, date
        self.sep = "、" if lang == "zh" else ", "
        self.tables = 0
        self.figures = 0
        self.locators: list[str] = []
        self.names = {col.key: self._town(col.key) for col in c.columns}

    def tr(self, key: str, **kw: object) -> str:
        return t(key, self.lang).format(**kw)

    def _town(self, key: str) -> str:
        col = next(col for col in self.c.columns if col.key == key)
        name = col.name or t("unnamed", self.lang)
        return f"{name} · {col.year}" if col.year else name

    def cite(self, locator: str | None) -> str:
        if locator and locator not in self.locators:
            self.locators.append(locator)
        return locator or ""

    def caption(self, title: str) -> str:
        self.tables += 1
        return self.tr("report_table", n=self.tables, title=title)

    # -- tables of rows ---------------------------------------------------------------------

    def cell(self, row: Row, index: int) -> str:
        cell = row.cells[index]
        mark = " ▲" if cell.best else " ▼" if cell.worst else ""
        return cell.display.get(self.lang) + mark

    def rows_table(self, title: str, rows: list[Row]) -> list[Table]:
        """Items as rows, towns as columns, at most SIDE_BY_SIDE_MAX towns a table (so that a
        printed column is never narrower than a town's name)."""
        keys = [col.key for col in self.c.columns]
        for row in rows:
            self.cite(row.source)
        parts = chunks(keys, SIDE_BY_SIDE_MAX)
        tables = []
        for k, part in enumerate(parts):
            index = [keys.index(x) for x in part]
            headers = (self.tr("report_item"), *(self.names[x] for x in part))
            body = tuple((cap(r.label.get(self.lang)), *(self.cell(r, i) for i in index)) for r in rows)
            shown = title if len(parts) == 1 else self.tr("table_part", title=title, k=k + 1, n=len(parts))
            tables.append(Table(self.caption(shown), headers, body, (4, *([2] * len(part)))))
        return tables

    def group(self, name: str) -> list[Row]:
        return [r for r in self.c.rows if r.group == name]

    # -- sections ---------------------------------------------------------------------------

    def build(self) -> Report:
        title = self.tr("report_compare_title", n=len(self.c.columns))
        sections = (self.facts(0), self.stages(1), self.problems(2), self.recommendations(3), self.data(4),
                    references_section(5, self.locators, self.lang))
        ranked = [self.names[r.key] for r in self.c.ranking]
        summary = [self.tr("report_compare_summary", n=len(self.c.columns), ranked=len(self.c.ranking),
                           apart=len(self.c.apart))]
        if ranked:
            summary.append(self.tr("report_compare_first", name=ranked[0]))
        return Report(
            lang=self.lang, title=title,
            meta=((t("rubric", self.lang), f"{self.c.rubric.id} {self.c.rubric.version}"),
                  (self.tr("report_date"), self.date.isoformat())),
            summary_title=self.tr("report_summary"), summary=tuple(summary), sections=sections,
            date=self.date, footer=self.tr("report_generated", version=__version__),
            locators=tuple(self.locators),
        )

    def facts(self, n: int) -> Section:
        blocks: list[object] = [Paragraph(self.tr("report_compare_intro", n=len(self.c.columns),
                                                  towns=self.sep.join(self.names.values())))]
        indicators = self.group("indicator")
        if indicators:
            blocks += self.rows_table(t("report_compare_indicators", self.lang), indicators)
        blocks.append(Paragraph(t("legend", self.lang)))
        return Section("facts", section_title(n, t("report_sec_facts", self.lang), self.lang), tuple(blocks))

    def stages(self, n: int) -> Section:
        subs: list[Subsection] = []
        ranking_blocks: list[object] = []
        if self.c.index is not None:
            self.cite(self.c.index.source)
            self.figures += 1
            ranking_blocks.append(interval_plot(self.c, self.names, self.lang,
                                                t("fig_intervals", self.lang).format(n=self.figures)))
            ranking_blocks.append(Paragraph(self.c.index.formula.get(self.lang)))
            rows = tuple(
                (str(r.rank), self.names[r.key], r.display, percent(r.confidence),
                 *(self.by_key[r.key].stages[m].summary.get(self.lang) for m in self.c.index.models))
                for r in self.c.ranking
            )
            headers = (t("rank", self.lang), t("town", self.lang), t("index", self.lang), t("confidence", self.lang),
                       *(cap(self.by_key[self.c.columns[0].key].stages[m].name.get(self.lang))
                         for m in self.c.index.models))
            ranking_blocks.append(Table(self.caption(t("ranking", self.lang)), headers, rows,
                                        (1, 4, 2, 2, *([4] * len(self.c.index.models)))))
            if self.c.apart:
                ranking_blocks.append(Paragraph(
                    self.sep.join(f"{self.names[a.key]}（{a.reason.get(self.lang)}）" if self.lang == "zh"
                                  else f"{self.names[a.key]} ({a.reason.get(self.lang)})" for a in self.c.apart),
                    label=t("apart", self.lang)))
        else:
            ranking_blocks.append(Paragraph(t("no_index", self.lang)))
        subs.append(Subsection(subsection_title(n, 0, t("ranking", self.lang), self.lang), tuple(ranking_blocks)))
        grids = stage_grids(self.by_key, self.names, self.lang, self.figures + 1)
        self.figures += len(grids)
        if grids:
            subs.append(Subsection(subsection_title(n, 1, t("stages", self.lang), self.lang), tuple(grids)))
        heat = heat_maps(self.by_key, self.names, self.lang, self.figures + 1)
        self.figures += len(heat)
        if heat:
            subs.append(Subsection(subsection_title(n, len(subs), t("report_compare_factors", self.lang), self.lang),
                                   tuple(heat)))
        if self.c.differences:
            items = []
            for d in self.c.differences:
                drivers = self.sep.join(
                    f"{cap(x.name.get(self.lang))} {x.points:+.1f}" for x in d.drivers
                ) or t("no_drivers", self.lang)
                items.append(self.tr("report_compare_gap", higher=self.names[d.higher], lower=self.names[d.lower],
                                     gap=f"{d.gap:.1f}", drivers=drivers))
            subs.append(Subsection(subsection_title(n, len(subs), t("differences", self.lang), self.lang),
                                   (BulletList(tuple(items)),)))
        return Section("stages", section_title(n, t("report_sec_stages", self.lang), self.lang), tuple(subs))

    def problems(self, n: int) -> Section:
        blocks: list[object] = []
        counts = self.group("problems")
        if counts:
            blocks += self.rows_table(t("report_compare_problem_counts", self.lang), counts)
        items = []
        for key, name in self.names.items():
            found = self.by_key[key].problems
            titles = self.sep.join(
                f"{p.title.get(self.lang)}（{self.cite(p.source)}）" if self.lang == "zh"
                else f"{p.title.get(self.lang)} ({self.cite(p.source)})" for p in found
            ) or t("no_problems", self.lang)
            items.append(f"{name}{'：' if self.lang == 'zh' else ': '}{titles}")
        blocks.append(BulletList(tuple(items)))
        return Section("problems", section_title(n, t("report_sec_problems", self.lang), self.lang), tuple(blocks))

    def recommendations(self, n: int) -> Section:
        rows = []
        for key, name in self.names.items():
            for rec in self.by_key[key].recommendations[:TOP_RECOMMENDATIONS]:
                rows.append((name, str(rec.priority), cap(rec.title.get(self.lang)), rec.text.get(self.lang),
                             self.cite(rec.source)))
        headers = (t("town", self.lang), t("priority", self.lang), t("recommendation", self.lang),
                   t("report_compare_what", self.lang), t("source", self.lang))
        blocks: list[object] = [Paragraph(self.tr("report_compare_recs_intro", n=TOP_RECOMMENDATIONS))]
        if rows:
            blocks.append(Table(self.caption(t("recommendations", self.lang)), headers, tuple(rows), (3, 1, 3, 6, 3)))
        else:
            blocks.append(Paragraph(t("no_recommendations", self.lang)))
        return Section("recommendations", section_title(n, t("report_sec_recommendations", self.lang), self.lang),
                       tuple(blocks))

    def data(self, n: int) -> Section:
        subs: list[Subsection] = []
        method: list[object] = [Paragraph(self.tr("report_rubric_line", title=self.c.rubric.title.get(self.lang),
                                                  id=self.c.rubric.id, version=self.c.rubric.version))]
        if self.c.index is not None:
            idx = self.c.index
            method.append(Paragraph(idx.formula.get(self.lang), label=idx.name.get(self.lang)))
            method.append(Paragraph(idx.rationale.get(self.lang)))
            method.append(Paragraph(self.tr("report_compare_min_conf", conf=percent(idx.min_confidence))))
        subs.append(Subsection(subsection_title(n, 0, t("report_method", self.lang), self.lang), tuple(method)))
        unknown_counts = [(self.names[k], len(a.unknowns)) for k, a in self.by_key.items() if k in self.names]
        subs.append(Subsection(subsection_title(n, 1, t("unknowns", self.lang), self.lang), (BulletList(tuple(
            self.tr("report_compare_unknowns", name=name, n=count) for name, count in unknown_counts)),)))
        if self.c.trajectories:
            items = []
            for tr in self.c.trajectories:
                steps = self.sep.join(
                    f"{s.from_year}→{s.to_year}: " + (f"{s.index_change:+.1f}" if s.index_change is not None else "—")
                    for s in tr.steps
                )
                items.append(f"{tr.name}: {steps}")
            subs.append(Subsection(subsection_title(n, len(subs), t("report_compare_trajectories", self.lang),
                                                    self.lang), (BulletList(tuple(items)),)))
        return Section("data", section_title(n, t("report_sec_data", self.lang), self.lang), tuple(subs))
