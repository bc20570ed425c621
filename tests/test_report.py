"""`cluster-assess report`: golden files per format, structure, escaping, and the command itself.

Regenerate the golden files deliberately, after reading the diff, with
    UPDATE_GOLDEN=1 python -m pytest tests/test_report.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cluster_assess.assessment import Assessment
from cluster_assess.engine.assess import assess
from cluster_assess.profile.loading import load_profile
from cluster_assess.render import report_docx, report_html, report_md
from cluster_assess.report.cluster import build_report
from cluster_assess.report.document import SECTION_KEYS, Report, cap
from cluster_assess.rubric.loading import load_rubric
from tests.conftest import EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
DATE = dt.date(2026, 1, 15)
GLASS = EXAMPLES / "xiaoguanzhuang-glass.yaml"
SECTION_TITLES = {
    "zh": ["一、基本情况", "二、发展阶段判断", "三、存在的主要问题", "四、发展方向与对策建议", "五、数据说明", "六、参考文献"],
    "en": ["1. Basic facts", "2. Stage of development", "3. Main problems", "4. Directions and recommendations",
           "5. About the data", "6. References"],
}


def assessed(path: Path) -> tuple[Assessment, object, object]:
    loaded = load_profile(path)
    rubric = load_rubric(None)
    return assess(loaded.profile, rubric), loaded.profile, rubric


def report_for(path: Path, lang: str) -> Report:
    a, profile, rubric = assessed(path)
    return build_report(a, lang, DATE, profile=profile, rubric=rubric)  # type: ignore[arg-type]


def docx_dump(data: bytes) -> str:
    """The document's text in reading order: styles, paragraphs, table rows and cell shading."""
    import io

    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable

    doc = Document(io.BytesIO(data))
    lines = []
    for item in doc.iter_inner_content():
        if isinstance(item, DocxTable):
            lines.append("[table]")
            for row in item.rows:
                cells = []
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
                    fill = f"{{{shd.get(qn('w:fill'))}}}" if shd is not None else ""
                    cells.append(cell.text + fill)
                lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(f"[{item.style.name}] {item.text}")
    return "\n".join(lines) + "\n"


def rendered(report: Report, fmt: str) -> str:
    if fmt == "md":
        return report_md.render(report)
    if fmt == "html":
        return report_html.render(report)
    return docx_dump(report_docx.render(report))


# -- golden files --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_golden(fmt: str, lang: str) -> None:
    text = rendered(report_for(GLASS, lang), fmt)
    path = GOLDEN / f"xiaoguanzhuang-glass.{lang}.{fmt}{'.txt' if fmt == 'docx' else ''}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path.name}; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs; if intended, regenerate it"


def test_the_report_is_a_pure_function_of_its_date() -> None:
    a, profile, rubric = assessed(GLASS)
    one = build_report(a, "zh", DATE, profile=profile, rubric=rubric)  # type: ignore[arg-type]
    two = build_report(a, "zh", DATE, profile=profile, rubric=rubric)  # type: ignore[arg-type]
    later = build_report(a, "zh", dt.date(2027, 3, 1), profile=profile, rubric=rubric)  # type: ignore[arg-type]
    assert one == two
    assert "2026-01-15" in report_md.render(one)
    assert "2027-03-01" in report_md.render(later) and "2026-01-15" not in report_md.render(later)


# -- structure -----------------------------------------------------------------------------------


def locators(a: Assessment) -> set[str]:
    """Every source locator the assessment carries (each part of a `;`-joined list)."""
    raw: list[str | None] = [f.source for f in a.facts]
    for r in a.stages.values():
        raw.append(r.source)
        raw += [e.source for e in r.evidence] + [g.source for g in r.gaps]
        raw += [f.source for e in r.evidence for f in e.facts] + [f.source for g in r.gaps for f in g.facts]
    raw += [p.source for p in a.problems] + [f.source for p in a.problems for f in p.evidence]
    raw += [p.source for p in a.unchecked] + [r.source for r in a.recommendations]
    if a.chain:
        raw.append(a.chain.source)
    return {part for item in raw if item for part in re.split(r"\s*;\s*", item) if part}


