"""What goes wrong in hand-written YAML, said so that the person editing the file can act on it:
slips of Chinese input methods that YAML would misread without a word, and PyYAML's syntax errors
reworded. Used by `io.yamlsource`."""

from __future__ import annotations

import re

import yaml

from cluster_assess.errors import Problem
from cluster_assess.i18n import msg

_FULLWIDTH_COLON = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*)[ ]*：")
_NO_SPACE = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_]*):(?![ \t]|$|//)")
_WIDE_INDENT = re.compile(r"^[ \t]*\u3000")
# Every slip needs a full-width colon, a full-width space, or a name's letter, `:` and a character
# other than a space on one line: a text with none of them is checked in one scan, not line by line.
_MAYBE_NO_SPACE = re.compile(r"[A-Za-z0-9_]:[^ \t\n]")


def typing_slips(text: str, file: str) -> list[Problem]:
    """Slips of Chinese input methods and hand typing that YAML would misread without a word:
    `total：200` (full-width colon) and `total:200` (no space) both make one long text, and a
    full-width space in the indentation becomes part of the key."""
    found: list[Problem] = []
    if "：" not in text and "\u3000" not in text and not _MAYBE_NO_SPACE.search(text):
        return found
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


