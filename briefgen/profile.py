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
        empty: No positive signals reported.

``load_profile(name_or_path)`` returns a ``Profile``; ``list_profiles()`` the shipped ones.
Nothing about sections is hard-coded elsewhere: analysis and templates read it all here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import kinds
from .errors import InputError
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


@dataclass
class Profile:
    """A named, ordered set of sections."""

    id: str
    title: str
    description: str
    sections: list[SectionSpec]
    source_text: str  # the YAML as written, for ``briefgen profiles show``

    def bullet_sections(self) -> list[SectionSpec]:
        """The sections salience chooses bullets for."""
        return [s for s in self.sections if kinds.kind(s.kind).bullets]


def list_profiles() -> list[Profile]:
    """The profiles shipped with briefgen, sorted by id."""
    folder = resources.files("briefgen") / "profiles"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return [_parse(str(folder / n), (folder / n).read_text(encoding="utf-8")) for n in names]


def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name, or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        try:
            text = read_limited(path, f"profile {name_or_path}").decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"profile {name_or_path}: not UTF-8 text") from None
        return _parse(name_or_path, text)
    shipped = resources.files("briefgen") / "profiles" / f"{name_or_path}.yaml"
    if not shipped.is_file():
        names = ", ".join(p.id for p in list_profiles())
        raise InputError(
            f"profile {name_or_path!r}: no such profile (shipped: {names}) and no such file"
        )
    return _parse(name_or_path, shipped.read_text(encoding="utf-8"))


def _parse(location: str, text: str) -> Profile:
    data = load_yaml(text, f"profile {location}")
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
        cues = raw.get("cues") or {}
        if not isinstance(cues, dict) or not all(_is_number(w) for w in cues.values()):
            raise InputError(f"{where} cues must map phrases to numeric weights")
        unknown = sorted(str(c) for c in cues if str(c).startswith("@") and str(c) not in SIGNALS)
        if unknown:
            raise InputError(
                f"{where} has unknown signal {unknown[0]!r} (one of {', '.join(SIGNALS)})"
            )
        examples = raw.get("examples") or []
        if not isinstance(examples, list) or not all(
            isinstance(e, str) and e.strip() for e in examples
        ):
            raise InputError(f"{where} examples must be a list of sentences")
        max_items = raw.get("max_items", 6)
        if (
            isinstance(max_items, bool)
            or not isinstance(max_items, int)
            or not 1 <= max_items <= MAX_ITEMS
        ):
            raise InputError(
                f"{where}: max_items should be a whole number from 1 to {MAX_ITEMS}, "
                f"not {max_items!r}"
            )
        catch_all = raw.get("catch_all", False)
        if not isinstance(catch_all, bool):
            raise InputError(f"{where}: catch_all should be true or false, not {catch_all!r}")
        sections.append(
            SectionSpec(
                id=section_id,
                title=_text(raw["title"], f"{where}: title"),
                kind=kind,
                description=_text(raw.get("description", ""), f"{where}: description"),
                cues={str(k).lower(): float(v) for k, v in cues.items()},
                empty=_text(raw.get("empty", "Nothing reported."), f"{where}: empty"),
                max_items=max_items,
                examples=[e.strip() for e in examples],
                catch_all=catch_all,
            )
        )
    if sum(s.catch_all for s in sections) > 1:
        raise InputError(f"profile {location}: at most one section may be the catch_all")
    ids = [s.id for s in sections]
    if len(set(ids)) != len(ids):
        raise InputError(f"profile {location}: section ids must be unique")
    return Profile(
        id=_text(data.get("id") or Path(location).stem, f"profile {location}: id"),
        title=_text(data.get("title", "Brief"), f"profile {location}: title"),
        description=_text(data.get("description", ""), f"profile {location}: description"),
        sections=sections,
        source_text=text,
    )


def _text(value: object, where: str) -> str:
    """A scalar as text: YAML may read a title as a number or a date, but never as a list."""
    if isinstance(value, (dict, list)):
        raise InputError(
            f"{where} should be text, not a {'mapping' if isinstance(value, dict) else 'list'}"
        )
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
