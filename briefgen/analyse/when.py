"""When a sentence says something is still to come: its time expressions, resolved against
the day its article was written.

``upcoming(text, published)`` gives the first expression of ``text`` that points after
``published`` (a ``When``: the first and last day it may fall on, and how to print it), or
None.  An article dated Wednesday 19 March 2025 resolves:

- "on Friday", "Friday" → 21 March 2025 (the coming Friday; said on a Friday, that day);
- "next Tuesday" → 25 March 2025 (that weekday in the following Monday-to-Sunday week, so
  "next Wednesday" said on a Wednesday is a week later);
- "tomorrow" → 20 March 2025; "in 30 days" → 18 April 2025; "within 30 days" → by 18 April;
- "next week" → the week of 24 March 2025 (a week, not a made-up day); "next month" →
  April 2025; "later this month" → by 31 March 2025;
- "by the end of April" → by 30 April 2025; "mid-April" → mid-April 2025;
- "25 March", "March 25" → 25 March 2025; "next January" said in December → January of the
  next year.

Direction: "next", "tomorrow", "by…" and a written date after the article's day point ahead
by themselves.  A bare weekday, "this week", "in April" or "in 30 days" may tell the past as
well ("met on Friday", "fell 5% in 30 days"), so they count only where the grammar of their
clause looks ahead: a future or scheduling marker ("will", "is due to", "scheduled",
"plans to", "expires") governs them with no past verb ("said", "met", "was held") in
between (``looks_ahead``).

Dates are read by pattern, English only, rather than by dateparser, whose ``search_dates``
takes "may", "now" and "second" for dates, and which resolves "Friday" against today's
date, not the article's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from .terms import MONTHS, NUMBER_WORDS, WEEKDAYS

# How far ahead a statement is still news to watch rather than a long-range plan: a year.
HORIZON = dt.timedelta(days=366)
# A date without its year is the one within half a year of the article's day (looking back
# or ahead), or, where the sentence looks ahead, the first one from the article's day on.
YEAR_WINDOW = 183
# Words before an expression in which a marker may govern it: a clause's verb may stand far
# from its time ("plans to speak with … about the proposed ceasefire as soon as this week"),
# and the verb nearest the expression decides, so a long reach rarely misleads.
LEFT_WORDS = 20
RIGHT_WORDS = 6  # words after a fronted expression ("On Friday, ministers will…") for its verb

# Where a month is cut for "early", "mid-" and "late" (its first ten days, the next ten, the
# rest) and where "the end of" a month begins: the last ten days.
THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31)}
EDGES = {"start": "early", "beginning": "early", "middle": "mid", "end": "end", "close": "end"}

NUMBERS = {"a": 1, "an": 1, **NUMBER_WORDS}  # "in a week" too
# "by", "until" and "before" make an expression a deadline; the others only introduce it.
DEADLINES = {
    "by": "by",
    "until": "until",
    "till": "until",
    "through": "until",
    "before": "before",
    "no later than": "by",
    "not later than": "by",
    "within": "by",
    "over the next": "by",
    "in the next": "by",
    "for the next": "until",
}


@dataclass(frozen=True)
class When:
    """When something is to happen: the first and last day it may fall on and how a brief
    prints it ("25 March 2025", "week of 24 March 2025", "by 30 April 2025").  A deadline
    ("by…", "until…") happens at the latest on ``last``."""

    first: dt.date
    last: dt.date
    label: str
    deadline: bool = False

    @property
    def day(self) -> dt.date:
        """The day it is ordered by: a deadline's last day, else its first."""
        return self.last if self.deadline else self.first


@dataclass(frozen=True)
class Expression:
    """A time expression found in a text: where, what it resolves to, and whether it points
    ahead by itself (``ahead``) or only where its clause looks ahead (``ahead`` False)."""

    start: int
    end: int
    when: When | None  # None: it tells the past ("last Friday") or nothing resolvable
    ahead: bool


# --- Resolution: pure date arithmetic ------------------------------------------------------


