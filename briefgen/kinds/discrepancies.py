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
    from ..analyse.evidence import MAX_DISCREPANCIES, find_contradictions, find_discrepancies
    from ..analyse.when import day_of

    published = [day_of(article.date) for article in story.articles]
    # A statement one outlet denies first: whether a thing happened at all comes before by how
    # much the figures differ.
    return (
        find_contradictions(story.kept) + find_discrepancies(story.sentences, story.kept, published)
    )[:MAX_DISCREPANCIES]


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
