"""The towns of `compare` and `report`, read and assessed one at a time.

Each town is kept as the compact assessment a comparison reads (`compare.slim`), never as its
profile and whole Assessment, so memory grows by a few kilobytes a town. Inputs that fail are
kept with their problems; without --keep-going the first failure stops the assessing, and the
others are still read so that every problem is named in one error, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cluster_assess.errors import Problem, UserError


@dataclass
class Towns:
    assessments: list[Any] = field(default_factory=list)  # slim, except a lone town's (see `whole`)
    origins: list[str | None] = field(default_factory=list)
    warnings: list[list[Problem]] = field(default_factory=list)
    bad: list[Any] = field(default_factory=list)  # the failed Inputs
    whole: tuple[Any, Any] | None = None  # (assessment, loaded profile) while there is only one town


def assess_towns(refs: Iterable[str | Path], pack: Any, keep_going: bool = False) -> Towns:
    """Every town the inputs name, assessed and made compact; a UserError naming every failed
    input unless `keep_going`."""
    from cluster_assess.cli.batch import batch_gc
    from cluster_assess.io.inputs import iter_inputs

    towns = Towns()
    with batch_gc():
        for item in iter_inputs(refs):
            _add(towns, item, pack, keep_going)
    if towns.bad and not keep_going:
        raise UserError([p for i in towns.bad for p in i.error.problems])
    return towns


def _add(towns: Towns, item: Any, pack: Any, keep_going: bool) -> None:
    from cluster_assess.compare.slim import slim
    from cluster_assess.engine.assess import assess

    if item.error is not None:
        towns.bad.append(item)
        return
    if towns.bad and not keep_going:
        return  # the run will stop: only read on, to name every bad input
    assessment = assess(item.loaded.profile, pack)
    if towns.whole is not None:
        towns.assessments[0] = slim(towns.whole[0], pack)
        towns.whole = None
    if towns.assessments:
        assessment = slim(assessment, pack)
    else:
        towns.whole = (assessment, item.loaded)
    towns.assessments.append(assessment)
    towns.origins.append(item.origin)
    towns.warnings.append(item.loaded.warnings)
