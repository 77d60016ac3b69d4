"""Analyse stage: Articles + Profile → Brief.

``analyse(articles, profile, max_words=800, title=None)`` is the whole public surface.
Every sentence of every source is a candidate; salience comes from the story itself
(agreement between outlets, centrality, lead position, specifics) and a classifier puts
each candidate in a profile section (see :mod:`briefgen.analyse.items`).  Every item it
puts in the Brief is built from real source sentences (kept as evidence, word for word),
merged with the same statement from other sources, and cited.  ``max_words`` bounds
every word a reader reads except the title and the Sources (:mod:`.budget`).
"""

from __future__ import annotations

import gc
import itertools
import re
import warnings

from .. import __version__
from ..clock import document_time
from ..errors import InputError
from ..model import Article, Brief, Item, Section, Source
from ..profile import Profile
from ..progress import Progress
from .budget import actor_words, difference_words, figure_words, quote_words, reader_words, words
from .evidence import find_actors, find_discrepancies, find_key_figures, find_quotes
from .items import Candidate, Sentence, candidates, item, merge, score, select
from .sentences import iter_sentences

DEFAULT_MAX_WORDS = 800
BLUF_MAX_WORDS = 25  # a bottom-line sentence a reader takes in at a glance
BLUF_RESERVE = 50  # words kept for the bottom line while choosing bullets (two such sentences)
MAX_SENTENCE_CHARS = 1500
# A source's sentences beyond this many are not read: a 100,000-word report has about 5,000;
# a 50 MB one-line file has millions, and would take minutes and gigabytes to compare.
MAX_ARTICLE_SENTENCES = 5000
FILL_ROUNDS = 3  # passes that give the words the bottom line and evidence left over to more bullets
# At most this part of the budget (in words a reader reads) goes to figures, differences, actors
# and quotes: the bullets carry the facts.  The same share as the 0.12 of the count before this
# one, which took "|" and a citation for words and so overstated the evidence by a fifth.
EVIDENCE_SHARE = 0.10
_SUBORDINATE_OPENER = re.compile(r"^(?:although|though|while|despite|after|as|even though|whereas)\b[^,]{3,120},\s*", re.I)


def analyse(
    articles: list[Article], profile: Profile, max_words: int = DEFAULT_MAX_WORDS, title: str | None = None, progress: bool = False
) -> Brief:
    """Build the brief for ``articles`` with the sections of ``profile``.

    With ``progress``, a progress line on stderr counts the articles whose sentences have
    been placed, when there are many or it is slow (see :mod:`briefgen.progress`).
    """
    # Analysis makes hundreds of thousands of small objects and no reference cycles; left
    # running, the cycle collector rescans them over and over, a third of the time at
    # 5,000 articles.  Reference counting still frees everything as it goes.
    collecting = gc.isenabled()
    gc.disable()
    bar = Progress("analysing", len(articles), enabled=progress)
    try:
        brief = _analyse(articles, profile, max_words, title, bar)
    finally:
        if collecting:
            gc.enable()
    bar.update(len(articles))
    bar.close()
    return brief


