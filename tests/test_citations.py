"""Every citation true, on invented pairs of outlets that disagree (issue 13).

Each pair tells one invented event; the outlets give a rate, a sum or a count differently.
No bullet may cite a source for a figure or a name that source does not state, and the
difference must be in Sources differ with each outlet's own figure beside its citation.
"""

from __future__ import annotations

import re

import pytest

from briefgen.analyse import analyse
from briefgen.analyse.evidence import find_sums
from briefgen.analyse.items import Candidate
from briefgen.model import Evidence
from briefgen.profile import load_profile
from tests.test_analysis_rules import article


def _key_figures(said: list) -> list:
    """Key figures of ``said`` when strong bullets tell every sentence: each figure would be a
    row if it could."""
    from briefgen.analyse.evidence import find_key_figures

    strong = [
        Candidate(s.text, [Evidence(s.source, s.text)], s.position, sources=[s.source], salience=3)
        for s in said
    ]
    return find_key_figures(said, strong, 8)


PAIRS = {
    "rate and sum": (
        """
The Norland Central Bank cut its deposit rate to 3.25% on Thursday, its fourth cut this year.
The bank said it would also reduce its bond holdings by €14 billion a month.
Governor Ilse Marrow said inflation was close to the 2% target.
Board member Tomas Vey was the only policymaker to oppose the cut.
""",
        """
The Norland Central Bank cut its deposit rate to 3.5% on Thursday, its fourth cut this year.
The bank said it would also reduce its bond holdings by €16 billion a month.
Board member Anka Pell said the bank was in a good position.
Marrow said inflation was close to the 2% target.
""",
        [("3.25%", "3.5%"), ("€14 billion", "€16 billion")],
    ),
    "aid pledged, written two ways": (
        """
Donors at the Velmar conference pledged $48bn in reconstruction aid for the flooded provinces.
The conference was chaired by foreign minister Dara Quill.
""",
        """
Donors meeting in Velmar pledged $52 billion in reconstruction aid for the flooded provinces, \
officials said.
A further $100bn will be sought next year, Quill said.
""",
        [("$48bn", "$52 billion")],
    ),
    "people counted": (
        """
The ferry Aster was carrying 412 passengers when it ran aground off Kessel on Sunday.
Coastguard chief Omar Lenz said all passengers had been brought ashore.
""",
        """
The ferry Aster was carrying 398 passengers when it ran aground off Kessel on Sunday.
Rescuers worked through the night, the coastguard said.
""",
        [("412 passengers", "398 passengers")],
    ),
}


def _claims(text: str) -> list[str]:
    figures = [
        rf"(?<!\d)(?<!\d[.,]){re.escape(f)}(?!\d|[.,]\d)"
        for f in re.findall(r"\d+(?:[.,]\d+)*", text)
    ]
    names = [
        rf"\b{re.escape(n)}\b"
        for n in re.findall(r"(?<=[\s(\"“‘-])[A-Z][\w'’-]*[a-z][\w'’-]*", text)
    ]
    return figures + names


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("profile", ["generic", "default"])
def test_no_bullet_cites_a_source_for_a_figure_or_name_it_does_not_state(pair, profile):
    one, other, _ = PAIRS[pair]
    sources = [article(one, "first.example"), article(other, "second.example")]
    brief = analyse(sources, load_profile(profile))
    told = [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]
    assert told
    for item in told:
        for n in item.sources:
            text = " ".join(sources[n - 1].text.split())
            missing = [claim for claim in _claims(item.text) if not re.search(claim, text)]
            assert not missing, (item.text, n, missing)


@pytest.mark.parametrize("pair", PAIRS)
def test_figures_the_outlets_give_differently_are_in_sources_differ(pair):
    one, other, expected = PAIRS[pair]
    brief = analyse(
        [article(one, "first.example"), article(other, "second.example")], load_profile("generic")
    )
    for first, second in expected:
        assert any(
            any(first in c.text and c.source == 1 for c in d.claims)
            and any(second in c.text and c.source == 2 for c in d.claims)
            for d in brief.items_of("discrepancies")
        ), (
            first,
            second,
            [
                (d.topic, [(c.text, c.source) for c in d.claims])
                for d in brief.items_of("discrepancies")
            ],
        )


def test_a_sum_written_two_ways_is_one_value_and_keeps_its_currency():
    (short,), (long,) = find_sums("a $100bn fund"), find_sums("a fund of $100 billion")
    assert short.value == long.value == 1e11 and short.currency == long.currency == "USD"
    assert [
        (s.written, s.currency) for s in find_sums("£25.5bn and 21 billion euros, US$1.2 trillion")
    ] == [("£25.5bn", "GBP"), ("21 billion euros", "EUR"), ("US$1.2 trillion", "USD")]
    assert find_sums("a 20-nation bloc of 15 per cent") == ()


