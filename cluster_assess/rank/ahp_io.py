"""Reading AHP pairwise-comparison matrices (YAML or XLSX), one or several experts, checked cell by cell.

YAML:  criteria: [a, b, c]           XLSX: one sheet per expert, the criteria across row 1 and
       matrix: [[1, 3, 5], …]              down column A, the judgements in between.
   or  experts: [{name: 专家A, matrix: …}, …]
Judgements may be written `1/3`. Cells below the diagonal may be left empty: they are the
reciprocals of their mirrors. Criteria are matched to the table's by id or label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cluster_assess.errors import Problem, UserError
from cluster_assess.rank import ahp
from cluster_assess.rank.messages import tr


@dataclass(frozen=True)
class Expert:
    name: str
    matrix: np.ndarray  # ordered like the table's criteria


def read_experts(path: Path, criteria: list[str], aliases: dict[str, int], lang: str) -> list[Expert]:
    """Every expert's matrix, reordered to the table's criteria; all problems reported together."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        raw = _from_yaml(path, lang)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _from_xlsx(path, lang)
    else:
        raise UserError([Problem(tr("rank_err_ahp_suffix", lang), str(path), field="--weights")])
    out: list[Expert] = []
    problems: list[Problem] = []
    for name, names, cells, where in raw:
        problems.extend(_check(path, name, names, cells, criteria, aliases, where, lang))
        if problems:
            continue
        order = [aliases[c] for c in names]
        a = np.full((len(criteria), len(criteria)), np.nan)
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                a[order[i], order[j]] = value
        out.append(Expert(name, ahp.fill_reciprocals(a)))
    if problems:
        raise UserError(problems)
    for expert in out:
        for i, j, kind in ahp.check_matrix(expert.matrix):
            problems.append(_cell_problem(path, expert.name, kind, i, j, expert.matrix, lang))
    if problems:
        raise UserError(problems)
    return out


def _check(path: Path, expert: str, names: list[str], cells: list[list[float]], criteria: list[str],
           aliases: dict[str, int], where: Any, lang: str) -> list[Problem]:
    problems = []
    for name in names:
        if name not in aliases:
            problems.append(Problem(tr("rank_err_unknown_criterion", lang, name=name, choices=", ".join(criteria)),
                                    str(path), field=f"{expert}: criteria"))
    missing = [c for k, c in enumerate(criteria) if k not in {aliases.get(n) for n in names}]
    if missing and not problems:
        problems.append(Problem(tr("rank_err_missing_criterion", lang, names=", ".join(missing)), str(path),
                                field=f"{expert}: criteria"))
    if len(cells) != len(names) or any(len(row) != len(names) for row in cells):
        cols = max((len(r) for r in cells), default=0)
        problems.append(Problem(tr("rank_err_not_square", lang, rows=len(cells), cols=cols, n=len(names)),
                                str(path), field=f"{expert}: matrix"))
    for i, j, value in where:
        problems.append(Problem(tr("rank_err_cell", lang, value=value), str(path), field=f"{expert}: matrix[{i}][{j}]"))
    return problems


def _cell_problem(path: Path, expert: str, kind: str, i: int, j: int, a: np.ndarray, lang: str) -> Problem:
    if kind == "not_reciprocal":
        message = tr("rank_err_not_reciprocal", lang, i=i + 1, j=j + 1, prod=float(a[i, j] * a[j, i]))
    elif kind == "off_scale":
        message = tr("rank_err_off_scale", lang, value=f"{a[i, j]:.4g}")
    else:
        message = tr(f"rank_err_{kind}", lang, rows=a.shape[0], cols=a.shape[1], n=a.shape[0])
    return Problem(message, str(path), field=f"{expert}: matrix[{i + 1}][{j + 1}]")


def _judgement(value: Any) -> float | None:
    """A judgement: a number or `a/b`; None when empty; NaN-free or raises ValueError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if "/" in text:
        top, bottom = text.split("/", 1)
        return float(top) / float(bottom)
    return float(text)


def _parse_cells(rows: list[list[Any]]) -> tuple[list[list[float]], list[tuple[int | None, int | None, str]]]:
    cells: list[list[float]] = []
    bad: list[tuple[int | None, int | None, str]] = []
    for i, row in enumerate(rows):
        out = []
        for j, value in enumerate(row):
            try:
                v = _judgement(value)
            except (ValueError, ZeroDivisionError):
                bad.append((i + 1, j + 1, str(value)))
                v = None
            out.append(np.nan if v is None else v)
        cells.append(out)
    return cells, bad


def _from_yaml(path: Path, lang: str) -> list[tuple[str, list[str], list[list[float]], list]]:
    from cluster_assess.io.yamlsource import read_yaml_file

    data, _ = read_yaml_file(path)
    if not isinstance(data, dict) or "criteria" not in data or not ("matrix" in data or "experts" in data):
        raise UserError([Problem(tr("rank_err_ahp_shape", lang), str(path))])
    names = [str(c) for c in data["criteria"] or []]
    experts = data.get("experts") or [{"name": "AHP", "matrix": data.get("matrix")}]
    out = []
    for k, item in enumerate(experts, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("matrix"), list):
            raise UserError([Problem(tr("rank_err_ahp_shape", lang), str(path), field=f"experts[{k}]")])
        rows = [r if isinstance(r, list) else [r] for r in item["matrix"]]
        cells, bad = _parse_cells(rows)
        out.append((str(item.get("name") or f"#{k}"), names, cells, bad))
    return out


def _from_xlsx(path: Path, lang: str) -> list[tuple[str, list[str], list[list[float]], list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError([Problem(tr("rank_err_read", lang, reason=str(exc)), str(path))]) from exc
    out = []
    try:
        for sheet in book.worksheets:
            rows = [list(r) for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
            if not rows:
                continue
            names = [str(v).strip() for v in rows[0][1:] if v is not None]
            body = [r[1:len(names) + 1] for r in rows[1:]]
            cells, bad = _parse_cells(body)
            out.append((sheet.title, names, cells, bad))
    finally:
        book.close()
    return out
