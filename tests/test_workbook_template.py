"""`init --xlsx`: labels in the chosen language in row 1, field ids in row 2, drop-downs, widths,
a notes sheet, and the reader reads back what the template holds once filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_assess.io.spreadsheets import read_sheet
from cluster_assess.io.workbook_template import write_template


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_layout_and_round_trip(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "towns.xlsx"
    count = write_template(path, lang)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == ("集群" if lang == "zh" else "Towns")
    assert len(book.sheetnames) == 3
    labels = [c.value for c in sheet[1]]
    ids = [c.value for c in sheet[2]]
    assert len(ids) == count and "facts.firms.total" in ids
    total = labels[ids.index("facts.firms.total")]
    assert total == ("企业总数" if lang == "zh" else "Total number of firms") or "." not in total
    assert sheet.freeze_panes == "B3"
    widths = {sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    assert len(widths) > 3, "widths follow the names"
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert ('"是,否"' if lang == "zh" else '"yes,no"') in lists and '"0,1,2,3,4,5"' in lists
    # fill one town in, with the drop-down's values, and read it back
    col = {name: k + 1 for k, name in enumerate(ids)}
    sheet.cell(3, col["name"], "测试镇")
    sheet.cell(3, col["facts.firms.total"], "200多")
    from cluster_assess.profile.fields import field_specs

    flag = next(s.path for s in field_specs().values() if s.kind == "flag")
    sheet.cell(3, col[flag], "是" if lang == "zh" else "yes")
    rating = next(i for i in ids if i.startswith("ratings.") and not i.endswith(".evidence"))
    sheet.cell(3, col[rating], 3)
    book.save(path)
    (town,) = read_sheet(path)
    assert town.error is None, town.error
    profile = town.loaded.profile  # type: ignore[union-attr]
    assert profile.name == "测试镇"
    assert "200" in str(profile.facts.firms.total)  # type: ignore[union-attr]
    node = profile
    for part in flag.split("."):
        node = getattr(node, part)
    assert node.value is True  # type: ignore[attr-defined]


def test_a_sheet_of_bare_field_ids_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("name,facts.firms.total\n甲镇,120\n", encoding="utf-8")
    (town,) = read_sheet(path)
    assert town.loaded is not None and town.loaded.profile.facts.firms.total is not None
