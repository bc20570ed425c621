"""The command line: a thin layer that parses options, calls the library and picks a renderer.

Exit status: 0 ok, 1 internal error, 2 bad input (any UserError or usage error). Reports go to
stdout or `-o FILE`; notes, warnings and errors go to stderr.
"""

from __future__ import annotations

import os
import sys

import typer
import typer.main

# Commands register themselves on `app`; each module imports its heavy parts lazily.
from cluster_assess.cli import compare as _compare  # noqa: F401
from cluster_assess.cli import examples as _examples  # noqa: F401
from cluster_assess.cli import explain as _explain  # noqa: F401
from cluster_assess.cli import extract as _extract  # noqa: F401
from cluster_assess.cli import init as _init  # noqa: F401
from cluster_assess.cli import rank as _rank  # noqa: F401
from cluster_assess.cli import report as _report  # noqa: F401
from cluster_assess.cli import rubric as _rubric  # noqa: F401
from cluster_assess.cli import score as _score  # noqa: F401
from cluster_assess.cli import validate as _validate  # noqa: F401
from cluster_assess.cli.app import app
from cluster_assess.cli.indicators import app as _indicators_app

app.add_typer(_indicators_app, name="indicators")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map every failure to its exit status, never a traceback.

    Typer handles usage errors itself (exit 2); our UserError means bad input (exit 2); anything
    else is our bug (exit 1), reported in one paragraph.
    """
    from cluster_assess import i18n
    from cluster_assess.errors import UserError

    i18n.ACTIVE = None  # each run speaks its own --lang (tests run many commands in one process)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        _run_app(args)
    except UserError as exc:
        _print_user_error(exc)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        from cluster_assess.i18n import msg, say

        typer.echo(say(msg("interrupted")), err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: an internal error, said plainly
        if os.environ.get("CLUSTER_ASSESS_DEBUG"):
            raise
        from cluster_assess.i18n import msg, say

        typer.echo(say(msg("internal_error", kind=type(exc).__name__, detail=exc)), err=True)
        sys.exit(1)


def _run_app(args: list[str]) -> None:
    """The typer app, its help and usage errors said in the language the command line asks for."""
    from cluster_assess.cli.help_language import language_asked, localise, usage_error_zh

    try:
        from typer._click.exceptions import ClickException  # typer's own click (newer typer)
    except ImportError:
        from click.exceptions import ClickException

    lang = language_asked(args)
    command = typer.main.get_command(app)
    localise(command, lang)
    try:
        code = command.main(args=args, prog_name="cluster-assess", standalone_mode=False)
    except ClickException as exc:
        if lang == "zh" and exc.exit_code == 2:
            typer.echo(usage_error_zh(exc), err=True)
        else:
            exc.show()
        sys.exit(exc.exit_code)
    except typer.Abort:  # click's word for an interrupt (Ctrl-C) while a command ran
        raise KeyboardInterrupt from None
    if isinstance(code, int) and code:
        sys.exit(code)


def _print_user_error(exc: Exception) -> None:
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg, say

    problems = exc.problems if isinstance(exc, UserError) else []
    count = len(problems)
    typer.echo(say(msg("err_many", n=count) if count > 1 else msg("err_one")), err=True)
    for problem in problems:
        typer.echo(f"  {problem.say()}", err=True)


if __name__ == "__main__":
    main()
