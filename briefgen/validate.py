"""Settings files (profiles, styles) checked against a JSON Schema, with errors a user can act on.

``check(data, schema, where)`` raises one ``InputError`` for the first problem of ``data``
(YAML already loaded) against ``schema``: an unknown key with the nearest valid one
("unknown key cue in section 'positive'; did you mean cues?"), a value of the wrong type or
out of range ("margins.top should be a number from 5 to 60, not 0"), a missing key or a value
not among those allowed.  The schemas themselves live beside the code that reads the files
(``briefgen.profile``, ``briefgen.typeset.style``) and ``briefgen schema`` prints them.

Conventions of the messages: key paths are written bare (``font.pdf[0]``), values quoted as
Python writes them (``'abc'``); a subschema's ``description``, when it starts with "should" or
"must", is the predicate its errors print ("should be a whole number from 1 to 1000").

The library is jsonschema, the reference implementation of JSON Schema for Python, rather
than pydantic: the rules are one JSON Schema document per file kind, the same one we publish
for editors, instead of model classes whose error locations we would translate anyway; and
it imports in about 0.14 s here against pydantic's 0.2 s.  It is imported only when a file
is checked (``briefgen --help`` and a render with the shipped style never load it).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

from .errors import InputError

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Top-level keys a file may hold for its own use, as in docker-compose: a place to define
# YAML anchors (``x-cues: &cues {...}``) that sections then share with ``*cues``.
EXTENSIONS = {"^x-": {}}
Path_ = tuple[Any, ...]  # a key path into the data: ("sections", 2, "cues")
Label = Callable[[Path_, Any], str]  # (path, data) → how a message names that place

_BARE = re.compile(r"[A-Za-z_][\w-]*|\d+")  # a key written without quotes in a path
_REPR_MAX = 80  # characters of a wrong value a message quotes
# Which of several problems at one place to report: a misspelt key explains the "missing"
# key and the ignored value that come with it.
_RANK = {"additionalProperties": 0, "enum": 1, "required": 2}
_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


def check(data: Any, schema: dict, where: str, label: Label | None = None) -> None:
    """Raise ``InputError("{where}: {problem}")`` for the first problem of ``data`` (plain
    data read from YAML) against the JSON Schema ``schema``; return if there is none.

    ``label(path, data)`` names a place in messages; by default its key path
    (``font.pdf[0]``).  Problems are ordered as the file is written, and at one place an
    unknown key comes before what else is wrong there.
    """
    import jsonschema  # here, not at the top: see the module docstring

    plain = _jsonable(data)
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(plain))
    if not errors:
        return
    error = min(
        errors,
        key=lambda e: (_position(plain, tuple(e.absolute_path)), _RANK.get(e.validator, 9)),
    )
    raise InputError(f"{where}: {_explain(error, plain, label or _path_label)}")


def did_you_mean(word: object, choices: Sequence[str], quote: bool = True) -> str:
    """ "; did you mean X?" with the choice nearest ``word`` (quoted as a value, or bare as a
    key when ``quote`` is false), or "" when none is near."""
    near = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    if not near:
        return ""
    return f"; did you mean {repr(near[0]) if quote else key_text(near[0])}?"


def path_text(path: Path_) -> str:
    """A key path as a message writes it: ``sections[2].cues['first step']``."""
    out = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            out += f"[{step}]"
        elif isinstance(step, str) and _BARE.fullmatch(step):
            out += f".{step}" if out else step
        else:
            out += f"[{step!r}]"
    return out


def key_text(key: object) -> str:
    """A key as a message writes it: bare when it reads as a name or a number, else quoted."""
    if isinstance(key, str) and _BARE.fullmatch(key):
        return key
    return repr(key)


def _path_label(path: Path_, _data: Any) -> str:
    return path_text(path)


def _explain(error: Any, data: Any, label: Label) -> str:
    """One error of jsonschema as our one-line message (without the file's name)."""
    path = tuple(error.absolute_path)
    value = error.instance
    if error.validator == "additionalProperties" and isinstance(value, dict):
        known = list(error.schema.get("properties", {}))
        patterns = list(error.schema.get("patternProperties", {}))
        key = next(
            k for k in value if k not in known and not any(re.search(p, k) for p in patterns)
        )
        where = f" in {label(path, data)}" if path else ""
        hint = did_you_mean(key, known, quote=False) or f" (known: {', '.join(known)})"
        return f"unknown key {key_text(key)}{where}{hint}"
    if error.validator == "required" and isinstance(value, dict):
        key = next(k for k in error.validator_value if k not in value)
        where = f" in {label(path, data)}" if path else ""
        return f"missing key {key_text(key)}{where}"
    if error.validator == "enum" and path:
        allowed = error.validator_value
        owner = f"{label(path[:-1], data)} has " if path[:-1] else ""
        return (
            f"{owner}unknown {key_text(path[-1])} {_short(value)} "
            f"(one of {', '.join(map(str, allowed))}){did_you_mean(value, list(map(str, allowed)))}"
        )
    predicate = error.schema.get("description", "")
    if not predicate.startswith(("should", "must")):
        predicate = _predicate(error)
    return f"{label(path, data) or 'the file'} {predicate}, not {_short(value)}"


def _predicate(error: Any) -> str:
    """What a value should be, said from the failing keyword when the schema does not say."""
    if error.validator == "type":
        types = error.validator_value
        words = [_TYPE_WORDS[t] for t in ([types] if isinstance(types, str) else types)]
        return "should be " + " or ".join(words)
    return f"is not valid ({error.message})"


def _position(data: Any, path: Path_) -> tuple[int, ...]:
    """Where ``path`` is in the file, as written: the index of each step among its siblings."""
    out = []
    for step in path:
        if isinstance(data, dict):
            out.append(list(data).index(step))
        elif isinstance(data, list):
            out.append(step)
        data = data[step]
    return tuple(out)


def _jsonable(value: Any) -> Any:
    """YAML's data as JSON's: keys as text (``1:`` is the key "1"), and dates as text, which
    JSON Schema does not know and briefgen reads where it wants text (a title 2025-03-19)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _short(value: object) -> str:
    """``repr(value)``, cut to a length one line can hold."""
    text = repr(value)
    return text if len(text) <= _REPR_MAX else text[: _REPR_MAX - 1] + "…"
