"""Sources differ: the figures and claims the sources give differently, each side cited
(``Discrepancy``), each marked disputed.  Beyond two, they give way first while they take over
half the evidence's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Discrepancy
from . import CITATION, Kind, Story, words
from .bullets import mark_words

if TYPE_CHECKING:
    from ..profile import SectionSpec


def collect(story: Story, _spec: SectionSpec) -> list[Discrepancy]:
    from ..analyse.evidence import find_discrepancies

    return find_discrepancies(story.sentences)


def difference_words(differences: list[Discrepancy]) -> int:
    return sum(
        words(d.topic) + sum(words(c.text) + CITATION for c in d.claims) + mark_words(d)
        for d in differences
    )


KIND = Kind(
    "discrepancies",
    Discrepancy,
    difference_words,
    collect=collect,
    evidence=True,
    cap=0.5,
    yields=False,
)
