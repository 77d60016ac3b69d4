"""Words as analysis sees them (briefgen.analyse.terms): Snowball stems, stop words, tokens
of any script.  The sentences are invented; none comes from a source or a profile."""

from __future__ import annotations

from briefgen.analyse.terms import (
    STOP_WORDS,
    TOKEN,
    content_stems,
    cosine,
    idf_weights,
    stem,
    tokens,
    vector,
)


def test_inflections_of_one_verb_share_a_stem():
    assert stem("attacks") == stem("attacking") == stem("attacked") == stem("attack")


def test_words_that_only_begin_alike_do_not_meet():
    # Five-letter truncation plus a synonym table once made these the same word.
    assert stem("conventional") != stem("phone")
    assert stem("suspected") != stem("stop")
    assert stem("suspected") != stem("suspended")


def test_stem_is_memoised_and_case_and_apostrophe_blind():
    assert stem("Attacked") == stem("attacked")
    assert stem("farmer’s") == stem("farmer's") == stem("farmers")
    assert stem("attacking") is stem("attacking")  # the second call is a cache hit


def test_content_stems_drop_stop_words_and_one_letter_words():
    got = content_stems(
        "The villagers said they were attacking a bridge at 5 o'clock near Zorvath."
    )
    assert not {"the", "said", "they", "were", "a", "at", "5"} & set(got)
    assert got == [
        stem("villagers"),
        stem("attacking"),
        stem("bridge"),
        stem("o'clock"),
        stem("near"),
        stem("zorvath"),
    ]
    assert all(word not in STOP_WORDS for word in got)


def test_words_of_other_scripts_are_tokens():
    text = "Глорвасты атаковали мост; Ζωγράφοι ήρθαν, thỏa thuận đã ký."
    assert TOKEN.findall(text)[:2] == ["Глорвасты", "атаковали"]
    assert tokens(text) == [
        "глорвасты",
        "атаковали",
        "мост",
        "ζωγράφοι",
        "ήρθαν",
        "thỏa",
        "thuận",
        "đã",
        "ký",
    ]
    # The English stemmer leaves them whole, so they still carry meaning.
    assert content_stems("Глорвасты атаковали мост") == ["глорвасты", "атаковали", "мост"]


def test_vectors_of_inflected_reports_meet():
    first = content_stems("Drelvan forces attacked the Kossa bridge.")
    second = content_stems("Drelvan forces are attacking the Kossa bridge again.")
    other = content_stems("Farmers planted barley in Wuntel.")
    idf = idf_weights([first, second, other])
    a, b, c = (vector(d, idf) for d in (first, second, other))
    assert cosine(a, b) > 0.7
    assert cosine(a, c) == 0.0
