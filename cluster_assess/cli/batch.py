"""`score --jobs N`: profiles read, assessed and rendered by a pool of worker processes; and
`compare`/`report --jobs N`: towns read and assessed by the same pool (`cli.towns`).

The parent walks the inputs, hands out small chunks of files, and writes what comes back in
input order; warnings, skipped profiles, the progress bar and the summary stay in the parent,
so stderr reads exactly as in a serial run. At most a few chunks per worker are in flight, so
memory stays flat however many profiles there are.

Each worker renders with the format's own writer. A writer writes its first item differently
from the rest (json opens the array, text puts no separator before it), so a worker's writer is
warmed once on a throwaway stream and every item it renders is in the "not first" form; the
first item written overall is rendered again by the parent's own writer, which then also closes
the output (`finish`). The work that cannot be shared out is start-up, the walk over the inputs
and writing the results.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cluster_assess.errors import Problem

if TYPE_CHECKING:
    from concurrent.futures import Future

CHUNK = 16  # files a task: enough to make the hand-over cheap, few enough to keep the order flowing
IN_FLIGHT = 3  # chunks per worker queued ahead
PARALLEL_MIN = 8  # fewer files than this are scored in-process: a pool would cost more than it saves


@contextmanager
def batch_gc() -> Iterator[None]:
    """The garbage collector tuned for a batch. Assessing creates no reference cycles (tested), so
    collections only cost time: what lives to the end (modules, the rubric) is frozen out of them,
    and the youngest generation is collected every 100,000 allocations instead of 700. It stays
    on, for the odd cycle an error path makes."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


@dataclass
class Outcome:
    """One profile as the parent needs it: the rendered text (`score`) or the compact assessment
    (`compare`, `report`), or the problems that stopped it."""

    origin: str
    text: str | None = None
    problems: list[Problem] | None = None
    warnings: list[Problem] = field(default_factory=list)
    assessment: Any = None


class _Capture:
    """A text stream that keeps what is written while recording, and drops it otherwise."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.recording = False

    def write(self, text: str) -> int:
        if self.recording:
            self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


_STATE: dict[str, Any] = {}


def inherit(pack: Any, rubric: str | None) -> None:
    """The parent's rubric, for workers forked from now on (spawned ones load `rubric` again)."""
    _STATE.update(pack=pack, rubric_ref=rubric)


def worker_pack() -> Any:
    """The rubric in a worker (set up by `setup_pack`)."""
    return _STATE["pack"]


def setup_pack(rubric: str | None) -> None:
    """Worker start: the rubric (inherited from the parent when forked, else loaded), and the
    collector tuned as in batch_gc()."""
    if _STATE.get("rubric_ref", object()) != rubric or "pack" not in _STATE:
        from cluster_assess.rubric.loading import load_rubric

        _STATE["pack"] = load_rubric(rubric)
    _STATE["rubric_ref"] = rubric
    gc.freeze()  # the rubric and the modules live as long as the worker: keep them out of collections
    gc.set_threshold(100_000, 50, 100)  # as batch_gc(): assessing makes no cycles


def _setup(rubric: str | None, fmt: str, lang: str, plain: bool) -> None:
    """Worker start for `score`: the rubric and the format's writer."""
    from cluster_assess.render import facts_shown, renderer

    _STATE.update(capture=_Capture(), warm=False, facts_shown=facts_shown(fmt))
    _STATE["writer"] = renderer("assessment", fmt)(_STATE["capture"], lang, plain=plain, many=lambda: True)
    setup_pack(rubric)


def outcomes_of(paths: list[str], done: Callable[[Any], Outcome]) -> list[list[Outcome]]:
    """Worker: each file of `paths` read, its profiles handed to `done` (which assesses and says
    what goes back), its bad inputs sent back as their problems; a list of outcomes per file."""
    from cluster_assess.io.inputs import load_file

    return [[Outcome(item.origin, problems=list(item.error.problems), warnings=item.notes)
             if item.error is not None else done(item) for item in load_file(path)]
            for path in paths]


def _score_chunk(paths: list[str]) -> list[list[Outcome]]:
    from cluster_assess.engine.assess import assess

    pack, writer, capture = _STATE["pack"], _STATE["writer"], _STATE["capture"]

    def rendered(item: Any) -> Outcome:
        assessment = assess(item.loaded.profile, pack, facts_shown=_STATE["facts_shown"])
        if not _STATE["warm"]:  # one throwaway write: from now on every item is "not the first"
            writer.write(assessment)
            capture.take()
            _STATE["warm"] = True
        capture.recording = True
        writer.write(assessment)
        capture.recording = False
        return Outcome(item.origin, text=capture.take(), warnings=list(item.loaded.warnings))

    return outcomes_of(paths, rendered)


def _chunks(paths: Iterable[Any], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for path in paths:
        chunk.append(str(path))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _context() -> Any:
    # on Linux, fork shares the loaded rubric and modules with the workers at no cost; elsewhere
    # (macOS, where fork is unsafe with system libraries, and Windows) spawn, and each worker
    # loads the rubric itself (`_setup`)
    import multiprocessing
    import sys

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def in_pool(paths: Iterable[Any], jobs: int, task: Callable[[list[str]], Any],
            initializer: Callable[..., None], initargs: tuple[Any, ...],
            decode: Callable[[Any], list[Any]] = list) -> Iterator[tuple[str, Any]]:
    """Each path and what `task` made of it, in input order: chunks of CHUNK paths handed to `jobs`
    worker processes, at most IN_FLIGHT chunks a worker queued ahead. `task` returns one result a
    path, or something `decode` turns into that in the parent."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=initializer,
                               initargs=initargs)
    pending: deque[tuple[list[str], Future[Any]]] = deque()
    try:
        for chunk in _chunks(paths, CHUNK):
            pending.append((chunk, pool.submit(task, chunk)))
            if len(pending) >= jobs * IN_FLIGHT:
                done, future = pending.popleft()
                yield from zip(done, decode(future.result()))
        while pending:
            done, future = pending.popleft()
            yield from zip(done, decode(future.result()))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def score_files(paths: Iterable[Any], jobs: int, rubric: str | None, pack: Any, fmt: str, lang: str,
                plain: bool) -> Iterator[tuple[str, list[Outcome]]]:
    """Each file and its outcomes, in input order, scored by `jobs` worker processes."""
    inherit(pack, rubric)
    yield from in_pool(paths, jobs, _score_chunk, _setup, (rubric, fmt, lang, plain))


def first_written(path: str, index: int, rubric_pack: Any, write: Callable[[Any], None], fmt: str) -> None:
    """Render the `index`-th profile of `path` through the parent's own writer (its first write)."""
    from cluster_assess.engine.assess import assess
    from cluster_assess.io.inputs import load_file
    from cluster_assess.render import facts_shown

    item = load_file(path)[index]
    write(assess(item.loaded.profile, rubric_pack, facts_shown=facts_shown(fmt)))  # type: ignore[union-attr]
