"""Timeline: what happened when, from every source, in date order (``Event``).

An event is a statement the analysis kept (the same one the bullets are chosen from, so it
is merged across outlets and cited the same way) whose own sentence dates it: "on March
18", "18 March 2025", "on Tuesday", "yesterday".  A date without a year takes the year
that puts it nearest the article's date; a weekday or "yesterday" counts from the article's
date, back for what happened and forward for what "will" happen ("talks will resume on
Friday").  A source without a date dates nothing relative.  The most salient dated
statements are told, in date order.

Dates are read by pattern here rather than by dateparser: its ``search_dates`` takes the
modal "may", "now" and "second" for dates and is slow on thousands of sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Evidence
from . import CITATION, Kind, Story, words

if TYPE_CHECKING:
    from ..profile import SectionSpec

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Names are capitalised in prose: "march 10 miles" and "may" are no dates.
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"([12]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(
    r"\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Bb]y|[Uu]ntil)\s+)?(" + "|".join(_WEEKDAYS) + r")\b"
)
_RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_RELATIVE_DAY = re.compile(r"\b(" + "|".join(_RELATIVE) + r")\b", re.I)
# "will meet on Friday", "is due to sign on Monday": a weekday after these is ahead, not past.
_AHEAD = re.compile(
    r"\b(?:will|shall|is to|are to|due to|set to|plans? to|expected to|scheduled|next)\b", re.I
)
AHEAD_REACH = 60  # characters before a weekday in which a future marker governs it
YEAR_WINDOW = 183  # days: a date without a year is the one within half a year of the article
SHARE = 0.2  # of --max-words at most: five events of a 800-word brief, the bullets keep the rest
NEWS_WINDOW = 366  # days from the article's date within which a date is the story's, not background


@dataclass
class Event:
    """A dated statement: when (YYYY-MM-DD), what happened, who reports it."""

    date: str
    text: str
    sources: list[int]
    evidence: list[Evidence] = field(default_factory=list)


def collect(story: Story, spec: SectionSpec) -> list[Event]:
    """The ``spec.max_items`` most salient statements a date can be given to, in date order."""
    from ..analyse.when import day_of

    published = {n: day_of(a.date) for n, a in enumerate(story.articles, 1)}
    events: list[tuple[float, int, Event]] = []
    for order, c in enumerate(story.kept):
        own = " ".join(e.sentence for e in c.evidence if e.source == c.sources[0])
        when = date_in(own, published.get(c.sources[0]))
        if when is not None:
            event = Event(
                when.isoformat(),
                c.text,
                sorted(set(c.sources)),
                sorted(c.evidence, key=lambda e: e.source),
            )
            events.append((c.salience, -order, event))
    told = sorted(events, key=lambda e: (-e[0], -e[1]))[: spec.max_items]
    return [event for _, _, event in sorted(told, key=lambda e: (e[2].date, -e[0], -e[1]))]


def date_in(text: str, published: dt.date | None) -> dt.date | None:
    """The first date ``text`` gives, read against the day its article was ``published``."""
    found: list[tuple[int, dt.date]] = []
    for m in _DAY_MONTH.finditer(text):
        found += _dated(m.start(), m.group(1), m.group(2), m.group(3), published)
    for m in _MONTH_DAY.finditer(text):
        found += _dated(m.start(), m.group(2), m.group(1), m.group(3), published)
    if published is not None:
        for m in _RELATIVE_DAY.finditer(text):
            found.append((m.start(), published + dt.timedelta(days=_RELATIVE[m.group(1).lower()])))
        for m in _WEEKDAY.finditer(text):
            ahead = (m.group(1) or "").lower() == "next" or bool(
                _AHEAD.search(text[max(0, m.start() - AHEAD_REACH) : m.start()])
            )
            found.append((m.start(), _weekday(published, _WEEKDAYS.index(m.group(2)), ahead)))
    if (
        published is not None
    ):  # a birth, a treaty decades ago: background, not this story's timeline
        found = [(at, when) for at, when in found if abs((when - published).days) <= NEWS_WINDOW]
    return min(found, key=lambda f: f[0])[1] if found else None


def _dated(
    at: int, day: str, month: str, year: str | None, published: dt.date | None
) -> list[tuple[int, dt.date]]:
    number = _MONTHS.index(month.lower()[:3]) + 1
    if year is None and published is None:
        return []
    years = [int(year)] if year else [published.year - 1, published.year, published.year + 1]
    dates = []
    for y in years:
        try:
            dates.append(dt.date(y, number, int(day)))
        except ValueError:  # 31 April
            continue
    if not dates:
        return []
    when = min(dates, key=lambda d: abs((d - published).days)) if not year else dates[0]
    if not year and abs((when - published).days) > YEAR_WINDOW:
        return []
    return [(at, when)]


def _weekday(published: dt.date, weekday: int, ahead: bool) -> dt.date:
    """The weekday's date nearest the article's day: the one before it (or that day), or
    the one after it when the sentence looks ahead."""
    if ahead:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _long(iso: str) -> str:
    from ..typeset.markdown import long_date

    return long_date(iso)


def event_words(events: list[Event]) -> int:
    """A line per event: its date as printed ("18 March 2025:"), its text, its citations."""
    return sum(words(_long(e.date)) + words(e.text) + CITATION for e in events)


KIND = Kind("timeline", Event, event_words, collect=collect, share=SHARE)
