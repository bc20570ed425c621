"""Messages of the tools (explain, rubric, indicators, the commands), {zh, en}; merged into the one
catalogue in `cluster_assess.i18n`. Every placeholder is filled by `i18n.msg(key, **params)`."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
}
