"""Dates as articles write them in their first lines → ISO 8601 (``YYYY-MM-DD``).

A dateline is written in many ways: "19/03/2025", "19.03.2025", "March 19th, 2025",
"19th March 2025", "Wed 19 Mar 2025", "2025-03-19T08:30:00Z", "19 марта 2025".  Dates
written in numbers only are read here, by a rule of ours (below) that no library version
can change; dates with a month or weekday name are left to dateparser (BSD-3, installed
with trafilatura → htmldate), which knows those names in many languages.

What is assumed:

- Numeric dates are read day first ("03/04/2025" is 3 April), as most of the world
  writes them; month first only where day first is impossible ("03/19/2025" is 19 March).
  A year written first is followed by month, then day ("2025/03/19", as ISO has it).
- A date counts only if the text gives its day, month and a four-digit year from
  ``MIN_YEAR`` to ``MAX_YEAR``: "on Sunday", "two hours later" or "in March 2025" say
  nothing certain about when the article was written, and "born on 12 May 1968" is not
  its date.
- The date is written as given, in the writer's time zone: "Wed 19 Mar 2025 23:30 -0500"
  is 19 March, not 20 March in UTC.

The work is bounded: callers pass only the first lines, each line is cut to
``LINE_CHARS`` characters, and dateparser (0.3–0.6 s to load once, then about 10 ms a
call) is asked only about the few words around each four-digit year.
"""

from __future__ import annotations

import datetime
import functools
import re
import threading
from collections.abc import Iterable

ISO_DATE = re.compile(r"(?<!\d)(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
# News this tool briefs on is from this century; "in 1998" near the top is history, not the
# article's date (the same window the reader always had).
MIN_YEAR, MAX_YEAR = 2000, 2099
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# "19/03/2025", "19.03.2025", "3-4-2025"; "2025/03/19", "2025.03.19" (the separator the same
# twice, so "1.5/2025" is not a date).  Not inside a longer run of digits and dots, which is
# a version or a section number ("v2.19.03.2025").
_DAY_FIRST = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(20\d\d)(?![\d])")
_YEAR_FIRST = re.compile(r"(?<![\d.])(20\d\d)([./])(\d{1,2})\2(\d{1,2})(?![\d.]\d)")
# "growth of 2.1% in 2024": dateparser reads a decimal before a year as day and month (2 January);
# a date in numbers only is whole ("19.03.2025") and read by ``_numeric_dates``.
_DAY_DOT_MONTH = re.compile(r"(?<![\d.,/])\d{1,2}[.,/]\d{1,2}(?![\d.,/])")
LINE_CHARS = 500  # a dateline sits near a line's start; a 50 MB line is not searched whole
# A date with a month name ends on its year ("Wednesday, 19th of September 2025"): dateparser
# is given the words before each year and nothing after, where "2025 | 3 min read" would
# read as 3 March.
WINDOW_BEFORE = 40
# Languages whose month and weekday names are read.  Each one more costs load time (all of
# these: 0.6 s once, English alone 0.3 s) and chances of a stray match, so: the languages
# of the outlets users brief from most.
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "vi", "id", "tr")
_SETTINGS = {
    "DATE_ORDER": "DMY",  # day first, as for numeric dates (see the module docstring)
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,  # the date as written, not moved to another zone
    "PREFER_DATES_FROM": "past",
}
# "07:09 PM,Sep 17,2025": dateparser needs the spaces a careless site leaves out.  Four
# digits after a comma are never a thousands group ("1,200"), so those commas are safe too.
_TIGHT_COMMA = re.compile(r",(?=[^\W\d_])|(?<=\w),(?=(?:19|20)\d\d(?!\d))")
# dateparser loads its language data lazily into shared caches; the readers run in threads.
_LOCK = threading.Lock()