def test_a_sum_joined_by_hyphens_or_in_another_currency_is_a_sum():
    assert [
        (s.written, s.value, s.currency)
        for s in find_sums("a $1.5-billion package and a 45-billion-euro fund")
    ] == [("$1.5-billion", 1.5e9, "USD"), ("45-billion-euro", 4.5e10, "EUR")]
    assert [
        (s.written, s.currency) for s in find_sums("fines of 3 million roubles and 900 zlotys")
    ] == [("3 million roubles", "RUB"), ("900 zlotys", "PLN")]
    # a word that is also a currency elsewhere is not read as one after a count
    assert find_sums("a 45-year-old man who won 2 races") == ()


def test_one_sum_written_two_ways_is_no_difference():
    brief = analyse(
        [
            article(
                "Donors pledged $100bn in reconstruction aid for the provinces.", "first.example"
            ),
            article(
                "Donors pledged $100 billion in reconstruction aid for the provinces.",
                "second.example",
            ),
        ],
        load_profile("generic"),
    )
    assert not [d for d in brief.items_of("discrepancies") if d.topic.startswith("Sum")]


def test_key_figures_keep_the_currency_of_a_sum():
    brief = analyse([article(PAIRS["rate and sum"][0], "first.example")], load_profile("generic"))
    assert "€14 billion" in [f.figure for f in brief.items_of("key_figures")]


def test_key_figures_are_what_a_reader_quotes_not_adjectives():
    from briefgen.analyse.evidence import find_key_figures
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1,
            (
                "The 20-nation bloc agreed a 30-day truce after the leaders spoke for more than "
                "two hours."
            ),
            "",
            0,
            0,
        ),
        Sentence(1, "Rescuers freed 14 miners trapped in the shaft.", "", 1, 1),
        Sentence(1, "The rebels will hand over 23 seriously wounded soldiers on Friday.", "", 2, 2),
        Sentence(1, "The army said that 19 incursions were recorded overnight.", "", 3, 3),
    ]
    figures = {f.figure: f.counts for f in find_key_figures(said, [], 8)}
    assert figures["14"] == "freed 14 miners trapped"  # the verb says what became of them
    assert figures["19"] == "19 incursions"  # "that" says nothing
    assert "20-nation" not in figures
    assert "30-day" in figures and "14" in figures
    assert "more than two hours" in figures and "spoke" in figures["more than two hours"]
    assert "23" in figures and "over 23" not in figures  # handed over: 23, not "more than 23"


def test_a_key_figure_length_is_an_events_and_says_which_event():
    from briefgen.analyse.evidence import find_key_figures
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The mayors met in Arnel for talks, which lasted nearly 10 hours.", "", 0, 0),
        Sentence(1, "The two ports were on the phone for more than two hours.", "", 1, 1),
        # Spans of time are background, not what a reader quotes.
        Sentence(1, "Peace in the governor's first 100 days was never likely.", "", 2, 2),
        Sentence(1, "The dispute over the canal has lasted more than three years.", "", 3, 3),
        Sentence(2, "The accord was signed after talks that lasted six hours.", "", 0, 4),
        # A time limit is no length of the meeting it sets.
        Sentence(2, "The mayor will convene a meeting of the council within 48 hours.", "", 1, 5),
    ]
    figures = {f.figure: f.counts for f in find_key_figures(said, [], 8)}
    assert figures == {
        "nearly 10 hours": "talks",
        "more than two hours": "on the phone",
        "six hours": "talks",
    }


def test_an_age_is_no_length_and_a_row_says_what_it_counts():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1, "Officials named the acting governor, Anna Berg, 61 years old, as leader.", "", 0, 0
        ),
        # Its only words for the length are the figure's own: the row could not say of what.
        Sentence(
            1, "Rescuers searched the rubble, sleeping little, 3 days, without rest.", "", 1, 1
        ),
        Sentence(1, "The farmers' strike lasted 12 days.", "", 2, 2),
        Sentence(1, "Growth slowed, down from 1.9%.", "", 3, 3),  # "from 1.9%" names nothing
        # ...but a source giving a figure another names backs that row
        Sentence(1, "Rates were raised again, to 5.25%.", "", 4, 4),
        Sentence(2, "The bank raised its main rate to 5.25%.", "", 0, 0),
    ]
    rows = {f.figure: f for f in _key_figures(said)}
    assert sorted(rows) == ["12 days", "5.25%"]
    assert rows["5.25%"].counts == "raised its main rate to 5.25%"
    assert rows["5.25%"].sources == [1, 2]


