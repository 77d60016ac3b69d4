"""The data that flows between stages: what readers produce and what analysis produces.

``Article`` is what a reader makes of one source.  ``Brief`` is what analysis makes of
all of them, and what every writer typesets.  A Brief goes to JSON and back without
loss (``brief_to_json`` / ``brief_from_json``), so ``briefgen extract`` can write it, an
analyst can edit it, and ``briefgen render`` can typeset the edited version.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError

SCHEMA_VERSION = 2  # 2: the evidence lists (key figures, actors…) are their sections' items
_MAX_INT_DIGITS = 30  # an edited brief's ids and schema number; far more is a typo or an attack
_ISO_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@dataclass
class Article:
    """One source as read: clean text split into paragraphs, plus what we know of it.

    ``paragraphs`` keeps the article's structure: each is ``(kind, text)`` where kind is
    ``"heading"`` for a sub-heading inside the article and ``"text"`` for body prose.
    """

    text: str
    paragraphs: list[tuple[str, str]]
    title: str
    outlet: str
    url: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    location: str = ""  # the path or URL the user gave, for messages
    author: str | None = None


@dataclass
class Source:
    """A numbered entry of the brief's Sources section; citations ``[id]`` point here."""

    id: int
    outlet: str
    title: str
    date: str | None = None
    url: str | None = None


@dataclass
class Evidence:
    """A sentence exactly as one source has it: what an item is built from."""

    source: int
    sentence: str


@dataclass
class Item:
    """One bullet: its (lightly edited) text, the sources it cites and why it is here."""

    text: str
    section: str
    sources: list[int]
    evidence: list[Evidence]
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A section of the brief, in profile order.

    ``kind`` names the section's kind (:mod:`briefgen.kinds`): what its ``items`` are
    (``Item`` bullets for ``bluf`` and ``bullets``, ``KeyFigure`` rows for ``key_figures``,
    ``Actor``, ``Quote``, ``Discrepancy``…) and the template partial that prints it.
    """

    id: str
    title: str
    kind: str
    items: list[Any] = field(default_factory=list)
    empty_note: str = "Nothing reported."


@dataclass
class KeyFigure:
    """A number with what it counts, as a source gives it."""

    figure: str
    counts: str
    sources: list[int]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Actor:
    """A person or organisation and the role the sources give them."""

    name: str
    role: str
    sources: list[int]


@dataclass
class Quote:
    """A direct quotation, word for word, with its speaker."""

    text: str
    speaker: str
    sources: list[int]


@dataclass
class Claim:
    """What one source says about a contested figure."""

    text: str
    source: int


@dataclass
class Discrepancy:
    """Sources that give different figures or claims for the same thing."""

    topic: str
    claims: list[Claim]


@dataclass
class Skipped:
    """A source that could not be read (with ``--keep-going``) and why."""

    location: str
    reason: str


@dataclass
class Brief:
    """Everything a writer needs; nothing a writer has to work out."""

    title: str
    date: str | None
    profile: str
    profile_title: str
    sections: list[Section]
    sources: list[Source]
    skipped: list[Skipped] = field(default_factory=list)
    generator: str = ""
    schema: int = SCHEMA_VERSION
    generated: str | None = None  # the day the brief was made (YYYY-MM-DD); ``date`` is the news's

    def items_of(self, kind: str) -> list[Any]:
        """The items of every section of ``kind``, in section order."""
        return [item for section in self.sections if section.kind == kind for item in section.items]


def brief_to_json(brief: Brief) -> str:
    """The brief as pretty, stable JSON (UTF-8 text, keys in model order)."""
    return json.dumps(dataclasses.asdict(brief), ensure_ascii=False, indent=2) + "\n"


def brief_from_json(text: str, location: str = "brief JSON") -> Brief:
    """Rebuild a Brief from ``brief_to_json`` output, possibly edited by hand."""
    try:
        data = json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"{location}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:  # json recurses once per [ or {: a few thousand deep is enough
        raise InputError(f"{location}: not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # from the two hooks below
        raise InputError(f"{location}: not valid JSON ({exc})") from None
    from . import kinds

    try:
        if isinstance(data, dict):
            data = kinds.upgrade(data)
        brief = _build(Brief, data, "brief")
        for n, section in enumerate(brief.sections):
            try:
                entry = kinds.kind(section.kind).entry
            except KeyError:
                raise ValueError(
                    f"brief.sections[{n}].kind {section.kind!r} is not a kind of section "
                    f"({', '.join(kinds.names())})"
                ) from None
            section.items = [
                _build(entry, item, f"brief.sections[{n}].items[{i}]")
                for i, item in enumerate(section.items)
            ]
        if brief.date is not None and not _ISO_DAY.fullmatch(brief.date):
            # The date names the output files: it must not carry '/', NUL or the like.
            raise ValueError(f"brief.date should be YYYY-MM-DD, not {brief.date!r}")
        if brief.generated is not None and not _ISO_DAY.fullmatch(brief.generated):
            raise ValueError(f"brief.generated should be YYYY-MM-DD, not {brief.generated!r}")
        return brief
    except (TypeError, ValueError, KeyError) as exc:
        raise InputError(f"{location}: not a briefgen brief ({exc})") from None


def _json_int(digits: str) -> int:
    # Python refuses to read an int of over 4300 digits with a ValueError that advises
    # sys.set_int_max_str_digits(); no field of a brief needs more than a few.
    if len(digits) > _MAX_INT_DIGITS:
        raise ValueError(f"a {len(digits)}-digit number is too long")
    return int(digits)


def _json_constant(name: str) -> typing.NoReturn:
    # json.loads accepts NaN and Infinity, which are not JSON and which no writer can place.
    raise ValueError(f"{name} is not a JSON number")


def _build(kind: typing.Any, value: typing.Any, where: str) -> typing.Any:
    """Turn JSON data into ``kind`` (a dataclass, list, tuple, union or scalar), strictly."""
    origin = typing.get_origin(kind)
    if kind is typing.Any:
        return value  # a section's items: typed by its kind once the section is known
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"{where} should be an object")
        hints = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        unknown = set(value) - known
        if unknown:
            raise ValueError(f"{where} has unknown field {sorted(unknown)[0]!r}")
        return kind(**{k: _build(hints[k], v, f"{where}.{k}") for k, v in value.items()})
    if origin is list:
        if not isinstance(value, list):
            raise TypeError(f"{where} should be a list")
        (inner,) = typing.get_args(kind)
        return [_build(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(value, list) or len(value) != len(args):
            raise TypeError(f"{where} should be a list of {len(args)}")
        return tuple(_build(a, v, where) for a, v in zip(args, value))
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(kind)
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _build(inner, value, where)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is float and isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where} should be a finite number")  # 1e999 reads as inf
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"{where} should be {kind.__name__}")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            # JSON may escape a lone surrogate (\ud800); no output format can hold one.
            raise ValueError(
                f"{where} holds a lone surrogate \\u{ord(value[exc.start]):04x}"
            ) from None
    return value
