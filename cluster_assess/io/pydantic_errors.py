"""Turning pydantic's errors into `file:line:column: field: message`, with 'did you mean'."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from cluster_assess.errors import Problem
from cluster_assess.i18n import Msg, msg
from cluster_assess.io.yamlsource import SourceMap


def translate(
    exc: ValidationError,
    source: SourceMap,
    data: Any,
    root: type[BaseModel],
    elsewhere: Callable[[str], list[str]] | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = clean_loc(error["loc"], data)
        kind = error["type"]
        if loc and _get(data, loc) is None and not isinstance(_get(data, loc[:-1]), dict | list):
            loc = loc[:-1]  # `rating: 7` reports at the rating, not at an implied `.score`
        if kind == "extra_forbidden" and loc:
            parent = model_at(root, loc[:-1])
            candidates = [_alias(parent, n) for n in parent.model_fields] if parent else []
            hint = difflib.get_close_matches(str(loc[-1]), candidates, n=1, cutoff=0.5)
            if not hint and elsewhere is not None:
                hint = elsewhere(str(loc[-1]))
            message = msg("unknown_key", key=loc[-1])
            if hint:
                message = msg("unknown_key_hint", key=loc[-1], hint=hint[0])
            elif candidates:
                message = msg("unknown_key_allowed", key=loc[-1], allowed=", ".join(candidates))
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            got = _get(data, loc)
            message = msg("expected_mapping", got=describe_type(got))
        elif kind == "missing":
            message = msg("key_required")
        elif kind in _EXPECTED:
            message = msg("expected_here", want=msg(_EXPECTED[kind]), got=describe_type(_get(data, loc)))
        elif kind in _BOUNDS and isinstance(error.get("ctx"), dict):
            word, key = _BOUNDS[kind]
            limit = error["ctx"].get(key)
            shown = f"{limit:g}" if isinstance(limit, int | float) else limit
            message = msg(word, value=error.get("input"), limit=shown)
        elif kind in _GENERIC and isinstance(error.get("ctx"), dict):
            message = msg(_GENERIC[kind], **{k: v for k, v in error["ctx"].items() if isinstance(v, str | int)})
        else:
            cause = error.get("ctx", {}).get("error") if isinstance(error.get("ctx"), dict) else None
            said = cause.args[0] if isinstance(cause, Exception) and cause.args else None
            message = said if isinstance(said, Msg) else error["msg"].removeprefix("Value error, ")
        problems.append(source.problem(loc, message))
    return problems


_EXPECTED = {  # pydantic's error type → what was wanted (a catalogue key)
    "string_type": "want_text",
    "int_type": "want_int",
    "int_parsing": "want_int",
    "int_from_float": "want_int",
    "float_type": "want_number",
    "float_parsing": "want_number",
    "bool_type": "want_bool",
    "bool_parsing": "want_bool",
    "list_type": "want_list",
}
_GENERIC = {  # pydantic's other error types → a catalogue message filled from the error's context
    "string_pattern_mismatch": "pd_pattern",
    "string_too_short": "pd_text_short",
    "too_short": "pd_list_short",
    "literal_error": "pd_literal",
}
_BOUNDS = {
    "less_than_equal": ("bound_le", "le"),
    "greater_than_equal": ("bound_ge", "ge"),
    "less_than": ("bound_lt", "lt"),
    "greater_than": ("bound_gt", "gt"),
}


def clean_loc(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """The user's path from a pydantic location: drop the validator and model names pydantic
    inserts (`function-before[...]`, `Rating`), but never a key the user wrote (`A:` is a key)."""
    out: list[Any] = []
    node = data
    for part in loc:
        in_data = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node))
        if in_data:
            out.append(part)
            node = node[part]
        elif not (isinstance(part, str) and (part.startswith("function-") or part[:1].isupper())):
            out.append(part)
            node = None
    return tuple(out)


def describe_type(value: Any) -> Msg:
    if value is None:
        return msg("type_empty")
    if isinstance(value, bool):
        return msg("type_bool")
    if isinstance(value, int | float):
        return msg("type_number", value=value)
    if isinstance(value, str):
        return msg("type_text", value=value)
    if isinstance(value, list):
        return msg("type_list")
    return msg("type_other", name=type(value).__name__)


def _alias(model: type[BaseModel], name: str) -> str:
    return model.model_fields[name].alias or name


def _get(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if (isinstance(data, dict) and part in data) or in_list:
            data = data[part]
        else:
            return None
    return data


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside `Model`, `Model | None`, `list[Model]`, `dict[str, Model]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        by_alias = {(_alias(model, n)): n for n in model.model_fields}
        name = by_alias.get(str(part), str(part))
        info = model.model_fields.get(name)
        if info is None:
            # a dict key (e.g. a model id in a mapping): stay on the value model
            continue
        model = _model_in(info.annotation)
    return model
