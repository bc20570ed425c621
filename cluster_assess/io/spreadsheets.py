"""Profiles from spreadsheets (XLSX, CSV): one town a row, one profile field a column.

A bureau keeps its towns in a workbook, not in YAML files. Each row becomes the same nested data a
YAML profile would give and goes through the same validation, so the messages are the same, only
located by sheet, row and column: `towns.xlsx[Towns]:row 7:column F: facts.firms.total: …`.

Columns are named by field path (`facts.firms.total`, `ratings.location_advantage`); a fact may
have `PATH.source` and `PATH.note` columns beside it, and a rating `PATH.evidence` and
`PATH.source`. `cluster-assess init --xlsx FILE` writes a template with every column and a note
on its meaning and unit.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cluster_assess.errors import Problem, UserError, column_letter
from cluster_assess.i18n import msg
from cluster_assess.io.files import require_regular
from cluster_assess.io.inputs import Input
from cluster_assess.io.yamlsource import MAX_BYTES, SourceMap
from cluster_assess.profile.fields import field_specs
from cluster_assess.profile.loading import LoadedProfile, check_profile_data

TOP_FIELDS = ("name", "region", "industry", "year", "sources", "notes")
FACT_EXTRAS = ("source", "note")
RATING_EXTRAS = ("evidence", "source")
MAX_SHEET_BYTES = 50 * 1024 * 1024


# ---------------------------------------------------------------------------------------------
# Reading a sheet


def read_sheet(path: Path) -> list[Input]:
    """One Input per non-empty row; header problems stop the whole sheet (every row depends on it).

    What the reader noticed (a formula with no saved result, merged cells, a GBK file) is added to
    the warnings of the row it is in, or of the first town read when it is about the whole sheet."""
    label, rows, warnings = _read_rows(path)
    if not rows:
        raise UserError.single(msg("sheet_empty"), file=label)
    header_row, header = rows[0]
    if header_row != 1:  # row 1 is the header, even when it is left empty
        header_row, header = 1, []
    elif len(rows) > 1 and rows[1][0] == 2 and _names_fields(rows[1][1]) and not _names_fields(header):
        header_row, header = rows[1]  # the template's layout: labels in row 1, field ids in row 2
        rows = rows[2:]
    else:
        rows = rows[1:]
    columns = _columns(header, label, header_row)
    out = []
    by_row: dict[int, Input] = {}
    for number, values in rows:
        if all(_blank(v) for v in values):
            continue
        origin = f"{label}:row {number}"
        try:
            data, source = _row_data(values, columns, label, number)
        except UserError as exc:
            out.append(Input(origin, error=exc))
        else:
            problems, profile, row_warnings = check_profile_data(data, source)
            if problems or profile is None:
                out.append(Input(origin, error=UserError(problems), notes=row_warnings))
            else:
                out.append(Input(origin, loaded=LoadedProfile(profile, source, row_warnings)))
        by_row[number] = out[-1]
    if not out:
        raise UserError.single(msg("sheet_no_rows"), file=label)
    first = next((i for i in out if i.loaded is not None), None)
    for warning in warnings:
        item = by_row.get(warning.line) if warning.line is not None else None
        item = item if item is not None and item.loaded is not None else first
        if item is not None and item.loaded is not None:
            item.loaded.warnings.append(warning)
    return out


def _read_rows(path: Path) -> tuple[str, list[tuple[int, list[Any]]], list[Problem]]:
    """(label, rows, warnings): rows are (sheet row number, values), only rows holding a value for
    a workbook; read as a stream within PROFILE_LIMITS, so a hostile file is refused early."""
    from cluster_assess.io.sheet_reader import PROFILE_LIMITS, CsvTable, XlsxBook

    name = str(path)
    # a FIFO would block the reader for ever and /dev/zero feed it without end: regular files only
    require_regular(path, msg("reads_sheets"))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError.single(msg("file_missing"), file=name) from None
    if size > MAX_SHEET_BYTES:
        raise UserError.single(msg("sheet_too_large", mib=size // 2**20, most=MAX_SHEET_BYTES // 2**20),
                               file=name)
    if path.suffix.lower() == ".csv":
        if size > MAX_BYTES * 4:
            raise UserError.single(msg("csv_towns_too_large", mib=f"{size / 2**20:.1f}", most=MAX_BYTES * 4 // 2**20),
                                   file=name)
        table = CsvTable(path, PROFILE_LIMITS, max_bytes=MAX_BYTES * 4)
        return table.label, list(table.rows()), table.warnings
    with XlsxBook(path, PROFILE_LIMITS) as book:
        rows = list(book.rows())
        return book.label, rows, book.warnings


def _names_fields(values: list[Any]) -> bool:
    """Every non-blank cell is a column name the reader knows (a field id, or one with .source …)."""
    specs = field_specs()
    names = [str(v).strip() for v in values if not _blank(v)]

    def known(name: str) -> bool:
        base, _, extra = name.rpartition(".")
        return name in TOP_FIELDS or name in specs or (base in specs and extra in (*FACT_EXTRAS, *RATING_EXTRAS))

    return bool(names) and all(known(n) for n in names)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class _Column:
    index: int  # 1-based
    target: tuple[str, ...]  # the path in the profile data
    extra: str | None  # None for the value itself, else source/note/evidence


# a header cell may name a field by its Chinese label, as officials' own sheets do
TOP_LABELS = {"名称": "name", "集群名称": "name", "地区": "region", "所在地区": "region", "产业": "industry",
              "年份": "year", "资料来源": "sources", "来源": "sources", "备注": "notes"}
EXTRA_LABELS = {"出处": "source", "来源": "source", "备注": "note", "依据": "evidence"}


def _by_label() -> dict[str, str]:
    """Chinese label → field path: `企业总数` → `facts.firms.total` (labels are unique)."""
    return {**TOP_LABELS, **{spec.zh: path for path, spec in field_specs().items()}}


def _canonical(name: str, labels: dict[str, str]) -> str:
    """A header cell as a field path: `企业总数` and `企业总数.出处` name what `facts.firms.total` and
    `facts.firms.total.source` name."""
    if name in labels:
        return labels[name]
    base, dot, extra = name.rpartition(".")
    if dot and base in labels:
        return f"{labels[base]}.{EXTRA_LABELS.get(extra, extra)}"
    return name


def _columns(header: list[Any], label: str, row: int) -> list[_Column]:
    specs = field_specs()
    labels = _by_label()
    known = [*TOP_FIELDS, *specs]
    problems: list[Problem] = []
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        if _blank(cell):
            continue
        name = str(cell).strip()
        where = {"file": label, "line": row, "column": index, "sheet": True}
        if name in seen:
            problems.append(Problem(msg("sheet_twice", name=name, other=column_letter(seen[name])),
                                    field=name, **where))
            continue
        seen[name] = index
        written, name = name, _canonical(name, labels)
        base, _, extra = name.rpartition(".")
        if name in TOP_FIELDS:
            columns.append(_Column(index, (name,), None))
        elif name in specs:
            columns.append(_Column(index, tuple(name.split(".")), None))
        elif base in specs and extra in (RATING_EXTRAS if base.startswith("ratings.") else FACT_EXTRAS):
            columns.append(_Column(index, tuple(base.split(".")), extra))
        else:
            hint = difflib.get_close_matches(name, [*known, *labels], n=1, cutoff=0.6)
            if hint:
                shown = f"{hint[0]} ({labels[hint[0]]})" if hint[0] in labels else hint[0]
                message = msg("sheet_unknown_column_hint", name=written, hint=shown)
            else:
                message = msg("sheet_unknown_column", name=written)
            problems.append(Problem(message, field=written, **where))
    if problems:
        raise UserError(problems)
    if not columns:
        raise UserError.single(msg("sheet_no_fields"),
                               file=label, line=row, sheet=True)
    return columns


_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?$")
_TEXT_FIELDS = {("name",), ("region",), ("industry",), ("notes",), ("sources",)}


def _cell(value: Any, target: tuple[str, ...]) -> Any:
    """A cell as YAML would have given it: plain numbers become numbers (a CSV holds only text,
    and `30` must mean the same in a sheet as in YAML), whole floats become ints, text is trimmed."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, str):
        value = value.strip()
        if target not in _TEXT_FIELDS and target[-1] != "leading":
            if _INT.match(value):
                return int(value)
            if _FLOAT.match(value):
                return float(value)
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _row_data(values: list[Any], columns: list[_Column], label: str,
              number: int) -> tuple[dict[str, Any], SourceMap]:
    source = SourceMap(label, sheet=True)
    source.positions[()] = (number, 1)
    data: dict[str, Any] = {}
    extras: dict[tuple[str, ...], dict[str, Any]] = {}
    problems: list[Problem] = []
    for col in columns:
        raw = values[col.index - 1] if col.index - 1 < len(values) else None
        if _blank(raw):
            continue
        if col.extra is not None:
            extras.setdefault(col.target, {})[col.extra] = str(raw).strip()
            source.positions.setdefault((*col.target, col.extra), (number, col.index))
            continue
        value = _cell(raw, col.target)
        source.positions[col.target] = (number, col.index)
        if col.target[0] == "ratings":
            source.positions[(*col.target, "score")] = (number, col.index)
        elif col.target[0] == "facts":
            source.positions[(*col.target, "value")] = (number, col.index)
        if col.target == ("sources",) and isinstance(value, str):
            value = [part.strip() for part in value.replace("；", ";").split(";") if part.strip()]
        _put(data, col.target, value)
    for target, extra in extras.items():
        node = _get(data, target)
        if node is None:
            line, column = source.positions[(*target, next(iter(extra)))]
            problems.append(Problem(msg("sheet_extra_no_value", extra=" and ".join(extra), field=".".join(target)),
                                    label, line, column,
                                    ".".join(target), sheet=True))
            continue
        if target[0] == "ratings":
            _put(data, target, {"score": node, **extra})
        else:
            _put(data, target, {"value": node, **extra})
    if problems:
        raise UserError(problems)
    return data, source


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _get(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


# ---------------------------------------------------------------------------------------------
# The template


def template_columns() -> list[tuple[str, str, str, str, str]]:
    """(column, 中文, English, unit, why) for every column of the workbook template."""
    out = [
        ("name", "集群名称", "cluster name", "text", ""),
        ("region", "地区", "region", "text", ""),
        ("industry", "产业", "industry (picks the reference value chain)", "text", ""),
        ("year", "年份", "year the facts describe", "year", ""),
        ("sources", "资料来源（用;分隔）", "documents the facts come from (separate with ;)", "text", ""),
    ]
    for spec in field_specs().values():
        out.append((spec.path, spec.zh, spec.en, spec.unit, spec.why))
        if spec.kind == "rating":
            out.append((f"{spec.path}.evidence", f"{spec.zh}：评分依据", f"{spec.en}: evidence", "text", spec.why))
    return out


def write_template(path: Path, lang: str, force: bool = False) -> int:
    """Write the workbook template (see `io.workbook_template`); return its column count."""
    from cluster_assess.io.workbook_template import write_template as write

    return write(path, lang, force)
