"""The corroboration mark after each bullet: computed from its evidence, worded by the profile."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

import briefgen
from briefgen import kinds
from briefgen.analyse.budget import reader_words
from briefgen.analyse.support import attribution, hedged, label, support_of
from briefgen.errors import InputError
from briefgen.kinds import words
from briefgen.model import (
    Brief,
    Claim,
    Discrepancy,
    Evidence,
    Item,
    Section,
    Source,
    Support,
    brief_from_json,
    brief_to_json,
)
from briefgen.profile import DEFAULT_HEDGES, Marks, load_profile
from briefgen.typeset import render

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
MARKS = Marks(explanation="Marks explained.", confirmed="confirmed by {n} outlets")
# A mark is printed in italics and parentheses after a bullet's citations: "… [1][2] (2 outlets)".
MARK = re.compile(r"\[\d+\]\s+\(([^()]+)\)$")


# --- the facts, from hand-made evidence (invented sentences, no story's words) -------------


def test_two_outlets_corroborate_one_does_not():
    two = support_of(
        [Evidence(1, "The ferry resumed service on Monday."), Evidence(2, "Ferries sail again.")],
        "The ferry resumed service on Monday.",
    )
    one = support_of(
        [Evidence(2, "The ferry resumed service on Monday."), Evidence(2, "Crews returned.")],
        "The ferry resumed service on Monday.",
    )
    assert (two.outlets, one.outlets) == (2, 1)
    assert label(two, MARKS) == "2 outlets"
    assert label(one, MARKS) == "single-source"


def test_two_articles_of_one_outlet_are_one_voice():
    evidence = [Evidence(1, "The ferry resumed service."), Evidence(2, "The ferry sails again.")]
    text = "The ferry resumed service."
    same = support_of(evidence, text, outlets={1: "Harbour Post", 2: "harbour  post"})
    other = support_of(evidence, text, outlets={1: "Harbour Post", 2: "Coast Radio"})
    unknown = support_of(evidence, text, outlets={1: "", 2: ""})
    assert (same.outlets, other.outlets, unknown.outlets) == (1, 2, 2)


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("The ministry said on Monday that the border would reopen.", "the ministry"),
        ("Norland's army said the bridge had been destroyed.", "Norland's army"),
        ("The bridge had been destroyed, the army said.", "the army"),
        ("The bridge had been destroyed, said Anna Berg, a spokeswoman.", "Anna Berg"),
        ("In a speech, the governor stressed that taxes would not rise.", "the governor"),
        (
            "Dr. Lena Ostrova, head of the Harbour Institute, warned that prices would rise.",
            "Lena Ostrova",
        ),
        ("According to the port authority, 40 ships are waiting.", "the port authority"),
        (
            "According to a statement from the Valdorian cabinet, talks will resume.",
            "the Valdorian cabinet",
        ),
        ("The Coastal Research Centre (CRC) based in Arlen assessed that the risk was low.", "CRC"),
        ("According to state media, the vote was calm and orderly.", "state media"),
        # what stands between the verb and the speaker, or before the subject, is not them
        ('"The port stays open," wrote the harbour master on X.', "the harbour master"),
        ("Following their meeting, Varga claimed that the deal was dead.", "Varga"),
    ],
)
def test_a_statement_given_as_someones_is_attributed_to_them(sentence, party):
    assert attribution(sentence) == party


@pytest.mark.parametrize(
    "sentence",
    [
        "The border reopened on Monday after a week of talks.",
        "According to the plan, the troops will leave by May.",  # a document, not a side
        "According to CNN, the talks resumed on Monday.",  # a medium, not a side
        "The minister is said to have softened his demands.",  # a passive report hedges
        "Both sides said the talks had been useful.",  # not one party
        "The United States sent two ships to the region.",  # "States" is no verb
        "The ministry announced a ten-day halt to the strikes.",  # an act, not a claim
        # a kind of news, not someone's claim: a "(per reports)" mark would tell the reader nothing
        "The convoy left the capital at dawn, according to reports.",
        "The convoy left the capital at dawn, according to unconfirmed media reports.",
        "The convoy left the capital at dawn, according to local media reports.",
        "The convoy left the capital at dawn, according to news reports.",
        "According to him, the convoy left the capital at dawn.",  # whom, the sentence before says
        "Two launchers, announced on Wednesday, add welcome capacity to the air defences.",
        "The runway, opened in May, adds welcome capacity to the airport.",
        '"We saw the smoke from the road," told us a driver.',
    ],
)
def test_a_statement_in_the_outlets_own_voice_is_not_attributed(sentence):
    assert attribution(sentence) == ""


@pytest.mark.parametrize(
    ("sentence", "hedges"),
    [
        ("The ceasefire could collapse within days.", True),
        ("Reportedly, the minister resigned on Monday.", True),
        ("Many patients died at home before they could be tested.", False),
        ("Families fled with what they could carry.", False),
    ],
)
def test_could_of_what_was_possible_is_no_hedge(sentence, hedges):
    assert hedged(sentence, load_profile("generic").marks.hedges) is hedges


def test_a_line_is_one_partys_claim_only_when_every_outlet_gives_it_as_theirs():
    text = "The dam is safe."
    same = support_of(
        [
            Evidence(1, "The dam is safe, the ministry said."),
            Evidence(2, "The ministry said the dam is safe."),
        ],
        text,
    )
    two_sides = support_of(
        [
            Evidence(1, "The dam is safe, the ministry said."),
            Evidence(2, "The dam is safe, the rebels said."),
        ],
        text,
    )
    own_voice = support_of(
        [Evidence(1, "The dam is safe, the ministry said."), Evidence(2, "The dam is safe.")], text
    )
    assert same.attributed_to == "the ministry"
    assert two_sides.attributed_to == own_voice.attributed_to == ""
    # The mark names the party when the bullet's own words do not.
    assert label(same, MARKS, text) == "2 outlets, per the ministry"
    assert label(same, MARKS, "The ministry said the dam is safe.") == "2 outlets"


@pytest.mark.parametrize(
    "sentence, hedging",
    [
        ("The general was reportedly dismissed on Friday.", True),
        ("Reportedly, the general was dismissed.", True),
        ("The strike may spread to other ports.", True),
        ("The talks could resume next week.", True),
        ("The leaders are expected to sign the accord in June.", True),
        ("The claims remain unconfirmed.", True),
        ("The suspect allegedly fled abroad.", True),
        ("The accord was signed on 5 May in Arlen.", False),  # the month, not the verb
        ("The leaders signed the accord on Monday.", False),
        # an aside's conjecture is not the report's
        ("The bank cut rates to weaken the yen, which could harm exporters, in 2016.", False),
        ("The truce, which may not last, was signed on Monday.", False),
        ("The truce was signed on Monday, but it may not last.", True),
        # a report or expectation no one owns hedges; someone's own saying or expecting does not
        ("The envoy is said to have left the capital.", True),
        ("The accord was widely expected to fail.", True),
        ("Norland expected to join the bloc in May, but the vote was delayed.", False),
        ("The envoy said to reporters that the talks had ended.", False),
    ],
)
def test_hedge_words_mark_a_line_hedged(sentence, hedging):
    assert hedged(sentence, DEFAULT_HEDGES) is hedging
    support = support_of([Evidence(1, sentence)], sentence)
    assert support.hedged is hedging
    assert ("hedged" in label(support, MARKS)) is hedging


def test_a_line_stating_a_side_of_a_difference_is_disputed():
    difference = Discrepancy(
        "Length of the strike", [Claim("for two weeks", 1), Claim("for 16 days", 2)]
    )
    told = "Crews walked out for 16 days, the union said."
    disputed = support_of([Evidence(2, told)], "Crews walked out for 16 days.", [difference])
    other = support_of([Evidence(2, "Crews returned on Monday.")], "Crews returned.", [difference])
    assert disputed.disputed and not other.disputed
    assert label(disputed, MARKS, "Crews walked out for 16 days.") == (
        "single-source, per the union, disputed"
    )


def test_a_line_stating_an_elided_side_of_a_difference_is_disputed():
    # "death toll … has risen to 1,644": the claim's words are in the line, a stretch between.
    difference = Discrepancy(
        "Number killed",
        [Claim("killed 1,002 people", 1), Claim("death toll … has risen to 1,644", 2)],
    )
    told = "The death toll from the landslide in Arnel has risen to 1,644, officials said."
    disputed = support_of([Evidence(2, told)], told, [difference])
    other = support_of(
        [Evidence(2, "The toll road has risen in price.")], "The toll road reopened.", [difference]
    )
    assert disputed.disputed and not other.disputed


def test_the_bottom_line_says_only_what_the_evidence_makes_firm_in_estimative_words():
    firm = Support(outlets=3)
    assert label(firm, MARKS, bottom_line=True) == "confirmed by 3 outlets"
    assert label(Support(outlets=3, hedged=True), MARKS, bottom_line=True) == ""
    assert label(Support(outlets=1), MARKS, bottom_line=True) == ""


# --- the model: JSON, old briefs ---------------------------------------------------------------


def marked_brief() -> Brief:
    bullet = Item(
        "Ferries resume on Monday.",
        "news",
        [1, 2],
        [Evidence(1, "Ferries resume on Monday."), Evidence(2, "Ferries resume on Monday.")],
        support=Support(outlets=2, label="2 outlets"),
    )
    difference = Discrepancy(
        "Length of the strike",
        [Claim("two weeks", 1), Claim("16 days", 2)],
        Support(outlets=2, disputed=True, label="disputed"),
    )
    return Brief(
        title="Arlen ferries",
        date="2025-06-02",
        profile="test",
        profile_title="Brief",
        sections=[
            Section("news", "News", "bullets", [bullet]),
            Section("differ", "Sources differ", "discrepancies", [difference]),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(1, "a.example", "Ferries resume"), Source(2, "b.example", "Strike ends")],
        support_note="Marks explained.",
    )


def test_the_marks_go_to_json_and_back():
    brief = marked_brief()
    data = json.loads(brief_to_json(brief))
    assert data["sections"][0]["items"][0]["support"] == {
        "outlets": 2,
        "attributed_to": "",
        "hedged": False,
        "disputed": False,
        "label": "2 outlets",
    }
    assert brief_from_json(brief_to_json(brief)) == brief


def test_a_brief_of_schema_2_without_marks_is_still_read():
    data = json.loads(brief_to_json(marked_brief()))
    data["schema"] = 2
    del data["support_note"]
    del data["sections"][0]["items"][0]["support"]
    del data["sections"][1]["items"][0]["support"]
    again = brief_from_json(json.dumps(data))
    assert again.schema == 3
    assert again.sections[0].items[0].support is None and again.support_note == ""


def test_an_edited_mark_of_the_wrong_type_is_refused():
    data = json.loads(brief_to_json(marked_brief()))
    data["sections"][0]["items"][0]["support"]["outlets"] = "two"
    with pytest.raises(InputError, match=r"items\[0\]\.support\.outlets should be int"):
        brief_from_json(json.dumps(data))


def test_the_budget_counts_the_mark_as_the_partial_prints_it():
    brief = marked_brief()
    section = brief.sections[0]
    marked = section.items[0].support
    section.items[0].support = None
    plain = kinds.kind("bullets").words(section.items)
    section.items[0].support = marked
    marked.label = "confirmed by two outlets"
    assert kinds.kind("bullets").words(section.items) == plain + 4
    # Every word the Markdown shows before the Sources (each mark) is one the budget counts; the
    # key to the marks closes the brief with the Sources.
    markdown = render(brief, ["md"])["md"].decode("utf-8")
    body = markdown.split("\n## Sources\n")[0].split("\n", 1)[1]
    shown = sum(
        words(line.lstrip("#>-|* "))
        for line in body.splitlines()
        if not re.fullmatch(r"[|\-\s]*|:::.*", line)
    )
    assert "*(confirmed by two outlets)*" in markdown and "*(disputed)*" in markdown
    assert "Marks explained." in markdown
    assert shown == reader_words(brief)


# --- the profile's wording ---------------------------------------------------------------------


def own_profile(tmp_path: Path, marks: str) -> Path:
    shipped = (ROOT / "briefgen" / "profiles" / "default.yaml").read_text(encoding="utf-8")
    text = shipped.split("\nmarks:")[0] + "\n" + marks
    path = tmp_path / "office.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_profiles_word_the_marks():
    for name in ("default", "generic"):
        marks = load_profile(name).marks
        assert marks is not None and marks.explanation and "{n}" in marks.corroborated


def test_a_placeholder_a_wording_cannot_fill_is_refused(tmp_path):
    path = own_profile(tmp_path, 'marks:\n  single: "{party} alone"\n')
    with pytest.raises(InputError, match=r"marks single uses \{party\}"):
        load_profile(str(path))


def test_an_unknown_key_of_the_marks_table_is_refused(tmp_path):
    path = own_profile(tmp_path, "marks:\n  singel: one outlet\n")
    with pytest.raises(InputError, match="singel"):
        load_profile(str(path))


def docx_lines(path: Path) -> list[tuple[str, str, str]]:
    """(heading, style, text) of each paragraph of a DOCX after the title."""
    heading, lines = "", []
    for paragraph in docx.Document(str(path)).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading"):
            heading = paragraph.text.strip()
        elif paragraph.text.strip():
            lines.append((heading, style, paragraph.text.strip()))
    return lines


def test_an_offices_own_wording_is_what_the_docx_shows(tmp_path):
    path = own_profile(
        tmp_path,
        "marks:\n"
        "  explanation: Confidence per ICD 203 practice, from the sources' agreement.\n"
        '  corroborated: "high confidence: {n} sources"\n'
        "  single: low confidence\n"
        '  disputed: "contested"\n',
    )
    (written,) = briefgen.build(
        [SAMPLE],
        tmp_path / "out",
        analysis=briefgen.AnalysisOptions(profile=path),
        rendering=briefgen.RenderOptions(formats=("docx",)),
    )
    lines = docx_lines(written)
    assert any(text.startswith("Confidence per ICD 203 practice") for _, _, text in lines)
    bullets = [text for _, style, text in lines if style == "List Bullet"]
    marks = [m[1] for m in map(MARK.search, bullets) if m]
    assert "high confidence: 2 sources" in marks
    assert any(m.startswith("low confidence") for m in marks)
    assert any(text.endswith("(contested)") for text in bullets)
    assert not any("single-source" in text or "outlets)" in text for text in bullets)


# --- the sample ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Brief, list[tuple[str, str, str]]]:
    out = tmp_path_factory.mktemp("sample")
    written = briefgen.build(
        [SAMPLE], out, rendering=briefgen.RenderOptions(formats=("docx", "json"))
    )
    paths = {p.suffix: p for p in written}
    brief = brief_from_json(paths[".json"].read_text(encoding="utf-8"))
    return brief, docx_lines(paths[".docx"])


def test_the_sample_marks_a_bullet_only_for_what_a_reader_must_weigh(sample):
    # The shipped profiles leave a bullet one outlet reports unmarked (most are) and say so in
    # the key to the marks: a mark on every line would be read past.
    brief, lines = sample
    titles = {s.title for s in brief.sections if kinds.kind(s.kind).bullets}
    bullets = {text: MARK.search(text) for heading, style, text in lines if heading in titles}
    assert len(bullets) == len(brief.items_of("bullets")) > 10
    for item in brief.items_of("bullets"):
        support = item.support
        (mark,) = [m for text, m in bullets.items() if text.startswith(item.text)]
        qualified = support.outlets > 1 or support.hedged or support.disputed
        assert bool(mark) == bool(support.label) and (qualified <= bool(mark))
        assert "single" not in support.label
    assert any(m is None for m in bullets.values()) and any(bullets.values())
    assert "(when several)" in brief.support_note
    assert any(text == brief.support_note for _, _, text in lines)


def test_the_sample_marks_what_both_outlets_report_and_what_they_dispute(sample):
    brief, lines = sample
    for item in brief.items_of("bullets"):
        assert item.support is not None
        assert item.support.outlets == len({e.source for e in item.evidence})
        assert item.support.label.startswith("2 outlets") == (item.support.outlets > 1)
    assert any(i.support.outlets == 2 for i in brief.items_of("bullets"))
    (difference,) = brief.items_of("discrepancies")
    (line,) = [text for heading, _, text in lines if heading == "Sources differ"]
    assert difference.support.disputed and line.endswith("(disputed)")
    # A bullet that tells one side of that difference is disputed too.
    sides = [c.text for c in difference.claims]
    for item in brief.items_of("bullets"):
        if any(side in item.text for side in sides):
            assert item.support.disputed and "disputed" in item.support.label
