"""The workbook template `cluster-assess init --xlsx` writes: one town a row, one field a column.

Row 1 holds each column's name in the chosen language (中文 with `--lang zh`), row 2 the field id
the reader goes by (`facts.firms.total`), greyed and locked by convention; towns start in row 3.
Yes/no facts, choices and 0–5 ratings have drop-down lists; widths follow the names; a sheet
explains how to fill it in and another lists every field with its meaning, unit and source.
`io.spreadsheets.read_sheet` reads this layout back (and still reads a sheet of bare field ids).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from cluster_assess.errors import column_letter
from cluster_assess.i18n import t
from cluster_assess.profile.fields import field_specs

_UNIT_HINT = {
    "share": ("写 30% 或 0.3", "write 30% or 0.3"),
    "rate": ("写 12% 或 0.12", "write 12% or 0.12"),
    "CNY": ("可写 20亿元、5000万元", "e.g. 20亿元, 5000万元"),
    "USD or CNY": ("写明币种，如 2000万美元", "say the currency, e.g. 2000万美元"),
    "yes/no": ("是/否 或 TRUE/FALSE", "yes/no or TRUE/FALSE"),
    "0–5": ("0（无）到5（优秀）", "0 (absent) to 5 (excellent)"),
    "names": ("用顿号或逗号分隔", "separate with 、 or commas"),
}


FIRST_ROW = 3


def _width(text: str) -> float:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _choices(column: str, lang: str) -> list[str] | None:
    spec = field_specs().get(column)
    if spec is None:
        return None
    if spec.kind == "flag":
        return [t("xlsx_yes", lang), t("xlsx_no", lang)]
    if spec.kind == "rating" and not column.endswith(".evidence"):
        return [str(n) for n in range(6)]
    if spec.choices:
        return list(spec.choices)
    return None


def write_template(path: Path, lang: str, force: bool = False) -> int:
    """Write the template atomically (never over a file without force); return its column count."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from cluster_assess.io.output import check_output
    from cluster_assess.io.spreadsheets import template_columns

    check_output(str(path), force)
    columns = template_columns()
    zh = lang == "zh"
    book = Workbook()
    sheet = book.active
    sheet.title = t("xlsx_sheet_towns", lang)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    grey = Font(color="808080", size=8)
    wrap = Alignment(wrap_text=True, vertical="top")
    lists: dict[tuple[str, ...], DataValidation] = {}
    for index, (column, name_zh, name_en, unit, why) in enumerate(columns, start=1):
        label = name_zh if zh else name_en[:1].upper() + name_en[1:]
        cell = sheet.cell(row=1, column=index, value=label)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        ident = sheet.cell(row=2, column=index, value=column)
        ident.font = grey
        hint = _UNIT_HINT.get(unit)
        lines = [f"{name_zh} / {name_en}", column, f"{'单位' if zh else 'unit'}: {unit}" if unit else ""]
        if hint:
            lines.append(hint[0] if zh else hint[1])
        if why:
            lines.append(f"{'出处' if zh else 'source'}: {why}")
        lines.append(t("xlsx_unknown_note", lang))
        comment = Comment("\n".join(x for x in lines if x), "cluster-assess")
        comment.width, comment.height = 320, 150
        cell.comment = comment
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = max(10.0, min(30.0, _width(label) * 0.55 + 3))
        choices = _choices(column, lang)
        if choices:
            key = tuple(choices)
            if key not in lists:
                lists[key] = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                sheet.add_data_validation(lists[key])
            lists[key].add(f"{letter}{FIRST_ROW}:{letter}1000")
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = f"B{FIRST_ROW}"
    fields = book.create_sheet(t("xlsx_sheet_fields", lang))
    fields.append(t("xlsx_fields_header", lang).split("|"))
    for cell in fields[1]:
        cell.font = bold
    for column, name_zh, name_en, unit, why in columns:
        hint = _UNIT_HINT.get(unit)
        fields.append([name_zh if zh else name_en, column, name_en if zh else name_zh, unit,
                       (hint[0] if zh else hint[1]) if hint else "", why])
    for letter, width in zip("ABCDEF", (34, 40, 44, 14, 30, 28)):
        fields.column_dimensions[letter].width = width
        for cell in fields[letter]:
            cell.alignment = wrap
    fields.freeze_panes = "A2"
    notes = book.create_sheet(t("xlsx_sheet_notes", lang), 1)  # after the towns: the reader reads the first sheet
    for line in t("xlsx_notes", lang).splitlines():
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    for row in notes.iter_rows():
        row[0].alignment = wrap
    book.active = 0
    from cluster_assess.io.atomic import replacing

    with replacing(path) as tmp:
        book.save(tmp)
    return len(columns)
