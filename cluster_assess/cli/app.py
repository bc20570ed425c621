"""The typer app every command registers on; kept apart from main so commands import it without a cycle."""

from __future__ import annotations

import typer

from cluster_assess import __version__

app = typer.Typer(
    name="cluster-assess",
    help=(
        "Tell the people who run an industrial cluster where it stands and what to do next.\n\n"
        "Examples:\n\n"
        "  cluster-assess score examples/shishi.yaml\n\n"
        "  cluster-assess init --lang zh -o my-town.yaml   (then: validate my-town.yaml)\n\n"
        "  cluster-assess score my-town.yaml --format json -o my-town.json\n\n"
        "  cluster-assess compare examples/ --format markdown\n\n"
        "  cluster-assess report examples/xiaoguanzhuang-glass.yaml --lang zh -o glass.html\n\n"
        "  cluster-assess explain market_norms"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Plain click help: rendering help through rich costs more than all our own start-up work
    # (it imports rich.markdown and markdown-it); `--help` must answer at once.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cluster-assess {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Tell the people who run an industrial cluster where it stands and what to do next."""