def test_a_row_says_what_it_counts_without_the_small_words_at_its_edges():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1, "The bloc pledged purchases of Norland energy worth 250 billion dollars.", "", 0, 0
        ),
        Sentence(
            2,
            "The outage came from a sudden loss of about 40 percent of the grid's power.",
            "",
            0,
            0,
        ),
        Sentence(3, "More than 8,000 Norlanders are still held abroad, officials said.", "", 0, 0),
    ]
    rows = {f.figure: f.counts for f in _key_figures(said)}
    assert rows["250 billion dollars"] == "Norland energy worth 250 billion dollars"  # not "of …"
    assert rows["about 40 percent"] == "a sudden loss of about 40 percent of the grid's power"
    assert rows["More than 8,000"] == "More than 8,000 Norlanders"  # the bound is the figure's


def test_a_number_in_a_name_is_no_figure():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "Two allies requested Article 4 consultations after the attack.", "", 0, 0),
        Sentence(
            1, "Experts urged Europe to revisit Sky Shield 2.0 air protection plans.", "", 1, 1
        ),
        Sentence(1, "The airline ordered 40 jets, all of them Airbus 320 models.", "", 2, 2),
        # A day before a count leaves it a count, and so does a sentence's first word.
        Sentence(1, "On Friday 12 soldiers were wounded near the border.", "", 3, 3),
        Sentence(1, "All 30 passengers were rescued by the coastguard.", "", 4, 4),
    ]
    assert sorted(f.figure for f in _key_figures(said)) == ["12", "30", "40"]


def test_people_counted_by_what_befell_them_are_key_figures_and_labels_keep_to_their_figure():
    from briefgen.analyse.evidence import find_key_figures
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The floods in Kessel displaced 12,000 people on Monday.", "", 0, 0),
        # "that 300 people": no word says what befell them, and the row could not say
        Sentence(1, "Officials said that 300 people were there.", "", 1, 1),
        Sentence(
            1, "The storm affected 2.5 million people and the UN pledged $5 million.", "", 2, 2
        ),
    ]
    figures = {f.figure: f.counts for f in _key_figures(said)}
    assert figures["12,000"] == "displaced 12,000 people"
    sought = [Sentence(1, "Prosecutors had sought a 15-year sentence for Hale.", "", 0, 0)]
    (row,) = find_key_figures(sought, [], 8)
    assert row.counts == "sought a 15-year sentence"  # not the sentence given
    assert "300" not in figures
    assert figures["$5 million"] == "the UN pledged $5 million"  # not "people and the UN …"


def test_a_range_is_a_key_figure_whole_and_a_change_or_a_year_before_a_figure_is_none():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1, "Forecasters expect a further 40 to 70 millimetres of rain in the hills.", "", 0, 0
        ),
        Sentence(1, "The storm killed between 12 and 15 people in Orsk, officials said.", "", 1, 1),
        Sentence(
            1, "The toll in Varn rose from 9 to 11 people overnight, officials said.", "", 2, 2
        ),
        Sentence(1, "The bank cut its forecast for growth in 2026 to 1.4%.", "", 3, 3),
    ]
    figures = {f.figure: f.counts for f in _key_figures(said)}
    assert figures["40 to 70 millimetres"].endswith("40 to 70 millimetres of rain")
    assert figures["between 12 and 15"] == "killed between 12 and 15 people"
    # "from 9 to 11" is a change to 11; "in 2026 to 1.4%" a year, then the figure
    assert not any(figure.startswith(("9 to", "2026")) for figure in figures)
    assert "1.4%" in figures


def test_a_sum_that_qualifies_a_noun_says_the_noun_in_its_row():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The court cut a 2.1 billion euro cartel fine imposed on Veltra.", "", 0, 0),
        Sentence(1, "The ministry pledged €40 million to the fund.", "", 1, 1),
    ]
    figures = {f.figure: f.counts for f in _key_figures(said)}
    assert figures["2.1 billion euro"] == "The court cut a 2.1 billion euro cartel fine"
    assert (
        figures["€40 million"] == "The ministry pledged €40 million"
    )  # what follows is no noun of it


def test_one_length_written_two_ways_is_one_key_figure_said_by_what_it_is_of():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The truce came on Monday night after 12 days of fighting.", "", 0, 0),
        Sentence(2, "Both sides claimed victory in the 12-day war.", "", 0, 0),
    ]
    (row,) = _key_figures(said)
    assert (row.figure, row.counts, row.sources) == ("12 days", "12 days of fighting", [1, 2])


def test_thousands_set_apart_by_a_space_are_one_number():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "Kolmar has agreed to import 300 000 tonnes of wheat a year.", "", 0, 0),
        Sentence(2, "Kolmar will import 300,000 tonnes of wheat a year.", "", 0, 0),
    ]
    (row,) = _key_figures(said)
    assert (row.figure, row.sources) == ("300 000 tonnes", [1, 2])  # its unit with it


