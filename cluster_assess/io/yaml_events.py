"""One pass over the YAML parser's events: the guards (depth, size) and the plain values with their
positions, together. Used by `io.yamlsource`, which keeps the careful node-tree reading for what
this pass does not take on.

The node tree costs a Python object and two marks per value and a call back into Python for each
tag; profiles are read by the ten thousand, so the usual document (no anchors or aliases, no
unusual tags) is built straight from the events, which the guards had to stream through anyway.
What it meets that needs the tree (an anchor or alias, whose expansion must be measured before it
is built; a custom tag; a second document; a mapping used as a key) makes it give up with
`Fallback`, and the tree reading runs from the start, so every message stays as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg

if TYPE_CHECKING:
    from cluster_assess.io.yamlsource import SourceMap

try:  # the C parser is several times faster; fall back quietly where it is not built
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
# text a document may hold once aliases are expanded: no more than a file within MAX_BYTES can hold
MAX_CHARS = MAX_BYTES

STR = "tag:yaml.org,2002:str"
# the scalar tags a value may carry, each read by the safe loader's own constructor
SCALAR_TAGS = frozenset({
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
})
STANDARD_TAGS = SCALAR_TAGS | {STR, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

# YAML 1.1 reads some plain numbers in ways nobody typing a profile means: `0200` is octal (128),
# `1:30` is base 60 (90), `0x1F4` is hex (500) — and the same `0200` in a CSV reads 200. Such
# scalars are kept as the text written, so the amount reader sees `0200` (200) and refuses `1:30`
# or `0x1F4` with a message, instead of a silently different number.
_YAML11_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|0[xXoObB][0-9a-fA-F_]*|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)\Z")
_IMPLICIT = _SafeLoader.yaml_implicit_resolvers
_WILDCARD = _IMPLICIT.get(None, [])


def resolve_scalar(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag the safe loader gives an untagged scalar, except the YAML 1.1 number traps (text).
    The safe resolver's own rule, without its per-call list building and path bookkeeping."""
    if implicit[0]:
        if value:
            first = value[0]
            if first in "+-0123456789" and _YAML11_NUMBER.match(value):
                return STR
            resolvers = _IMPLICIT.get(first)
        else:
            resolvers = _IMPLICIT.get("")
        for tag, regexp in (*(resolvers or ()), *_WILDCARD):
            if regexp.match(value):
                return tag  # type: ignore[no-any-return]
    return STR


class Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, reading the YAML 1.1 number traps as text (see `resolve_scalar`)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return resolve_scalar(value, implicit)
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@lru_cache(maxsize=2048)
def construct(tag: str, value: str) -> Any:
    """A scalar of one of SCALAR_TAGS, read by the safe loader's constructor. The values are
    immutable (numbers, booleans, None, dates) and profiles repeat them, so each is read once;
    an unreadable one raises each time (exceptions are not cached)."""
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))


class Fallback(Exception):
    """The document holds something only the node-tree reading takes on."""


_NO_DOCUMENT = object()
_ODD = object()  # a plain scalar whose tag only the tree reading takes on (`<<`, `=`)
_OPEN = (MappingStartEvent, SequenceStartEvent)
_CLOSE = (MappingEndEvent, SequenceEndEvent)
_UNREADABLE = (yaml.YAMLError, ValueError, TypeError, OverflowError)


@lru_cache(maxsize=8192)
def _plain(value: str) -> Any:
    """The value of an untagged plain scalar. Keys and most values recur from profile to profile,
    so each text is resolved (and read, if not text) once; an unreadable one raises each time."""
    tag = resolve_scalar(value, (True, False))
    if tag == STR:
        return value
    if tag not in SCALAR_TAGS:
        return _ODD
    return construct(tag, value)


