"""Bullets: the facts salience chose for the section, each with its citations (``Item``).

Analysis fills every bullets section at once, sharing the budget left when the rest of the
brief is counted (:func:`briefgen.analyse.items.select`).
"""

from __future__ import annotations

from ..model import Item
from . import CITATION, Kind, words


def item_words(items: list[Item]) -> int:
    """A bullet costs its text and one word for its citations."""
    return sum(words(i.text) + CITATION for i in items)


KIND = Kind("bullets", Item, item_words, bullets=True)