def test_the_bottom_line_takes_one_side_of_a_difference_at_most():
    from briefgen.analyse.items import Candidate
    from briefgen.kinds import Story
    from briefgen.kinds.bluf import bottom_line
    from briefgen.model import Brief, Claim, Discrepancy, Evidence, Section
    from briefgen.profile import SectionSpec, load_profile

    texts = [
        "The bank will cut its bond holdings by €14 billion a month.",
        "The bank will cut its bond holdings by €16 billion a month.",
        "Governor Ilse Marrow said inflation was close to the 2% target.",
    ]
    chosen = [Candidate(t, [Evidence(n, t)], 0, sources=[n]) for n, t in enumerate(texts, 1)]
    story = Story([], [], chosen, load_profile("generic"), chosen=chosen)
    spec = SectionSpec("bluf", "Bottom line", "bluf", max_items=3)
    differ = Section("differ", "Sources differ", "discrepancies")
    brief = Brief("Bank", None, "generic", "Brief", [differ], [])
    assert (
        len(bottom_line([], spec, story, brief)) == 3
    )  # without the difference known, all three would be told
    differ.items = [
        Discrepancy(
            "Sum (EUR)",
            [Claim("bond holdings by €14 billion", 1), Claim("bond holdings by €16 billion", 2)],
        )
    ]
    lines = [line.text for line in bottom_line([], spec, story, brief)]
    assert lines == [texts[0], texts[2]]


def test_a_percentage_written_two_ways_is_one_key_figure_and_two_values_are_two():
    from briefgen.analyse.evidence import find_key_figures
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The bank cut its deposit rate to 2.25% on Thursday.", "", 0, 0),
        Sentence(2, "The bank cut its deposit rate to 2.25 per cent on Thursday.", "", 0, 0),
        Sentence(2, "Unemployment rose to 6.1 per cent in May.", "", 1, 1),
    ]
    figures = find_key_figures(said, [], 8)
    assert sorted((f.figure, f.sources) for f in figures) == [
        ("2.25%", [1, 2]),
        ("6.1 per cent", [2]),
    ]


def test_two_differences_stay_in_a_tight_brief():
    """Two disputed figures take more than half of a 200-word brief's evidence words; what the
    outlets dispute is what a reader most needs of the evidence, so both stay."""
    one, other, expected = PAIRS["rate and sum"]
    brief = analyse(
        [article(one, "first.example"), article(other, "second.example")],
        load_profile("generic"),
        max_words=200,
    )
    assert len(brief.items_of("discrepancies")) == len(expected) == 2


def test_the_conflicting_pair_lists_both_rates_and_both_sums_in_key_figures():
    """Issue 13's case: a short brief has words to spare, so the evidence keeps what its
    share of the budget would have cut."""
    one, other, _ = PAIRS["rate and sum"]
    brief = analyse(
        [article(one, "first.example"), article(other, "second.example")], load_profile("generic")
    )
    figures = {f.figure: (f.counts, f.sources) for f in brief.items_of("key_figures")}
    # One row for each disputed figure, both sides in source order, labelled by the words the
    # sides share: a row with one side alone would state as settled what the outlets dispute.
    assert figures["3.25% or 3.5%"] == ("Deposit rate", [1, 2])
    assert figures["€14 billion or €16 billion"] == ("Bond holdings", [1, 2])
    assert not {"3.25%", "3.5%", "€14 billion", "€16 billion"} & set(figures)
    # Sources differ leads each note with the same words, not with "Sum (EUR)" or "Percentage".
    assert sorted(d.topic for d in brief.items_of("discrepancies")) == [
        "Bond holdings",
        "Deposit rate",
    ]


def test_a_disputed_length_is_one_key_figures_row_named_by_its_difference():
    brief = analyse(
        [
            article(
                """
The presidents of Arnel and Vosk spoke on the phone for more than two hours on Monday.
They agreed to reopen the border crossing at Tarn for trucks carrying grain.
Arnel will release 40 detained fishermen as a gesture of goodwill.
""",
                "first.example",
            ),
            article(
                """
During the 90-minute call, the two presidents agreed to reopen the Tarn crossing.
The leaders also agreed to set up a joint commission on the river border.
""",
                "second.example",
            ),
        ],
        load_profile("default"),
    )
    [difference] = brief.items_of("discrepancies")
    rows = {f.figure: (f.counts, f.sources) for f in brief.items_of("key_figures")}
    assert rows["more than two hours or 90-minute"] == (difference.topic, [1, 2])
    assert not {"more than two hours", "90-minute"} & set(rows)


