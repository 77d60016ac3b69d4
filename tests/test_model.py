import dataclasses

import pytest

from briefgen.errors import InputError
from briefgen.model import (
    Actor, Brief, Claim, Discrepancy, Evidence, Item, KeyFigure, Quote, Section, Skipped, Source,
    brief_from_json, brief_to_json,
)


def full_brief() -> Brief:
    item = Item("Talks resumed.", "positive", [1, 2], [Evidence(1, "Talks resumed."), Evidence(2, "Talks resumed today.")], 0.8, ["cue 'talks'"])
    return Brief(
        title="Talks <resume> & “continue”",
        date="2025-03-19",
        profile="default",
        profile_title="Policy brief",
        sections=[Section("positive", "Positive signals", "bullets", [item], "None.")],
        sources=[Source(1, "a.com", "A", "2025-03-19", "https://a.com/x"), Source(2, "b.com", "B", None, None)],
        key_figures=[KeyFigure("175", "prisoners exchanged", [1], [Evidence(1, "175 prisoners")])],
        actors=[Actor("Ian Bremmer", "President, Eurasia Group", [2])],
        quotes=[Quote("small victory", "Eurasia Group", [2])],
        discrepancies=[Discrepancy("Length of the call", [Claim("more than two hours", 1), Claim("90 minutes", 2)])],
        skipped=[Skipped("bad.pdf", "corrupt PDF")],
        generator="briefgen test",
    )


def test_json_round_trip_is_lossless():
    brief = full_brief()
    again = brief_from_json(brief_to_json(brief))
    assert again == brief
    assert dataclasses.asdict(again) == dataclasses.asdict(brief)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{not json", "not valid JSON"),
        ('{"title": 3}', "not a briefgen brief"),
        ('[]', "not a briefgen brief"),
    ],
)
def test_bad_json_is_an_input_error(text, reason):
    with pytest.raises(InputError, match=reason):
        brief_from_json(text, "edited.json")


def test_unknown_fields_are_refused():
    text = brief_to_json(full_brief()).replace('"title": "Talks', '"titel": "x", "title": "Talks', 1)
    with pytest.raises(InputError, match="titel"):
        brief_from_json(text)
