"""`cluster-assess examples`: list the shipped example profiles, or print one to start from."""

from __future__ import annotations

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import ForceOption, Lang, LangOption, OutputOption, lang_of
from cluster_assess.io.output import open_output


@app.command()
def examples(
    name: str | None = typer.Argument(None, help="Example to print (e.g. shishi)."),
    output: str = OutputOption,
    force: bool = ForceOption,
    lang: Lang | None = LangOption,
) -> None:
    """List the example profiles shipped with cluster-assess, or write one out.

    Any command that takes a profile also accepts `example:NAME`, e.g.
    `cluster-assess score example:shishi`.
    """
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg
    from cluster_assess.io.packaged import examples as shipped

    lang_of(lang)
    found = shipped()
    if name is None:
        for key, path in found.items():
            typer.echo(f"example:{key}\t{path}")
        return
    key = name.removeprefix("example:")
    if key not in found:
        raise UserError.single(msg("no_example", name=key, found=", ".join(found)), field="NAME")
    with open_output(output, force) as stream:
        stream.write(found[key].read_text(encoding="utf-8"))
