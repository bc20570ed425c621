"""`cluster-assess init --xlsx FILE`: a workbook template for many towns, one row each."""

from __future__ import annotations

from pathlib import Path

import typer

from cluster_assess.cli import app
from cluster_assess.commands.common import ForceOption, Lang, LangOption, lang_of, note


@app.command()
def init(
    xlsx: Path = typer.Option(..., "--xlsx", help="Write a workbook template (.xlsx) to this file.",
                              show_default=False),
    lang: Lang | None = LangOption,
    force: bool = ForceOption,
) -> None:
    """Start a workbook of towns: one row per town, one column per profile field, each header with a
    note on its meaning and unit. Fill it in, then run `cluster-assess compare FILE` or `score FILE`.

    Example: cluster-assess init --xlsx towns.xlsx --lang zh
    """
    from cluster_assess.errors import UserError
    from cluster_assess.spreadsheet import write_template

    if xlsx.suffix.lower() != ".xlsx":
        raise UserError.single("the template is an Excel workbook; give a file name ending in .xlsx",
                               file=str(xlsx), field="--xlsx")
    count = write_template(xlsx, lang_of(lang), force=force)
    note(f"wrote {xlsx} with {count} columns; leave a cell blank when the fact is unknown")
