"""The report document model: a small, format-neutral tree of sections, paragraphs, tables and charts.

Builders (`report.cluster`, `report.comparison`) fill it with plain, localised text; the renderers
in `render/report_*.py` turn it into markdown, HTML or Word, and each escapes that text for its
own format. Nothing here is pre-escaped, and nothing here imports a renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SECTION_KEYS = ("facts", "stages", "problems", "recommendations", "data", "references")
ZH_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Paragraph:
    """Running text; `label` is a lead-in shown in bold ("判断：…")."""

    text: str
    label: str | None = None


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A captioned table; `widths` are relative column widths for print layouts."""

    caption: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class LadderRung:
    name: str
    reached: bool  # established: at or below the range's lower bound
    current: bool  # the stage, when the range is one stage
    possible: bool = False  # not ruled out: at or below the upper bound (a reached rung is possible too)

    @property
    def state(self) -> str:
        """established / possible / ruled_out: how the figure draws the rung."""
        return "established" if self.reached else "possible" if self.possible else "ruled_out"


@dataclass(frozen=True)
class Ladder:
    """A stage model's stages in order, the established ones filled, the possible ones hatched.

    `compact` ladders are the small figures of the leader's summary: `label` names the model and
    `stage` the range in words beside it."""

    caption: str
    rungs: tuple[LadderRung, ...]
    stage: str  # the localised stage (or "undetermined", "not applicable") for text renderings
    legend: tuple[tuple[str, str], ...] = ()  # (state, localised label)
    compact: bool = False
    label: str = ""


@dataclass(frozen=True)
class GridCell:
    status: str  # a key of the grid's legend
    text: str = ""


@dataclass(frozen=True)
class Grid:
    """A figure drawn as a table of marked cells: factors × towns (met / not met / unknown), or
    towns × stages (established / possible / ruled out). Each status has a symbol as well as a
    shade, so the figure reads in black-and-white print."""

    caption: str
    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[GridCell, ...]], ...]
    legend: tuple[tuple[str, str, str], ...]  # (status, symbol, localised label)
    note: str = ""
    widths: tuple[int, ...] = ()  # relative widths of the label and each column; equal when empty


@dataclass(frozen=True)
class Interval:
    label: str
    low: float  # 0–100
    high: float
    point: float | None  # shown only when the interval is narrow
    band: str  # the rank band: towns whose intervals overlap share one
    text: str  # the index as shown


@dataclass(frozen=True)
class IntervalPlot:
    """Each town's index interval on one 0–100 axis, with the rank bands (a dot plot)."""

    caption: str
    items: tuple[Interval, ...]
    headers: tuple[str, str, str, str]  # band, town, interval, index
    note: str = ""


@dataclass(frozen=True)
class Reference:
    """One source document named in full, with the passages of it the report cites."""

    entry: str
    locators: tuple[str, ...]  # "003 · 第二篇 · 一（二） 集聚", in the document's order


@dataclass(frozen=True)
class References:
    items: tuple[Reference, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 0–1; None is unknown, drawn apart, never as zero
    status: Literal["met", "not_met", "unknown"]
    text: str  # the value as shown, e.g. "60%" or "未知"
    group: str = ""


@dataclass(frozen=True)
class BarChart:
    caption: str
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str], ...]  # (status, localised label)
    note: str = ""
    headers: tuple[str, ...] = ()  # factor, stage, status, bar, score — for renderings as a table


Block = Paragraph | BulletList | Table | Ladder | BarChart | Grid | IntervalPlot | References


@dataclass(frozen=True)
class Subsection:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Section:
    key: str  # one of SECTION_KEYS: lets tests and future renderers find a section by meaning
    title: str  # numbered, localised: "一、基本情况" or "1. Basic facts"
    blocks: tuple[Block | Subsection, ...]


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    meta: tuple[tuple[str, str], ...]  # (label, value) shown under the title
    summary_title: str
    summary: tuple[str, ...]
    sections: tuple[Section, ...]
    date: dt.date
    footer: str = ""
    locators: tuple[str, ...] = field(default=())  # every source locator the report cites
    subtitle: str = ""  # the cover's second line: 调研评估报告 / Assessment report
    brief: tuple[Block, ...] = ()  # the leader's summary page, after the summary lines
    contents_title: str = ""  # 目录 / Contents: renderers that paginate print a table of contents
    page_label: str = ""  # "第 {page} 页 共 {pages} 页": the footer of every page but the cover

    def headings(self) -> list[str]:
        """Every heading in reading order (for tests and tables of contents)."""
        out = [self.title]
        for section in self.sections:
            out.append(section.title)
            out += [b.title for b in section.blocks if isinstance(b, Subsection)]
        return out


def cap(text: str) -> str:
    """Sentence case for English rubric names that start a heading, a cell or a line (no-op in Chinese)."""
    return text[:1].upper() + text[1:]


# -- numbering ------------------------------------------------------------------------------------


def section_title(index: int, text: str, lang: str) -> str:
    return f"{ZH_NUMERALS[index]}、{text}" if lang == "zh" else f"{index + 1}. {text}"


def subsection_title(section: int, index: int, text: str, lang: str) -> str:
    return f"（{_zh_number(index + 1)}）{text}" if lang == "zh" else f"{section + 1}.{index + 1} {text}"


def _zh_number(n: int) -> str:
    if n <= 10:
        return ZH_NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else ZH_NUMERALS[tens - 1]) + "十" + (ZH_NUMERALS[units - 1] if units else "")
