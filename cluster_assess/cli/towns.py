"""The towns of `compare` and `report`, read and assessed one at a time.

Each town is kept as the compact assessment a comparison reads (`compare.slim`), never as its
profile and whole Assessment, so memory grows by a few kilobytes a town. Inputs that fail are
kept with their problems; without --keep-going the first failure stops the assessing, and the
others are still read so that every problem is named in one error, as before.

With `jobs` > 1 (and enough files) the towns are read and assessed by the worker pool of
`score --jobs` (`cli.batch`), and come back compact and in input order; what the parent keeps,
warns about and reports is then the same as in one process.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from cluster_assess.errors import Problem, UserError

JobsOption: Any = typer.Option(
    None, "--jobs", "-j", min=1, show_default=False,
    help="Worker processes to read and assess the towns (default: the machine's cores). Results, "
         "warnings and errors are the same as with one.")


@dataclass
class Towns:
    assessments: list[Any] = field(default_factory=list)  # slim, except a lone town's (see `whole`)
    origins: list[str | None] = field(default_factory=list)
    warnings: list[list[Problem]] = field(default_factory=list)
    bad: list[Any] = field(default_factory=list)  # the failed Inputs
    whole: tuple[Any, Any] | None = None  # (assessment, loaded profile) while there is only one town


def assess_towns(refs: Iterable[str | Path], pack: Any, keep_going: bool = False, jobs: int = 1,
                 rubric: str | None = None) -> Towns:
    """Every town the inputs name, assessed and made compact, by `jobs` processes; a UserError
    naming every failed input unless `keep_going`. `rubric` is how `pack` was named (workers that
    cannot inherit it load it again)."""
    from itertools import chain, islice

    from cluster_assess.cli.batch import PARALLEL_MIN, batch_gc
    from cluster_assess.io.inputs import iter_profiles, load_file

    towns = Towns()
    with batch_gc():
        paths = iter(iter_profiles(refs))
        head = list(islice(paths, PARALLEL_MIN if jobs > 1 else 0))
        if jobs > 1 and len(head) == PARALLEL_MIN:
            _from_pool(towns, chain(head, paths), jobs, rubric, pack, keep_going)
        else:
            for path in chain(head, paths):  # files already: not expanded again (a name may hold '[')
                for item in load_file(path):
                    _add(towns, item, pack, keep_going)
    if towns.bad and not keep_going:
        raise UserError([p for i in towns.bad for p in i.error.problems])
    return towns


def _add(towns: Towns, item: Any, pack: Any, keep_going: bool) -> None:
    from cluster_assess.compare.slim import kept_facts, slim
    from cluster_assess.engine.assess import assess

    if item.error is not None:
        towns.bad.append(item)
        return
    if towns.bad and not keep_going:
        return  # the run will stop: only read on, to name every bad input
    # the first town is kept whole (a lone town gets a cluster report); the others made compact
    assessment = assess(item.loaded.profile, pack, facts_shown=kept_facts(pack) if towns.assessments else None)
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


def _from_pool(towns: Towns, paths: Iterable[Any], jobs: int, rubric: str | None, pack: Any,
               keep_going: bool) -> None:
    """The towns as the worker pool assesses them, kept as `_add` keeps them."""
    from cluster_assess.cli.batch import in_pool, inherit, setup_pack
    from cluster_assess.io.inputs import Input

    inherit(pack, rubric)
    first: tuple[str, int] | None = None  # where the first town came from: a lone town is kept whole
    for path, outcomes in in_pool(paths, jobs, _assess_chunk, setup_pack, (rubric,), _Receiver().decode):
        for index, outcome in enumerate(outcomes):
            if outcome.problems is not None:
                towns.bad.append(Input(outcome.origin, error=UserError(outcome.problems), notes=outcome.warnings))
                continue
            if towns.bad and not keep_going:
                continue  # the run will stop: only read on, to name every bad input
            first = first or (path, index)
            towns.assessments.append(outcome.assessment)
            towns.origins.append(outcome.origin)
            towns.warnings.append(outcome.warnings)
    if len(towns.assessments) == 1 and first is not None:  # as in one process: a lone town is whole
        from cluster_assess.engine.assess import assess
        from cluster_assess.io.inputs import load_file

        item = load_file(first[0])[first[1]]
        towns.whole = (assess(item.loaded.profile, pack), item.loaded)
        towns.assessments[0] = towns.whole[0]


# In a worker: the parts (see `_parts`) already sent to the parent, by id, with their numbers.
_SENT: dict[int, tuple[int, Any]] = {}
_GENERATION = [0]
SENT_MAX = 20_000  # past this many, a worker starts its table again (and the parent drops its copy)


def _parts(a: Any) -> Iterator[Any]:
    """The parts of a compact assessment that `compare.slim` shares between towns."""
    yield from a.stages.values()
    yield from a.factors.values()
    for items in (a.problems, a.unchecked, a.recommendations, a.unknowns, a.facts):
        yield from items


def _assess_chunk(paths: list[str]) -> tuple[int, int, bytes, bytes]:
    """Worker: each town of `paths` assessed and made compact. Most of a compact town is parts
    shared with other towns, and the worker sends each part once: the parts new to the parent,
    then the towns with the parts they share as numbers (pickle's persistent ids), so the parent
    unpickles a few objects a town and equal parts stay one object."""
    import os
    import pickle

    from cluster_assess.cli.batch import Outcome, outcomes_of, worker_pack
    from cluster_assess.compare.slim import kept_facts, slim
    from cluster_assess.engine.assess import assess

    pack = worker_pack()
    keep = kept_facts(pack)
    results = outcomes_of(paths, lambda item: Outcome(
        item.origin, assessment=slim(assess(item.loaded.profile, pack, facts_shown=keep), pack),
        warnings=list(item.loaded.warnings)))
    if len(_SENT) > SENT_MAX:
        _SENT.clear()
        _GENERATION[0] += 1
    new = []
    for outcomes in results:
        for outcome in outcomes:
            for part in _parts(outcome.assessment) if outcome.assessment is not None else ():
                if id(part) not in _SENT:
                    _SENT[id(part)] = (len(_SENT), part)
                    new.append(part)
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = _persistent_id  # type: ignore[method-assign]
    pickler.dump(results)
    return os.getpid(), _GENERATION[0], pickle.dumps(new, pickle.HIGHEST_PROTOCOL), stream.getvalue()


def _persistent_id(obj: Any) -> int | None:
    sent = _SENT.get(id(obj))
    return None if sent is None else sent[0]


class _Receiver:
    """The parent's copy of each worker's parts, numbered as the worker numbered them. A worker's
    chunks are decoded in the order it did them (the pool keeps the order of submission), so every
    number a chunk uses is known by then."""

    def __init__(self) -> None:
        self.tables: dict[int, tuple[int, list[Any]]] = {}

    def decode(self, payload: tuple[int, int, bytes, bytes]) -> list[Any]:
        import pickle

        pid, generation, new, towns = payload
        known = self.tables.get(pid)
        if known is None or known[0] != generation:
            known = self.tables[pid] = (generation, [])
        known[1].extend(pickle.loads(new))
        unpickler = pickle.Unpickler(io.BytesIO(towns))
        unpickler.persistent_load = known[1].__getitem__  # type: ignore[method-assign]
        return unpickler.load()  # type: ignore[no-any-return]
