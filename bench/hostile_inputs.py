"""How fast hostile or odd inputs are refused or read, next to reading an ordinary profile.

Run: PYTHONPATH=. python bench/hostile_inputs.py
The issue's target: the billion-laughs file is refused in well under one second.
"""

from __future__ import annotations

import contextlib
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


def main() -> None:
    baseline = None
    for label, path in CASES.items():
        seconds = best_of(path)
        baseline = baseline or seconds
        print(f"{label:55s} {seconds * 1000:8.2f} ms  ×{seconds / baseline:6.2f}")


if __name__ == "__main__":
    main()
