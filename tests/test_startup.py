"""Start-up hygiene: `--help` and the command table must not pull in the heavy modules.

No timings here (they belong to bench/run.py); what we check is which modules get imported,
which is what start-up time follows and what a careless top-level import would break.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

# pydantic itself is not listed: typer builds pydantic adapters for the options of a command.
HEAVY = (
    "yaml", "rich.console", "rich.markdown", "typer.rich_utils", "tabulate",
    "cluster_assess.profile.facts", "cluster_assess.profile.schema", "cluster_assess.profile.loading",
    "cluster_assess.rubric.model", "cluster_assess.rubric.loading", "cluster_assess.engine.assess",
    "openpyxl", "docx", "duckdb", "matplotlib",
)


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys, json\n"
        "from cluster_assess.cli.main import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "", "NO_COLOR": "1",
                              "CLUSTER_ASSESS_CACHE": os.environ.get("CLUSTER_ASSESS_CACHE", "")}, check=True)
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


def test_help_imports_no_heavy_module():
    for args in (["--help"], ["score", "--help"], ["--version"]):
        loaded = _modules_after(*args)
        assert not loaded & set(HEAVY), (args, sorted(loaded & set(HEAVY)))


def test_every_command_help_imports_no_heavy_module():
    from cluster_assess.cli.main import typer_app

    app = typer_app()

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        loaded = _modules_after(name.replace("_", "-"), "--help")
        assert not loaded & set(HEAVY), (name, sorted(loaded & set(HEAVY)))


def test_json_scoring_does_not_load_the_text_renderer():
    loaded = _modules_after("score", "example:shishi", "--format", "json")
    assert "cluster_assess.engine.assess" in loaded  # the check can fail: scoring did happen
    assert not loaded & {"rich.console", "rich.markdown", "typer.rich_utils", "tabulate"}
