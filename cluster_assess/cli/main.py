"""The command line: a thin layer that parses options, calls the library and picks a renderer.

Exit status: 0 ok, 1 internal error, 2 bad input (any UserError or usage error). Reports go to
stdout or `-o FILE`; notes, warnings and errors go to stderr.

A plain `score` command line is parsed by `cli.fastpath` and runs without importing typer; any
other command line, and any `score` it cannot take exactly as typer would, goes to the typer app
(`cli.commands`), so help and usage errors are typer's own.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def __getattr__(name: str) -> Any:
    if name == "app":  # the typer app, for callers that imported it from here
        from cluster_assess.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map every failure to its exit status, never a traceback.

    Typer handles usage errors itself (exit 2); our UserError means bad input (exit 2); anything
    else is our bug (exit 1), reported in one paragraph.
    """
    # Pydantic looks for plugins (every installed package's entry points) when it builds the
    # first validator; we validate only our own inputs and want no plugin watching that, so the
    # scan is skipped unless the user set the variable. Typer does the same for its adapters.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from cluster_assess import i18n
    from cluster_assess.cli.fastpath import score_call
    from cluster_assess.cli.options import echo_err
    from cluster_assess.errors import UserError

    i18n.ACTIVE = None  # each run speaks its own --lang (tests run many commands in one process)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        call = score_call(args)
        if call is not None:
            from cluster_assess.cli.score import score

            score(**call)
        else:
            from cluster_assess.cli.commands import app

            app(args=argv, prog_name="cluster-assess")
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
