"""What to watch: what the sources say comes next, in date order (``Upcoming``).

Scheduled meetings and votes, deadlines, expiry dates and announced follow-ups: a
statement the analysis kept (so its text is its source's own sentence, trimmed as every
bullet is, and it cites each outlet that states it) whose sentence points after its
article's date.  Its date is resolved against that article's date
(:mod:`briefgen.analyse.when`): "next Tuesday" in Wednesday 19 March 2025's paper is 25
March 2025, "next week" the week of 24 March 2025, "by the end of April" by 30 April 2025.
What falls on or before the article's own day, or before the newest source's day, is past
by the time the brief is read and is left out; so is anything more than a year ahead.

The same event reported by two outlets ("talks will continue next week", "the two sides
will continue their talks next week") is one item citing both: two statements are one
event when their dates overlap and they share their words (``same_event``).  The most
salient statements are told, at most ``max_items`` and ``SHARE`` of the word budget, in
date order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Evidence
from . import CITATION, Kind, Story, words

if TYPE_CHECKING:
    from ..analyse.items import Candidate
    from ..analyse.when import When
    from ..profile import SectionSpec

# Of --max-words at most: four short items of an 800-word brief; the bullets keep the rest.
SHARE = 0.15
# Two statements of the same date are one event when they share what happens (a word other
# than a name: "vote", "continue") and at least SAME_WORDS content words in all, making at
# least SAME_PART of the shorter one's.  "A vote on the offer is scheduled for Tuesday" and
# "members are due to vote on the offer on 10 June" share "vote" and "offer"; "the envoy
# plans to meet the president on Thursday" and "the minister plans to call the president on
# Thursday" share a name and a plan, not an event.  Statements whose dates only overlap
# ("next week", "on 10 June") share the participants of a story's every event ("the union",
# "the operators"), so they must share half their words (SAME_PART_NEAR).
SAME_WORDS = 2
SAME_PART = 0.25
SAME_PART_NEAR = 0.5


@dataclass
class Upcoming:
    """Something still to come: the day it is ordered by (YYYY-MM-DD), when as printed
    ("25 March 2025", "week of 24 March 2025", "by 30 April 2025"), what the source says
    of it, who says so."""

    date: str
    when: str
    text: str
    sources: list[int]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class _Found:
    """A kept statement that looks ahead, with its resolved date and salience rank."""

    candidate: Candidate
    when: When
    rank: int  # its place among the kept statements, most salient first
    stems: tuple[frozenset[str], frozenset[str]]  # what happens, and the names
    sources: list[int] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def collect(story: Story, spec: SectionSpec) -> list[Upcoming]:
    """The ``spec.max_items`` most salient upcoming events, one item per event, in date
    order."""
    from ..analyse.when import day_of, upcoming

    published = {n: day_of(a.date) for n, a in enumerate(story.articles, 1)}
    newest = max((d for d in published.values() if d is not None), default=None)
    found: list[_Found] = []
    for rank, c in enumerate(story.kept):  # most salient first
        when = upcoming(c.text, published.get(c.sources[0]), since=newest)
        if when is not None:
            found.append(
                _Found(c, when, rank, _event_stems(c.text), list(c.sources), list(c.evidence))
            )
    told = _one_per_event(found)[: spec.max_items]
    told.sort(key=lambda f: (f.when.day, f.rank))
    return [
        Upcoming(
            f.when.day.isoformat(),
            f.when.label,
            f.candidate.text,
            sorted(set(f.sources)),
            sorted(f.evidence, key=lambda e: e.source),
        )
        for f in told
    ]


def _one_per_event(found: list[_Found]) -> list[_Found]:
    """``found`` (most salient first) with each event told once: a later statement of an
    event already told lends it its sources and evidence."""
    events: list[_Found] = []
    for f in found:
        same = next((e for e in events if same_event(e.when, e.stems, f.when, f.stems)), None)
        if same is None:
            events.append(f)
            continue
        same.sources += [s for s in f.sources if s not in same.sources]
        same.evidence += [e for e in f.evidence if e not in same.evidence]
    return events


def same_event(
    a: When,
    a_stems: tuple[frozenset[str], frozenset[str]],
    b: When,
    b_stems: tuple[frozenset[str], frozenset[str]],
) -> bool:
    """Whether two statements tell one event: their dates overlap, they share a word of
    what happens, and they share their words (see ``SAME_WORDS``, ``SAME_PART``).  The
    stems are ``_event_stems``' (words of what happens, names)."""
    if a.first > b.last or b.first > a.last:
        return False
    if not a_stems[0] & b_stems[0]:
        return False
    shared = len(a_stems[0] & b_stems[0]) + len(a_stems[1] & b_stems[1])
    shorter = min(len(a_stems[0] | a_stems[1]), len(b_stems[0] | b_stems[1])) or 1
    # The same date as printed: "by 16 March 2025" from two papers of different days starts
    # on different days after each, and is still one date.
    part = SAME_PART if a.label == b.label else SAME_PART_NEAR
    return shared >= SAME_WORDS and shared / shorter >= part


def _event_stems(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems of a statement, without its words of time, reporting and
    planning, in two sets: the words of what happens (written lower-case) and the names
    (capitalised after the first word)."""
    from ..analyse.terms import content_stems, stem
    from ..analyse.when import MONTHS, WEEKDAYS

    ignored = {stem(w) for w in (*MONTHS, *WEEKDAYS, *_TIME_WORDS, *_FRAME_WORDS)}
    words_, names = set(), set()
    for n, word in enumerate(text.split()):
        for s in content_stems(word):
            if s in ignored or s.isdigit():
                continue
            (names if n and word.lstrip('"“‘(')[:1].isupper() else words_).add(s)
    return frozenset(words_ - names), frozenset(names)


# Words of dates, not of events: two outlets' "next week" shares nothing about the talks.
_TIME_WORDS = (
    "day",
    "days",
    "week",
    "weekend",
    "month",
    "year",
    "next",
    "later",
    "early",
    "late",
    "mid",
    "end",
    "today",
    "tonight",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "within",
    "coming",
    "soon",
    "again",
)
# Words of reporting and planning, not of events: how two outlets attribute a plan, or that
# it is planned, says nothing of what is planned.
_FRAME_WORDS = (
    "told",
    "reporters",
    "added",
    "noted",
    "stated",
    "announced",
    "statement",
    "plans",
    "planned",
    "expected",
    "expects",
    "scheduled",
    "set",
    "due",
    "intends",
    "aims",
    "hopes",
    "going",
    "likely",
    "upcoming",
    "also",
)


def upcoming_words(items: list[Upcoming]) -> int:
    """A line per item: its date as printed ("week of 24 March 2025:"), its text, its
    citations."""
    return sum(words(u.when) + words(u.text) + CITATION for u in items)


KIND = Kind("watch", Upcoming, upcoming_words, collect=collect, share=SHARE)
