"""Analyse stage: Articles + Profile → Brief.

``analyse(articles, profile, max_words=800, title=None)`` is the whole public surface.
Every item it puts in the Brief is built from real source sentences (kept as evidence),
placed in the profile section whose description and cues fit it best, and cited.
"""

from __future__ import annotations

from .. import __version__
from ..errors import InputError
from ..model import Article, Brief, Section, Source
from ..profile import Profile
from .sentences import split_sentences
from .sections import Sentence, classify, select_items

DEFAULT_MAX_WORDS = 800


def analyse(articles: list[Article], profile: Profile, max_words: int = DEFAULT_MAX_WORDS, title: str | None = None) -> Brief:
    """Build the brief for ``articles`` with the sections of ``profile``."""
    sources = [
        Source(id=n, outlet=a.outlet, title=a.title, date=a.date, url=a.url) for n, a in enumerate(articles, 1)
    ]
    sentences = list(_sentences(articles))
    if not sentences:
        raise InputError("the sources hold no sentences to summarise")
    classified = classify(sentences, profile)
    chosen = select_items(classified, profile, max_words)
    sections = [
        Section(id=spec.id, title=spec.title, kind=spec.kind, items=chosen.get(spec.id, []), empty_note=spec.empty)
        for spec in profile.sections
    ]
    dates = sorted(d for d in (a.date for a in articles) if d)
    return Brief(
        title=title or _title(articles),
        date=dates[-1] if dates else None,
        profile=profile.id,
        profile_title=profile.title,
        sections=sections,
        sources=sources,
        generator=f"briefgen {__version__}",
    )


def _sentences(articles: list[Article]):
    position = 0
    for source_id, article in enumerate(articles, 1):
        heading = ""
        for kind, text in article.paragraphs:
            if kind == "heading":
                heading = text
                continue
            for n, sentence in enumerate(split_sentences(text)):
                yield Sentence(source=source_id, text=sentence, heading=heading, position=position, first_in_paragraph=n == 0)
                position += 1
        position = 0


def _title(articles: list[Article]) -> str:
    return min((a.title for a in articles), key=len)
