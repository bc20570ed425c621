"""A comparison as a formatted workbook: a row per item, a column per town, the header frozen,
widths set, the best (▲, green) and weakest (▼, red) of each row marked, an unknown cell left
blank with a note saying it is unknown, not zero. Text cells that would start a formula are
neutralised, as in the CSV."""

from __future__ import annotations

import io

from cluster_assess.compare.model import Comparison
from cluster_assess.i18n import t
from cluster_assess.render.compare_csv import spreadsheet_safe

GREEN, RED, HEAD = "E2EFDA", "FCE4D6", "DDEBF7"


def render(c: Comparison, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = t("xlsx_compare_sheet", lang)
    bold = Font(bold=True)
    head = [t("xlsx_compare_group", lang), t("xlsx_compare_item", lang), *(col.key for col in c.columns)]
    sheet.append([spreadsheet_safe(x) for x in head])
    for cell in sheet[1]:
        cell.font, cell.fill = bold, PatternFill("solid", fgColor=HEAD)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    unknown_note = t("xlsx_unknown_note", lang)
    for row in c.rows:
        label = row.label.get(lang) + (f"（{row.unit}）" if lang == "zh" and row.unit else
                                       f" ({row.unit})" if row.unit else "")
        values: list[object] = [row.group, label]
        for cell in row.cells:
            if cell.value is None and cell.score is None:
                values.append(None)
            elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                values.append(cell.value)
            else:
                values.append(cell.display.get(lang))
        sheet.append([spreadsheet_safe(v) for v in values])
        at = sheet.max_row
        for k, cell in enumerate(row.cells, start=3):
            target = sheet.cell(row=at, column=k)
            if cell.value is None and cell.score is None:
                target.comment = Comment(unknown_note, "cluster-assess")
            elif cell.best:
                target.fill, target.font = PatternFill("solid", fgColor=GREEN), Font(bold=True)
                target.number_format = '"▲ "General'
            elif cell.worst:
                target.fill = PatternFill("solid", fgColor=RED)
                target.number_format = '"▼ "General'
    sheet.append([])
    sheet.append([None, t("xlsx_compare_legend", lang)])
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 40
    for k in range(3, len(c.columns) + 3):
        sheet.column_dimensions[get_column_letter(k)].width = 18
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