def day_of(iso: str | None) -> dt.date | None:
    """An article's ISO date ("2025-03-19") as a day; None if it has none or an unreadable one."""
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def long_day(day: dt.date) -> str:
    """2025-03-25 → '25 March 2025' (the brief's way of printing a day)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def coming_weekday(published: dt.date, weekday: int) -> dt.date:
    """ "On Friday" looking ahead: the first such weekday from ``published`` on (that very
    day when it is one: "talks resume on Monday" in Monday's paper is today)."""
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def next_weekday(published: dt.date, weekday: int) -> dt.date:
    """ "Next Tuesday": that weekday in the Monday-to-Sunday week after ``published``'s, as
    people say it ("next Friday" said on a Monday is not four days away: that is "on
    Friday")."""
    return week_start(published) + dt.timedelta(days=7 + weekday)


def this_weekday(published: dt.date, weekday: int) -> dt.date:
    """ "This Friday": that weekday in ``published``'s own Monday-to-Sunday week."""
    return week_start(published) + dt.timedelta(days=weekday)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month (28 February 2025, 29 February 2028)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (year, month): December + 1 is January next year."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _month_when(year: int, month: int, part: str | None = None) -> When:
    """A month, or its early/mid/late/end part: "April 2025", "mid-April 2025"."""
    last = month_end(year, month)
    if part is None:
        return When(dt.date(year, month, 1), last, f"{MONTHS[month - 1]} {year}")
    low, high = THIRDS[part]
    prefix = {"early": "early ", "mid": "mid-", "late": "late ", "end": "end of "}[part]
    return When(
        dt.date(year, month, low),
        min(last, dt.date(year, month, min(high, last.day))),
        f"{prefix}{MONTHS[month - 1]} {year}",
    )


def _day_when(day: dt.date) -> When:
    return When(day, day, long_day(day))


def _week_when(monday: dt.date) -> When:
    return When(monday, monday + dt.timedelta(days=6), f"week of {long_day(monday)}")


def _weekend_when(saturday: dt.date) -> When:
    return When(saturday, saturday + dt.timedelta(days=1), f"weekend of {long_day(saturday)}")


def as_deadline(when: When, word: str, published: dt.date) -> When:
    """``when`` as a deadline ("by", "until", "before"): from the day after ``published``
    to its last day ("before": the day before its first), printed with the word ("by 18
    April 2025", "by the week of 24 March 2025", "before 21 March 2025")."""
    last = when.first - dt.timedelta(days=1) if word == "before" else when.last
    article = "the " if when.label.startswith(("week", "weekend", "end of the")) else ""
    first = min(published + dt.timedelta(days=1), last)
    return When(first, last, f"{word} {article}{when.label}", deadline=True)


# --- Patterns -------------------------------------------------------------------------------

# Month names are capitalised in prose: "march 10 miles" and the modal "may" are no dates.
_MONTH_ANY = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A month alone is written in full ("Mar" could be "Mar-a-Lago").
_MONTH_FULL = r"(?P<month>" + "|".join(MONTHS) + r"|Sept)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
# Any year, so that "born on September 14, 1955" is not read as this September.
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DAY = r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
# "In October of that year": a month of another year the text named before.
_OTHER_YEAR = r"(?!\s+of\s+(?i:that|the\s+same|the\s+previous|the\s+following|last)\s+year)"
# What may introduce an expression: a deadline word (see DEADLINES) or a plain preposition.
_PREFIX = (
    r"(?:(?P<prefix>(?i:by|until|till|through|before|no\s+later\s+than|not\s+later\s+than"
    r"|on|in|at|for|from|starting|beginning))\s+)?"
)

_ABSOLUTE_DAY_MONTH = re.compile(
    rf"\b{_PREFIX}(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?{_MONTH_ANY}{_YEAR}\b"
)
_ABSOLUTE_MONTH_DAY = re.compile(
    rf"\b{_PREFIX}(?:{_WEEKDAY},?\s+)?{_MONTH_ANY}\s+{_DAY}\b{_YEAR}(?!\s*[:.]\d)"
)
_EDGE_OF_UNIT = re.compile(
    rf"\b{_PREFIX}(?:(?i:the)\s+)?(?P<edge>(?i:end|close|start|beginning|middle))\s+(?i:of)\s+"
    r"(?:(?i:the)\s+)?(?:(?P<rel>(?i:this|next|the\s+coming))\s+)?(?P<unit>(?i:week|month|year))\b"
)
_EDGE_OF_MONTH = re.compile(
    rf"\b{_PREFIX}(?:(?i:the)\s+)?(?P<edge>(?i:end|close|start|beginning|middle))\s+(?i:of)\s+"
    rf"{_MONTH_FULL}{_YEAR}\b{_OTHER_YEAR}"
)
_UNIT_END = re.compile(rf"\b{_PREFIX}(?P<unit>(?i:week|month|year))[-\s](?i:end)\b")
_PART_OF_MONTH = re.compile(
    rf"\b{_PREFIX}(?P<part>(?i:early|mid|late))[-\s]+{_MONTH_FULL}{_YEAR}\b(?!\s+\d){_OTHER_YEAR}"
)
_MONTH_ALONE = re.compile(
    r"\b(?P<prefix>(?i:by|until|till|before|in|during|from|next|this\s+coming|this))\s+"
    rf"{_MONTH_FULL}{_YEAR}\b(?!\s+\d){_OTHER_YEAR}"
)
_PERIOD = re.compile(
    rf"\b{_PREFIX}(?:(?P<lead>(?i:later|early|earlier|late))\s+)?"
    r"(?P<rel>(?i:this|next|this\s+coming))\s+(?P<unit>(?i:week|weekend|month|year))\b(?!-)"
)
_WEEKDAY_PHRASE = re.compile(
    rf"\b{_PREFIX}(?:(?P<mod>(?i:next|this\s+coming|this|coming|last|past))\s+)?{_WEEKDAY}"
    r"(?P<possessive>['’]s)?(?:\s+(?i:morning|afternoon|evening|night))?\b"
)
_RELATIVE_DAY = re.compile(
    r"\b(?P<rel>(?i:the\s+day\s+after\s+tomorrow|tomorrow|later\s+today|today|tonight))\b"
)
_COUNT = re.compile(
    r"\b(?P<prefix>(?i:in|within|after|over\s+the\s+next|in\s+the\s+next|for\s+the\s+next))\s+"
    rf"{_NUMBER}\s+(?P<unit>(?i:hours?|days?|weeks?|months?))(?:['’]s?\s+time|\s+time)?\b"
)
_FROM_NOW = re.compile(
    rf"\b{_NUMBER}\s+(?P<unit>(?i:hours?|days?|weeks?|months?))\s+(?i:from\s+(?:now|today))\b"
)


def expressions(text: str, published: dt.date | None) -> list[Expression]:
    """Every time expression of ``text`` in text order, the longest where two overlap, each
    resolved against ``published`` (without it, only dates that give their year)."""
    found: list[Expression] = []
    for pattern, read in _READERS:
        for match in pattern.finditer(text):
            expression = read(match, published)
            if expression is not None:
                found.append(Expression(match.start(), match.end(), *expression))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Expression] = []
    for e in found:
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def upcoming(text: str, published: dt.date | None, since: dt.date | None = None) -> When | None:
    """The first thing ``text`` says is still to come: the first expression that resolves
    after ``published`` (and not before ``since``, the newest news date, when given), within
    ``HORIZON``, and points ahead by itself or by its clause's grammar.  Its first day is
    never before the day after ``published`` ("later this week" starts tomorrow)."""
    reference = published or since
    if reference is None:
        return None
    for e in expressions(text, published):
        when = e.when
        if when is None or not (e.ahead or looks_ahead(text, e.start, e.end)):
            continue
        if when.last <= reference or (since is not None and when.last < since):
            continue
        if when.day > reference + HORIZON:
            continue
        return replace(when, first=max(when.first, reference + dt.timedelta(days=1)))
    return None