class OnePass:
    """Reads one document from the parser's events; `read()` gives the value and the problems
    the document's own readable parts hold (duplicate keys, unreadable scalars). Every event goes
    through the guard the tree reading streams first (`_check_events`): nesting depth counted on
    opening and closing events, values counted on scalars and openings, in the same order."""

    def __init__(self, text: str, source: SourceMap) -> None:
        self.source = source
        self.positions = source.positions
        self.problems: list[Problem] = []
        self._get = Loader(text).get_event
        self.depth = 0
        self.count = 0

    def read(self) -> Any:
        """The document's value, or `_NO_DOCUMENT` for a stream without one."""
        self.next()  # StreamStartEvent
        if type(self.next()) is StreamEndEvent:
            return _NO_DOCUMENT
        value = self.node(self.next(), (), 0)  # after the DocumentStartEvent, the root
        if type(self.next()) is not DocumentEndEvent or type(self.next()) is not StreamEndEvent:
            raise Fallback  # a second document: the tree reading names it after checking it all
        return value

    def next(self) -> Event:
        """The next event, through the guard."""
        event = self._get()
        if type(event) is ScalarEvent:
            self.count += 1
            if self.count > MAX_NODES or event.anchor is not None:
                self.odd(event)
        else:
            self.guard(event)
        return event

    def odd(self, event: Any) -> None:
        """A value with an anchor, or one value too many."""
        if event.anchor is not None:
            raise Fallback
        raise UserError.single(msg("yaml_too_many", limit=MAX_NODES), file=self.source.file,
                               line=event.start_mark.line + 1)

    def guard(self, event: Any) -> None:
        """The guard for an event other than a scalar."""
        cls = type(event)
        if cls is MappingStartEvent or cls is SequenceStartEvent:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise UserError.single(
                    msg("yaml_deep", depth=MAX_DEPTH), file=self.source.file,
                    line=event.start_mark.line + 1, column=event.start_mark.column + 1,
                )
            self.count += 1
            if self.count > MAX_NODES or event.anchor is not None:
                self.odd(event)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            self.depth -= 1
        elif cls is AliasEvent:
            raise Fallback

    def node(self, event: Any, path: tuple[Any, ...], depth: int) -> Any:
        """The value starting at `event`, its position kept under `path` unless already set."""
        mark = event.start_mark
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if type(event) is ScalarEvent:
            return self.scalar(event, path)
        if event.tag is not None and event.tag != "!":
            raise Fallback  # an explicitly tagged collection
        if type(event) is MappingStartEvent:
            return self.mapping(path, depth)
        items = []
        index = 0
        while type(item := self.next()) is not SequenceEndEvent:
            items.append(self.node(item, (*path, index), depth + 1))
            index += 1
        return items

    def scalar(self, event: Any, path: tuple[Any, ...]) -> Any:
        """A scalar's value as the safe loader reads it; an unreadable one is a problem at `path`."""
        tag = event.tag
        try:
            if tag is None or tag == "!":
                if not event.implicit[0]:
                    return event.value  # quoted or a block: text
                value = _plain(event.value)
                if value is _ODD:
                    raise Fallback
                return value
            if tag == STR:
                return event.value
            if tag not in SCALAR_TAGS:
                raise Fallback  # a custom tag, `!!map` on a scalar…
            return construct(tag, event.value)
        except _UNREADABLE:
            self.problems.append(self.source.problem(path, msg("yaml_unreadable_value", value=event.value)))
            return None

    def mapping(self, path: tuple[Any, ...], depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        positions = self.positions
        get = self._get
        while True:
            key_event: Any = get()
            if type(key_event) is not ScalarEvent:
                self.guard(key_event)
                if type(key_event) is MappingEndEvent:
                    return out
                raise Fallback  # a collection as a key
            self.count += 1
            if self.count > MAX_NODES or key_event.anchor is not None:
                self.odd(key_event)
            key = self.scalar(key_event, path)
            if type(key) is not str:
                key = str(key)
            value_event = self.next()
            mark = key_event.start_mark
            line = mark.line + 1
            child = (*path, key)
            if key in out:  # a key is in `out` once seen, with its first position kept
                self.problems.append(Problem(
                    msg("yaml_duplicate", key=key, first=positions[child][0], again=line),
                    self.source.file, line, mark.column + 1, ".".join(str(p) for p in child),
                ))
                self.skip(value_event)
                continue
            positions[child] = (line, mark.column + 1)
            if type(value_event) is ScalarEvent:  # the value's position is its key's: set above
                out[key] = self.scalar(value_event, child)
            else:
                out[key] = self.node(value_event, child, depth + 1)

    def skip(self, event: Event) -> None:
        """Stream past the value starting at `event` (a duplicate key's), guards still applied."""
        if not isinstance(event, _OPEN):
            return
        level = 1
        while level:
            following = self.next()
            if isinstance(following, _OPEN):
                level += 1
            elif isinstance(following, _CLOSE):
                level -= 1


def read_events(text: str, source: SourceMap) -> tuple[bool, Any, list[Problem]]:
    """(whether the stream holds a document, its value, the problems found building it), with
    positions recorded in `source`; raises `Fallback` for what only the node tree reads, and the
    parser's errors and the guards' UserErrors as the tree reading would."""
    if len(text) > MAX_CHARS:
        raise Fallback  # the tree reading measures the text of such a document itself
    reader = OnePass(text, source)
    value = reader.read()
    if value is _NO_DOCUMENT:
        return False, None, []
    return True, value, reader.problems
