"""Bullets: the facts salience chose for the section, each with its citations (``Item``)
and its corroboration mark (``Item.support``, :mod:`briefgen.analyse.support`).

Analysis fills every bullets section at once, sharing the budget left when the rest of the
brief is counted (:func:`briefgen.analyse.items.select`).
"""

from __future__ import annotations

from typing import Any

from ..model import Item
from . import CITATION, Kind, words


def mark_words(entry: Any) -> int:
    """The words of a line's corroboration mark as the partials print it, "(2 outlets)"
    (none without one)."""
    support = getattr(entry, "support", None)
    return words(support.label) if support is not None else 0


def item_words(items: list[Item]) -> int:
    """A bullet costs its text, one word for its citations and the words of its mark."""
    return sum(words(i.text) + CITATION + mark_words(i) for i in items)


KIND = Kind("bullets", Item, item_words, bullets=True)