def _analyse(articles: list[Article], profile: Profile, max_words: int, title: str | None, bar: Progress) -> Brief:
    sources = [Source(id=n, outlet=a.outlet, title=a.title, date=a.date, url=a.url) for n, a in enumerate(articles, 1)]
    sentences = _sentences(articles)
    if not sentences:
        raise InputError(f"{_named(articles)}: no sentences to summarise (only headings, or run-on text without sentence breaks)")

    found: list[Candidate] = []
    for done, (_, of_article) in enumerate(itertools.groupby(sentences, key=lambda s: s.source), 1):
        found.extend(candidates(list(of_article)))
        bar.update(done)
    scored = score(found, profile, [a.title for a in articles])
    kept = merge(scored)
    specs = {spec.kind: spec for spec in profile.sections}
    differences = find_discrepancies(sentences) if "discrepancies" in specs else []
    figures = find_key_figures(sentences, kept, specs["key_figures"].max_items) if "key_figures" in specs else []
    actors = find_actors(sentences, specs["actors"].max_items) if "actors" in specs else []
    quotes = find_quotes(sentences, actors, profile, specs["quotes"].max_items) if "quotes" in specs else []
    _shrink_evidence(figures, actors, quotes, EVIDENCE_SHARE * max_words, differences)

    bluf_spec = specs.get("bluf")
    brief = Brief(
        title=title or _title(articles),
        date=max((a.date for a in articles if a.date), default=None),
        profile=profile.id,
        profile_title=profile.title,
        sections=[Section(id=spec.id, title=spec.title, kind=spec.kind, empty_note=spec.empty) for spec in profile.sections],
        sources=sources,
        key_figures=figures,
        actors=actors,
        quotes=quotes,
        discrepancies=differences,
        generator=f"briefgen {__version__}",
        generated=document_time().date().isoformat(),
    )
    # What the brief costs before any bullet: its headings, evidence and the bottom line's share.
    fixed = reader_words(brief) - sum(words(s.empty_note) for s in brief.sections if s.kind in ("bullets", "bluf"))
    fixed += BLUF_RESERVE if bluf_spec else 0
    bullet_budget = max(0, max_words - fixed)
    chosen = select(kept, scored.vectors, profile, bullet_budget)
    # A brief of empty sections would look finished and say nothing: say why instead.
    if not kept:
        raise InputError(f"{_named(articles)}: no sentence in the sources states something a brief can tell "
                         "(only headlines, captions, questions or fragments)")
    if not chosen:
        raise InputError(f"{_named(articles)}: {max_words} words leave no room for a bullet beside the headings "
                         f"(the shortest would need {fixed + min(c.words for c in kept) + 1})")
    _assemble(brief, chosen, bluf_spec, quotes, actors)
    # The bottom line and the evidence are known only now, and often take less than was kept
    # for them: the words left over go to more bullets rather than to nothing.
    for _ in range(FILL_ROUNDS):
        slack = max_words - reader_words(brief)
        if slack <= 0:
            break
        bullet_budget += slack
        more = select(kept, scored.vectors, profile, bullet_budget)
        if len(more) == len(chosen):
            break
        chosen = more
        _assemble(brief, chosen, bluf_spec, quotes, actors)
    _fit(brief, max_words, [c.text for c in chosen])
    return brief


def _assemble(brief: Brief, chosen: list[Candidate], bluf_spec, quotes: list, actors: list) -> None:
    """Put the chosen bullets, the bottom line and the quotes and actors they leave in ``brief``."""
    by_section = {section.id: section for section in brief.sections}
    for section in brief.sections:
        if section.kind in ("bullets", "bluf"):
            section.items = []
    for c in chosen:
        by_section[c.section].items.append(item(c))
    if bluf_spec:
        contested = tuple(tuple(claim.text for claim in difference.claims) for difference in brief.discrepancies)
        by_section[bluf_spec.id].items = _bottom_line(chosen, bluf_spec.id, bluf_spec.max_items, contested)
    # A quotation a bullet already tells in full is not told twice.
    brief.quotes = [q for q in quotes if not any(q.text.strip("… ") in c.text for c in chosen)]
    speakers = {q.speaker for q in brief.quotes}
    brief.actors = [a for a in actors if a.name in speakers or _mentioned(a.name, chosen)] or actors[:3]


def _sentences(articles: list[Article]) -> list[Sentence]:
    sentences = []
    for source_id, article in enumerate(articles, 1):
        heading = ""
        position = 0
        cut = False
        for paragraph, (kind, text) in enumerate(article.paragraphs):
            if kind == "heading":
                heading = text
                continue
            open_quote = False
            for sentence in iter_sentences(text):
                if len(sentence) > MAX_SENTENCE_CHARS:
                    continue  # no bullet, figure or quote is that long; such text is a run-on blob
                if position == MAX_ARTICLE_SENTENCES:
                    cut = True
                    break
                sentences.append(Sentence(source_id, sentence, heading, position, paragraph, quoted=open_quote))
                position += 1
                if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
                    open_quote = not open_quote
            if cut:
                warnings.warn(f"{article.location or article.title}: only its first {MAX_ARTICLE_SENTENCES:,} sentences are read", stacklevel=1)
                break
    return sentences