# --- Readers: a match → (When, points ahead by itself) -------------------------------------

Read = tuple[When | None, bool]


def _deadline(match: re.Match, when: When | None, published: dt.date | None) -> Read:
    """``when`` with the match's deadline word applied; a deadline looks ahead by itself."""
    word = DEADLINES.get(" ".join((match.group("prefix") or "").lower().split()))
    if when is None or word is None:
        return when, False
    return as_deadline(when, word, published or when.first), True


def _year_of(
    month: int, day: int, year: str | None, published: dt.date | None, ahead: bool
) -> dt.date | None:
    """The date of day/month: in ``year`` when written, else the one nearest ``published``,
    or where ``ahead``, the first from ``published`` on."""
    if year:
        try:
            return dt.date(int(year), month, day)
        except ValueError:  # 31 April
            return None
    if published is None:
        return None
    dates = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            dates.append(dt.date(y, month, day))
        except ValueError:
            continue
    if ahead:
        later = [d for d in dates if d >= published]
        return min(later) if later else None
    near = min(dates, key=lambda d: abs((d - published).days), default=None)
    return near if near and abs((near - published).days) <= YEAR_WINDOW else None


def _month_number(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name[:3].capitalize()) + 1


def _read_absolute(match: re.Match, published: dt.date | None) -> Read | None:
    month, day = _month_number(match.group("month")), int(match.group("day"))
    # A date without its year is the coming one where the sentence looks ahead ("will meet
    # on December 28" in June), else the nearest.
    deadline = DEADLINES.get((match.group("prefix") or "").lower())
    ahead = deadline is not None or looks_ahead(match.string, match.start(), match.end())
    when = _year_of(month, day, match.group("year"), published, ahead)
    if when is None:
        return None
    if match.group("weekday") and WEEKDAYS.index(match.group("weekday")) != when.weekday():
        return None  # "Friday, 25 March" that is no Friday: a typo, or another year
    result, _ = _deadline(match, _day_when(when), published)
    return result, True  # a written date after the article's day is ahead by itself


