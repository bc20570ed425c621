"""How fast hostile or odd inputs are refused or read, next to reading an ordinary profile.

Run: PYTHONPATH=. python bench/hostile_inputs.py [--quick]
The issue's target: the billion-laughs file is refused in well under one second; hostile workbooks
and CSV files (issue 11) are refused in under 5 s and 300 MiB. Those are generated in a temporary
folder (tests/hostile_tables.py) and each is scored by a whole `cluster-assess score` process, whose
peak resident memory (os.wait4) and wall time are printed beside an ordinary two-town workbook's.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cluster_assess.errors import UserError
from cluster_assess.profile.loading import load_profile

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "ordinary profile (examples/xiaoguanzhuang-glass.yaml)": ROOT / "examples" / "xiaoguanzhuang-glass.yaml",
    "the same profile saved as GBK": ROOT / "tests" / "fixtures" / "xiaoguanzhuang-glass.gbk.yaml",
    "billion laughs (9 levels of 9 aliases)": ROOT / "tests" / "bad_inputs" / "billion-laughs.yaml",
    "5000 nested brackets": ROOT / "tests" / "bad_inputs" / "deep-nesting.yaml",
    "self-referring alias": ROOT / "tests" / "bad_inputs" / "self-alias.yaml",
}


def best_of(path: Path, rounds: int = 20) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(UserError):
            load_profile(path)
        best = min(best, time.perf_counter() - start)
    return best


def run_cli(*args: str | Path) -> tuple[int, float, float]:
    """(exit status, seconds, peak resident MiB) of one `cluster-assess` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLUSTER_ASSESS_LANG": "en"}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "cluster_assess", *map(str, args)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def tables(quick: bool) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile_tables as h

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {
            "ordinary workbook (2 towns)": h.workbook(folder / "ordinary.xlsx"),
            "one far-away cell (XFD1048576)": h.far_away_cell(folder / "far.xlsx"),
            f"a {256 if quick else 1024} MiB shared string": h.shared_string_bomb(folder / "sst.xlsx",
                                                                                 256 if quick else 1024),
            "a million rows": h.million_rows(folder / "rows.xlsx", 100_000 if quick else 1_000_000),
            "19 MiB of CSV": h.big_csv(folder / "big.csv", 19),
            "a 200 K CSV field": h.long_csv_field(folder / "field.csv"),
            "billion laughs in sharedStrings.xml": h.dtd_entities(folder / "laughs.xlsx"),
            "XXE in the sheet": h.xxe(folder / "xxe.xlsx"),
        }
        base = None
        print()
        print(f"{'score FILE (one whole process)':45s} {'size':>9s} {'exit':>4s} {'time':>8s} {'peak RSS':>10s}  ×RSS")
        for label, path in cases.items():
            code, seconds, mib = run_cli("score", path)
            base = base or mib
            size = path.stat().st_size
            shown = f"{size / 2**20:.1f} MiB" if size > 2**20 else f"{size / 1024:.1f} KiB"
            print(f"{label:45s} {shown:>9s} {code:4d} {seconds:7.2f}s {mib:7.1f} MiB  ×{mib / base:4.2f}")


def main() -> None:
    baseline = None
    for label, path in CASES.items():
        seconds = best_of(path)
        baseline = baseline or seconds
        print(f"{label:55s} {seconds * 1000:8.2f} ms  ×{seconds / baseline:6.2f}")
    tables("--quick" in sys.argv)


if __name__ == "__main__":
    main()