def _bottom_line(chosen: list[Candidate], section_id: str, count: int, contested: tuple[tuple[str, ...], ...] = ()) -> list[Item]:
    """The most salient short bullets, those several outlets report first: a reader can stop here.

    ``contested`` holds, per figure the sources give differently, each source's claim: the
    bottom line tells one side of each at most, never "€26 billion [2] … €21 billion [1]".
    """
    short = [(n, c) for n, c in enumerate(chosen) if c.words <= BLUF_MAX_WORDS][: 2 * count]
    short.sort(key=lambda nc: (-_headline_fact(nc[1]), nc[0]))
    lines = []
    told: set[int] = set()  # differences one line already takes a side in
    for _, c in short:
        sides = {n for n, claims in enumerate(contested) if any(claim in c.text for claim in claims)}
        if sides & told:
            continue
        told |= sides
        bullet = item(c)
        lines.append(Item(bullet.text, section_id, bullet.sources, bullet.evidence, bullet.confidence, [f"top bullet of {c.section}"]))
    # Two lines always; a third only while the bottom line stays short enough to read at a glance.
    while len(lines) > 2 and (len(lines) > count or sum(len(i.text.split()) for i in lines) > BLUF_RESERVE):
        lines.pop()
    return lines[:count]


def _headline_fact(c: Candidate) -> float:
    """How much a bullet tells what the story is: the outlets' headlines say it, their first
    sentences tell it, several of them report it (each on a 0–1 scale, weighed alike)."""
    return c.headline + c.features.get("lead", 0.0) + min(len(c.sources), 3) / 3


def _fit(brief: Brief, max_words: int, picked: list[str]) -> None:
    """Drop the last-picked bullets, then evidence, until the brief fits ``max_words``."""
    order = {text: n for n, text in enumerate(picked)}
    bullets = [s for s in brief.sections if s.kind == "bullets"]
    while reader_words(brief) > max_words:
        told = [(order.get(i.text, -1), s) for s in bullets for i in s.items]
        if told:
            _, section = max(told, key=lambda t: t[0])
            section.items.pop(max(range(len(section.items)), key=lambda n: order.get(section.items[n].text, -1)))
            continue
        longest = max((brief.quotes, brief.actors, brief.key_figures, brief.discrepancies), key=len)
        if longest:
            longest.pop()
            continue
        bluf = [s for s in brief.sections if s.kind == "bluf" and s.items]
        if not bluf:
            break  # headings and empty notes alone exceed the budget
        bluf[0].items.pop()


def _shrink_evidence(figures: list, actors: list, quotes: list, allowance: float, differences: list) -> None:
    """Shorten the evidence lists, the one taking most words first, until they fit their share of the budget.

    Notes on differing figures give way first while they take more than half of it (one
    always stays), so a big corpus with many of them still shows figures, actors and quotes.
    """
    while len(differences) > 1 and difference_words(differences) > allowance / 2:
        differences.pop()
    while figure_words(figures) + difference_words(differences) + actor_words(actors) + quote_words(quotes) > allowance:
        # The list taking the most words gives way: one quotation costs as much as four actors.
        costs = ((quote_words(quotes), quotes), (actor_words(actors), actors), (figure_words(figures), figures))
        cost, longest = max(costs, key=lambda c: c[0])
        if not cost:
            break
        longest.pop()


def _named(articles: list[Article]) -> str:
    """The sources, named for a message: the first three and how many more."""
    more = f" and {len(articles) - 3} more" if len(articles) > 3 else ""
    return ", ".join(a.location or a.title for a in articles[:3]) + more


def _mentioned(name: str, chosen: list[Candidate]) -> bool:
    """A person by surname, an organisation by its whole name."""
    words = name.split()
    key = words[-1] if len(words) <= 3 and words[-1] not in ("Group", "Institute", "Center", "Centre", "Council") else name
    return any(key in c.text for c in chosen)


def _title(articles: list[Article]) -> str:
    """The shortest headline that names the event, main clause only."""
    titles = []
    for article in articles:
        title = _SUBORDINATE_OPENER.sub("", article.title).rstrip(" .")
        titles.append(title[:1].upper() + title[1:])
    return min(titles, key=lambda t: (len(t.split()) < 4, len(t)))