def _read_edge_of_unit(match: re.Match, published: dt.date | None) -> Read | None:
    """ "The end of the month", "by the end of next week", "the start of next month"."""
    if published is None:
        return None
    unit, edge = match.group("unit").lower(), EDGES[match.group("edge").lower()]
    step = 1 if (match.group("rel") or "").lower().startswith("next") else 0
    deadline = DEADLINES.get((match.group("prefix") or "").lower())
    if unit == "week":
        # No day is made up for a part of a week: "the end of the week of 17 March 2025".
        when = _week_when(week_start(published) + dt.timedelta(days=7 * step))
        if edge == "end":
            when = When(when.last - dt.timedelta(days=2), when.last, f"end of the {when.label}")
    elif unit == "month":
        when = _month_when(*add_months(published.year, published.month, step), edge)
    elif edge == "end":
        year = published.year + step
        when = When(dt.date(year, 12, 1), dt.date(year, 12, 31), f"end of {year}")
    else:
        return None  # "the start of next year": too vague to be a date to watch
    if deadline and edge == "end" and unit != "week":
        when = _day_when(when.last)  # "by the end of April" is by its last day
    result, is_deadline = _deadline(match, when, published)
    return result, is_deadline or step == 1


def _read_edge_of_month(match: re.Match, published: dt.date | None) -> Read | None:
    return _read_month(match, published, EDGES[match.group("edge").lower()])


def _read_unit_end(match: re.Match, published: dt.date | None) -> Read | None:
    """ "By year-end", "before month-end": a deadline; "year-end results" is no date."""
    if published is None:
        return None
    unit = match.group("unit").lower()
    if unit == "week":
        return None  # "week-end" is the weekend, not a deadline
    if unit == "month":
        last = month_end(published.year, published.month)
    else:
        last = dt.date(published.year, 12, 31)
    result, deadline = _deadline(match, _day_when(last), published)
    return (result, True) if deadline else None


def _read_part_of_month(match: re.Match, published: dt.date | None) -> Read | None:
    return _read_month(match, published, match.group("part").lower())


def _read_month(match: re.Match, published: dt.date | None, part: str | None) -> Read | None:
    """A month (or part of one) without a day: in the year written, else the first such
    month from ``published``'s on ("next January" said in December is next year's)."""
    month = _month_number(match.group("month"))
    prefix = " ".join((match.group("prefix") or "").lower().split())
    if match.group("year"):
        year = int(match.group("year"))
    elif published is None:
        return None
    else:
        year = published.year + (month < published.month)
        if prefix == "next" and month == published.month:
            year += 1  # "next March" said in March is a year away
    when = _month_when(year, month, part)
    if DEADLINES.get(prefix) and part == "end":
        when = _day_when(when.last)  # "by the end of April": by 30 April
    result, deadline = _deadline(match, when, published)
    # A month alone ("in April") may be past ("talks began in April"); "next", a deadline
    # word or a year after the article's point ahead by themselves.
    written_ahead = bool(match.group("year")) and published is not None and when.first > published
    return result, deadline or prefix == "next" or written_ahead


def _read_period(match: re.Match, published: dt.date | None) -> Read | None:
    if published is None:
        return None
    unit, rel = match.group("unit").lower(), " ".join(match.group("rel").lower().split())
    lead = (match.group("lead") or "").lower()
    if lead == "earlier":
        return None, False  # "earlier this week": the past
    step = 1 if rel == "next" else 0
    if unit in ("week", "weekend"):
        monday = week_start(published) + dt.timedelta(days=7 * step)
        when = _week_when(monday) if unit == "week" else _weekend_when(monday + dt.timedelta(5))
    elif unit == "month":
        year, month = add_months(published.year, published.month, step)
        when = _month_when(year, month, lead if lead in ("early", "late") else None)
    elif step == 1:
        return None, False  # "next year": a whole year is no date to watch
    else:
        when = _day_when(dt.date(published.year, 12, 31))
    if step == 0 and unit != "weekend" and lead != "early":
        # "(later) this week/month/year": by its last day, which says more to a reader than
        # "March 2025" in March.
        when = as_deadline(_day_when(when.last), "by", published)
        return when, lead in ("later", "late")
    result, deadline = _deadline(match, when, published)
    return result, deadline or step == 1 or rel == "this coming"


