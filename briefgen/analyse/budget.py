"""The brief's length as a reader counts it: every word except the title and the Sources.

``reader_words(brief)`` counts what the shipped template prints: the line under the title,
each section's heading, its items (as its kind counts them, marks included:
:mod:`briefgen.kinds`) or its empty note.  The key to the marks closes the brief with the
Sources and how it was made, and is not counted.  A word is a run of characters without
spaces, so a lone "—" or "·" is one, a table row counts the "|" between its cells (as a word
counter reading the DOCX, the evaluation's scorer among them, counts them), and a run of
citations such as ``[1][2]`` is one.  Headings count too, so the brief is within
``--max-words`` by either reckoning.  ``--max-words`` bounds this count; a test renders
briefs and holds the two counts equal.
"""

from __future__ import annotations

from ..kinds import kind, words
from ..model import Brief, Section


def reader_words(brief: Brief) -> int:
    """Words of ``brief`` outside its title and its Sources section."""
    sources = len(brief.sources)
    total = words(
        f"{brief.profile_title} · {brief.date or 'undated'} · "
        f"{sources} source{'s' if sources != 1 else ''}"
    )
    if brief.date:
        total += 2  # the date is printed long: "19 March 2025" is three words, "2025-03-19" one
    for section in brief.sections:
        if kind(section.kind).counted:
            total += words(section.title) + section_words(section)
    return total


def section_words(section: Section) -> int:
    """Words of a section's items, or of its empty note when it has none."""
    content = kind(section.kind).words(section.items)
    return content if content else words(section.empty_note)
