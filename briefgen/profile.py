"""Profiles: which sections a brief has, in what order, and how to recognise their content.

A profile is a YAML file (shipped ones live in ``briefgen/profiles/``)::

    id: default
    title: Policy brief
    sections:
      - id: positive
        title: Positive signals
        kind: bullets            # a module of briefgen/kinds: bluf, bullets, key_figures, actors…
        description: Progress, agreements, concessions and goodwill gestures.
        cues: {agreed: 2, progress: 2, goodwill: 3}
        examples:                # invented, story-neutral sentences of the section's kind
          - The two governments agreed to reopen their embassies next month.
        catch_all: false         # true: a salient fact that fits no section well goes here
        requires: []             # phrases: the section holds bullets only if the sources use one
        subject: []              # names of what it is about: required too, and not its kind
        empty: No positive signals reported.
    marks:                       # optional: the corroboration mark after each bullet
      explanation: Marks after each bullet say how many outlets report it…
      corroborated: "{n} outlets"        # {n}: the outlets whose sentences back it
      single: single-source
      attributed: "per {party}"          # {party}: whose claim it is ("X said")
      hedged: hedged
      disputed: disputed
      confirmed: "confirmed by {n} outlets"  # the bottom line's words for a firm fact

``load_profile(name_or_path)`` returns a ``Profile``: a path is read as given, a name is looked
up in ``./profiles/``, then in the user's ``profiles`` folder (``config_dir()/profiles``, see
:mod:`briefgen.userdirs`), then among the shipped profiles (``profile_folders``,
``find_profiles``).  ``list_profiles()`` gives the shipped ones.  A profile the user wrote is
checked against ``profile_schema()`` (:mod:`briefgen.validate`): an unknown key, a value of
the wrong type or out of range is an ``InputError`` naming the file, the place and the nearest
valid key.  Nothing about sections is hard-coded elsewhere: analysis and templates read it
all here.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from . import kinds
from .errors import InputError
from .userdirs import PROFILE_SUFFIXES, config_dir, is_path
from .yamlsafe import load_yaml, read_limited

SIGNALS = (
    "@contrast",
    "@hedge",
    "@negation",
    "@negated",
    "@reversed",
)  # recognised by briefgen.analyse.sections
DEFAULT_PROFILE = "default"
DEFAULT_KIND = "bullets"  # what a section that names none holds
MAX_ITEMS = 1000  # far more than a brief has room for; beyond it is a typo
FOLDER = "profiles"  # the name of a profiles folder, in the working folder and the config folder
SUFFIXES = PROFILE_SUFFIXES
SHIPPED = "shipped"  # the origin of the profiles that come with briefgen
# Words by which a source hedges what it reports, when a profile's ``marks`` table lists none:
# modal verbs, "reportedly" and its kin, and the passive reporting frames ("is said to").
DEFAULT_HEDGES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unconfirmed",
    "unverified",
    "expected to",
    "said to",
    "believed to",
    "thought to",
    "reported to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
)
MIN_OUTLETS = 2  # outlets that make a fact corroborated: another besides the first
MARK_FIELDS = {  # each wording of a ``marks`` table and the placeholders it may use
    "explanation": (),
    "corroborated": ("n",),
    "single": ("n",),
    "attributed": ("party",),
    "hedged": (),
    "disputed": (),
    "confirmed": ("n",),
}


@dataclass
class SectionSpec:
    """One section as the profile defines it."""

    id: str
    title: str
    kind: str
    description: str = ""
    cues: dict[str, float] = field(default_factory=dict)
    empty: str = "Nothing reported."
    max_items: int = 6
    examples: list[str] = field(default_factory=list)
    catch_all: bool = False
    # Phrases one of which the sources must use for the section to hold bullets: a NATO
    # section on a story that never names NATO would take a firm's "chief executive resigned"
    # for a change of command.
    requires: list[str] = field(default_factory=list)
    # Names of what the section is about ("NATO"), required as ``requires`` phrases are, and
    # read past when judging a sentence's kind of fact: in a story about the alliance every
    # sentence names it, its membership and its quarrels as much as its commands.
    subject: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Marks:
    """The wording of the corroboration marks (a profile's ``marks`` table).

    Each wording is printed as written, ``{n}`` and ``{party}`` filled in; one left empty is
    not printed.  ``explanation`` is the key to the marks, printed at the brief's end with how
    it was made (beside the Sources: it costs the bullets no words); ``corroborated`` and
    ``single`` say how many outlets back a bullet (``min_outlets`` or more: corroborated);
    ``attributed``, ``hedged`` and ``disputed`` follow when they apply; ``confirmed`` replaces
    ``corroborated`` in the bottom line for a fact no source hedges, disputes or gives as one
    party's claim (estimative words; empty: ``corroborated``).  ``hedges`` are the phrases by
    which a source hedges (lower case, matched as written: "may" is not the month May; "said
    to" and the like only after a form of "be", see :func:`briefgen.analyse.support.hedged`).
    """

    explanation: str = ""
    corroborated: str = "{n} outlets"
    single: str = "single-source"
    attributed: str = "per {party}"
    hedged: str = "hedged"
    disputed: str = "disputed"
    confirmed: str = ""
    min_outlets: int = MIN_OUTLETS
    hedges: tuple[str, ...] = DEFAULT_HEDGES


@dataclass
class Profile:
    """A named, ordered set of sections, and the wording of the marks (None: no marks)."""

    id: str
    title: str
    description: str
    sections: list[SectionSpec]
    source_text: str  # the YAML as written, for ``briefgen profiles show``
    marks: Marks | None = None

    def bullet_sections(self) -> list[SectionSpec]:
        """The sections salience chooses bullets for."""
        return [s for s in self.sections if kinds.kind(s.kind).bullets]


@dataclass(frozen=True)
class ProfileFile:
    """A profile a name finds: the name (its file's stem), the file, and where that is.

    ``origin`` is ``"working folder"``, ``"config folder"`` or ``"shipped"``; ``location``
    is the file as messages name it (``profiles/econ.yaml``; a shipped one by its name);
    ``hides`` are the files of the same name later in the lookup, which this one overrides.
    """

    name: str
    file: Traversable
    origin: str
    location: str
    hides: tuple[str, ...] = ()

    def load(self) -> Profile:
        """The profile, read and checked (a user's file against the schema)."""
        if self.origin == SHIPPED:
            return _parse(self.location, self.file.read_text(encoding="utf-8"), check=False)
        return _read_file(Path(str(self.file)), self.location)


def profile_folders(cwd: Path | None = None) -> list[tuple[str, Path]]:
    """The folders a profile name is looked up in before the shipped profiles, in order, each
    with its origin: ``./profiles`` (relative to ``cwd`` when given), then the ``profiles``
    folder of :func:`briefgen.userdirs.config_dir`."""
    here = (cwd / FOLDER) if cwd is not None else Path(FOLDER)
    return [("working folder", here), ("config folder", config_dir() / FOLDER)]


def find_profiles(cwd: Path | None = None) -> list[ProfileFile]:
    """Every profile a name finds, sorted by name: for each name the file in effect (the
    first in the lookup order), with the files it hides."""
    found: dict[str, list[tuple[str, Traversable, str]]] = {}
    for origin, folder in profile_folders(cwd):
        for path in _yaml_files(folder):
            found.setdefault(path.stem, []).append((origin, path, str(path)))
    shipped = resources.files("briefgen") / FOLDER
    for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            name = entry.name.removesuffix(".yaml")
            found.setdefault(name, []).append((SHIPPED, entry, name))
    out = []
    for name in sorted(found):
        (origin, file, location), *rest = found[name]
        hidden = tuple(f"the shipped {n}" if o == SHIPPED else n for o, _, n in rest)
        out.append(ProfileFile(name, file, origin, location, hidden))
    return out


def list_profiles() -> list[Profile]:
    """The profiles shipped with briefgen, sorted by id."""
    folder = resources.files("briefgen") / FOLDER
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return [
        _parse(str(folder / n), (folder / n).read_text(encoding="utf-8"), check=False)
        for n in names
    ]


def load_profile(name_or_path: str = DEFAULT_PROFILE, cwd: Path | None = None) -> Profile:
    """The profile ``name_or_path`` names: a file by its path (one ending in .yaml or .yml,
    or holding a folder), else by name in the folders of :func:`profile_folders`, then among
    the shipped ones; else a file of that name without a suffix."""
    if not is_path(name_or_path):
        for entry in find_profiles(cwd):
            if entry.name == name_or_path:
                return entry.load()
        if not Path(name_or_path).is_file():
            folders = " or ".join(
                f"{folder}/" if folder.is_absolute() else f"./{folder}/"
                for _, folder in profile_folders(cwd)
            )
            shipped = ", ".join(p.id for p in list_profiles())
            raise InputError(
                f"profile {name_or_path!r}: no such profile in {folders} "
                f"(shipped: {shipped}) and no such file"
            )
    return _read_file(Path(name_or_path), name_or_path)


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of a profile file (what ``briefgen schema profile`` prints).

    A ``description`` that starts with "should" or "must" is what an error there says.
    """
    from .validate import DRAFT, EXTENSIONS

    text = {"type": ["string", "number"], "minLength": 1, "description": "should be text"}
    optional_text = {"type": ["string", "number", "null"], "description": "should be text"}
    section = {
        "type": "object",
        "description": "should be a mapping of id, title, kind, cues, examples...",
        "properties": {
            "id": text,
            "title": text,
            "kind": {"enum": list(kinds.names())},
            "description": optional_text,
            "cues": {
                "type": ["object", "null"],
                "description": "must map phrases to numeric weights",
                "additionalProperties": {
                    "type": "number",
                    "description": "should be a number (the cue's weight)",
                },
            },
            "examples": {
                "type": ["array", "null"],
                "description": "must be a list of sentences",
                "items": {"type": "string", "minLength": 1, "description": "must be a sentence"},
            },
            "empty": optional_text,
            "max_items": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_ITEMS,
                "description": f"should be a whole number from 1 to {MAX_ITEMS}",
            },
            "catch_all": {"type": "boolean", "description": "should be true or false"},
            "requires": {
                "type": ["array", "null"],
                "description": "must be a list of phrases",
                "items": {"type": "string", "minLength": 1, "description": "must be a phrase"},
            },
            "subject": {
                "type": ["array", "null"],
                "description": "must be a list of names",
                "items": {"type": "string", "minLength": 1, "description": "must be a name"},
            },
        },
        "required": ["id", "title"],
        "additionalProperties": False,
    }
    wording = {"type": ["string", "null"], "description": "should be text"}
    marks = {
        "type": "object",
        "description": "should be a mapping of the marks' wording: corroborated, single...",
        "properties": {
            **{name: wording for name in MARK_FIELDS},
            "min_outlets": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_ITEMS,
                "description": f"should be a whole number from 1 to {MAX_ITEMS}",
            },
            "hedges": {
                "type": ["array", "null"],
                "description": "must be a list of phrases",
                "items": {"type": "string", "minLength": 1, "description": "must be a phrase"},
            },
        },
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "title": "briefgen profile",
        "type": "object",
        "properties": {
            "id": optional_text,
            "title": optional_text,
            "description": optional_text,
            "sections": {
                "type": "array",
                "minItems": 1,
                "items": section,
                "description": "should be a non-empty list of sections",
            },
            "marks": marks,
        },
        "required": ["sections"],
        "patternProperties": EXTENSIONS,
        "additionalProperties": False,
    }


def _yaml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:  # no such folder (the usual case), or one we may not read
        return []


def _read_file(path: Path, location: str) -> Profile:
    try:
        text = read_limited(path, f"profile {location}").decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"profile {location}: not UTF-8 text") from None
    return _parse(location, text)


def _section_label(path: tuple[Any, ...], data: Any) -> str:
    """A place in a profile as messages name it: a section by its id (``section 'positive'
    cues``), as the profile's author knows it, else by its place (``sections[2]``)."""
    from .validate import path_text

    if len(path) >= 2 and path[0] == "sections" and isinstance(path[1], int):
        section = data["sections"][path[1]]
        ident = section.get("id") if isinstance(section, dict) else None
        if isinstance(ident, (str, int, float)) and not isinstance(ident, bool) and str(ident):
            return f"section {str(ident)!r} {path_text(path[2:])}".rstrip()
    return path_text(path)


def _parse(location: str, text: str, check: bool = True) -> Profile:
    """The profile in ``text``; ``check``: against the schema first (shipped ones are checked
    by the tests instead, so that a build with them does not load the validator)."""
    data = load_yaml(text, f"profile {location}")
    if check and isinstance(data, dict):
        from .validate import check as check_schema

        check_schema(data, profile_schema(), f"profile {location}", _section_label)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("sections"), list)
        or not data["sections"]
    ):
        raise InputError(f"profile {location}: needs a non-empty 'sections' list")
    sections: list[SectionSpec] = []
    for n, raw in enumerate(data["sections"], 1):
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("title"):
            raise InputError(f"profile {location}: section {n} needs an 'id' and a 'title'")
        section_id = _text(raw["id"], f"profile {location}: section {n} id")
        where = f"profile {location}: section {section_id!r}"
        kind = raw.get("kind", DEFAULT_KIND)
        if kind not in kinds.names():
            raise InputError(
                f"{where} has unknown kind {kind!r} (one of {', '.join(kinds.names())})"
            )
        # Types and ranges were checked against the schema (a user's file) or by the tests (a
        # shipped one); what a schema cannot say is checked here.
        cues = raw.get("cues") or {}
        if not all(_is_number(w) for w in cues.values()):  # JSON Schema's numbers include NaN
            raise InputError(f"{where} cues must map phrases to numeric weights")
        unknown = sorted(str(c) for c in cues if str(c).startswith("@") and str(c) not in SIGNALS)
        if unknown:
            raise InputError(
                f"{where} has unknown signal {unknown[0]!r} (one of {', '.join(SIGNALS)})"
            )
        examples = raw.get("examples") or []
        max_items = raw.get("max_items", 6)
        catch_all = raw.get("catch_all", False)
        sections.append(
            SectionSpec(
                id=section_id,
                title=_text(raw["title"], f"{where}: title"),
                kind=kind,
                description=_text(_given(raw, "description", ""), f"{where}: description"),
                cues={str(k).lower(): float(v) for k, v in cues.items()},
                empty=_text(_given(raw, "empty", "Nothing reported."), f"{where}: empty"),
                max_items=max_items,
                examples=[e.strip() for e in examples],
                catch_all=catch_all,
                requires=[r.strip() for r in raw.get("requires") or [] if r.strip()],
                subject=[r.strip() for r in raw.get("subject") or [] if r.strip()],
            )
        )
    if sum(s.catch_all for s in sections) > 1:
        raise InputError(f"profile {location}: at most one section may be the catch_all")
    ids = [s.id for s in sections]
    twice = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
    if twice is not None:
        raise InputError(
            f"profile {location}: section ids must be unique ({twice!r} is used twice)"
        )
    return Profile(
        id=_text(data.get("id") or Path(location).stem, f"profile {location}: id"),
        title=_text(_given(data, "title", "Brief"), f"profile {location}: title"),
        description=_text(_given(data, "description", ""), f"profile {location}: description"),
        sections=sections,
        source_text=text,
        marks=_marks(data.get("marks"), f"profile {location}: marks"),
    )


def _marks(raw: object, where: str) -> Marks | None:
    """The ``marks`` table read (None when the profile has none); each wording may use only
    its own placeholders, so that filling it in never fails in the middle of a build."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError(f"{where} should be a mapping of wordings")
    given = {}
    for name, allowed in MARK_FIELDS.items():
        if raw.get(name) is None:
            continue
        wording = _text(raw[name], f"{where} {name}")
        try:
            parsed = string.Formatter().parse(wording)
            used = [field for _, field, _, _ in parsed if field is not None]
        except ValueError as exc:  # a lone "{" or "}"
            raise InputError(f"{where} {name}: {exc} (write {{{{ or }}}} for a brace)") from None
        unknown = [f for f in used if f not in allowed]
        if unknown:
            may = ", ".join(f"{{{a}}}" for a in allowed) or "none"
            raise InputError(f"{where} {name} uses {{{unknown[0]}}} (placeholders: {may})")
        given[name] = wording
    if raw.get("min_outlets") is not None:
        given["min_outlets"] = raw["min_outlets"]
    if raw.get("hedges") is not None:
        given["hedges"] = tuple(str(h).strip() for h in raw["hedges"] if str(h).strip())
    return Marks(**given)


def _text(value: object, where: str) -> str:
    """A scalar as text: YAML may read a title as a number or a date, but never as a list."""
    if isinstance(value, (dict, list)):
        raise InputError(
            f"{where} should be text, not a {'mapping' if isinstance(value, dict) else 'list'}"
        )
    return str(value)


def _given(mapping: dict, key: str, default: str) -> object:
    """``mapping[key]``, or ``default`` when it is missing or left empty (``description:``)."""
    value = mapping.get(key)
    return default if value is None else value


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
