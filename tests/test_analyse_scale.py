"""Merging at scale: blocking by rare terms still finds the same statement from two outlets
when hundreds of other statements share its common words.  (Speed itself is measured in
bench/, never asserted here.)"""

from __future__ import annotations

from briefgen.analyse import analyse
from briefgen.analyse.items import Sentence, candidates, merge, score
from briefgen.model import Article
from briefgen.profile import load_profile

SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"]  # ten different consonants


def made_up_word(n: int) -> str:
    """A word of its own for each n < 1000, different within analysis's five-letter stems."""
    return "".join(SYLLABLES[int(d)] for d in reversed(f"{n:03d}")).capitalize()


def flood() -> list[str]:
    """800 different statements that share "officials agreed" with the two below."""
    return [f"Officials agreed on the {made_up_word(n)} plan." for n in range(800)]


PARAPHRASES = [
    "The regional government agreed to pay 40 million euros in emergency aid for farmers.",
    (
        "Farmers will get 40 million euros in emergency aid, officials agreed with the regional "
        "government."
    ),
]


def texts() -> list[str]:
    # Equal placement scores, so statements are merged in source order: the second
    # paraphrase comes after the whole flood has been indexed.
    return [PARAPHRASES[0], *flood(), PARAPHRASES[1]]


def test_same_statement_merges_across_a_flood_of_similar_ones():
    sentences = [Sentence(source, text, "", 0, 0) for source, text in enumerate(texts(), 1)]
    kept = merge(score(candidates(sentences), load_profile("default")))
    (aid,) = [c for c in kept if "euros" in c.text]
    assert sorted(aid.sources) == [1, 802]
    assert len(aid.evidence) == 2
    # Neither paraphrase was folded into a statement of the flood.
    assert not any("euros" not in c.text and {1, 802} & set(c.sources) for c in kept)


def test_hundreds_of_sources_still_make_a_brief():
    articles = [
        Article(
            text=t,
            paragraphs=[("text", t)],
            title=f"Report {n}",
            outlet=f"outlet{n}.example",
            date="2024-06-02",
        )
        for n, t in enumerate(texts(), 1)
    ]
    brief = analyse(articles, load_profile("default"))
    items = [i for s in brief.sections for i in s.items]
    assert any("euros" in i.text and i.sources == [1, 802] for i in items)
    assert len(brief.sources) == 802