def _read_weekday(match: re.Match, published: dt.date | None) -> Read | None:
    if published is None:
        return None
    weekday = WEEKDAYS.index(match.group("weekday"))
    mod = " ".join((match.group("mod") or "").lower().split())
    if mod in ("last", "past"):
        return None, False
    if mod == "next":
        day, ahead = next_weekday(published, weekday), True
    elif mod == "this":
        day = this_weekday(published, weekday)
        ahead = day > published
    else:  # "on Friday", "Friday", "coming Friday": the first from the article's day on
        day, ahead = coming_weekday(published, weekday), mod in ("coming", "this coming")
    if match.group("possessive"):
        # "Friday's vote" names an event, and "shocked by Friday's clash" sets no deadline.
        return _day_when(day), ahead
    result, deadline = _deadline(match, _day_when(day), published)
    return result, ahead or deadline


def _read_relative_day(match: re.Match, published: dt.date | None) -> Read | None:
    if published is None:
        return None
    rel = " ".join(match.group("rel").lower().split())
    days = {"the day after tomorrow": 2, "tomorrow": 1}.get(rel, 0)
    return _day_when(published + dt.timedelta(days=days)), days > 0


def _read_count(match: re.Match, published: dt.date | None) -> Read | None:
    if published is None:
        return None
    n = match.group("n").lower()
    count = int(n) if n.isdigit() else NUMBERS[n]
    unit = match.group("unit").lower().rstrip("s")
    if unit == "month":
        when = _month_when(*add_months(published.year, published.month, count))
    else:
        # "in 2 hours" is today; "within 72 hours" is by the third day
        days = {"hour": count // 24, "day": count, "week": 7 * count}[unit]
        when = _day_when(published + dt.timedelta(days=days))
    groups = match.groupdict()
    if "prefix" not in groups:  # "30 days from now"
        return when, True
    result, deadline = _deadline(match, when, published)
    # "in 30 days" may be a duration gone by ("rose 5% in 30 days"); "within…" and "over the
    # next…" count from now.
    return result, deadline


_READERS = (
    (_ABSOLUTE_DAY_MONTH, _read_absolute),
    (_ABSOLUTE_MONTH_DAY, _read_absolute),
    (_EDGE_OF_UNIT, _read_edge_of_unit),
    (_EDGE_OF_MONTH, _read_edge_of_month),
    (_UNIT_END, _read_unit_end),
    (_PART_OF_MONTH, _read_part_of_month),
    (_MONTH_ALONE, lambda m, p: _read_month(m, p, None)),
    (_PERIOD, _read_period),
    (_WEEKDAY_PHRASE, _read_weekday),
    (_RELATIVE_DAY, _read_relative_day),
    (_COUNT, _read_count),
    (_FROM_NOW, _read_count),
)


# --- Grammar: does the clause look ahead? ---------------------------------------------------

# What makes a clause tell what is to come: the future and its periphrases, scheduling words,
# and the present of verbs that announce a fixed event ("the truce expires on Friday").
_MARKER = re.compile(
    r"(?:\b(?:will|shall|won['’]t|would(?!\s+have\b)|(?:is|are|was|were)\s+to"
    r"|(?:is|are|was|were|be|been|being)\s+(?:set|scheduled|slated|expected|planned|poised"
    r"|going|likely|supposed|meant)"
    r"|due\s+(?:to\s+(?!the\b|a\b|an\b|its\b|his\b|her\b|their\b|this\b|that\b|these\b"
    r"|those\b|high\b|low\b|poor\b|heavy\b|bad\b)[a-z]+|on|in|by|for|at|back)"
    r"|scheduled|slated|planned|plans?\s+to|planning\s+to|intends?\s+to|intending\s+to"
    r"|aims?\s+to|aiming\s+to|hopes?\s+to|expects?\s+to|expected|upcoming|forthcoming|next"
    r"|set\s+(?:to|for)|agreed\s+to|promised\s+to|pledged\s+to|vowed\s+to|threatened\s+to"
    r"|ready\s+to|deadline|expires?|begins?|starts|opens|resumes?|reconvenes?|convenes?"
    r"|takes?\s+effect|comes?\s+into\s+force|goes?\s+into\s+effect|kicks?\s+off)\b"
    r"|['’]ll\b)",
    re.I,
)
# What makes it tell what was: reporting verbs and the past tense.  A word in -ed counts
# unless it is written lower-case only ("United" is a name), ends in -eed ("need", "proceed";
# "agreed" is a marker where it looks ahead), is one of the few -ed words that are no verbs,
# or stands as an adjective after a determiner or a hyphen ("the proposed vote",
# "long-awaited").  A participle after "be" ("will be held") is the future's passive.
_PAST = re.compile(
    r"\b(?:(?i:said|told|was|were|had|did|met|held|took|began|came|went|spoke|signed|gave"
    r"|made|left|won|lost|sent|saw|wrote|got|struck|fought|fell|rose)"
    r"|(?<!-)(?!(?:hundred|red|bed|shed|sacred|naked|wicked|kindred|rugged|beloved)\b)"
    r"[a-z]+(?<!e)ed)\b"
)
_PASSIVE = re.compile(r"\b(?:be|been|being|to)\s+$", re.I)
_ATTRIBUTIVE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|these|those|our|your|newly|jointly)\s+$", re.I
)
# Where a clause ends, looking left or right from an expression.
# Where a clause or sentence ends; a full stop after "Mr" or "U.S" ends no sentence.
_HARD_BREAK = r"[;:()\"“”—–]|\s-\s|(?<![A-Z][a-z])(?<![A-Z])[.!?]\s"
_CLAUSE_BREAK = re.compile(_HARD_BREAK + "|,")
_CONJUNCTION = re.compile(r"\b(?:and|but|then|so|while|as|when)\b", re.I)


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the grammar around ``text[start:end]`` puts it ahead: a future marker before
    it in its clause with no past verb after the marker ("ministers will meet in Geneva on
    Friday"; not "officials who will attend met on Friday"), or, where nothing before it
    says, a marker just after it ("On Friday, ministers will…", "The vote on Tuesday will
    decide…") before any past verb."""
    left = _clause_before(text, start)
    verdict = _tense(left, from_end=True)
    if verdict is not None:
        return verdict
    right = _clause_after(text, end)
    return bool(_tense(right, from_end=False))


def _clause_before(text: str, start: int) -> str:
    """The words before ``start`` back to the clause's start (a comma-separated chunk with
    neither a marker nor a past verb gives way to the one before it), at most LEFT_WORDS."""
    before = text[:start]
    pieces = re.split(r"(,)", before)
    chunk = ""
    for piece in reversed(pieces):
        if piece == ",":
            if _tense(chunk, from_end=True) is not None:
                break
            chunk = "," + chunk
            continue
        hard = list(re.finditer(_HARD_BREAK, piece))
        if hard:
            chunk = piece[hard[-1].end() :] + chunk
            break
        chunk = piece + chunk
    words = chunk.replace(",", " ").split()
    return " ".join(words[-LEFT_WORDS:]) + " "


def _clause_after(text: str, end: int) -> str:
    """The few words after ``end`` up to the next clause break or conjunction (a comma right
    after the expression is skipped: "On Friday, ministers will…")."""
    after = re.sub(r"^(?:['’]s)?\s*,", " ", text[end:])
    stop = _CLAUSE_BREAK.search(after)
    after = after[: stop.start()] if stop else after
    conjunction = _CONJUNCTION.search(after)
    after = after[: conjunction.start()] if conjunction else after
    return " ".join(after.split()[:RIGHT_WORDS])


def _tense(chunk: str, from_end: bool) -> bool | None:
    """True where a future marker is the verb nearest the expression (the chunk's end when
    ``from_end``, else its start), False where a past verb is, None where neither is."""
    markers = [(m.start(), m.end()) for m in _MARKER.finditer(chunk)]
    pasts = [
        (m.start(), m.end())
        for m in _PAST.finditer(chunk)
        if not any(a <= m.start() < b for a, b in markers)
        and not _PASSIVE.search(chunk[: m.start()])
        and not (m.group().endswith("ed") and _ATTRIBUTIVE.search(chunk[: m.start()]))
    ]
    verbs = sorted([(s, True) for s, _ in markers] + [(s, False) for s, _ in pasts])
    if not verbs:
        return None
    return verbs[-1][1] if from_end else verbs[0][1]