@pytest.mark.parametrize("example", ["xiaoguanzhuang-glass.yaml", "shishi.yaml"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_structure(example: str, lang: str, fmt: str) -> None:
    a, profile, rubric = assessed(EXAMPLES / example)
    report = build_report(a, lang, DATE, profile=profile, rubric=rubric)  # type: ignore[arg-type]
    assert [s.key for s in report.sections] == list(SECTION_KEYS)
    assert [s.title for s in report.sections] == SECTION_TITLES[lang]
    text = rendered(report, fmt)
    flat = re.sub(r"\\(.)", r"\1", text) if fmt == "md" else text
    if fmt == "html":
        import html as html_lib

        flat = html_lib.unescape(flat)
    positions = [flat.rfind(title) for title in SECTION_TITLES[lang]]  # the headings, not the contents
    assert -1 not in positions and positions == sorted(positions), "the five sections, in order"
    problems = flat[positions[2]:positions[3]]
    recommendations = flat[positions[3]:positions[4]]
    for p in a.problems:
        assert cap(p.title.get(lang)) in problems
    for p in a.unchecked:
        assert cap(p.title.get(lang)) in problems
    for r in a.recommendations:
        assert cap(r.title.get(lang)) in recommendations
    # recommendations in rank order
    order = [recommendations.find(cap(r.title.get(lang))) for r in a.recommendations]
    assert order == sorted(order)
    cited = locators(a)
    assert cited, "the example cites its sources"
    for locator in cited:
        assert locator in flat, f"source locator {locator!r} missing from the {fmt} report"
    data = flat[positions[4]:positions[5]]
    for u in a.unknowns:
        assert u.path.replace("_", "_") in data
    assert a.rubric.id in data and a.rubric.version in data and "2026-01-15" in data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_problems_and_recommendations_name_each_other(lang: str) -> None:
    """Each problem lists the recommendations that answer it, and each recommendation its problems."""
    from cluster_assess.report.document import Paragraph, Subsection

    a, profile, rubric = assessed(GLASS)
    report = build_report(a, lang, DATE, profile=profile, rubric=rubric)  # type: ignore[arg-type]

    def body(key: str, title: str) -> str:
        section = next(s for s in report.sections if s.key == key)
        sub = next(b for b in section.blocks if isinstance(b, Subsection) and cap(title) in b.title)
        return " ".join(b.text for b in sub.blocks if isinstance(b, Paragraph))

    ranked = {r.id: r for r in a.recommendations}
    assert a.problems and a.recommendations
    for p in a.problems:
        text = body("problems", p.title.get(lang))
        for rec in p.recommendations:
            if rec in ranked:
                assert ranked[rec].title.get(lang) in text
    for r in a.recommendations:
        text = body("recommendations", r.title.get(lang))
        for pid in r.answers:
            assert next(p for p in a.problems if p.id == pid).title.get(lang) in text


# -- escaping ------------------------------------------------------------------------------------

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE = f"""
name: "{HOSTILE_NAME}"
notes: "## not a heading either #"
region: "| --- |"
industry: "# not a heading"
sources: ["**bold** [link](http://example.com)"]
facts:
  firms:
    total: {{value: 120, source: "| ---", note: "<img src=x onerror=alert(2)>"}}
    leading: {{value: ["- item", "1. two", "a|b", "`code`"], source: "<b>src</b>"}}
ratings:
  market_norms:
    score: 1
    evidence: "# heading\\n| --- | --- |\\n<iframe src=javascript:alert(3)></iframe> & &amp; *x* _y_ ~~z~~ $m$"
    source: "[x](javascript:alert(4))"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Report:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return report_for(path, "en")


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.rows: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a" and all(k != "href" or (v or "").startswith("#") for k, v in attrs):
            self.tags[-1] = "a#"  # the table of contents: links within the page only
        self.attrs += attrs
        if tag == "tr":
            self.rows.append(0)
        if tag in ("td", "th") and self.rows:
            self.rows[-1] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    return parser


def _no_active_content(doc: Collect) -> None:
    for tag in ("script", "img", "iframe", "b", "a", "del"):
        assert tag not in doc.tags, f"user text became a <{tag}> element"
    assert not [a for a in doc.attrs if a[0].startswith("on")], "an event handler attribute got through"


def test_hostile_text_is_inert_in_markdown(hostile: Report) -> None:
    from markdown_it import MarkdownIt

    md = report_md.render(hostile)
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    doc = parse(html)
    _no_active_content(doc)
    assert doc.tags.count("h1") == 1 and doc.tags.count("hr") == 1, "no heading or rule made from user text"
    assert "del" not in doc.tags and doc.tags.count("code") == 0
    text = "".join(doc.text)
    for literal in (HOSTILE_NAME, "| --- |", "# not a heading", "## not a heading either #", "<img src=x onerror=alert(2)>", "a|b", "`code`",
                    "<iframe src=javascript:alert(3)></iframe> & &amp; *x* _y_ ~~z~~ $m$", "[x](javascript:alert(4))",
                    "**bold** [link](http://example.com)"):
        assert literal in text, f"{literal!r} should read literally"
    # every table row keeps its column count: no pipe in user text split a cell
    tables = re.findall(r"(?:^\|.*\n)+", md, flags=re.M)
    assert tables
    for block in tables:
        counts = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(counts) == 1, block


def test_markdown_headings_keep_a_trailing_hash() -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(f"# {report_md.heading('Town C#')}")
    assert html.strip() == "<h1>Town C#</h1>"


def test_markdown_escape_keeps_line_starts_safe() -> None:
    for value in ("# h", "- item", "+ item", "1. one", "2) two", "> quote", "=== ", "---", "    code"):
        out = report_md.text(value, start=True)
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").render(out)
        assert html.startswith("<p>"), (value, out, html)


def test_hostile_text_is_inert_in_html(hostile: Report) -> None:
    html = report_html.render(hostile)
    doc = parse(html)
    _no_active_content(doc)
    assert "style" in doc.tags and "svg" in doc.tags
    text = "".join(doc.text)
    for literal in (HOSTILE_NAME, "| --- |", "<img src=x onerror=alert(2)>", "<iframe src=javascript:alert(3)></iframe>"):
        assert literal in text
    assert "default-src 'none'" in html, "the page forbids every fetch and script"
    assert not re.search(r"(src|href)=\"?https?:", html), "no network fetch"


def test_hostile_text_is_literal_in_docx(hostile: Report) -> None:
    data = report_docx.render(hostile)
    dump = docx_dump(data)
    for literal in (HOSTILE_NAME, "| --- |", "<img src=x onerror=alert(2)>", "<iframe src=javascript:alert(3)></iframe>",
                    "[x](javascript:alert(4))", "a|b"):
        assert literal in dump
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;" in xml


def test_control_characters_do_not_break_docx(tmp_path: Path) -> None:
    path = tmp_path / "ctl.yaml"
    path.write_text('name: "bell\\a town\\x0b"\n', encoding="utf-8")
    dump = docx_dump(report_docx.render(report_for(path, "en")))
    assert "bell town" in dump


# -- the command ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "marker"), [(".md", "# "), (".html", "<!DOCTYPE html>"), (".docx", "PK")])
def test_format_follows_the_output_extension(cli, tmp_path: Path, suffix: str, marker: str) -> None:
    out = tmp_path / f"glass{suffix}"
    run = cli("report", GLASS, "-o", out)
    assert run.code == 0, run.err
    head = out.read_bytes()[:20].decode("latin-1")
    assert head.startswith(marker)


def test_explicit_format_wins_over_the_extension_with_a_note(cli, tmp_path: Path) -> None:
    out = tmp_path / "glass.md"
    run = cli("report", GLASS, "--format", "html", "-o", out)
    assert run.code == 0 and "extension" in run.err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_to_stdout_is_markdown_in_the_chosen_language(cli) -> None:
    run = cli("report", GLASS, "--lang", "zh")
    assert run.code == 0, run.err
    assert run.out.startswith("# 小官庄镇玻璃工艺制品产业集群发展评估报告")
    for title in SECTION_TITLES["zh"]:
        assert f"## {title}" in run.out
    run = cli("report", "example:shishi", "--lang", "en", "--format", "html")
    assert run.code == 0 and "<h2>1. Basic facts</h2>" in run.out


def test_language_follows_the_environment(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTER_ASSESS_LANG", "zh")
    assert "## 一、基本情况" in cli("report", GLASS).out


def test_docx_is_a_word_document_with_the_sections(cli, tmp_path: Path) -> None:
    out = tmp_path / "glass.docx"
    assert cli("report", GLASS, "--lang", "zh", "-o", out).code == 0
    dump = docx_dump(out.read_bytes())
    for title in SECTION_TITLES["zh"]:
        assert f"[Heading 1] {title}" in dump
    assert "{1F4E79}" in dump, "the ladder marks the current stage"


def test_docx_to_stdout_is_refused(cli) -> None:
    run = cli("report", GLASS, "--format", "docx")
    assert run.code == 2 and "-o" in run.err and run.out == ""


def test_existing_file_is_kept_without_force(cli, tmp_path: Path) -> None:
    for name in ("glass.md", "glass.docx"):
        out = tmp_path / name
        out.write_text("mine", encoding="utf-8")
        run = cli("report", GLASS, "-o", out)
        assert run.code == 2 and "--force" in run.err
        assert out.read_text(encoding="utf-8") == "mine"
        assert cli("report", GLASS, "-o", out, "--force").code == 0
        assert out.read_bytes() != b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glass.docx", "glass.md"], "no temporary file left"


def test_bad_profile_is_a_user_error(cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("facts:\n  firms:\n    totl: 3\n", encoding="utf-8")
    run = cli("report", path, "-o", tmp_path / "x.html")
    assert run.code == 2 and "totl" in run.err and not (tmp_path / "x.html").exists()
