"""The brief's length as a reader counts it: every word except the title and the Sources.

``reader_words(brief)`` counts what the shipped template prints: the line under the title,
each section's heading, its content (a run of citations such as ``[1][2]`` is one word) or
its empty note.  A word is a run of characters without spaces holding a letter or a digit,
so "—", "·" and "|" are not words.  ``--max-words`` bounds this count; a test renders briefs
and holds the two counts equal.
"""

from __future__ import annotations

import re

from ..model import Actor, Brief, Discrepancy, KeyFigure, Quote, Section

_WORD = re.compile(r"\S*[^\W_]\S*")
CITATION = 1  # "[1][2]" reads as one word
FIGURES_HEADER = "Figure | What it counts | Source"


def words(text: str) -> int:
    """Words in ``text`` as a reader counts them."""
    return len(_WORD.findall(text))


def reader_words(brief: Brief) -> int:
    """Words of ``brief`` outside its title and its Sources section."""
    sources = len(brief.sources)
    total = words(f"{brief.profile_title} · {brief.date or 'undated'} · {sources} source{'s' if sources != 1 else ''}")
    if brief.date:
        total += 2  # the date is printed long: "19 March 2025" is three words, "2025-03-19" one
    for section in brief.sections:
        if section.kind != "sources":
            total += words(section.title) + section_words(brief, section)
    return total


def section_words(brief: Brief, section: Section) -> int:
    """Words of a section's content, or of its empty note when it has none."""
    content = _content(brief, section)
    return content if content else words(section.empty_note)


def _content(brief: Brief, section: Section) -> int:
    if section.kind in ("bluf", "bullets"):
        return sum(words(i.text) + CITATION for i in section.items)
    if section.kind == "key_figures":
        return figure_words(brief.key_figures)
    if section.kind == "discrepancies":
        return difference_words(brief.discrepancies)
    if section.kind == "actors":
        return actor_words(brief.actors)
    if section.kind == "quotes":
        return quote_words(brief.quotes)
    return 0


def figure_words(figures: list[KeyFigure]) -> int:
    """The Key figures table: its header row and a row per figure (nothing when empty)."""
    rows = sum(words(f.figure) + words(f.counts) + CITATION for f in figures)
    return words(FIGURES_HEADER) + rows if rows else 0


def difference_words(differences: list[Discrepancy]) -> int:
    return sum(words(d.topic) + sum(words(c.text) + CITATION for c in d.claims) for d in differences)


def actor_words(actors: list[Actor]) -> int:
    return sum(words(a.name) + words(a.role) + CITATION for a in actors)


def quote_words(quotes: list[Quote]) -> int:
    return sum(words(q.text) + words(q.speaker) + CITATION for q in quotes)