def date_in_lines(lines: Iterable[str]) -> str | None:
    """The first date (ISO ``YYYY-MM-DD``) written in ``lines``, in line order, else None.

    In a line an ISO date wins; otherwise the first date written out in full (see the
    module docstring for the forms and what is assumed).
    """
    for line in lines:
        line = line[:LINE_CHARS]
        iso = ISO_DATE.search(line)
        if iso:
            return "-".join(iso.groups())
        if _YEAR.search(line):
            found = written_dates(line)
            if found:
                return found[0][1]
    return None


def written_dates(line: str) -> list[tuple[str, str]]:
    """Each date written out in full in ``line``, in order: (its text, as found in
    ``spaced(line)``; its ISO date).

    Answers are remembered, as a reader asks about the same first lines twice (is it a
    date line? what date does it give?).
    """
    return list(_written_dates(spaced(line)))


def spaced(line: str) -> str:
    """``line`` as dates are looked for in it: cut to ``LINE_CHARS``, with a space after
    each comma a careless site left out ("07:09 PM,Sep 17,2025")."""
    return _TIGHT_COMMA.sub(", ", line[:LINE_CHARS])


@functools.lru_cache(maxsize=1024)
def _written_dates(text: str) -> tuple[tuple[str, str], ...]:
    found = _numeric_dates(text)
    taken = [(start, start + len(written)) for start, written, _ in found]
    for window_start, window in _windows(text):
        for written, iso in _named_dates(window):
            start = text.find(written, window_start)
            if not any(a < start + len(written) and start < b for a, b in taken):
                found.append((start, written, iso))  # not a numeric date read again
                taken.append((start, start + len(written)))
    return tuple((written, iso) for _, written, iso in sorted(found))


def _numeric_dates(text: str) -> list[tuple[int, str, str]]:
    """(where, text, ISO date) of each date in ``text`` written in numbers only."""
    found = []
    for match in _DAY_FIRST.finditer(text):
        first, _, second, year = match.groups()
        # Day first; month first only if day first is impossible ("03/19/2025").
        day = _valid(int(year), int(second), int(first)) or _valid(
            int(year), int(first), int(second)
        )
        if day:
            found.append((match.start(), match.group(0), day))
    for match in _YEAR_FIRST.finditer(text):
        year, _, month, day_of_month = match.groups()
        day = _valid(int(year), int(month), int(day_of_month))
        if day:
            found.append((match.start(), match.group(0), day))
    return found


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _named_dates(window: str) -> tuple[tuple[str, str], ...]:
    """(text, ISO date) of each date with a month or weekday name that dateparser finds in
    ``window`` and that gives its own day, month and year."""
    from dateparser.search import search_dates

    with _LOCK:
        try:
            hits = search_dates(window, languages=list(LANGUAGES), settings=_SETTINGS)
        except Exception:  # noqa: BLE001 - text dateparser cannot take holds no date
            return ()
    # A date in numbers only is read by our own rule (``_numeric_dates``), not dateparser's.
    return tuple(
        (written, moment.date().isoformat())
        for written, moment in hits or []
        if _said(written, moment)
        and any(c.isalpha() for c in written)
        and not _DAY_DOT_MONTH.search(written)
    )


def _windows(text: str) -> list[tuple[int, str]]:
    """(where, text) of the stretches of ``text`` that end on a four-digit year, where a
    full date can be: dateparser's time grows with the text it is given, and a line's
    other words only give it more to misread."""
    spans: list[list[int]] = []
    for year in _YEAR.finditer(text):
        start = max(0, year.start() - WINDOW_BEFORE)
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # a whole word: "Wednesday", not "esday"
        end = year.end()
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(start, text[start:end]) for start, end in spans]


def _said(written: str, moment: datetime.datetime) -> bool:
    """Whether ``written`` itself gives the year and day of ``moment``: dateparser also turns
    "a year by 2035" or "two days" into dates counted from today."""
    return (
        MIN_YEAR <= moment.year <= MAX_YEAR
        and re.search(rf"(?<!\d){moment.year}(?!\d)", written) is not None
        and re.search(rf"(?<!\d)0?{moment.day}(?!\d)", written.replace(str(moment.year), " "))
        is not None
    )
