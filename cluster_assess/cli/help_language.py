"""Help and usage errors in the command's language.

typer builds the help from the English `help=` texts beside each option; when the command speaks
Chinese (`--lang zh` on the command line, else CLUSTER_ASSESS_LANG or the locale) the texts are
swapped for their Chinese (`help_zh.HELP_ZH`) before the app runs, and the few words typer and
click print themselves (Usage, Options, [default: …], the usage errors) are said in Chinese too.
Usage errors are read from the exception's type and attributes, not its English text, where the
exception carries them; anything else is shown as the library wrote it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

_LANG_OPTIONS = ("--lang", "-l")


def language_asked(argv: Sequence[str]) -> str:
    """The language the command line asks for, read before typer parses it (help is printed while
    parsing): the last --lang/-l value, else the environment's choice."""
    from cluster_assess.i18n import LANGS, resolve_lang

    asked: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in _LANG_OPTIONS and i + 1 < len(argv):
            asked = argv[i + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
        elif arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--"):
            asked = arg[2:]
    return asked if asked in LANGS else resolve_lang(None)


def localise(command: Any, lang: str) -> None:
    """Say the help of `command` (a click command and its subcommands) in `lang`."""
    if lang != "zh":
        return
    if command.help:
        command.help = _chinese(command.help)
    if getattr(command, "short_help", None):
        command.short_help = _chinese(command.short_help)
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = _chinese(text)
    english_help = command.get_help
    command.get_help = lambda ctx: _typer_words(_wrapped_by_width(english_help, ctx))
    for sub in getattr(command, "commands", {}).values():
        localise(sub, lang)


def _chinese(english: str) -> str:
    """The Chinese of a help text, each paragraph on one line (click joins a paragraph's lines with
    a space, which Chinese does not want); a text without its Chinese stays as it is."""
    from cluster_assess.cli.help_zh import HELP_ZH

    text = HELP_ZH.get(english, english)
    return "\n\n".join(block if block.startswith(("\b", " ")) else _join(block.split("\n"))
                       for block in text.split("\n\n"))


def _wrapped_by_width(get_help: Any, ctx: Any) -> str:
    """The help, its paragraphs wrapped by display width: click counts characters, and a Chinese
    character takes two columns, so its lines would run past the terminal and break words."""
    import sys

    formatting = sys.modules[ctx.formatter_class.__module__]
    original = formatting.wrap_text
    formatting.wrap_text = wrap_by_width
    try:
        return get_help(ctx)
    finally:
        formatting.wrap_text = original


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_UNITS = re.compile(r"\[[^\]\n]{1,40}\]|[A-Za-z0-9_./:'`\-\[\]{}()=<>*~@#$%^&+|\\,!?;\"]+|\s+|.", re.S)
_NO_LINE_START = set("，。、；：？！）」』》”’…%")
_NO_LINE_END = set("（「『《“‘")


def _join(lines: list[str]) -> str:
    """A paragraph's lines as one: no space where a line ends or starts with a Chinese character."""
    out = ""
    for line in lines:
        if out and not (_columns(out[-1]) == 2 or _columns(line[0]) == 2):
            out += " "
        out += line
    return out


def wrap_by_width(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
                  preserve_paragraphs: bool = False) -> str:
    """click's `wrap_text`, measuring display columns: words of Latin letters are never broken,
    Chinese may break between any two characters but not before closing punctuation, and a
    paragraph led by a line holding \\b is kept as written."""
    text = _typer_words(text)  # "[default: x]" is appended to the help before it is wrapped
    paragraphs: list[tuple[int, bool, list[str]]] = []
    for block in re.split(r"\n\s*\n", text.expandtabs()) if preserve_paragraphs else [text.expandtabs()]:
        lines = block.splitlines() or [""]
        raw = lines[0].strip() == "\b"
        body = lines[1:] if raw else lines
        indent = len(body[0]) - len(body[0].lstrip()) if body else 0
        paragraphs.append((indent, raw, [line if raw else line.strip() for line in body]))
    out: list[str] = []
    for indent, raw, lines in paragraphs:
        first, rest = initial_indent + " " * indent, subsequent_indent + " " * indent
        if raw:
            out.append("\n".join(rest + line for line in lines))
            continue
        rows: list[str] = []
        lead, row = first, []  # the units of the line being filled
        for unit in _UNITS.findall(_join([line for line in lines if line])):
            unit = " " if unit.isspace() else unit
            if unit == " " and not row:
                continue
            if _columns(lead + "".join(row) + unit.rstrip()) <= width or not row:
                row.append(unit)
                continue
            carried = [unit] if unit != " " else []
            while unit in _NO_LINE_START and len(row) > 1 and row[-1] != " ":
                carried.insert(0, row.pop())  # closing punctuation never starts a line: take its word along
                unit = carried[0]
            while len(row) > 1 and row[-1] in _NO_LINE_END:
                carried.insert(0, row.pop())  # nor does opening punctuation end one
            rows.append((lead + "".join(row)).rstrip())
            lead, row = rest, carried
        rows.append((lead + "".join(row)).rstrip())
        out.append("\n".join(rows))
    return "\n\n".join(out)


_WORDS = [
    (re.compile(r"^Usage: ", re.M), "用法："),
    (re.compile(r"\[OPTIONS\]"), "[选项]"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "命令 [参数]..."),
    (re.compile(r"^Options:$", re.M), "选项："),
    (re.compile(r"^Arguments:$", re.M), "参数："),
    (re.compile(r"^Commands:$", re.M), "命令："),
    (re.compile(r"Show this message and exit\."), "显示本帮助后退出。"),
    (re.compile(r"\[default: ([^\]]*)\]"), r"[默认：\1]"),
    (re.compile(r"\[required\]"), "[必填]"),
]


def _typer_words(text: str) -> str:
    for pattern, chinese in _WORDS:
        text = pattern.sub(chinese, text)
    return text


def usage_error_zh(exc: Any) -> str:
    """A click usage error as click prints it, in Chinese: usage line, where to find help, error."""
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(_typer_words(ctx.get_usage()))
        help_option = next(iter(ctx.help_option_names), "--help") if ctx.command.get_help_option(ctx) else None
        if help_option:
            lines.append(f"用 '{ctx.command_path} {help_option}' 查看帮助。")
        lines.append("")
    lines.append(f"错误：{_reason_zh(exc)}")
    return "\n".join(lines)


def _hint(param: Any) -> str:
    opts = [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return f"'{getattr(param, 'human_readable_name', None) or param.name}'"
    return " / ".join(f"'{o}'" for o in opts)


def _expected(param: Any) -> str | None:
    """What a parameter takes, in words: its choices, or the kind and range of number. Read from
    click's parameter type, or from the annotation where typer keeps it (newer typer)."""
    kind = getattr(param, "type", None)
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    choices = getattr(kind, "choices", None)
    if choices is None and isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        choices = [member.value for member in annotation]
    if choices:
        return f"可选 {'、'.join(str(getattr(c, 'value', c)) for c in choices)}"
    name = getattr(kind, "name", "")
    number = "整数" if annotation is int or name.startswith("integer") else (
        "数字" if annotation is float or name.startswith("float") else None)
    if number is None:
        return None
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is None and high is None:
        low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if low is not None and high is not None:
        return f"应为 {low} 到 {high} 之间的{number}"
    if low is not None:
        return f"应为不小于 {low} 的{number}"
    return f"应为{number}" if high is None else f"应为不大于 {high} 的{number}"


def _reason_zh(exc: Any) -> str:
    kind = type(exc).__name__
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        possible = sorted(getattr(exc, "possibilities", None) or [])
        return f"没有选项 {exc.option_name}" + (f"（可能是：{'、'.join(possible)}）" if possible else "")
    if kind == "MissingParameter" and param is not None:
        what = "参数" if getattr(param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{what} {_hint(param)}"
    if kind == "BadParameter" and param is not None:
        return f"{_hint(param)} 的值无效：{_expected(param) or message}"
    option = getattr(exc, "option_name", None)
    if option and "requires an argument" in message:
        return f"选项 '{option}' 需要一个值"
    if option and "does not take a value" in message:
        return f"选项 '{option}' 不接受值"
    found = re.match(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?", message)
    if found:
        return f"没有命令 '{found[1]}'" + (f"；是否应为 '{found[2]}'？" if found[2] else "")
    found = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if found:
        return f"多余的参数：{found[1]}"
    if message.startswith("Missing command"):
        return "缺少命令"
    return message
