"""`cluster-assess init`: write a commented profile template for officials to fill in by hand."""

from __future__ import annotations

import typer

from cluster_assess.cli import app
from cluster_assess.commands.common import ForceOption, Lang, LangOption, OutputOption, RubricOption, lang_of, note


@app.command()
def init(
    output: str = OutputOption,
    lang: Lang | None = LangOption,
    industry: str | None = typer.Option(
        None, "--industry", "-i",
        help="Reference value chain to pre-fill (e.g. garment, glass_crafts, generic): sets `industry:` "
             "and lists that chain's segment ids.",
    ),
    rubric: str | None = RubricOption,
    force: bool = ForceOption,
) -> None:
    """Write a commented template profile: every field with its meaning, unit and source passage.

    Example: cluster-assess init --lang zh --industry glass_crafts -o my-town.yaml
    """
    from cluster_assess.commands.common import check_output, open_output
    from cluster_assess.rubric import load_rubric
    from cluster_assess.template import render_template

    language = lang_of(lang)
    check_output(output, force)
    pack = load_rubric(rubric)
    chain = _chain(pack.value_chains, industry) if industry else None
    text = render_template(language, list(pack.value_chains), chain)
    with open_output(output, force) as stream:
        stream.write(text)
    if output != "-":
        from cluster_assess.i18n import t

        note(t("init_wrote", language).format(file=output))


def _chain(chains: list, wanted: str):  # type: ignore[type-arg]
    """The reference chain named by id (or by one of its industry words)."""
    import difflib

    from cluster_assess.errors import UserError

    for chain in chains:
        if wanted == chain.id or wanted.lower() in (w.lower() for w in chain.match):
            return chain
    ids = [c.id for c in chains]
    hint = difflib.get_close_matches(wanted, ids, n=1)
    did = f"; did you mean {hint[0]!r}?" if hint else ""
    raise UserError.single(f"no reference value chain {wanted!r}{did} (chains: {', '.join(ids)})", field="--industry")
