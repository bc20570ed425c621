"""Scoring a draft against the profile a careful official would write: precision and recall.

The unit is one fact: a scalar field (equal when the value, and for amounts the interval the words
stand for and the currency, are equal) or one item of a list field (segments, titles, markets).
Only `facts:` count; names, ratings and measured indicators do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cluster_assess.profile.facts import Fact


@dataclass
class Score:
    right: int = 0
    extracted: int = 0
    stated: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.right += other.right
        self.extracted += other.extracted
        self.stated += other.stated
        self.wrong += other.wrong
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.stated if self.stated else 1.0


def _units(facts: dict[str, Fact]) -> set[tuple[str, Any]]:
    out: set[tuple[str, Any]] = set()
    for path, fact in facts.items():
        if not path.startswith("facts.") or path.startswith("facts.measured."):
            continue
        if isinstance(fact.value, tuple):
            out.update((path, _item(v)) for v in fact.value)
        elif fact.kind in ("flag", "choice", "names", "text"):
            out.add((path, fact.value))
        else:
            out.add((path, (fact.value if fact.lo is None else None, fact.lo, fact.hi, fact.lo_open,
                            fact.hi_open, fact.currency)))
    return out


def _item(value: str) -> str:
    return re.sub(r"[\s“”\"'《》「」]", "", value)


def _facts(path: Path) -> dict[str, Any]:
    from cluster_assess.profile.fields import known_facts
    from cluster_assess.profile.loading import load_profile

    loaded = load_profile(path)
    return {p: f for p, f in known_facts(loaded.profile).items() if isinstance(f, Fact)}


def score_files(draft: Path, gold: Path) -> Score:
    """Load both as profiles (so the draft must be valid) and compare their facts."""
    got, want = _units(_facts(draft)), _units(_facts(gold))
    right = got & want
    return Score(len(right), len(got), len(want),
                 sorted(f"{p} = {v}" for p, v in got - want), sorted(f"{p} = {v}" for p, v in want - got))
