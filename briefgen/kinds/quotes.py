"""Quotes: direct quotations that carry weight, word for word, with their speakers (``Quote``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Brief, Quote, Section
from . import CITATION, Kind, Story, words

if TYPE_CHECKING:
    from ..profile import SectionSpec


def collect(story: Story, spec: SectionSpec) -> list[Quote]:
    from ..analyse.evidence import find_quotes

    return find_quotes(story.sentences, story.collected.get("actors", []), story.profile, spec.max_items)


def untold(quotes: list[Quote], _spec: SectionSpec, story: Story, _brief: Brief) -> list[Quote]:
    """A quotation a bullet already tells in full is not told twice."""
    return [q for q in quotes if not any(q.text.strip("… ") in c.text for c in story.chosen)]


def quote_words(quotes: list[Quote]) -> int:
    return sum(words(q.text) + words(q.speaker) + CITATION for q in quotes)


def first_quote(brief: Brief, section: Section) -> str:
    from ..typeset.markdown import cite

    return f"“{section.items[0].text}” — {section.items[0].speaker} {cite(section.items[0].sources)}" if section.items else ""


KIND = Kind(
    "quotes", Quote, quote_words, first_quote, collect=collect, settle=untold, collect_after=("actors",), evidence=True
)
