"""Actors: the people (then organisations) who act or speak in the brief, with the roles
the sources give them (``Actor``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Actor, Brief
from . import CITATION, DASH, Kind, Story, words

if TYPE_CHECKING:
    from ..analyse.items import Candidate
    from ..profile import SectionSpec


def collect(story: Story, spec: SectionSpec) -> list[Actor]:
    from ..analyse.evidence import find_actors

    return find_actors(story.sentences, spec.max_items)


def in_the_brief(
    actors: list[Actor], _spec: SectionSpec, story: Story, brief: Brief
) -> list[Actor]:
    """Those of the actors a bullet names or whose quotation the brief prints, as the story
    ranks them: the reader meets no one the brief does not tell of.  Listing everyone the
    sources name cost the bullets their words: tune recall over five budgets 0.538 -> 0.545 and
    the invented probe sets' 0.492 -> 0.498 without the others (28 Nov 2026)."""
    speakers = {q.speaker for q in brief.items_of("quotes")}
    return [a for a in actors if a.name in speakers or _mentioned(a.name, story.chosen)]


# "John Paul I", "Leo XIV": a regnal number is no surname, and "I" is in every other sentence.
_REGNAL = re.compile(r"[IVXL]+")


def _mentioned(name: str, chosen: list[Candidate]) -> bool:
    """A person by surname, a pope or monarch and an organisation by the whole name, each as
    words of their own ("Li" is not in "Libya")."""
    parts = name.split()
    key = (
        parts[-1]
        if len(parts) <= 3
        and parts[-1] not in ("Group", "Institute", "Center", "Centre", "Council")
        and not _REGNAL.fullmatch(parts[-1])
        else name
    )
    said = re.compile(rf"(?<![\w'’-]){re.escape(key)}(?![\w-])(?!['’](?!s\b))")  # "Vance’s" too
    return any(said.search(c.text) for c in chosen)


def actor_words(actors: list[Actor]) -> int:
    return sum(words(a.name) + DASH + words(a.role) + CITATION for a in actors)


KIND = Kind(
    "actors",
    Actor,
    actor_words,
    collect=collect,
    settle=in_the_brief,
    settle_after=("quotes",),
    evidence=True,
    names=lambda actors: [a.name for a in actors],
)
