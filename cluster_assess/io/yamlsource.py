"""Safe YAML reading that remembers where every key and value came from.

PyYAML's plain loaders forget line numbers and keep the last of two duplicate keys silently; both
would make our error messages useless or our assessments wrong. We build plain Python values
ourselves, recording positions: in one pass over the safe (C if available) parser's events for the
usual document (`io.yaml_events`), through the composed node tree for the rest (see `parse_yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg
from cluster_assess.io.files import decode, os_reason
from cluster_assess.io.yaml_events import (
    MAX_BYTES,
    MAX_CHARS,
    MAX_DEPTH,
    MAX_NODES,
    SCALAR_TAGS,
    STANDARD_TAGS,
    STR,
    Fallback,
    Loader,
    construct,
    read_events,
)
from cluster_assess.io.yaml_messages import syntax_problem, typing_slips

__all__ = ["MAX_BYTES", "MAX_CHARS", "MAX_DEPTH", "MAX_NODES", "SourceMap", "decode", "dotted", "parse_yaml",
           "parse_yaml_bytes", "read_bounded", "read_yaml_file"]

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each path of a loaded document sits in its file (1-based line and column)."""

    file: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    sheet: bool = False  # positions are spreadsheet (row, column): problems say "row 7:column F"
    notes: list[str] = field(default_factory=list)  # e.g. the file was read as GBK

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (None, None))

    def problem(self, path: Path_, message: str) -> Problem:
        line, column = self.locate(path)
        return Problem(message, self.file, line, column, dotted(path) or None, sheet=self.sheet)


def dotted(path: Path_) -> str:
    """`('facts', 'firms', 0)` → `facts.firms[0]`: the way users see field names."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_yaml_file(path: Path, problems: list[Problem] | None = None) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file with positions; every failure is a UserError naming the file.

    With `problems`, mistakes that leave the rest readable (a duplicate key, a forbidden tag) are
    appended there instead, and the readable rest is returned, so it can be checked too."""
    return parse_yaml_bytes(read_bounded(path), str(path), problems)


def parse_yaml_bytes(data: bytes, name: str, problems: list[Problem] | None = None) -> tuple[Any, SourceMap]:
    """`parse_yaml` of a file's bytes, decoded as `decode` allows (the note on how is kept)."""
    notes: list[str] = []
    text = decode(data, name, notes)
    value, source = parse_yaml(text, name, problems)
    source.notes.extend(notes)
    return value, source


