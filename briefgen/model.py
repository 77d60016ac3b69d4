"""The data that flows between stages: what readers produce and what analysis produces.

``Article`` is what a reader makes of one source.  ``Brief`` is what analysis makes of
all of them, and what every writer typesets.  A Brief goes to JSON and back without
loss (``brief_to_json`` / ``brief_from_json``), so ``briefgen extract`` can write it, an
analyst can edit it, and ``briefgen render`` can typeset the edited version.

An edited brief is read strictly: a field unknown, missing or of the wrong type, or a
citation of a source the brief does not list, is an ``InputError`` naming its JSON path
("brief.sections[3].items[0]: missing field 'evidence'"); a bullet whose text has words its
evidence sentences lack is a warning.  ``brief_schema()`` is the JSON Schema of the brief
(``briefgen schema``), made from these dataclasses and the kinds' item types.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import types
import typing
import warnings
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError

# 2: the evidence lists (key figures, actors…) are their sections' items; 3: bullets and
# differences carry their ``support`` (the corroboration mark) and the brief its explanation.
SCHEMA_VERSION = 3
_MAX_INT_DIGITS = 30  # an edited brief's ids and schema number; far more is a typo or an attack
_ISO_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits: what a bullet's words are compared by
# "NewsThe": a page's byline run into its first sentence, which analysis cuts at the capital.
_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_WORDS_SHOWN = 4  # of the words an edited bullet's evidence lacks, those a warning names
_IDS_SHOWN = 10  # of the brief's source ids, those an error about a citation lists


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
class Support:
    """How sure a line is, as its evidence shows (:mod:`briefgen.analyse.support`).

    ``outlets``: the distinct sources whose sentences back it; ``attributed_to``: the one
    party every one of them gives it as the claim of ("X said", "according to X"), or "";
    ``hedged``: a source hedges it ("reportedly", "may"); ``disputed``: it states a figure or
    claim of the Sources differ section.  ``label`` is the mark printed after the line, in
    the profile's wording ("" prints nothing).
    """

    outlets: int
    attributed_to: str = ""
    hedged: bool = False
    disputed: bool = False
    label: str = ""


@dataclass
class Item:
    """One bullet: its (lightly edited) text, the sources it cites and why it is here.

    ``support`` is its corroboration mark (None in a brief of schema 2 or older: no mark)."""

    text: str
    section: str
    sources: list[int]
    evidence: list[Evidence]
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)
    support: Support | None = None


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


ELISION = " … "  # words of a source left out of a claim ("death toll … has risen to 1,644")


@dataclass
class Claim:
    """What one source says about a contested figure: its words, a stretch of them left out
    where ``ELISION`` stands."""

    text: str
    source: int

    def parts(self) -> list[str]:
        """The stretches of the source's words the claim quotes."""
        parts = (part.strip(" " + ELISION.strip()) for part in self.text.split(ELISION))
        return [part for part in parts if part]


