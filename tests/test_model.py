import dataclasses
import json
import re

import pytest

from briefgen.errors import InputError
from briefgen.model import (
    Actor,
    Brief,
    Claim,
    Discrepancy,
    Evidence,
    Item,
    KeyFigure,
    Quote,
    Section,
    Skipped,
    Source,
    brief_from_json,
    brief_to_json,
)


def full_brief() -> Brief:
    item = Item(
        "Talks resumed.",
        "positive",
        [1, 2],
        [Evidence(1, "Talks resumed."), Evidence(2, "Talks resumed today.")],
        0.8,
        ["cue 'talks'"],
    )
    return Brief(
        title="Talks <resume> & “continue”",
        date="2025-03-19",
        profile="default",
        profile_title="Policy brief",
        sections=[
            Section("positive", "Positive signals", "bullets", [item], "None."),
            Section(
                "figures",
                "Key figures",
                "key_figures",
                [KeyFigure("175", "prisoners exchanged", [1], [Evidence(1, "175 prisoners")])],
            ),
            Section(
                "differ",
                "Sources differ",
                "discrepancies",
                [
                    Discrepancy(
                        "Length of the call",
                        [Claim("more than two hours", 1), Claim("90 minutes", 2)],
                    )
                ],
            ),
            Section(
                "actors",
                "Actors",
                "actors",
                [Actor("Ian Bremmer", "President, Eurasia Group", [2])],
            ),
            Section("quotes", "Quotes", "quotes", [Quote("small victory", "Eurasia Group", [2])]),
            Section("sources", "Sources", "sources"),
        ],
        sources=[
            Source(1, "a.com", "A", "2025-03-19", "https://a.com/x"),
            Source(2, "b.com", "B", None, None),
        ],
        skipped=[Skipped("bad.pdf", "corrupt PDF")],
        generator="briefgen test",
    )


def test_json_round_trip_is_lossless():
    brief = full_brief()
    again = brief_from_json(brief_to_json(brief))
    assert again == brief
    assert dataclasses.asdict(again) == dataclasses.asdict(brief)
    assert isinstance(again.sections[1].items[0], KeyFigure) and isinstance(
        again.sections[1].items[0].evidence[0], Evidence
    )


def test_a_brief_of_schema_1_is_read_with_its_evidence_lists_in_their_sections():
    data = json.loads(brief_to_json(full_brief()))
    data["schema"] = 1
    for section in data["sections"][1:5]:
        data[section["kind"]] = section.pop("items")
    again = brief_from_json(json.dumps(data))
    assert again == full_brief()


@pytest.mark.parametrize(
    "change, reason",
    [
        (
            lambda d: d["sections"][1].update(kind="timetable"),
            "sections[1].kind 'timetable' is not a kind of section",
        ),
        (
            lambda d: d["sections"][1]["items"][0].update(text="175 prisoners"),
            "sections[1].items[0] has unknown field 'text'",
        ),
        (
            lambda d: d["sections"][3]["items"][0].update(sources="2"),
            "sections[3].items[0].sources should be a list",
        ),
    ],
)
def test_each_sections_items_are_read_as_its_kind_says(change, reason):
    data = json.loads(brief_to_json(full_brief()))
    change(data)
    with pytest.raises(InputError, match=re.escape(reason)):
        brief_from_json(json.dumps(data))


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{not json", "not valid JSON"),
        ('{"title": 3}', "not a briefgen brief"),
        ("[]", "not a briefgen brief"),
    ],
)
def test_bad_json_is_an_input_error(text, reason):
    with pytest.raises(InputError, match=reason):
        brief_from_json(text, "edited.json")


def test_unknown_fields_are_refused():
    text = brief_to_json(full_brief()).replace(
        '"title": "Talks', '"titel": "x", "title": "Talks', 1
    )
    with pytest.raises(InputError, match="titel"):
        brief_from_json(text)
