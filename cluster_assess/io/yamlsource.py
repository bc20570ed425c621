"""Safe YAML reading that remembers where every key and value came from.

PyYAML's plain loaders forget line numbers and keep the last of two duplicate keys silently; both
would make our error messages useless or our assessments wrong. We compose the node tree with the
safe (C if available) loader and build plain Python values ourselves, recording positions.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg

try:  # the C composer is several times faster; fall back quietly where it is not built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}

_STR = "tag:yaml.org,2002:str"

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


def decode(data: bytes, file: str, notes: list[str] | None = None) -> str:
    """UTF-8 with or without BOM; UTF-16 with a BOM; GBK/GB18030 (what Chinese Windows saves) when
    the bytes are not UTF-8 but read as sensible Chinese text. Anything else is refused.

    We detect GBK by a strict decode plus a plausibility check rather than a statistical guesser:
    our users' only common non-UTF-8 encoding is GBK, and a strict rule is predictable."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError.single(msg("file_utf16_bad"), file=file) from None
        if notes is not None:
            notes.append(msg("file_read_utf16"))
        return text
    if b"\x00" in data[:8192]:
        raise UserError.single(msg("file_binary"), file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        if notes is not None:
            notes.append(msg("file_read_gbk"))
        return text
    line = data[:first_bad].count(b"\n") + 1
    raise UserError.single(
        msg("file_encoding", offset=first_bad), file=file, line=line,
    )


def _plausible_chinese(text: str) -> bool:
    """Bytes that happen to decode as GB18030 are not necessarily Chinese: demand that the
    non-ASCII characters be mostly Chinese characters and punctuation, with no control codes."""
    odd = 0
    wide = 0
    for index, char in enumerate(text):
        code = ord(char)
        if code < 0x80:
            if code < 0x20 and char not in "\t\r\n":
                return False
            continue
        wide += 1
        if text[index - 1: index].isascii() and text[index - 1: index].isalpha() and \
                text[index + 1: index + 2].isascii() and text[index + 1: index + 2].isalpha():
            odd += 1  # one "character" inside a Latin word: Zürich read as GBK, not Chinese
            continue
        if not (
            0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x3400 <= code <= 0x4DBF or 0x2000 <= code <= 0x206F or code in (0xB7, 0xD7)
        ):
            odd += 1
    return wide > 0 and odd <= wide * 0.05


def read_yaml_file(path: Path, problems: list[Problem] | None = None) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file with positions; every failure is a UserError naming the file.

    With `problems`, mistakes that leave the rest readable (a duplicate key, a forbidden tag) are
    appended there instead, and the readable rest is returned, so it can be checked too."""
    name = str(path)
    try:
        if path.is_dir():
            raise UserError.single(msg("file_is_folder"), file=name)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError.single(
                msg("file_too_big", kib=size // 1024, mib=MAX_BYTES // (1024 * 1024)),
                file=name,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError.single(msg("file_missing"), file=name) from None
    except PermissionError:
        raise UserError.single(msg("file_denied"), file=name) from None
    except IsADirectoryError:
        raise UserError.single(msg("file_is_folder"), file=name) from None
    except OSError as exc:
        raise UserError.single(msg("file_unreadable", reason=exc.strerror or str(exc)), file=name) from None
    notes: list[str] = []
    text = decode(data, name, notes)
    value, source = parse_yaml(text, name, problems)
    source.notes.extend(notes)
    return value, source


def parse_yaml(text: str, file: str, problems: list[Problem] | None = None) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain values plus a SourceMap.

    Three passes keep hostile input cheap: a streaming pass over parser events refuses deep
    nesting and huge node counts before anything is built (the C composer recurses and can crash
    on thousands of nested brackets); the composed tree's size with aliases expanded is computed
    once per shared node, so an alias bomb is refused before it is expanded; then values are built.
    """
    source = SourceMap(file)
    slips = _typing_slips(text, file)
    try:
        _check_events(text, file)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem or ""):
            # libyaml ≥ 0.2.5 (PyYAML 6.0.4's wheels) stops at its own depth limit while scanning
            # ahead, before our event check sees the 65th level: same input, same message.
            mark = exc.problem_mark or exc.context_mark
            raise UserError.single(
                msg("yaml_deep", depth=MAX_DEPTH),
                file=file, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            ) from None
        syntax = _syntax_problem(exc, text, file)
        # a slip on or above the failing line is the likelier cause: name it first
        raise UserError([*(p for p in slips if (p.line or 0) <= (syntax.line or 0)), syntax]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise UserError.single(
            msg("yaml_control", code=exc.character)
            if isinstance(exc.character, int) else msg("yaml_error", detail=exc.reason),
            file=file, line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise UserError.single(msg("yaml_error", detail=str(exc)), file=file) from None
    if node is None:
        return None, source
    # Without an anchor (&name) there is no alias, so the tree is exactly the values the event
    # check above has already counted: the walk is only needed when an anchor may be present.
    size = _expanded_size(node, {}, set(), file) if "&" in text else 0
    if size > MAX_NODES:
        raise UserError.single(
            msg("yaml_bomb", size=size, limit=MAX_NODES),
            file=file, line=node.start_mark.line + 1,
        )
    builder = _Builder(source)
    builder.problems.extend(slips)
    value = builder.build(node, (), 0)
    if builder.problems and problems is None:
        raise UserError(builder.problems)
    if problems is not None:
        problems.extend(builder.problems)
    return value, source


_FULLWIDTH_COLON = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*)[ ]*：")
_NO_SPACE = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*):(?![ \t]|$|//)")
_WIDE_INDENT = re.compile(r"^[ \t]*\u3000")


def _typing_slips(text: str, file: str) -> list[Problem]:
    """Slips of Chinese input methods and hand typing that YAML would misread without a word:
    `total：200` (full-width colon) and `total:200` (no space) both make one long text, and a
    full-width space in the indentation becomes part of the key."""
    found: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip(" \t\u3000").startswith("#"):
            continue
        if _WIDE_INDENT.match(line):
            column = line.index("\u3000") + 1
            found.append(Problem(msg("yaml_wide_space"), file, number, column))
        elif match := _FULLWIDTH_COLON.match(line):
            found.append(Problem(msg("yaml_wide_colon", key=match.group(2)), file, number, len(match.group(1)) + 1))
        elif match := _NO_SPACE.match(line):
            found.append(Problem(msg("yaml_no_space", key=match.group(2)), file, number,
                                 len(match.group(1)) + 1))
    return found


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_events(text: str, file: str) -> None:
    """Stream the parser events once, stopping at the first sign of a hostile document."""
    depth = 0
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
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


def _expanded_size(node: yaml.Node, memo: dict[int, int], active: set[int], file: str) -> int:
    """How many values the tree holds once aliases are expanded, each shared node counted once
    per use but computed once; an alias to its own ancestor is refused (it would never end)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise UserError.single(
            msg("yaml_self_alias"),
            file=file, line=node.start_mark.line + 1,
        )
    active.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            total += _expanded_size(item, memo, active, file)
            if total > MAX_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            total += _expanded_size(key_node, memo, active, file) + _expanded_size(value_node, memo, active, file)
            if total > MAX_NODES:
                break
    active.discard(key)
    memo[key] = total
    return total


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """PyYAML's messages, said the way a person editing the file by hand can act on."""
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    lines = text.splitlines()
    at = lines[line - 1] if line and line <= len(lines) else ""
    opened = exc.context_mark
    if "quoted scalar" in context and opened is not None:
        line, column = opened.line + 1, opened.column + 1
        what = msg("yaml_quote")
    elif "tab" in problem or (column is not None and at[column - 1: column] == "\t") or (
        "cannot start any token" in problem and "\t" in at
    ):
        what = msg("yaml_tab")
    elif "could not find expected ':'" in problem and opened is not None:
        line, column = opened.line + 1, opened.column + 1
        what = msg("yaml_no_colon")
    elif "mapping values are not allowed" in problem:
        what = msg("yaml_unexpected_colon")
    elif "did not find expected key" in problem:
        what = msg("yaml_dedent")
    elif "expected '-' indicator" in problem:
        what = msg("yaml_mixed")
    elif ("flow sequence" in context or "flow mapping" in context) and opened is not None:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        what = msg("yaml_unclosed", bracket=bracket, line=opened.line + 1, closing=closing)
    elif "undefined alias" in problem:
        what = msg("yaml_undefined_alias")
    elif "single document" in context:
        what = msg("yaml_two_docs")
    else:
        what = msg("yaml_other", detail=f"{context + ', ' if context else ''}{problem}")
    return Problem(msg("yaml_syntax", what=what), file, line, column)


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
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(
                self.source.problem(path, msg("yaml_tag", tag=tag))
            )
            return None
        if node.tag == _STR and type(node) is yaml.ScalarNode:  # most scalars are text: no constructor
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
            if key_node.tag == _STR:  # the usual key: plain text, no constructor needed
                key = key_node.value
            else:
                if key_node.tag not in _STANDARD_TAGS:
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
            if (value_node.tag == _STR and type(value_node) is yaml.ScalarNode
                    and depth < MAX_DEPTH and self.count < MAX_NODES):
                # the common leaf, inlined: what `build` would do for it, without the call
                self.count += 1
                out[key] = value_node.value
            else:
                out[key] = self.build(value_node, child, depth + 1)
        return out
