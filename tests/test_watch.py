"""The watch kind: what the sources say comes next, each item dated against its article's
date, in date order, cited, past events left out.  Invented stories only."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

import briefgen
from briefgen.analyse.when import (
    coming_weekday,
    month_end,
    next_weekday,
    upcoming,
)
from briefgen.kinds.watch import Upcoming
from briefgen.model import brief_from_json, brief_to_json
from briefgen.profile import profile_schema

WEDNESDAY = dt.date(2025, 3, 19)  # Wednesday 19 March 2025
MONDAY = dt.date(2025, 3, 24)


def said(text: str, published: dt.date) -> str | None:
    """When ``text``, written on ``published``, says its event is to come, as printed."""
    found = upcoming(text, published)
    return found.label if found else None


@pytest.mark.parametrize(
    "text, when",
    [
        ("The board will meet next Tuesday.", "25 March 2025"),
        ("Talks will continue next week.", "week of 24 March 2025"),  # a week, not a made-up day
        ("The council will vote on Friday.", "21 March 2025"),
        ("The council will vote Friday.", "21 March 2025"),
        ("The ministry must decide by the end of April.", "by 30 April 2025"),
        ("The truce will expire in 30 days.", "18 April 2025"),
        ("The truce will expire within 30 days.", "by 18 April 2025"),
        ("The deal will be signed tomorrow.", "20 March 2025"),
        ("The new rules will take effect next month.", "April 2025"),
        ("Parliament will debate the bill later this month.", "by 31 March 2025"),
        ("The committee will report in mid-April.", "mid-April 2025"),
        ("Lawmakers will debate it early next month.", "early April 2025"),
        ("Talks will resume on March 25.", "25 March 2025"),
        ("The summit opens on 2 April.", "2 April 2025"),
        ("The summit will be held on Tuesday, 1 April 2025.", "1 April 2025"),
        ("Elections will be held in June.", "June 2025"),
        ("The truce expires on Sunday.", "23 March 2025"),
        ("A vote is scheduled for Tuesday.", "25 March 2025"),
        ("On Friday, ministers will travel to Arlen.", "21 March 2025"),
        ("The vote on Tuesday will decide the budget.", "25 March 2025"),
        ("He said on Monday that the ministers would meet on Friday.", "21 March 2025"),
        ("The ministers will meet in Arlen, Brena and Coss on Friday.", "21 March 2025"),
        ("The leaders will meet this weekend.", "weekend of 22 March 2025"),
        ("The strike will last until Friday.", "until 21 March 2025"),
        ("Negotiators expect a deal by the end of the year.", "by 31 December 2025"),
        ("The bank will announce its decision this week.", "by 23 March 2025"),
        ("The governor will reply in two weeks.", "2 April 2025"),
        ("The inquiry is due to report in three months.", "June 2025"),
        ("The union will respond within 72 hours.", "by 22 March 2025"),
        ("The talks, which were held on Tuesday, will resume next week.", "week of 24 March 2025"),
        # What was, or no date at all
        ("The talks were held on Friday.", None),
        ("Officials who will attend met on Monday.", None),
        ("On Tuesday, the minister said talks would resume.", None),
        ("Prices rose 5% in 30 days.", None),
        ("The proposed vote on Tuesday was cancelled.", None),
        ("The treaty was signed on 10 March 2025.", None),
        ("The talks ended earlier this week.", None),
        ("The mayor was born on September 14, 1955.", None),
        ("The mayor promised a deal by October of that year.", None),
        ("Shocked by Friday's clash, the leaders called for calm.", None),
        ("The council meets today.", None),  # the article's own day is no longer to come
        ("Elections are expected next year.", None),  # a whole year is no date to watch
        ("The envoy will visit the region in the coming weeks.", None),  # no date to give
        ("Fishermen march 10 miles to the capital.", None),
        ("Catches may fall this year.", None),
    ],
)
def test_a_statement_is_dated_against_its_articles_day(text, when):
    assert said(text, WEDNESDAY) == when


def test_the_day_it_is_ordered_by_is_a_deadlines_last_and_a_periods_first():
    assert upcoming("The talks will continue next week.", WEDNESDAY).day == dt.date(2025, 3, 24)
    assert upcoming("Offers are due by the end of April.", WEDNESDAY).day == dt.date(2025, 4, 30)
    # "later this month" starts no earlier than the day after the article
    later = upcoming("The board will rule later this month.", WEDNESDAY)
    assert (later.first, later.last) == (dt.date(2025, 3, 20), dt.date(2025, 3, 31))


@pytest.mark.parametrize(
    "text, published, when",
    [
        # "next" + the weekday of the article's day: a week later
        ("The board will meet next Wednesday.", WEDNESDAY, "26 March 2025"),
        ("The board will meet next Monday.", MONDAY, "31 March 2025"),
        # "on" + the weekday of the article's day: that day, which is not to come any more
        ("The board will meet on Monday.", MONDAY, None),
        ("The board will meet on Sunday.", MONDAY, "30 March 2025"),
        ("The board will meet on Tuesday.", MONDAY, "25 March 2025"),
        # "next Friday" is next week's, "on Friday" this week's
        ("The board will meet next Friday.", MONDAY, "4 April 2025"),
        ("The board will meet on Friday.", MONDAY, "28 March 2025"),
        ("The board will meet next Sunday.", WEDNESDAY, "30 March 2025"),
        # Ends of months, leap years included
        ("Bids are due by the end of the month.", dt.date(2025, 2, 10), "by 28 February 2025"),
        ("Bids are due by the end of the month.", dt.date(2028, 2, 10), "by 29 February 2028"),
        ("Bids are due by the end of the month.", dt.date(2025, 1, 31), None),  # that day
        ("The rules will take effect next month.", dt.date(2025, 1, 31), "February 2025"),
        ("The truce will expire in 30 days.", dt.date(2025, 1, 31), "2 March 2025"),
        # Into the next year
        ("The summit will open next January.", dt.date(2025, 12, 10), "January 2026"),
        ("The summit will open in January.", dt.date(2025, 12, 10), "January 2026"),
        ("The summit will open next month.", dt.date(2025, 12, 10), "January 2026"),
        ("The treaty will expire on January 5.", dt.date(2025, 12, 20), "5 January 2026"),
        ("Talks will resume next week.", dt.date(2025, 12, 31), "week of 5 January 2026"),
        ("The deal will be signed tomorrow.", dt.date(2025, 12, 31), "1 January 2026"),
        ("The vote will be held on Friday.", dt.date(2025, 12, 31), "2 January 2026"),
        ("The summit will open next March.", dt.date(2025, 3, 5), "March 2026"),
        # A date without its year is the coming one where the sentence looks ahead
        ("The ban will end on December 28.", dt.date(2025, 6, 4), "28 December 2025"),
        ("The ban ended on December 28.", dt.date(2025, 6, 4), None),
    ],
)
def test_weekdays_months_and_years_turn_over_where_they_should(text, published, when):
    assert said(text, published) == when


def test_the_arithmetic_the_rules_rest_on():
    for weekday in range(7):  # the coming weekday is within a week, the article's day itself
        day = coming_weekday(WEDNESDAY, weekday)
        assert 0 <= (day - WEDNESDAY).days < 7 and day.weekday() == weekday
        following = next_weekday(WEDNESDAY, weekday)  # in the Monday-to-Sunday week after
        assert dt.date(2025, 3, 24) <= following <= dt.date(2025, 3, 30)
        assert following.weekday() == weekday
    assert month_end(2024, 2) == dt.date(2024, 2, 29) and month_end(2025, 12).day == 31


def test_an_undated_article_dates_only_what_names_its_year():
    assert upcoming("The board will meet next Tuesday.", None) is None
    assert upcoming("The board will meet next Tuesday.", None, since=WEDNESDAY) is None
    found = upcoming("The board will meet on 25 March 2025.", None, since=WEDNESDAY)
    assert found is not None and found.label == "25 March 2025"


def test_nothing_before_the_newest_news_is_still_to_come():
    # Written on Wednesday about Friday; by the time a source of Saturday is in, Friday is past.
    assert said("The council will vote on Friday.", WEDNESDAY) == "21 March 2025"
    assert (
        upcoming("The council will vote on Friday.", WEDNESDAY, since=dt.date(2025, 3, 22)) is None
    )


# --- End to end: two invented articles, a profile with a watch section, the DOCX -----------

HARBOUR = """Port wage talks end without a deal
Harbour Gazette, 4 June 2025

