"""The printed report: cover, leader's summary, contents, page numbers, references, figures and
table widths, checked in the HTML DOM and in the Word file's structure, in both languages.
(tools/print_check.py looks at the same documents on paper, with a browser and LibreOffice.)"""

from __future__ import annotations

import io
import re

import pytest

from cluster_assess.render import report_docx, report_html
from cluster_assess.report.cluster import build_report
from cluster_assess.report.document import Grid, IntervalPlot, Ladder, References, Subsection, Table
from tests.conftest import EXAMPLES
from tests.test_report import DATE, GLASS, assessed, parse
from tests.test_report_compare import comparison_report

PAGE = {"zh": ("第 ", " 页 共 ", " 页"), "en": ("Page ", " of ", "")}


def glass(lang: str):
    a, profile, rubric = assessed(GLASS)
    return a, build_report(a, lang, DATE, profile=profile, rubric=rubric,  # type: ignore[arg-type]
                           author="张明", organisation="宝应县发展和改革委员会")


def blocks(report) -> list[object]:
    out: list[object] = list(report.brief)
    for section in report.sections:
        for block in section.blocks:
            out += list(block.blocks) if isinstance(block, Subsection) else [block]
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_leaders_summary_has_ladders_top_three_and_what_to_collect(lang: str) -> None:
    a, report = glass(lang)
    ladders = [b for b in report.brief if isinstance(b, Ladder)]
    assert [x.compact for x in ladders] == [True] * len(a.stages)
    for ladder, result in zip(ladders, a.stages.values()):
        assert [r.state for r in ladder.rungs] == [
            "established" if x.reached else "possible" if x.possible else "ruled_out" for x in result.ladder]
    governance = ladders[list(a.stages).index("governance")]
    assert "possible" in [r.state for r in governance.rungs], "a range shows its possible stages"
    lists = [b for b in report.brief if type(b).__name__ == "BulletList"]
    assert len(lists) == 3 and all(len(x.items) <= 5 for x in lists)
    assert len(lists[0].items) == 3 and len(lists[1].items) == 3
    assert a.recommendations[0].title.get(lang)[1:] in lists[1].items[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_cover_contents_page_numbers_and_references(lang: str) -> None:
    _, report = glass(lang)
    html = report_html.render(report)
    doc = parse(html)
    text = "".join(doc.text)
    cover = html[html.index('<header class="cover'):html.index("</header>")]
    assert "张明" in cover and "宝应县发展和改革委员会" in cover and "2026-01-15" in cover
    assert report.subtitle in cover
    start, middle, _ = PAGE[lang]
    assert f'@bottom-center {{ content: "{start}" counter(page) "{middle}" counter(pages)' in html
    assert "@page :first { @bottom-center { content: none; } }" in html
    # the contents link every section and subsection heading, and each target exists
    nav = html[html.index('<nav class="toc"'):html.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert len(targets) == sum(1 + sum(isinstance(b, Subsection) for b in s.blocks) for s in report.sections)
    for target in targets:
        assert f'id="{target}"' in html
    # forced page breaks only after the cover and the summary: no chapter starts a page
    assert html.count(" pagebreak") == 2 and "break-before: page" not in html
    assert ("参考文献" if lang == "zh" else "References") in text
    refs = html[html.index('<ol class="refs">'):]
    assert ("产业集群五篇" if lang == "zh" else "Five essays on industrial clusters") in refs
    assert refs.index("000 · ") < refs.index("003 · 第一篇") < refs.index("003 · 第三篇") < refs.index("003 · 第四篇")
    for locator in report.locators:
        assert locator in refs


def docx_parts(data: bytes) -> dict[str, str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".xml")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_word_has_cover_toc_field_page_fields_and_breaks_only_before_summary_and_contents(lang: str) -> None:
    from docx import Document

    _, report = glass(lang)
    data = report_docx.render(report)
    parts = docx_parts(data)
    body = parts["word/document.xml"]
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert "<w:titlePg/>" in body or "<w:titlePg " in body, "the cover has no page number"
    footers = "".join(v for k, v in parts.items() if "footer" in k)
    assert " PAGE " in footers and " NUMPAGES " in footers
    start, middle, _ = PAGE[lang]
    assert start.strip() in footers and middle.strip() in footers
    assert "w:updateFields" in parts["word/settings.xml"]
    doc = Document(io.BytesIO(data))
    breaks = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == [report.summary_title, report.contents_title]
    assert "w:br w:type=\"page\"" not in body
    cover = " ".join(p.text for p in doc.paragraphs[:12])
    assert "张明" in cover and "宝应县发展和改革委员会" in cover
    assert doc.paragraphs[-1].text == report.footer or report.footer in " ".join(p.text for p in doc.paragraphs[-3:])
    refs = [p.text for p in doc.paragraphs if p.text.startswith("[1] ") or p.text.startswith("[2] ")]
    assert len(refs) == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_comparison_tables_are_turned_and_at_most_six_towns_wide(lang: str) -> None:
    report, result = comparison_report([EXAMPLES], lang)
    tables = [b for b in blocks(report) if isinstance(b, Table)]
    assert tables
    for table in tables:
        assert len(table.headers) <= 7, table.caption
    turned = [t for t in tables if t.headers[0] in ("项目", "Item")]
    assert turned and all(len(t.headers) - 1 <= 6 for t in turned)
    shown = {h for t in turned for h in t.headers[1:]}
    assert len(shown) == len(result.columns), "every town in some table"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_comparison_figures_heat_map_intervals_and_stage_grids(lang: str) -> None:
    report, result = comparison_report([EXAMPLES], lang)
    found = blocks(report)
    plots = [b for b in found if isinstance(b, IntervalPlot)]
    assert len(plots) == 2, "in the leader's summary and in section 二"
    plot = plots[-1]
    assert [i.text for i in plot.items[:len(result.ranking)]] == [r.display for r in result.ranking]
    for item in plot.items:
        assert 0 <= item.low <= item.high <= 100
        assert item.point is None or item.low <= item.point <= item.high
    grids = [b for b in found if isinstance(b, Grid)]
    heat = [g for g in grids if g.corner in ("要素", "Factor")]
    stage = [g for g in grids if g not in heat]
    assert heat and all(len(g.columns) <= 8 for g in heat)
    assert sum(len(g.columns) for g in heat) == len(result.columns)
    assert {c.status for g in heat for _, cells in g.rows for c in cells} <= {"met", "not_met", "unknown"}
    assert len(stage) == 4
    for g in stage:
        assert len(g.rows) == len(result.columns)
        for _, cells in g.rows:
            states = [c.status for c in cells[:-1]]
            # established stages come first, then possible ones, then those not reached
            assert states == sorted(states, key=["established", "possible", "ruled_out"].index)
    html = report_html.render(report)
    assert html.count('<table class="grid">') == len(grids)
    assert html.count('class="intervals"') == 2
    data = report_docx.render(report)
    body = docx_parts(data)["word/document.xml"]
    assert 'w:val="thinDiagStripe"' in body, "possible stages striped in Word"


def test_references_group_locators_under_their_documents() -> None:
    _, report = glass("zh")
    refs = next(b for b in blocks(report) if isinstance(b, References))
    # the decline check (from outside the seeds) could not be run: it is cited, so its work is named
    assert [r.entry.split(".")[0] for r in refs.items] == ["刘彤宇", "产业集群五篇[G]", "源文件以外的文献（见 seeds/outside-literature"]
    for ref, doc in zip(refs.items, ("000", "003", "outside")):
        assert all(x.startswith(doc + " · ") for x in ref.locators)
    assert len({x for r in refs.items for x in r.locators}) == sum(len(r.locators) for r in refs.items)