@dataclass
class Discrepancy:
    """Sources that give different figures or claims for the same thing."""

    topic: str
    claims: list[Claim]
    support: Support | None = None  # always disputed; None: printed without a mark


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
    support_note: str = ""  # the key to the marks, closing the brief ("": none)

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
    from .validate import did_you_mean

    try:
        if isinstance(data, dict):
            data = _upgrade(kinds.upgrade(data))
        brief = _build(Brief, data, "brief")
        for n, section in enumerate(brief.sections):
            try:
                entry = kinds.kind(section.kind).entry
            except KeyError:
                raise ValueError(
                    f"brief.sections[{n}].kind {section.kind!r} is not a kind of section "
                    f"({', '.join(kinds.names())}){did_you_mean(section.kind, kinds.names())}"
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
    except (TypeError, ValueError, KeyError) as exc:
        raise InputError(f"{location}: not a briefgen brief ({exc})") from None
    _check_citations(brief, location)
    _check_evidence(brief, location)
    return brief


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A brief of schema 2 in schema 3: the fields 3 adds are optional (a line without its
    ``support`` prints no mark, as before), so only the number changes."""
    if data.get("schema") == 2:
        data = {**data, "schema": 3}
    return data


def _check_citations(brief: Brief, location: str) -> None:
    """Refuse a citation of a source the brief does not list: it would print a number that
    points nowhere (or, with ids given twice, to either of two sources)."""
    ids: set[int] = set()
    for n, source in enumerate(brief.sources):
        if source.id in ids:
            raise InputError(
                f"{location}: brief.sources[{n}].id {source.id} is given to two sources"
            )
        ids.add(source.id)
    for n, section in enumerate(brief.sections):
        for i, item in enumerate(section.items):
            for path, cited in _citations(item, f"brief.sections[{n}].items[{i}]"):
                if cited not in ids:
                    raise InputError(
                        f"{location}: {path} cites source {cited}, which the brief does not "
                        f"list (its sources: {_id_list(ids)})"
                    )


def _citations(value: Any, where: str) -> typing.Iterator[tuple[str, int]]:
    """``(path, id)`` for each source id an item cites: its fields named ``sources`` (a list)
    and ``source`` (one id), in it and in what it holds (evidence, claims)."""
    if not dataclasses.is_dataclass(value):
        return
    for f in dataclasses.fields(value):
        inner = getattr(value, f.name)
        path = f"{where}.{f.name}"
        if f.name == "source" and isinstance(inner, int):
            yield path, inner
        elif isinstance(inner, list):
            for j, entry in enumerate(inner):
                if f.name == "sources" and isinstance(entry, int):
                    yield f"{path}[{j}]", entry
                else:
                    yield from _citations(entry, f"{path}[{j}]")
        else:
            yield from _citations(inner, path)


def _id_list(ids: set[int]) -> str:
    """'1–12', or the ids one by one when they are not a run (the first few)."""
    ordered = sorted(ids)
    if not ordered:
        return "none"
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    shown = ", ".join(map(str, ordered[:_IDS_SHOWN]))
    return shown + (", …" if len(ordered) > _IDS_SHOWN else "")


def _check_evidence(brief: Brief, location: str) -> None:
    """Warn, once per item, when a bullet's text has words none of its evidence sentences
    has: edited by hand, it may no longer say what its citations back.  Analysis only ever
    removes words from a source's sentence (briefgen.analyse.edit), so a brief as extracted
    never warns."""
    for n, section in enumerate(brief.sections):
        for i, item in enumerate(section.items):
            text, evidence = getattr(item, "text", None), getattr(item, "evidence", None)
            if not isinstance(text, str) or not isinstance(evidence, list):
                continue
            said = _RUN_TOGETHER.sub(" ", " ".join(e.sentence for e in evidence))
            backed = set(_WORD.findall(said.casefold()))
            lacking = [w for w in dict.fromkeys(_WORD.findall(text.casefold())) if w not in backed]
            if not lacking:
                continue
            where = f"{location}: brief.sections[{n}].items[{i}]"
            if not evidence:
                warnings.warn(f"{where} has no evidence for its text", stacklevel=3)
                continue
            words = ", ".join(repr(w) for w in lacking[:_WORDS_SHOWN])
            more = f" and {len(lacking) - _WORDS_SHOWN} more" if len(lacking) > _WORDS_SHOWN else ""
            warnings.warn(
                f"{where}: its text no longer matches its evidence ({words}{more} not in it)",
                stacklevel=3,
            )


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
        from .validate import did_you_mean

        hints = typing.get_type_hints(kind)
        fields = dataclasses.fields(kind)
        known = [f.name for f in fields]
        unknown = [k for k in value if k not in known]
        if unknown:  # before what is missing: a misspelt field is both
            hint = did_you_mean(unknown[0], [k for k in known if k not in value])
            raise ValueError(f"{where} has unknown field {unknown[0]!r}{hint}")
        missing = [f.name for f in fields if f.name not in value and _required(f)]
        if missing:
            raise ValueError(f"{where}: missing field {missing[0]!r}")
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


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def brief_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``brief_to_json``'s output: made from the
    dataclasses above, each section's items typed by its kind (:mod:`briefgen.kinds`).

    What a schema cannot say, ``brief_from_json`` still checks: that each citation names a
    listed source, and the bullets' evidence.
    """
    from . import kinds
    from .validate import DRAFT

    defs: dict[str, Any] = {}
    root = _schema_of(Brief, defs)
    section = defs["Section"]
    section["properties"]["kind"] = {"enum": list(kinds.names())}
    section["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {"items": {"items": _schema_of(kinds.kind(name).entry, defs)}}},
        }
        for name in kinds.names()
    ]
    day = {"type": ["string", "null"], "pattern": f"^{_ISO_DAY.pattern}$"}
    defs["Brief"]["properties"].update(date=day, generated=day)
    return {
        "$schema": DRAFT,
        "title": "briefgen brief",
        "description": f"A brief as briefgen extract writes it (schema {SCHEMA_VERSION}).",
        **root,
        "$defs": defs,
    }


_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _schema_of(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a type hint as ``_build`` reads it; a dataclass goes into ``defs``
    (under its name) and is referred to."""
    origin = typing.get_origin(kind)
    if kind is typing.Any:
        return {}
    if dataclasses.is_dataclass(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # taken before its fields are made: a field may refer back to it
            hints = typing.get_type_hints(kind)
            fields = dataclasses.fields(kind)
            defs[name].update(
                type="object",
                description=(kind.__doc__ or name).strip().splitlines()[0],
                properties={f.name: _schema_of(hints[f.name], defs) for f in fields},
                required=[f.name for f in fields if _required(f)],
                additionalProperties=False,
            )
        return {"$ref": f"#/$defs/{name}"}
    if origin is list:
        (inner,) = typing.get_args(kind)
        return {"type": "array", "items": _schema_of(inner, defs)}
    if origin is tuple:
        args = typing.get_args(kind)
        return {
            "type": "array",
            "prefixItems": [_schema_of(a, defs) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(kind) if a is not type(None)]
        schema = _schema_of(inner, defs)
        if set(schema) == {"type"}:
            return {"type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}
    return {"type": _SCALARS[kind]}
