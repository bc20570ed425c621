"""Comparison reports: several profiles (or a folder) give one document with the five sections,
the ranking and the side-by-side tables, in every format and both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cluster_assess.compare.comparison import column_keys, compare
from cluster_assess.engine.assess import assess
from cluster_assess.io.inputs import load_all
from cluster_assess.render import report_docx, report_html, report_md
from cluster_assess.report.comparison import build_comparison_report
from cluster_assess.report.document import SECTION_KEYS
from cluster_assess.rubric.loading import load_rubric
from tests.conftest import EXAMPLES
from tests.test_report import Collect, _no_active_content, docx_dump, parse

DATE = dt.date(2026, 1, 15)


def comparison_report(paths: list[Path | str], lang: str):
    rubric = load_rubric(None)
    assessments = [assess(p.profile, rubric) for p in load_all(paths)]
    result = compare(assessments, rubric)
    return build_comparison_report(result, dict(zip(column_keys(assessments), assessments)), lang, DATE), result


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_five_sections_every_town_and_the_ranking(lang: str) -> None:
    report, result = comparison_report([EXAMPLES], lang)
    assert tuple(s.key for s in report.sections) == SECTION_KEYS
    for text in (report_md.render(report), report_html.render(report), docx_dump(report_docx.render(report))):
        positions = [text.rindex(s.title) for s in report.sections]  # the headings, not the contents
        assert positions == sorted(positions), "sections in order"
        for column in result.columns:
            assert (column.name or "") in text
        for ranked in result.ranking:
            assert ranked.display in text
        for locator in report.locators:
            assert locator in text


def test_the_ranking_in_the_report_is_the_comparison_ranking() -> None:
    report, result = comparison_report([EXAMPLES / "shishi.yaml", EXAMPLES / "xiaoguanzhuang-glass.yaml"], "en")
    md = report_md.render(report)
    first, second = (result.columns[0].name, result.columns[1].name)
    assert result.ranking[0].key.startswith(first or "")
    assert md.index(f"| 1    | {first}") < md.index(f"| 2    | {second}")


def test_cli_writes_a_comparison_report_for_a_folder(cli, tmp_path: Path) -> None:
    out = tmp_path / "towns.html"
    run = cli("report", EXAMPLES, "-o", out, "--lang", "zh")
    assert run.code == 0, run.err
    html = out.read_text(encoding="utf-8")
    assert "产业集群发展对比评估报告" in html and "成熟度排名" in html
    doc = parse(html)
    assert isinstance(doc, Collect) and "table" in doc.tags


HOSTILE = """name: "<script>alert(1)</script> | --- |"
industry: 服装
ratings:
  market_norms: {score: 3, evidence: "<img src=x onerror=alert(2)>"}
"""


def test_hostile_town_names_stay_inert(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HOSTILE, encoding="utf-8")
    report, _ = comparison_report([bad, EXAMPLES / "shishi.yaml"], "en")
    html = report_html.render(report)
    doc = parse(html)
    _no_active_content(doc)
    assert "<script>alert(1)</script> | --- |" in "".join(doc.text)
    md = report_md.render(report)
    from markdown_it import MarkdownIt

    rendered = parse(MarkdownIt("commonmark").enable(["table"]).render(md))
    _no_active_content(rendered)
    assert "<script>alert(1)</script> | --- |" in "".join(rendered.text)
    assert "<script>alert(1)</script> | --- |" in docx_dump(report_docx.render(report))
