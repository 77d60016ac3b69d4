"""The timeline kind: dated statements from every source, in date order, relative dates
read against each article's date.  Invented stories only."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest

from briefgen.analyse import analyse
from briefgen.analyse.budget import reader_words
from briefgen.kinds.timeline import Event, date_in
from briefgen.model import brief_from_json, brief_to_json
from briefgen.profile import load_profile
from briefgen.typeset import render
from tests.test_analysis_rules import article

WEDNESDAY = dt.date(2025, 6, 4)


@pytest.mark.parametrize(
    "text, day",
    [
        ("The ferry ran aground on June 2.", "2025-06-02"),
        ("Divers reached the wreck on 3 June 2025, the coastguard said.", "2025-06-03"),
        ("Crews pumped out fuel on Monday.", "2025-06-02"),
        ("The inquiry will open on Friday in Arlen.", "2025-06-06"),
        ("Next Tuesday the harbour board meets.", "2025-06-10"),
        ("Yesterday the port reopened.", "2025-06-03"),
        ("The ban ends on December 28.", "2024-12-28"),  # nearer the article than December 2025
        ("Fishermen march 10 miles to the capital.", None),  # the verb, not the month
        ("Catches may fall this year.", None),
        (
            "The captain was born on 14 September 1971.",
            None,
        ),  # background, decades before the story
        ("Talks stalled in August.", None),  # a month is no day
    ],
)
def test_a_sentence_is_dated_against_its_articles_day(text, day):
    found = date_in(text, WEDNESDAY)
    assert (found.isoformat() if found else None) == day


def test_an_undated_article_dates_only_what_names_its_year():
    assert date_in("Crews pumped out fuel on Monday.", None) is None
    assert date_in("The ferry ran aground on June 2.", None) is None
    assert date_in("The ferry ran aground on 2 June 2025.", None) == dt.date(2025, 6, 2)


STORY = [
    article(
        """
The ferry Nordlys ran aground off Arlen on Monday with 212 passengers on board.
All passengers were taken ashore by lifeboats within three hours, the coastguard said.
Salvage crews began pumping fuel from the hull on Tuesday.
The harbour board will hold an inquiry into the grounding on Friday.
""",
        "coast.example",
        date="2025-06-04",
    ),
    article(
        """
Divers inspected the hull of the Nordlys on June 3 and found a two-metre gash.
The ferry operator said services to the islands would resume on 9 June.
Local fishermen said the wreck had blocked the northern channel since the grounding.
""",
        "isles.example",
        date="2025-06-05",
    ),
]


def timeline_profile(tmp_path, max_items: int = 6):
    path = tmp_path / "timeline.yaml"
    path.write_text(
        "id: t\ntitle: Brief\nsections:\n"
        "  - {id: news, title: News, kind: bullets, catch_all: true}\n"
        "  - {id: when, title: Timeline, kind: timeline, "
        f"max_items: {max_items}, empty: No dated events.}}\n"
        "  - {id: sources, title: Sources, kind: sources}\n",
        encoding="utf-8",
    )
    return load_profile(str(path))


def test_the_timeline_tells_dated_events_of_every_source_in_date_order(tmp_path):
    brief = analyse(STORY, timeline_profile(tmp_path), max_words=800)
    events = brief.items_of("timeline")
    assert [e.date for e in events] == sorted(e.date for e in events)
    said = {e.date: (e.text, e.sources) for e in events}
    assert said["2025-06-02"][0].startswith("The ferry Nordlys ran aground") and said["2025-06-02"][
        1
    ] == [1]
    assert said["2025-06-03"][1] == [1] or said["2025-06-03"][1] == [
        2
    ]  # Tuesday [1] and June 3 [2]
    assert said["2025-06-06"][0].startswith("The harbour board will hold an inquiry")
    assert said["2025-06-09"][1] == [2]
    for e in events:  # each event is its sources' own words
        assert all(e.text.split()[0] in ev.sentence for ev in e.evidence)
    # It reads back from JSON as events, and every format shows it.
    again = brief_from_json(brief_to_json(brief))
    assert again == brief and isinstance(again.sections[1].items[0], Event)
    out = render(brief, ["md", "docx"])
    assert re.search(
        r"^- \*\*2 June 2025:\*\* The ferry Nordlys ran aground .* \[\[1\]\]\(#src-1\)$",
        out["md"].decode(),
        re.M,
    )
    paragraphs = [p.text for p in docx.Document(io.BytesIO(out["docx"])).paragraphs]
    assert any(p.startswith("9 June 2025: The ferry operator said services") for p in paragraphs)


def test_the_timeline_keeps_to_its_length_and_the_budget(tmp_path):
    assert (
        len(
            analyse(STORY, timeline_profile(tmp_path, max_items=2), max_words=800).items_of(
                "timeline"
            )
        )
        == 2
    )
    small = analyse(STORY, timeline_profile(tmp_path), max_words=60)
    assert reader_words(small) <= 60
    assert small.items_of("bullets")  # a bullet still tells the story; the timeline gave way