def test_a_disputed_figure_whose_other_side_is_not_a_key_figure_says_so():
    from briefgen.analyse.evidence import fold_differences
    from briefgen.model import Claim, Discrepancy, Evidence, KeyFigure

    said = "The ferry was carrying 412 passengers."
    rows = fold_differences(
        [
            KeyFigure("412", "carrying 412 passengers", [1], [Evidence(1, said)]),
            KeyFigure("12", "12 crew", [2], [Evidence(2, "It had 12 crew.")]),
        ],
        [
            Discrepancy(
                "Number of passengers",
                [Claim("carrying 412 passengers", 1), Claim("carrying 398 passengers", 2)],
            )
        ],
    )
    assert [(r.figure, r.counts) for r in rows] == [
        ("412", "Number of passengers (sources differ)"),
        ("12", "12 crew"),  # "12" is not the "412" of the other's claim
    ]


def test_a_disputed_figure_that_opens_its_sentence_is_folded_with_the_other_side():
    from briefgen.analyse.evidence import fold_differences
    from briefgen.model import Claim, Discrepancy, Evidence, KeyFigure

    said = "About 1,400 people have been evacuated from Varn."
    rows = fold_differences(
        [
            KeyFigure("about 1,400", "about 1,400 residents", [1], [Evidence(1, said)]),
            KeyFigure("about 1,900", "about 1,900 people", [2], [Evidence(2, "About 1,900.")]),
        ],
        [
            Discrepancy(
                "Number of people",
                [
                    Claim("About 1,400 people have been evacuated", 1),
                    Claim("about 1,900 people were evacuated", 2),
                ],
            )
        ],
    )
    assert [(r.figure, r.counts) for r in rows] == [
        ("about 1,400 or about 1,900", "Number of people")
    ]


def test_an_outlet_giving_a_disputed_figure_in_its_own_words_is_cited_on_its_row():
    from briefgen.analyse.evidence import fold_differences
    from briefgen.model import Claim, Discrepancy, Evidence, KeyFigure

    said = [  # (figure, what it counts, source, its sentence)
        ("7.7", "magnitude 7.7 earthquake", 1, "A magnitude 7.7 earthquake hit."),
        ("7.9-magnitude", "7.9-magnitude earthquake", 2, "A 7.9-magnitude earthquake hit."),
        ("7.7-magnitude", "7.7-magnitude quake", 3, "The 7.7-magnitude quake hit."),
        ("7.7", "7.7 kilometres of road", 4, "It shut 7.7 kilometres of road."),
    ]
    rows = fold_differences(
        [KeyFigure(f, counts, [n], [Evidence(n, sentence)]) for f, counts, n, sentence in said],
        [
            Discrepancy(
                "Magnitude",
                [Claim("magnitude 7.7 earthquake", 1), Claim("7.9-magnitude earthquake", 2)],
            )
        ],
    )
    assert [(r.figure, r.sources) for r in rows] == [
        ("7.7 or 7.9-magnitude", [1, 2, 3]),  # the third outlet's 7.7 is the first side
        ("7.7", [4]),  # the same number, of something else
    ]


