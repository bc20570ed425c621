""".ci/lowest.txt pins every direct dependency (runtime and test) to exactly the lower bound that
pyproject.toml declares; .ci/run installs with it and runs the suite, so a bound that no longer
holds fails CI. This test keeps the two files from drifting apart."""

from __future__ import annotations

import re

from conftest import ROOT

_REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _array(text: str, key: str) -> list[str]:
    """The strings of a TOML array `key = [ ... ]` (no tomllib: Python 3.10 has none)."""
    match = re.search(rf"^{re.escape(key)}\s*=\s*\[(.*?)^\]", text, re.S | re.M)
    assert match, key
    body = "\n".join(line.split("#", 1)[0] for line in match.group(1).splitlines())
    return re.findall(r'"([^"]+)"', body)


def declared_lower_bounds() -> dict[str, str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    bounds: dict[str, str] = {}
    for requirement in _array(text, "dependencies") + _array(text, "test"):
        match = _REQUIREMENT.match(requirement)
        assert match, requirement
        name, spec = match.groups()
        lower = [part.strip()[2:].strip() for part in spec.split(",") if part.strip().startswith(">=")]
        assert len(lower) == 1, f"{requirement!r} declares no lower bound (>=): CI cannot prove it"
        bounds[_normal(name)] = lower[0]
    return bounds


def pinned() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        assert sep, f"{line!r}: lowest.txt pins with '=='"
        pins[_normal(name.strip())] = version.strip()
    return pins


def test_lowest_txt_pins_exactly_the_declared_lower_bounds():
    assert pinned() == declared_lower_bounds()


def test_ci_runs_the_suite_at_the_lowest_bounds():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -c .ci/lowest.txt '.[test]'" in script
    assert script.count("check_run ") >= 2  # both runs must pass, and both must have run tests