Negotiators for the dock workers' union and the port operators met in Arlen on Monday for a \
first round of wage talks.
The two sides said the talks had been constructive but ended without an agreement on pay.
The ferry service to the islands was suspended on Friday because of the dispute.
Talks between the union and the port operators will continue next week in Arlen, the mediator said.
A vote by union members on the operators' latest pay offer is scheduled for Tuesday.
The harbour board will publish its safety report on Friday.
The operators must submit a revised pension plan by the end of June.
"""

COAST = """Dock union to vote on pay offer
Coastal Times, 5 June 2025

Dock workers in Arlen rejected a 3 percent pay offer last week, union officials said.
The union and the port operators will continue their talks next week, a spokesman for the \
mediator said.
Union members are due to vote on the operators' latest pay offer on 10 June.
A new port authority chairman took office on 1 June after months of delay.
"""

PROFILE = """id: t
title: Brief
sections:
  - {id: news, title: News, kind: bullets, catch_all: true}
  - {id: next, title: What to watch, kind: watch, max_items: 6, empty: Nothing scheduled.}
  - {id: sources, title: Sources, kind: sources}
"""


def watch_brief(tmp_path, max_words: int = 800) -> briefgen.model.Brief:
    (tmp_path / "a-harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "b-coast.txt").write_text(COAST, encoding="utf-8")
    profile = tmp_path / "watch.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    return briefgen.extract(
        [str(tmp_path / "a-harbour.txt"), str(tmp_path / "b-coast.txt")],
        briefgen.AnalysisOptions(profile=profile, max_words=max_words),
    )


def test_the_section_tells_what_comes_next_in_date_order_with_its_sources(tmp_path):
    brief = watch_brief(tmp_path)
    assert [s.date for s in brief.sources] == ["2025-06-04", "2025-06-05"]
    items = brief.items_of("watch")
    assert all(isinstance(u, Upcoming) for u in items)
    by_when = {u.when: u for u in items}
    assert list(by_when) == [
        "6 June 2025",  # "on Friday" in Wednesday's paper
        "week of 9 June 2025",  # "next week", in both papers
        "10 June 2025",  # "Tuesday" in one, "10 June" in the other
        "by 30 June 2025",  # "by the end of June"
    ]
    assert [u.date for u in items] == sorted(u.date for u in items)
    # One item per event, citing each paper that tells it, in its own words.
    assert by_when["6 June 2025"].sources == [1]
    assert by_when["week of 9 June 2025"].sources == [1, 2]
    assert by_when["10 June 2025"].sources == [1, 2]
    assert by_when["by 30 June 2025"].sources == [1]
    for u in items:
        assert any(u.text.rstrip(".") in e.sentence for e in u.evidence)
        assert {e.source for e in u.evidence} == set(u.sources)
    # What happened is no event to watch.
    told = " ".join(u.text for u in items)
    for past in ("met in Arlen on Monday", "suspended", "took office", "rejected"):
        assert past not in told
    # It reads back from JSON as what it is.
    again = brief_from_json(brief_to_json(brief))
    assert again == brief and isinstance(again.sections[1].items[0], Upcoming)


def test_the_docx_prints_each_resolved_date_with_its_citations(tmp_path):
    brief = watch_brief(tmp_path)
    out = tmp_path / "out"
    (path,) = briefgen.render(brief, out, briefgen.RenderOptions(formats=("docx",), name="w"))
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    heading = paragraphs.index("What to watch")
    end = next(n for n in range(heading + 1, len(paragraphs)) if paragraphs[n] == "Sources")
    lines = [p for p in paragraphs[heading + 1 : end] if p.strip()]
    assert [line.split(":")[0] for line in lines] == [
        "6 June 2025",
        "week of 9 June 2025",
        "10 June 2025",
        "by 30 June 2025",
    ]
    assert lines[0].startswith("6 June 2025: The harbour board will publish its safety report")
    assert lines[0].endswith("[1]")
    assert lines[1].endswith("[1][2]") and "continue" in lines[1]
    assert lines[2].endswith("[1][2]") and "vote" in lines[2]
    assert not any("suspended" in line or "Monday" in line for line in lines)


def test_the_section_keeps_to_its_share_and_says_so_when_empty(tmp_path):
    small = watch_brief(tmp_path, max_words=120)
    assert briefgen.analyse.budget.reader_words(small) <= 120
    assert small.items_of("bullets")  # a bullet still tells the story
    (tmp_path / "past.txt").write_text(
        "Port talks end\nHarbour Gazette, 4 June 2025\n\n"
        "Negotiators for the union and the operators met in Arlen on Monday.\n"
        "The two sides said the talks had ended without an agreement on pay.\n",
        encoding="utf-8",
    )
    profile = tmp_path / "watch.yaml"
    past = briefgen.extract([str(tmp_path / "past.txt")], briefgen.AnalysisOptions(profile=profile))
    assert past.items_of("watch") == []
    assert past.sections[1].empty_note == "Nothing scheduled."


def test_profiles_may_name_the_kind():
    kinds = profile_schema()["properties"]["sections"]["items"]["properties"]["kind"]["enum"]
    assert "watch" in kinds
