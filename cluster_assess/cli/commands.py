"""The typer app with every command registered: what `main` runs for anything but a plain `score`.

Kept apart from `main` so that the console entry point imports typer only when it needs it.
"""

from __future__ import annotations

from typing import Any

from cluster_assess.cli.app import app


def _register() -> Any:
    """Register every command, in the order `--help` lists them. Commands declared with typer
    register themselves as their module is imported; `score` is declared without typer (see
    `cli.fastpath`) and registered here. Each command module imports its heavy parts lazily."""
    from cluster_assess.cli import compare, examples, explain, extract, init, rank, report, rubric  # noqa: F401
    from cluster_assess.cli.options import typer_command
    from cluster_assess.cli.score import score

    app.command()(typer_command(score))
    from cluster_assess.cli import validate  # noqa: F401
    from cluster_assess.cli.indicators import app as indicators_app

    app.add_typer(indicators_app, name="indicators")
    return app


_register()

__all__ = ["app"]
