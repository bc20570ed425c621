"""The command line: a thin layer that parses options, calls the library and picks a renderer.

Exit status: 0 ok, 1 internal error, 2 bad input (any UserError or usage error). Reports go to
stdout or `-o FILE`; notes, warnings and errors go to stderr.

One `score` starts without typer: typer builds a pydantic adapter for every option of a command
on each run, and with click it costs more than scoring one profile. A plain `score` command line
is parsed from `score`'s own declarations (`options.plain_call`) and `score` is called directly;
any other command line, and any `score` that is not plain (help, a usage error, shell
completion), goes to the typer app, so help and errors are typer's own.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_REGISTERED: list[Any] = []


def typer_app() -> Any:
    """The typer app with every command registered, in the order `--help` lists them. Commands
    declared with typer register themselves as their module is imported; `score` is declared
    without typer and registered here. Each command module imports its heavy parts lazily."""
    if _REGISTERED:
        return _REGISTERED[0]
    from cluster_assess.cli import compare, examples, explain, extract, init, rank, report, rubric  # noqa: F401
    from cluster_assess.cli.app import app
    from cluster_assess.cli.options import typer_command
    from cluster_assess.cli.score import score

    app.command()(typer_command(score))
    from cluster_assess.cli import validate  # noqa: F401
    from cluster_assess.cli.indicators import app as indicators_app

    app.add_typer(indicators_app, name="indicators")
    _REGISTERED.append(app)
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the typer app, for callers that import it from here
        return typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map every failure to its exit status, never a traceback.

    A usage error exits 2 (said in the command's language), as does our UserError (bad input);
    anything else is our bug (exit 1), reported in one paragraph.
    """
    # Pydantic looks for plugins (every installed package's entry points) when it builds the
    # first validator. This CLI validates only its own inputs and wants no plugin watching that,
    # so the scan is skipped unless the user set the variable (typer does the same for its own).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from cluster_assess import i18n
    from cluster_assess.cli.options import echo_err
    from cluster_assess.errors import UserError

    i18n.ACTIVE = None  # each run speaks its own --lang (tests run many commands in one process)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        call = _plain_score(args)
        if call is not None:
            _score_as_typer_would(call)
        else:
            _run_app(args)
    except UserError as exc:
        _print_user_error(exc)
        sys.exit(2)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(1)
    except KeyboardInterrupt:
        from cluster_assess.i18n import msg, say

        echo_err(say(msg("interrupted")))
        sys.exit(130)
    except Exception as exc:  # the last line of defence: an internal error, said plainly
        if os.environ.get("CLUSTER_ASSESS_DEBUG"):
            raise
        from cluster_assess.i18n import msg, say

        echo_err(say(msg("internal_error", kind=type(exc).__name__, detail=exc)))
        sys.exit(1)


def _run_app(args: list[str]) -> None:
    """The typer app, its help and usage errors said in the language the command line asks for."""
    import typer
    import typer.main

    from cluster_assess.cli.help_language import language_asked, localise, usage_error_zh
    from cluster_assess.cli.options import echo_err

    try:
        from typer._click.exceptions import ClickException  # typer's own click (newer typer)
    except ImportError:
        from click.exceptions import ClickException

    lang = language_asked(args)
    command = typer.main.get_command(typer_app())
    localise(command, lang)
    try:
        code = command.main(args=args, prog_name="cluster-assess", standalone_mode=False)
    except ClickException as exc:
        if lang == "zh" and exc.exit_code == 2:
            echo_err(usage_error_zh(exc))
        else:
            exc.show()
        sys.exit(exc.exit_code)
    except typer.Abort:  # click's word for an interrupt (Ctrl-C) while a command ran
        sys.exit(130)
    if isinstance(code, int) and code:
        sys.exit(code)


def _plain_score(args: list[str]) -> dict[str, Any] | None:
    """`score`'s arguments when `args` is a plain `score` command line, else None (typer answers).

    Not on Windows, where click expands globs in the arguments itself, nor when a shell asks for
    completions (click's `_CLUSTER_ASSESS_COMPLETE`, typer's `_TYPER_COMPLETE_*`)."""
    if args[:1] != ["score"] or sys.platform == "win32":
        return None
    if any(name.startswith("_") and "_COMPLETE" in name for name in os.environ):
        return None
    from cluster_assess.cli.options import plain_call
    from cluster_assess.cli.score import score

    return plain_call(score, args[1:])


def _score_as_typer_would(call: dict[str, Any]) -> None:
    """Run `score` as typer runs a command: Ctrl-C ends it with status 130 and nothing said."""
    from cluster_assess.cli.score import score

    try:
        score(**call)
    except KeyboardInterrupt:
        sys.exit(130)


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at nothing, so that the flush at exit does not complain
    (what click does for the commands it runs)."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _print_user_error(exc: Exception) -> None:
    from cluster_assess.cli.options import echo_err
    from cluster_assess.errors import UserError
    from cluster_assess.i18n import msg, say

    problems = exc.problems if isinstance(exc, UserError) else []
    count = len(problems)
    echo_err(say(msg("err_many", n=count) if count > 1 else msg("err_one")))
    for problem in problems:
        echo_err(f"  {problem.say()}")


if __name__ == "__main__":
    main()