def test_an_outlet_that_writes_a_name_by_its_initials_states_it():
    one = article(
        """
The European Union agreed to cut its tariff on Velmar steel to 10% from next month.
Trade ministers met for six hours in Arnel before the decision.
""",
        "first.example",
    )
    other = article(
        """
The EU agreed to cut its tariff on Velmar steel to 10% from next month, Commissioner Ana Roz said.
Steelmakers in Velmar welcomed the move.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    told = [i for s in brief.sections if s.kind == "bullets" for i in s.items]
    steel = [i for i in told if "Velmar steel" in i.text]
    assert [i.sources for i in steel] == [[1, 2]], [(i.text, i.sources) for i in steel]


def test_a_quotation_or_a_count_in_words_is_cited_only_to_the_source_that_states_it():
    one = article(
        """
Defence lawyer Paul Renner called the verdict "a political show trial" and said he would appeal.
The board voted seven to two to approve the budget of the Arnel port authority.
""",
        "first.example",
    )
    other = article(
        """
Paul Renner, the defence lawyer, said he would appeal the verdict within 30 days.
The board of the Arnel port authority approved the budget by a vote of 6-3.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    told = [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]
    for item in told:
        if "show trial" in item.text or "seven to two" in item.text:
            assert item.sources == [1], (item.text, item.sources)
    assert any("show trial" in i.text for i in told) and any("seven" in i.text for i in told)


def test_a_claim_is_not_cited_to_an_outlet_that_gives_another_party_or_denies_it():
    one = article(
        """
Critics say the authorities ignored repeated warnings about the Teller dam's safety.
Kostal Steelworks, the largest of the firms, said it had always complied with the rules.
""",
        "first.example",
    )
    other = article(
        """
The government denied that it had ignored warnings about the Teller dam's safety.
The largest of the firms, Kostal Steelworks, employs 14,000 people in Arnel.
He added that more firms could be listed in the autumn.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    told = [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]
    for item in told:
        if "ignored" in item.text or "Kostal" in item.text:
            assert len(item.sources) == 1, (item.text, item.sources)
    assert any("Critics" in i.text for i in told) and any("denied" in i.text for i in told)


def test_a_percentage_row_says_what_it_is_a_percentage_of():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1, "Under the pact, Velmar will scrap duties on 97.5% of goods from Arnel.", "", 0, 0
        ),
        Sentence(
            1, "Solar farms were supplying 64% of the region's power demand at noon.", "", 1, 1
        ),
        Sentence(1, "Arnel's farmers now face 12 per cent levies on most exports.", "", 2, 2),
        Sentence(1, "A loss of about 40 percent of the stored water leading to cuts.", "", 3, 3),
        Sentence(1, "The ruling party won 31.5%, its best result in a decade.", "", 4, 4),
    ]
    rows = {f.figure: f.counts for f in _key_figures(said)}
    assert rows["97.5%"].endswith("scrap duties on 97.5% of goods")
    assert rows["64%"].endswith("supplying 64% of the region's power demand")
    assert rows["12 per cent"].endswith("face 12 per cent levies")
    assert rows["about 40 percent"].endswith("40 percent of the stored water")  # not "leading"
    assert rows["31.5%"] == "The ruling party won 31.5%"


@pytest.mark.parametrize(
    "told, other, denies",
    [
        (
            "Velmar agreed to a 20-day truce on Monday.",
            "Velmar has not agreed to a 20-day truce.",
            True,
        ),
        ("The army deployed troops to Tarn.", "The army did not deploy troops to Tarn.", True),
        ("Arnel signed the accord.", "Arnel refused to sign the accord.", True),
        ("Vosk fired the missiles.", "Vosk denied firing the missiles.", True),
        ("Vosk has yet to sign the accord.", "Vosk signed the accord on Friday.", True),
        ("The offer would have raised pay by 7%.", "The deal raises pay by 7%.", True),
        # Both deny the same thing, or deny what the other never says: no contradiction.
        ("Talks ended without a deal on tariffs.", "The talks ended without a deal.", False),
        ("The bank cut rates, not wanting to wait.", "The bank cut rates on Thursday.", False),
        ("Vosk has yet to sign the accord.", "Arnel has not signed the accord.", False),
        # "No", "nothing" and "never" deny what other words say too; "did not say" denies no talks.
        ("No ferries ran to Kell on Monday.", "Ferries stopped running to Kell on Monday.", False),
        (
            "Officials said nothing changed in the flood risk.",
            "The flood risk was little changed.",
            False,
        ),
        ("The dam had never failed before.", "The dam failed on Sunday, its first failure.", False),
        (
            "Borg did not say when talks would resume.",
            "Borg said talks would resume on Friday.",
            False,
        ),
        # "a failed" is an adjective; "not … without" is a condition, not a denial
        (
            "Crews spent six hours replacing a faulty power unit on the station.",
            "Crews went out to swap a failed power unit on the station.",
            False,
        ),
        (
            "The best advice, doctors say, is simple: do not stop taking your tablets.",
            "Patients were told not to stop taking the drug without advice from a doctor.",
            False,
        ),
        ("The talks ended without agreement.", "The talks reached agreement.", True),
    ],
)
def test_a_text_that_denies_what_another_asserts_contradicts_it(told, other, denies):
    from briefgen.analyse.sections import contradicts

    assert contradicts(told, other) is denies and contradicts(other, told) is denies


def test_an_outlet_that_reports_the_opposite_is_never_cited_for_it_and_both_are_disputed():
    one = article(
        """
The Velmar government agreed to a 20-day truce with the northern rebels on Monday, officials said.
The truce covers the whole of the northern province, including the city of Tarn.
""",
        "first.example",
    )
    other = article(
        """
The Velmar government has not agreed to a 20-day truce with the northern rebels, officials said.
Fighting continued overnight on the outskirts of Tarn, residents said.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    told = [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]
    agreed = [i for i in told if "agreed" in i.text and "not" not in i.text]
    denied = [i for i in told if "not agreed" in i.text]
    assert agreed and denied
    assert all(i.sources == [1] for i in agreed) and all(i.sources == [2] for i in denied)
    # Both are disputed, and Sources differ tells each side in its outlet's words.
    bullets = brief.items_of("bullets")
    assert all(i.support.disputed for i in bullets if i in agreed or i in denied)
    (difference,) = brief.items_of("discrepancies")
    assert [c.source for c in difference.claims] == [1, 2]
    assert "not agreed" in difference.claims[1].text and "agreed" in difference.claims[0].text
    (bottom,) = [s for s in brief.sections if s.kind == "bluf"]
    assert sum("agreed" in line.text for line in bottom.items) == 1  # one side at most
    # The truce's length, which both give, is no disputed figure.
    rows = {f.figure: f.counts for f in brief.items_of("key_figures")}
    assert rows["20-day"] == "20-day truce"


def test_an_outlet_that_only_names_who_a_bullet_is_about_is_not_cited_for_it():
    one = article(
        """
Lowmark's council approved the harbour plan on Tuesday by 30 votes to 12.
The plan now goes to Governor Ines Carrow for her signature.
""",
        "first.example",
    )
    other = article(
        """
Lowmark's council rejected the harbour plan on Tuesday.
Governor Ines Carrow asked councillors to vote again next month.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    told = [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]
    asked = [i for i in told if "vote again" in i.text]
    signs = [i for i in told if "signature" in i.text]
    assert asked and all(i.sources == [2] for i in asked)
    assert all(i.sources == [1] for i in signs)


def test_both_ways_gives_each_side_in_source_order_with_its_figures_whole():
    one = article(
        """
The Arnel plan would have raised school spending by 12 percent, the finance ministry said.
Teachers' unions welcomed the talks.
""",
        "first.example",
    )
    other = article(
        """
The Arnel plan raises school spending by 12 percent, the finance ministry said on Friday.
Parents' groups asked for more.
""",
        "second.example",
    )
    brief = analyse([one, other], load_profile("generic"))
    (difference,) = brief.items_of("discrepancies")
    assert [c.source for c in difference.claims] == [1, 2]
    assert all("12 percent" in c.text for c in difference.claims)
    assert "would have raised" in difference.claims[0].text


def test_a_measure_keeps_its_unit_as_written_and_says_what_it_measures():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The bank cut its main rate by 50 basis points on Thursday.", "", 0, 0),
        Sentence(1, "The new pipeline from Arnel runs 1,400km to the coast.", "", 1, 1),
        Sentence(1, "The deal covers 30 billion cubic metres of gas a year.", "", 2, 2),
        Sentence(1, "The Velmar index fell 300 points on Monday.", "", 3, 3),
        Sentence(2, "Rates were cut by 50 basis points, the bank said.", "", 0, 0),
    ]
    rows = {f.figure: f for f in _key_figures(said)}
    assert rows["50 basis points"].sources == [1, 2]
    assert rows["50 basis points"].counts.endswith("cut its main rate by 50 basis points")
    assert rows["1,400km"].counts.endswith("runs 1,400km")
    assert rows["30 billion cubic metres"].counts.endswith("30 billion cubic metres of gas")
    assert rows["300 points"].counts.endswith("index fell 300 points")
    assert not {"50", "1,400", "30 billion", "300"} & set(rows)


def test_one_large_count_written_two_ways_is_one_row_citing_both():
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "Ferro Motors said it would cut 3,500 jobs at its plants in Arnel.", "", 0, 0),
        Sentence(2, "Ferro Motors will eliminate 3 500 positions, the carmaker said.", "", 0, 0),
        Sentence(3, "Ferro Motors will lay off 3,500 workers, the company confirmed.", "", 0, 0),
        # The same number of something else, in a sentence that says nothing the others say.
        Sentence(3, "A rival shipyard in Cardo hired 3,500 welders last spring.", "", 1, 1),
        # A small count recurs for different things: "12 plants" is no row of the 12 trucks.
        Sentence(1, "Ferro Motors runs 12 plants in Arnel.", "", 2, 2),
        Sentence(2, "Ferro Motors recalled 12 trucks in Arnel.", "", 1, 1),
    ]
    rows = [(f.figure, f.sources) for f in _key_figures(said)]
    assert ("3,500", [1, 2, 3]) in rows
    assert [figure for figure, _ in rows].count("3,500") == 2  # the welders keep a row of their own
    assert ("3 500", [2]) not in rows
    assert {figure for figure, _ in rows} >= {"3,500", "12"}
    assert [figure for figure, _ in rows].count("12") == 2


def _bullets(*texts: str) -> list:
    sources = [article(text, f"outlet{n}.example") for n, text in enumerate(texts, 1)]
    brief = analyse(sources, load_profile("generic"))
    return [i for s in brief.sections if s.kind in ("bullets", "bluf") for i in s.items]


def test_a_bullet_opening_with_a_name_cites_only_outlets_that_name_it():
    told = _bullets(
        """
Floods in the Tervanne valley have killed 42 people, Interior Minister Dario Feld said.
Feld said the government would release €40m in emergency aid for the valley.
About 3,000 people have been moved to shelters in the towns of Oskby and Hallen.
""",
        """
The floods in the Tervanne valley have left 42 people dead, officials said on Tuesday.
The government has pledged €40m in emergency aid for the valley.
Rescue teams are still searching the villages along the river.
""",
    )
    aid = [i for i in told if "€40m" in i.text]
    assert aid  # told, in one outlet's words or the other's
    assert all(i.sources == [1] for i in aid if "Feld" in i.text)


def test_a_key_figure_label_never_cuts_a_number_before_its_figure():
    """A row's words before its figure are whole words: "8,400 hectares" is never cut to "400
    hectares", a number the source never gave."""
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1,
            "Fanned by dry winds, the fire spread across 8,400 hectares in under two days.",
            "",
            0,
            0,
        ),
        Sentence(2, "The blaze grew to 1.5 million square metres in under three days.", "", 0, 1),
    ]
    labels = [f.counts for f in _key_figures(said)]
    assert any("two days" in label for label in labels)
    source_words = {w.strip(",.") for s in said for w in s.text.split()}
    for label in labels:
        numbers = [w.strip(",.") for w in label.split() if w[0].isdigit()]
        assert set(numbers) <= source_words, label


def test_a_key_figure_cites_only_sources_that_give_its_number_of_its_thing():
    """Two counts in millions are two numbers ("1.1 million", "1.3 million"), and one value said
    of two things is two rows ("the rate stood at 9.50%", "the minimum wage rose 9.5%"): a row
    never cites an outlet for a figure it does not give, or gives of something else."""
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(1, "The strike disrupted journeys for about 1.1 million passengers.", "", 0, 0),
        Sentence(1, "The bank cut rates in March, when the rate stood at 9.50%.", "", 1, 1),
        Sentence(2, "The strike touched the journeys of 1.3 million passengers.", "", 0, 2),
        Sentence(2, "The minimum wage, which rose 9.5% this year, keeps prices high.", "", 1, 3),
        Sentence(3, "The central bank's key rate had stood at 9.5% since December.", "", 0, 4),
    ]
    rows = {f.figure: f.sources for f in _key_figures(said)}
    assert rows["about 1.1 million"] == [1]
    assert rows["1.3 million"] == [2]
    assert rows["9.50%"] == [1, 3]  # the same rate, told by two outlets
    assert rows["9.5%"] == [2]


