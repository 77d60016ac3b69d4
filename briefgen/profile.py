"""Profiles: which sections a brief has, in what order, and how to recognise their content.

A profile is a YAML file (shipped ones live in ``briefgen/profiles/``)::

    id: default
    title: Policy brief
    sections:
      - id: positive
        title: Positive signals
        kind: bullets            # bluf | bullets | key_figures | discrepancies | actors | quotes | sources
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

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .errors import InputError

SIGNALS = ("@contrast", "@hedge", "@negation", "@negated", "@reversed")  # recognised by briefgen.analyse.sections
KINDS = ("bluf", "bullets", "key_figures", "discrepancies", "actors", "quotes", "sources")
DEFAULT_PROFILE = "default"


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
        return [s for s in self.sections if s.kind == "bullets"]


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
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"profile {name_or_path}: cannot read ({exc.strerror})") from None
        return _parse(name_or_path, text)
    shipped = resources.files("briefgen") / "profiles" / f"{name_or_path}.yaml"
    if not shipped.is_file():
        names = ", ".join(p.id for p in list_profiles())
        raise InputError(f"profile {name_or_path!r}: no such profile (shipped: {names}) and no such file")
    return _parse(name_or_path, shipped.read_text(encoding="utf-8"))


def _parse(location: str, text: str) -> Profile:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"profile {location}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list) or not data["sections"]:
        raise InputError(f"profile {location}: needs a non-empty 'sections' list")
    sections: list[SectionSpec] = []
    for n, raw in enumerate(data["sections"], 1):
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("title"):
            raise InputError(f"profile {location}: section {n} needs an 'id' and a 'title'")
        kind = raw.get("kind", "bullets")
        if kind not in KINDS:
            raise InputError(f"profile {location}: section {raw['id']!r} has unknown kind {kind!r} (one of {', '.join(KINDS)})")
        cues = raw.get("cues") or {}
        if not isinstance(cues, dict) or not all(isinstance(w, (int, float)) for w in cues.values()):
            raise InputError(f"profile {location}: section {raw['id']!r} cues must map phrases to numeric weights")
        unknown = sorted(str(c) for c in cues if str(c).startswith("@") and str(c) not in SIGNALS)
        if unknown:
            raise InputError(f"profile {location}: section {raw['id']!r} has unknown signal {unknown[0]!r} (one of {', '.join(SIGNALS)})")
        examples = raw.get("examples") or []
        if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
            raise InputError(f"profile {location}: section {raw['id']!r} examples must be a list of sentences")
        sections.append(
            SectionSpec(
                id=str(raw["id"]),
                title=str(raw["title"]),
                kind=kind,
                description=str(raw.get("description", "")),
                cues={str(k).lower(): float(v) for k, v in cues.items()},
                empty=str(raw.get("empty", "Nothing reported.")),
                max_items=int(raw.get("max_items", 6)),
                examples=[e.strip() for e in examples],
                catch_all=bool(raw.get("catch_all", False)),
            )
        )
    if sum(s.catch_all for s in sections) > 1:
        raise InputError(f"profile {location}: at most one section may be the catch_all")
    ids = [s.id for s in sections]
    if len(set(ids)) != len(ids):
        raise InputError(f"profile {location}: section ids must be unique")
    return Profile(
        id=str(data.get("id") or Path(location).stem),
        title=str(data.get("title", "Brief")),
        description=str(data.get("description", "")),
        sections=sections,
        source_text=text,
    )
