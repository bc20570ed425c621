"""Safe YAML reading that remembers where every key and value came from.

PyYAML's plain loaders forget line numbers and keep the last of two duplicate keys silently; both
would make our error messages useless or our assessments wrong. We compose the node tree with the
safe (C if available) loader and build plain Python values ourselves, recording positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cluster_assess.errors import Problem, UserError

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


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM); anything else is refused with a clear message."""
    if b"\x00" in data[:8192]:
        raise UserError.single("this is a binary file, not YAML text", file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError.single(
            f"the file is not valid UTF-8 (byte {exc.start}); save it as UTF-8", file=file, line=line
        ) from None


def read_yaml_file(path: Path) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file with positions; every failure is a UserError naming the file."""
    name = str(path)
    try:
        if path.is_dir():
            raise UserError.single("this is a folder, not a YAML file", file=name)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError.single(
                f"the file is {size // 1024} KiB; profiles and rubrics are limited to "
                f"{MAX_BYTES // (1024 * 1024)} MiB",
                file=name,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError.single("no such file", file=name) from None
    except PermissionError:
        raise UserError.single("permission denied when reading the file", file=name) from None
    except IsADirectoryError:
        raise UserError.single("this is a folder, not a YAML file", file=name) from None
    return parse_yaml(decode(data, name), name)


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse YAML text into plain values plus a SourceMap."""
    source = SourceMap(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or "invalid YAML"
        if "\t" in what or "tab" in what:
            what += " (YAML does not allow tab characters for indentation; use spaces)"
        raise UserError.single(f"YAML syntax error: {what}", file=file, line=line, column=column) from None
    except yaml.YAMLError as exc:
        raise UserError.single(f"YAML error: {exc}", file=file) from None
    if node is None:
        return None, source
    builder = _Builder(source)
    value = builder.build(node, (), 0)
    if builder.problems:
        raise UserError(builder.problems)
    return value, source


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
                f"the document expands to more than {MAX_NODES} values (an alias bomb?); refused",
                file=self.source.file,
                line=node.start_mark.line + 1,
            )
        if depth > MAX_DEPTH:
            raise UserError.single(
                f"nesting deeper than {MAX_DEPTH} levels; refused",
                file=self.source.file,
                line=node.start_mark.line + 1,
            )
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(
                self.source.problem(path, f"the YAML tag {node.tag!r} is not allowed; write plain values")
            )
            return None
        if node.tag == _STR and type(node) is yaml.ScalarNode:  # most scalars are text: no constructor
            return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        # a plain scalar (int, float, bool, null, timestamp): its constructor, called directly
        try:
            return self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):  # `!!int x`, `2024-13-45`
            kind = node.tag.rsplit(":", 1)[-1]
            self.problems.append(self.source.problem(
                path, f"{node.value!r} is not a valid {kind}; quote it to keep it as text, or fix it"))
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    self.source.problem(path, "merge keys (<<) are not supported; write the keys out")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self.source.problem(path, "a key must be a plain word"))
                continue
            if key_node.tag == _STR:
                key = key_node.value
            else:
                key = self.constructor.construct_object(key_node)
                key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            child = (*path, key)
            if key in seen:
                self.problems.append(
                    Problem(
                        f"duplicate key {key!r}: first on line {seen[key]}, again on line {line}; "
                        "YAML would silently keep only the last — delete one",
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
