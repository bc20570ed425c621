"""Interface strings in one catalogue, and how the language is chosen.

`--lang`, else CLUSTER_ASSESS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")

# The labels (headings, statuses, columns) live in cluster_assess/labels.py, the ranking's
# strings beside its code (cluster_assess/rank/messages.py), and the messages (errors, warnings,
# notes) theirs (cluster_assess/messages*.py, io/messages.py); one catalogue.
from cluster_assess.io.messages import TEXT as _IO_MESSAGES  # noqa: E402
from cluster_assess.labels import TEXT as _LABELS  # noqa: E402
from cluster_assess.messages import TEXT as _MESSAGES  # noqa: E402
from cluster_assess.messages_tools import TEXT as _TOOL_MESSAGES  # noqa: E402
from cluster_assess.rank.messages import TEXT as _RANK_TEXT  # noqa: E402

CATALOGUE: dict[str, dict[str, str]] = dict(_LABELS)
CATALOGUE.update(_RANK_TEXT)
CATALOGUE.update(_MESSAGES)
CATALOGUE.update(_TOOL_MESSAGES)
CATALOGUE.update(_IO_MESSAGES)

# The language the current command speaks, set once its options are read; errors raised before
# that (or by the library alone) are said in the language the environment asks for.
ACTIVE: str | None = None


def t(key: str, lang: str) -> str:
    return CATALOGUE[key][lang if lang in LANGS else "en"]


class Msg(str):
    """A message from the catalogue: its English text (so it reads as a str everywhere, in tests and
    logs), plus the key and parameters to say it in the reader's language at print time."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Msg:
        self = super().__new__(cls, _fill(key, "en", params))
        self.key, self.params = key, params
        return self

    def __reduce__(self):  # pickles across processes (score's workers) with key and parameters
        return (_rebuild, (self.key, self.params))

    def say(self, lang: str) -> str:
        return _fill(self.key, lang, self.params)


def _rebuild(key: str, params: dict[str, object]) -> Msg:
    return Msg(key, **params)


def _fill(key: str, lang: str, params: dict[str, object]) -> str:
    values = {name: _param(value, lang) for name, value in params.items()}
    return t(key, lang).format(**values)


def _param(value: object, lang: str) -> object:
    """A parameter in `lang`: a Msg is said, a {zh, en} pair picked; anything else as it is."""
    if isinstance(value, Msg):
        return value.say(lang)
    if isinstance(value, dict) and "en" in value and "zh" in value:
        return value[lang if lang in LANGS else "en"]
    return value


def msg(key: str, /, **params: object) -> Msg:
    """The message `key` of the catalogue with its parameters; a parameter may itself be a Msg."""
    return Msg(key, **params)


def say(text: object, lang: str | None = None) -> str:
    """A message in `lang` (default: the active language); plain strings pass unchanged."""
    language = lang or current_lang()
    return text.say(language) if isinstance(text, Msg) else str(text)


def current_lang() -> str:
    return ACTIVE or resolve_lang(None)


def resolve_lang(option: str | None) -> str:
    """Pick the interface language; an unknown value is a user error raised by the caller."""
    if option:
        return option
    env = os.environ.get("CLUSTER_ASSESS_LANG")
    if env in LANGS:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"

# -- the printed report and the workbooks (cluster_assess/report/messages.py) ---------------------
from cluster_assess.report.messages import TEXT as _PRINT_TEXT  # noqa: E402

CATALOGUE.update(_PRINT_TEXT)
