"""What goes wrong in hand-written YAML, said so that the person editing the file can act on it:
slips of Chinese input methods that YAML would misread without a word, and PyYAML's syntax errors
reworded. Used by `io.yamlsource`."""

from __future__ import annotations

import re

import yaml

from cluster_assess.errors import Problem

_FULLWIDTH_COLON = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*)[ ]*：")
_NO_SPACE = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*):(?![ \t]|$|//)")
_WIDE_INDENT = re.compile(r"^[ \t]*\u3000")


def typing_slips(text: str, file: str) -> list[Problem]:
    """Slips of Chinese input methods and hand typing that YAML would misread without a word:
    `total：200` (full-width colon) and `total:200` (no space) both make one long text, and a
    full-width space in the indentation becomes part of the key."""
    found: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip(" \t\u3000").startswith("#"):
            continue
        if _WIDE_INDENT.match(line):
            column = line.index("\u3000") + 1
            found.append(Problem("a full-width space (U+3000, from a Chinese input method) in the indentation; "
                                 "indent with ordinary spaces", file, number, column))
        elif match := _FULLWIDTH_COLON.match(line):
            found.append(Problem(f"the key {match.group(2)!r} is followed by a full-width colon '：'; "
                                 "type ':' (half-width) and a space", file, number, len(match.group(1)) + 1))
        elif match := _NO_SPACE.match(line):
            found.append(Problem(f"no space after the colon of {match.group(2)!r}; YAML needs 'key: value' "
                                 "with a space, or it reads the whole line as text", file, number,
                                 len(match.group(1)) + 1))
    return found



def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
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
        what = "a quoted value starts here but its closing quote is missing; add it (or remove the opening one)"
    elif "tab" in problem or (column is not None and at[column - 1: column] == "\t") or (
        "cannot start any token" in problem and "\t" in at
    ):
        what = "a tab character; YAML indentation must use spaces — replace the tab with spaces"
    elif "could not find expected ':'" in problem and opened is not None:
        line, column = opened.line + 1, opened.column + 1
        what = "this line has no ':' after its key; write 'key: value'"
    elif "mapping values are not allowed" in problem:
        what = (
            "unexpected ':' — the line above may lack its ':', this line may be indented too deep, "
            "or a value containing ': ' must be put in quotes"
        )
    elif "did not find expected key" in problem:
        what = "bad indentation: this line does not line up with the keys above it"
    elif "expected '-' indicator" in problem:
        what = "a list item ('- ') and a key ('key:') are mixed at the same indentation"
    elif ("flow sequence" in context or "flow mapping" in context) and opened is not None:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        what = (
            f"the '{bracket}' opened on line {opened.line + 1} is not closed, or an item lacks a comma; "
            f"add the missing ',' or '{closing}'"
        )
    elif "undefined alias" in problem:
        what = "an alias (*name) refers to an anchor (&name) that does not exist"
    elif "single document" in context:
        what = "the file holds more than one YAML document (a second '---'); a profile is one document"
    else:
        what = f"{context + ', ' if context else ''}{problem}"
    return Problem(f"YAML syntax error: {what}; nothing after this could be read", file, line, column)
