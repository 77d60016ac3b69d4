"""Analysis on the samples: honest items, from the profile's sections, cited."""

import re

import pytest

from briefgen.analyse import analyse
from briefgen.errors import InputError
from briefgen.model import Article
from briefgen.profile import load_profile
from briefgen.read import read_sources


@pytest.fixture(scope="module")
def articles(request):
    from tests.conftest import INPUTS

    return read_sources([str(INPUTS)])


@pytest.fixture(scope="module")
def brief(articles):
    return analyse(articles, load_profile())


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_sections_follow_the_profile(brief):
    assert [s.id for s in brief.sections] == [s.id for s in load_profile().sections]


def test_every_item_is_cited_and_traces_to_source_sentences(brief, articles):
    items = [i for s in brief.sections if s.kind in ("bluf", "bullets") for i in s.items]
    assert len(items) >= 8
    for item in items:
        assert item.sources and all(1 <= n <= len(articles) for n in item.sources)
        for evidence in item.evidence:
            assert _normal(evidence.sentence) in _normal(articles[evidence.source - 1].text)
        # every word of the bullet is in its evidence: nothing invented
        evidence_words = set(
            re.findall(r"\w+", " ".join(e.sentence for e in item.evidence).lower())
        )
        assert set(re.findall(r"\w+", item.text.lower())) <= evidence_words, item.text


def test_sources_listed_with_urls(brief):
    assert [s.url for s in brief.sources] == [
        "https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html",
        "https://thanhnien.vn/thach-thuc-cho-hoa-binh-ukraine-185250319231528664.htm",
    ]
    assert brief.date == "2025-03-19"


def test_word_budget_is_respected(articles):
    small = analyse(articles, load_profile(), max_words=150)
    words = sum(len(i.text.split()) for s in small.sections if s.kind == "bullets" for i in s.items)
    assert 0 < words <= 150


def test_other_profile_gives_its_own_sections(articles):
    brief = analyse(articles, load_profile("generic"))
    assert [s.id for s in brief.sections][:4] == ["bluf", "developments", "risks", "outlook"]


def test_nothing_to_summarise_is_an_error():
    article = Article(text="", paragraphs=[], title="x", outlet="x", location="notes/empty-ish.txt")
    with pytest.raises(InputError, match="^notes/empty-ish.txt: no sentences"):
        analyse([article], load_profile())


def test_sources_with_nothing_a_brief_can_tell_are_an_error_not_an_empty_brief():
    # A question, a photo caption and a byline: none states anything.
    text = (
        "What will the council decide about the park?\n"
        "The mayor speaks at the park gates in Aldor, June 2, 2024.\nBy Ana Berg"
    )
    paragraphs = [("text", line) for line in text.splitlines()]
    article = Article(
        text=text, paragraphs=paragraphs, title="Park notes", outlet="x", location="notes/park.txt"
    )
    with pytest.raises(
        InputError,
        match="^notes/park.txt: no sentence in the sources states something a brief can tell",
    ):
        analyse([article], load_profile())


def test_a_sentence_that_fits_no_section_well_still_reaches_the_brief():
    # No cue of any section: the old cue gate left it out and called the brief empty.
    text = "The sky was blue and the grass was green in the park today, the gardener noted."
    article = Article(
        text=text,
        paragraphs=[("text", text)],
        title="Park notes",
        outlet="x",
        location="notes/park.txt",
    )
    brief = analyse([article], load_profile())
    assert [i.text for s in brief.sections if s.kind == "bullets" for i in s.items] == [text]
