"""Decision tables: one row per alternative, one column per criterion, from CSV or XLSX.

The first column names the alternatives; the header names the criteria. Cost criteria are named
with `--cost COL…`, or by a direction row (first cell `direction` or `方向`, then benefit/cost,
效益/成本, 正向/负向, +/-, max/min). An empty cell, `unknown`, `未知`, `NA` or `-` is unknown — kept
as unknown, never read as 0. Anything else that is not a number is an error at its row and column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cluster_assess.errors import Problem, UserError
from cluster_assess.rank.messages import tr

UNKNOWN_WORDS = {"", "unknown", "未知", "na", "n/a", "nan", "-", "—", "–", "?", "？", "null", "none"}
DIRECTION_ROW = {"direction", "directions", "方向", "指标方向", "type", "类型"}
BENEFIT_WORDS = {"benefit", "+", "max", "higher", "效益", "效益型", "正向", "正"}
COST_WORDS = {"cost", "-", "−", "min", "lower", "成本", "成本型", "负向", "负", "逆向"}


@dataclass
class Table:
    """The matrix every method reads: NaN is unknown. Labels are per language when known."""

    names: list[str]
    criteria: list[str]
    x: np.ndarray
    benefit: np.ndarray
    lo: np.ndarray | None = None  # declared scale of each criterion (NaN: none), for completions
    hi: np.ndarray | None = None
    labels: list[dict[str, str]] | None = None  # {zh, en} per criterion
    rubric_weights: np.ndarray | None = None
    source: str = ""
    dropped: list[str | dict[str, str]] = field(default_factory=list)  # a column name, or a {zh, en} label
    # what is known of an unknown cell, when more than its criterion's scale (NaN: nothing more):
    # a stage range or a chain completeness range narrows where the cell may lie
    cell_lo: np.ndarray | None = None
    cell_hi: np.ndarray | None = None

    def label(self, j: int, lang: str) -> str:
        if self.labels is not None:
            return self.labels[j].get(lang) or self.criteria[j]
        return self.criteria[j]


def read_table(path: Path, cost: list[str], lang: str) -> Table:
    """Read a decision table; every bad cell is reported with its row and column, all at once."""
    name = str(path)
    rows = _rows(path, name, lang)
    header_row, header = rows[0]
    problems: list[Problem] = []
    criteria = _criteria(header, header_row, name, lang, problems)
    body = rows[1:]
    benefit = np.ones(len(criteria), dtype=bool)
    if body and _text(body[0][1][0]).lower() in DIRECTION_ROW:
        _directions(body[0], benefit, name, lang, problems)
        body = body[1:]
    for col in cost:
        if col not in criteria:
            problems.append(Problem(tr("rank_err_unknown_criterion", lang, name=col, choices=", ".join(criteria)),
                                    name, field="--cost"))
        else:
            benefit[criteria.index(col)] = False
    names, x = _cells(body, len(criteria), name, lang, problems)
    if problems:
        raise UserError(problems)
    return Table(names, criteria, x, benefit, source=name)


def _rows(path: Path, name: str, lang: str) -> list[tuple[int, list[Any]]]:
    """The non-empty rows of the file, header first; a file that cannot be read is the user's input."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise UserError([Problem(tr("rank_err_table_suffix", lang), name, field="--table")])
    try:
        rows = _csv(path) if suffix == ".csv" else _xlsx(path)
    except UserError:
        raise
    except Exception as exc:  # a corrupt or unreadable file is the user's input, not our bug
        raise UserError([Problem(tr("rank_err_read", lang, reason=f"{type(exc).__name__}: {exc}"), name)]) from exc
    rows = [(n, r) for n, r in rows if any(_text(v) for v in r)]
    if not rows or len(rows[0][1]) < 2:
        raise UserError([Problem(tr("rank_err_header", lang), name, 1, sheet=True)])
    return rows


def _criteria(header: list[Any], row: int, name: str, lang: str, problems: list[Problem]) -> list[str]:
    """The criterion names of the header, each once."""
    criteria = [_text(v) for v in header[1:]]
    while criteria and not criteria[-1]:
        criteria.pop()
    seen: set[str] = set()
    for j, crit in enumerate(criteria):
        if not crit or crit in seen:
            said = tr("rank_err_dup_column", lang, name=crit) if crit else tr("rank_err_header", lang)
            problems.append(Problem(said, name, row, j + 2, sheet=True))
        seen.add(crit)
    return criteria


def _directions(line: tuple[int, list[Any]], benefit: Any, name: str, lang: str, problems: list[Problem]) -> None:
    """A direction row (方向 / direction) marks each criterion benefit or cost."""
    row_no, values = line
    for j in range(len(benefit)):
        word = _text(values[j + 1] if j + 1 < len(values) else "").lower()
        if word in COST_WORDS:
            benefit[j] = False
        elif word not in BENEFIT_WORDS and word:
            problems.append(Problem(tr("rank_err_direction", lang, value=word), name, row_no, j + 2, sheet=True))


def _cells(body: list[tuple[int, list[Any]]], m: int, name: str, lang: str,
           problems: list[Problem]) -> tuple[list[str], Any]:
    """The alternatives' names (each once) and their values (NaN where unknown)."""
    names: list[str] = []
    first: dict[str, int] = {}
    x = np.full((len(body), m), np.nan)
    for i, (row_no, values) in enumerate(body):
        label = _text(values[0])
        if not label:
            problems.append(Problem(tr("rank_err_no_name", lang), name, row_no, 1, sheet=True))
        elif label in first:
            problems.append(Problem(tr("rank_err_dup_row", lang, name=label, first=first[label]), name, row_no, 1,
                                    sheet=True))
        first.setdefault(label, row_no)
        names.append(label)
        for j in range(m):
            raw = values[j + 1] if j + 1 < len(values) else None
            value = number(raw)
            if value is _BAD:
                problems.append(Problem(tr("rank_err_cell", lang, value=_text(raw)), name, row_no, j + 2, sheet=True))
            elif value is not None:
                x[i, j] = value
    return names, x


_BAD = object()


def number(raw: Any) -> Any:
    """A cell as a float, None when unknown, or _BAD. `30%` is 0.3; thousands separators are allowed."""
    if raw is None or isinstance(raw, bool):
        return None if raw is None else _BAD
    if isinstance(raw, int | float):
        return float(raw) if np.isfinite(raw) else None
    text = str(raw).strip().replace("，", ",").replace("％", "%")
    if text.lower() in UNKNOWN_WORDS:
        return None
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return _BAD
    if not np.isfinite(value):
        return _BAD
    return value / 100 if percent else value


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _csv(path: Path) -> list[tuple[int, list[Any]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]


def _xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