def read_bounded(path: Path) -> bytes:
    """The bytes of a profile or rubric file; what is not a regular file (a device, a FIFO, a
    socket, through any symbolic link) or is over MAX_BYTES is refused with a message, after
    reading at most MAX_BYTES + 1 bytes: a size the file claims (0 for /dev/zero) is never trusted,
    and a FIFO without a writer is refused at once, not waited on."""
    from cluster_assess.io.files import NotRegular, TooLarge, not_regular_error, read_regular

    name = str(path)
    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge:
        raise UserError.single(msg("yaml_too_large", mib=MAX_BYTES // 2**20), file=name) from None
    except NotRegular as exc:
        if exc.kind == "a folder":
            raise UserError.single(msg("file_is_folder"), file=name) from None
        raise not_regular_error(name, exc.kind, msg("reads_yaml")) from None
    except FileNotFoundError:
        raise UserError.single(msg("file_missing"), file=name) from None
    except PermissionError:
        raise UserError.single(msg("file_denied"), file=name) from None
    except IsADirectoryError:
        raise UserError.single(msg("file_is_folder"), file=name) from None
    except OSError as exc:
        raise UserError.single(msg("file_unreadable", reason=os_reason(exc)), file=name) from None


def parse_yaml(text: str, file: str, problems: list[Problem] | None = None) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain values plus a SourceMap.

    The usual document is read in one pass over the parser's events, which both applies the
    guards (nesting depth, number of values) and builds the values (`io.yaml_events`). A
    document that pass gives up on (an anchor or alias, a custom tag…) is read from the start in
    three: a streaming pass over the events refuses deep nesting and huge node counts before
    anything is built (the C composer recurses); the composed tree's size with aliases expanded
    is computed once per shared node, so an alias bomb is refused before it is expanded; then
    values are built. Both give the same values, positions and messages.
    """
    source = SourceMap(file)
    slips = typing_slips(text, file)
    try:
        try:
            found, value, built = read_events(text, source)
        except Fallback:
            source = SourceMap(file)
            found, value, built = _read_tree(text, source)
    except yaml.YAMLError as exc:
        raise _unreadable(exc, text, file, slips) from None
    if not found:
        return None, source
    found_problems = [*slips, *built]
    if found_problems and problems is None:
        raise UserError(found_problems)
    if problems is not None:
        problems.extend(found_problems)
    return value, source


def _unreadable(exc: yaml.YAMLError, text: str, file: str, slips: list[Problem]) -> UserError:
    """The error for a text the parser cannot read, said so the person editing it can act."""
    if isinstance(exc, yaml.MarkedYAMLError):
        if "nesting depth" in str(exc.problem or ""):
            # libyaml ≥ 0.2.5 (PyYAML 6.0.4's wheels) stops at its own depth limit while scanning
            # ahead, before our event check sees the 65th level: same input, same message.
            mark = exc.problem_mark or exc.context_mark
            return UserError.single(
                msg("yaml_deep", depth=MAX_DEPTH),
                file=file, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            )
        syntax = syntax_problem(exc, text, file)
        # a slip on or above the failing line is the likelier cause: name it first
        return UserError([*(p for p in slips if (p.line or 0) <= (syntax.line or 0)), syntax])
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        return UserError.single(
            msg("yaml_control", code=exc.character)
            if isinstance(exc.character, int) else msg("yaml_error", detail=exc.reason),
            file=file, line=line,
        )
    return UserError.single(msg("yaml_error", detail=str(exc)), file=file)


def _read_tree(text: str, source: SourceMap) -> tuple[bool, Any, list[Problem]]:
    """`read_events`' result, read through the composed node tree (see `parse_yaml`)."""
    file = source.file
    _check_events(text, file)
    node = yaml.compose(text, Loader=Loader)
    if node is None:
        return False, None, []
    # Without an anchor (&name) there is no alias, so the tree is exactly the values the event
    # check above has already counted: the walk is only needed when an anchor may be present.
    size, chars = _expanded_size(node, {}, set(), file) if "&" in text else (0, 0)
    if size > MAX_NODES:
        raise UserError.single(
            msg("yaml_bomb", size=size, limit=MAX_NODES),
            file=file, line=node.start_mark.line + 1,
        )
    if chars > MAX_CHARS:
        raise UserError.single(msg("yaml_alias_bomb", million=MAX_CHARS // 2**20), file=file,
                               line=node.start_mark.line + 1)
    builder = _Builder(source)
    value = builder.build(node, (), 0)
    return True, value, builder.problems


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_events(text: str, file: str) -> None:
    """Stream the parser events once, stopping at the first sign of a hostile document."""
    depth = 0
    count = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise UserError.single(
                    msg("yaml_deep", depth=MAX_DEPTH),
                    file=file, line=event.start_mark.line + 1, column=event.start_mark.column + 1,
                )
        elif isinstance(event, _CLOSE):
            depth -= 1
        if isinstance(event, (*_OPEN, yaml.ScalarEvent, yaml.AliasEvent)):
            count += 1
            if count > MAX_NODES:
                raise UserError.single(
                    msg("yaml_too_many", limit=MAX_NODES),
                    file=file, line=event.start_mark.line + 1,
                )


def _expanded_size(node: yaml.Node, memo: dict[int, tuple[int, int]], active: set[int],
                   file: str) -> tuple[int, int]:
    """How many values, and how many characters of text, the tree holds once aliases are
    expanded; each shared node counted once per use but computed once. Counting values alone let
    a few thousand aliases of one long text pass and then fill gigabytes. An alias to its own
    ancestor is refused (it would never end)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise UserError.single(
            msg("yaml_self_alias"),
            file=file, line=node.start_mark.line + 1,
        )
    active.add(key)
    total, chars = 1, 0
    if isinstance(node, yaml.ScalarNode):
        chars = len(node.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            count, length = _expanded_size(item, memo, active, file)
            total, chars = total + count, chars + length
            if total > MAX_NODES or chars > MAX_CHARS:
                break
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            for child in (key_node, value_node):
                count, length = _expanded_size(child, memo, active, file)
                total, chars = total + count, chars + length
            if total > MAX_NODES or chars > MAX_CHARS:
                break
    active.discard(key)
    memo[key] = (total, chars)
    return total, chars


class _Builder:
    """Turns composed nodes into dicts/lists/scalars, guarding against duplicates and bombs."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise UserError.single(
                msg("yaml_bomb_short", limit=MAX_NODES),
                file=self.source.file,
                line=node.start_mark.line + 1,
            )
        if depth > MAX_DEPTH:
            raise UserError.single(
                msg("yaml_deep_short", depth=MAX_DEPTH),
                file=self.source.file,
                line=node.start_mark.line + 1,
            )
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(
                self.source.problem(path, msg("yaml_tag", tag=tag))
            )
            return None
        if node.tag == STR and type(node) is yaml.ScalarNode:  # most scalars are text: no constructor
            return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: Path_) -> Any:
        """Construct a scalar; a value its own tag cannot hold (`!!int abc`, `2012-13-45` read as a
        date) is a problem at its line, not a crash."""
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append(self.source.problem(path, msg("yaml_tag_kind")))
            return None
        try:  # the tag's constructor, called directly: a scalar needs none of construct_object's machinery
            if node.tag in SCALAR_TAGS:
                return construct(node.tag, node.value)
            return self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            self.problems.append(self.source.problem(
                path, msg("yaml_unreadable_value", value=node.value)))
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    self.source.problem(path, msg("yaml_merge"))
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self.source.problem(path, msg("yaml_key_plain")))
                continue
            if key_node.tag == STR:  # the usual key: plain text, no constructor needed
                key = key_node.value
            else:
                if key_node.tag not in STANDARD_TAGS:
                    self.problems.append(self.source.problem(path, msg("yaml_key_tag")))
                    continue
                key = self._scalar(key_node, path)
                key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            child = (*path, key)
            if key in seen:
                self.problems.append(
                    Problem(
                        msg("yaml_duplicate", key=key, first=seen[key], again=line),
                        self.source.file,
                        line,
                        key_node.start_mark.column + 1,
                        ".".join(str(p) for p in child),
                    )
                )
                continue
            seen[key] = line
            self.source.positions[child] = (line, key_node.start_mark.column + 1)
            if (value_node.tag == STR and type(value_node) is yaml.ScalarNode
                    and depth < MAX_DEPTH and self.count < MAX_NODES):
                # the common leaf, inlined: what `build` would do for it, without the call
                self.count += 1
                out[key] = value_node.value
            else:
                out[key] = self.build(value_node, child, depth + 1)
        return out
