"""The command line: a thin layer that parses options, calls the library and picks a renderer.

Exit status: 0 ok, 1 internal error, 2 bad input (any UserError or usage error). Reports go to
stdout or `-o FILE`; notes, warnings and errors go to stderr.
"""

from __future__ import annotations

import os
import sys

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


# Commands register themselves on `app`; each module imports its heavy parts lazily.
from cluster_assess.commands import compare as _compare  # noqa: E402,F401
from cluster_assess.commands import examples as _examples  # noqa: E402,F401
from cluster_assess.commands import explain as _explain  # noqa: E402,F401
from cluster_assess.commands import init as _init  # noqa: E402,F401
from cluster_assess.commands import report as _report  # noqa: E402,F401
from cluster_assess.commands import rubric as _rubric  # noqa: E402,F401
from cluster_assess.commands import score as _score  # noqa: E402,F401
from cluster_assess.commands import validate as _validate  # noqa: E402,F401
from cluster_assess.indicators.cli import app as _indicators_app  # noqa: E402

app.add_typer(_indicators_app, name="indicators")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map every failure to its exit status, never a traceback.

    Typer handles usage errors itself (exit 2); our UserError means bad input (exit 2); anything
    else is our bug (exit 1), reported in one paragraph.
    """
    from cluster_assess.errors import UserError

    try:
        app(args=argv, prog_name="cluster-assess")
    except UserError as exc:
        _print_user_error(exc)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: an internal error, said plainly
        if os.environ.get("CLUSTER_ASSESS_DEBUG"):
            raise
        typer.echo(
            f"cluster-assess: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in cluster-assess, not in your input. Set CLUSTER_ASSESS_DEBUG=1 to see "
            "the traceback, and please report it.",
            err=True,
        )
        sys.exit(1)


def _print_user_error(exc: Exception) -> None:
    from cluster_assess.errors import UserError

    problems = exc.problems if isinstance(exc, UserError) else []
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    typer.echo(f"cluster-assess: {count} {noun} in the input:" if count > 1 else "cluster-assess: error:", err=True)
    for problem in problems:
        typer.echo(f"  {problem}", err=True)


if __name__ == "__main__":
    main()
