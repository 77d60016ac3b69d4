"""Quotes: direct quotations that carry weight, word for word, with their speakers (``Quote``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Brief, Quote
from . import CITATION, DASH, Kind, Story, words

if TYPE_CHECKING:
    from ..profile import SectionSpec


def collect(story: Story, spec: SectionSpec) -> list[Quote]:
    from ..analyse.evidence import find_quotes

    return find_quotes(
        story.sentences, story.collected.get("actors", []), story.profile, spec.max_items
    )


def untold(quotes: list[Quote], _spec: SectionSpec, story: Story, _brief: Brief) -> list[Quote]:
    """A quotation a bullet already tells in full is not told twice."""
    return [q for q in quotes if not any(q.text.strip("… ") in c.text for c in story.chosen)]


def quote_words(quotes: list[Quote]) -> int:
    return sum(words(q.text) + DASH + words(q.speaker) + CITATION for q in quotes)


KIND = Kind(
    "quotes",
    Quote,
    quote_words,
    collect=collect,
    settle=untold,
    told_by_bullets=True,
    collect_after=("actors",),
    evidence=True,
)
