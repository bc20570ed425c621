"""The Word report's body, written as WordprocessingML text (`render/docx_xml.py`): text is cleaned of
what XML 1.0 forbids and escaped, every table's rows fill its grid, and the package is well formed."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from cluster_assess.render import report_docx
from cluster_assess.render.docx_xml import run, text
from cluster_assess.report.document import BarChart, Grid, IntervalPlot, Ladder, Table
from tests.conftest import EXAMPLES
from tests.test_report import GLASS, docx_dump, report_for
from tests.test_report_compare import comparison_report
from tests.test_report_print import blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert len(names) == len(set(names)), "each part once"
        assert z.testzip() is None
        return {name: z.read(name) for name in names}


def well_formed(data: bytes) -> ET.Element:
    """Every XML part parses with a strict XML 1.0 parser; the main part is returned."""
    found = parts(data)
    for name, body in found.items():
        if name.endswith((".xml", ".rels")):
            decoded = body.decode("utf-8")
            assert not FORBIDDEN & set(decoded), name
            ET.fromstring(body)
    return ET.fromstring(found["word/document.xml"])


def test_text_is_cleaned_escaped_and_broken_as_word_expects() -> None:
    assert text("a\x01b\x0bc\x1fd\ufffe\ud800e") == "<w:t>abcde</w:t>"
    assert text("<b>&amp;</b>") == "<w:t>&lt;b&gt;&amp;amp;&lt;/b&gt;</w:t>"
    assert text(" lead") == '<w:t xml:space="preserve"> lead</w:t>'
    assert text("全角　") == '<w:t xml:space="preserve">全角　</w:t>'
    assert text("a\tb\r\nc") == "<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:br/><w:t>c</w:t>"
    assert text("\x01\x02") == ""
    assert run("\x07", 9, bold=False) == '<w:r><w:rPr><w:b w:val="0"/><w:sz w:val="18"/></w:rPr></w:r>'
    assert run("") == "<w:r/>"


def test_control_characters_in_town_names_give_a_valid_comparison(cli, tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text('name: "ctl\\x01 town\\x0b one"\nregion: "r\\x1f"\nindustry: "\\x02glass"\n', encoding="utf-8")
    two.write_text('name: "tab\\there & <b>two</b>"\n', encoding="utf-8")
    out = tmp_path / "both.docx"
    result = cli("report", one, two, "-o", out)
    assert result.code == 0, result.err
    data = out.read_bytes()
    body = well_formed(data)
    dump = docx_dump(data)
    assert "ctl town one" in dump and "tab\there & <b>two</b>" in dump
    assert body.find(f".//{W}tab") is not None, "a tab is a w:tab, not a character"


def test_text_no_yaml_can_carry_is_dropped_too() -> None:
    report = report_for(GLASS, "zh")
    report = dataclasses.replace(report, title="玻璃\ud800\ufffe\x00", summary=("x\uffffy",))
    body = well_formed(report_docx.render(report))
    shown = "".join(t.text or "" for t in body.iter(f"{W}t"))
    assert "玻璃" in shown and "xy" in shown


def _spans(tc: ET.Element) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return 1 if span is None else int(span.get(f"{W}val", "1"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_row_fills_the_grid_and_matches_its_block(lang: str) -> None:
    report, _ = comparison_report([EXAMPLES], lang)
    body = well_formed(report_docx.render(report))
    tables = body.findall(f"{W}body/{W}tbl")
    expected = [len(b.rows) + 1 if isinstance(b, Table | Grid) else len(b.items) + 1 if isinstance(b, IntervalPlot)
                else len(b.bars) + 1 if isinstance(b, BarChart) else 1
                for b in blocks(report) if isinstance(b, Table | Grid | IntervalPlot | BarChart | Ladder)]
    assert [len(t.findall(f"{W}tr")) for t in tables] == expected, "a table for each figure, a row for each line"
    for table in tables:
        grid = table.findall(f"{W}tblGrid/{W}gridCol")
        widths = [int(g.get(f"{W}w", "0")) for g in grid]
        assert sum(widths) in range(9400, 9420), "the text width, 16.6 cm"
        for k, tr in enumerate(table.findall(f"{W}tr")):
            cells = tr.findall(f"{W}tc")
            assert sum(_spans(tc) for tc in cells) == len(grid)
            assert all(tc.find(f"{W}p") is not None for tc in cells), "every cell holds a paragraph"
            repeated = tr.find(f"{W}trPr/{W}tblHeader") is not None
            assert not repeated or k == 0, "only a first row repeats on each page"


def test_the_file_is_the_same_whenever_it_is_made() -> None:
    report = report_for(GLASS, "en")
    data = report_docx.render(report)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 15, 0, 0, 0)}, "dated by the report, not the clock"
    assert report_docx.render(report) == data
