"""`cluster-assess init`: a commented profile template to fill in by hand, or with `--xlsx` a
workbook template for many towns, one row each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import ForceOption, Lang, LangOption, OutputOption, RubricOption, lang_of, note
from cluster_assess.io.output import check_output, open_output


@app.command()
def init(
    output: str = OutputOption,
    lang: Lang | None = LangOption,
    industry: str | None = typer.Option(
        None, "--industry", "-i",
        help="Reference value chain to pre-fill (e.g. garment, glass_crafts, generic): sets `industry:` "
             "and lists that chain's segment ids.",
    ),
    xlsx: Path | None = typer.Option(
        None, "--xlsx", help="Write a workbook template (.xlsx, one row per town) to this file instead.",
        show_default=False),
    rubric: str | None = RubricOption,
    force: bool = ForceOption,
) -> None:
    """Write a commented template profile: every field with its meaning, unit and source passage.

    With --xlsx, write a workbook instead: one row per town, one column per profile field, each
    header with a note on its meaning and unit; fill it in, then run `compare FILE` or `score FILE`.

    Examples: cluster-assess init --lang zh --industry glass_crafts -o my-town.yaml ;
    cluster-assess init --xlsx towns.xlsx --lang zh
    """
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg as say_msg
    from cluster_assess.i18n import t

    language = lang_of(lang)
    if xlsx is not None:
        from cluster_assess.io.spreadsheets import write_template

        if xlsx.suffix.lower() != ".xlsx":
            raise UserError.single(say_msg("init_xlsx_name"), file=str(xlsx), field="--xlsx")
        if output != "-" or industry is not None:
            raise UserError.single(say_msg("init_xlsx_options"), field="--xlsx")
        count = write_template(xlsx, language, force=force)
        note(say_msg("init_xlsx_wrote", file=str(xlsx), count=count).say(language))
        return
    from cluster_assess.profile.template import render_template
    from cluster_assess.rubric.loading import load_rubric

    check_output(output, force, [rubric])
    pack = load_rubric(rubric)
    chain = _chain(pack.value_chains, industry) if industry else None
    text = render_template(language, list(pack.value_chains), chain)
    with open_output(output, force) as stream:
        stream.write(text)
    if output != "-":
        note(t("init_wrote", language).format(file=output))


def _chain(chains: list[Any], wanted: str) -> Any:
    """The reference chain named by id (or by one of its industry words)."""
    import difflib

    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg

    for chain in chains:
        if wanted == chain.id or wanted.lower() in (w.lower() for w in chain.match):
            return chain
    ids = [c.id for c in chains]
    hint = difflib.get_close_matches(wanted, ids, n=1)
    if hint:
        raise UserError.single(msg("init_no_chain_hint", wanted=wanted, hint=hint[0], chains=", ".join(ids)),
                               field="--industry")
    raise UserError.single(msg("init_no_chain", wanted=wanted, chains=", ".join(ids)), field="--industry")