def test_one_value_said_of_many_things_takes_a_row_for_each_up_to_a_limit():
    """ "5%" of six unrelated things: each row cites only the outlet that says it of its thing, and
    the value takes at most ``ROWS_PER_VALUE`` rows (a week of news says "5%" of dozens)."""
    from briefgen.analyse.evidence import ROWS_PER_VALUE
    from briefgen.analyse.items import Sentence

    texts = [
        "Harbour fees climbed 5% at the docks.",
        "Bread prices went up 5% in bakeries.",
        "Turnout among young voters reached 5%.",
        "Rainfall totalled 5% more than usual.",
        "Tram fares increased 5% this spring.",
        "Rents gained 5% downtown.",
    ]
    said = [Sentence(n, text, "", 0, n) for n, text in enumerate(texts, 1)]
    rows = [f for f in _key_figures(said) if f.figure == "5%"]
    assert len(rows) == ROWS_PER_VALUE
    for row in rows:
        (source,) = row.sources
        assert texts[source - 1].split()[0] in row.counts


def test_one_length_is_one_key_figure_whatever_its_unit_is_called():
    """ "A planned 46-km line", "46 kilometres of new track" and "the new railway of 46 km" are one
    row citing all three outlets, not three rows of one length."""
    from briefgen.analyse.items import Sentence

    said = [
        Sentence(
            1, "The court annulled the permit for a planned 46-km rail line to Arnel.", "", 0, 0
        ),
        Sentence(2, "The rail link, 46 kilometres of new track and tunnels, was halted.", "", 0, 1),
        Sentence(3, "The town welcomed the ruling against the new railway of 46 km.", "", 0, 2),
    ]
    (row,) = [f for f in _key_figures(said) if "46" in f.figure]
    assert row.sources == [1, 2, 3]
    weighed = [
        Sentence(1, "The sensor sees methane leaks of about 100 kilograms per hour.", "", 0, 0),
        Sentence(2, "The agency says it can see leaks of 100 kilos per hour.", "", 0, 1),
    ]
    (row,) = [f for f in _key_figures(weighed) if "100" in f.figure]
    assert row.sources == [1, 2]
    # a shorter measure earlier in the sentence is not the longer one's ("6 km" in "46 km")
    both = [Sentence(1, "The plan adds a 6 km tunnel to the 46 km rail line to Arnel.", "", 0, 0)]
    assert {f.figure for f in _key_figures(both)} >= {"6 km", "46 km"}
