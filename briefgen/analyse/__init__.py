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
from ..kinds import Story, in_order, kind, words
from ..kinds.bluf import event
from ..model import Article, Brief, Section, Source
from ..profile import Profile, SectionSpec
from ..progress import Progress
from .budget import reader_words
from .embed import embed
from .items import Candidate, Sentence, bullet_cost, candidates, item, merge, score, select
from .sentences import iter_sentences
from .support import mark_brief, mark_candidates
from .when import day_of

DEFAULT_MAX_WORDS = 800
MAX_SENTENCE_CHARS = 1500
# A source's sentences beyond this many are not read: a 100,000-word report has about 5,000;
# a 50 MB one-line file has millions, and would take minutes and gigabytes to compare.
MAX_ARTICLE_SENTENCES = 5000
# Headlines compared for the title: a week of news has thousands, and the first ones name it.
MAX_TITLES_COMPARED = 200
TITLE_TIE = 2  # decimals of closeness that count: two headlines as close to the rest tie
TITLE_MAX_WORDS = 16
FIT_ROUNDS = 3  # fits again when the marks, settled on the bullets kept, grew (rare: by a word)
FILL_ROUNDS = 3  # passes that give the words the bottom line and evidence left over to more bullets
# At most this part of the budget (in words a reader reads) goes to figures, differences, actors
# and quotes: the bullets carry the facts.  Measured on the tune split and the sample (words
# counted as the scorer counts them), 27 Nov 2026: 0.12 gives the sample its five actors, its
# quotation and two key figures, leaving out the 175 prisoners a reader would quote; 0.14 adds
# them at no cost at the sets' budgets (tune recall 0.518, sample 0.696 either way) and a small
# one over five budgets (tune 0.514 → 0.508, sample 0.696 → 0.687); 0.15 adds nothing more.
EVIDENCE_SHARE = 0.14
# The share is the whole of it from the default budget up, and shrinks with the budget below:
# a short brief is a page of bullets with a few figures, and the words go to the facts.  The
# default brief is unchanged; measured 28 Nov 2026, recall over five budgets: tune 0.558 → 0.571,
# the 16 invented sets 0.537 → 0.552, the sample 0.722 either way.  Anchored higher it lifts
# recall further (1,600: tune 0.578) but takes the sample's prisoners out of its key figures.
FULL_EVIDENCE_FROM = DEFAULT_MAX_WORDS
# How fast it shrinks: as the cube of the budget's part of the default, so that a one-page brief
# (about 450 words, 11 words of evidence beside the two differences ``CAPPED_KEEP`` holds) spends
# its words on bullets, while a brief of nearly two pages keeps most of its evidence (700 words:
# 66).  Measured 29 Nov 2026 against the power 1 before (recall at the sets' budgets / over five
# budgets): tune 0.578 / 0.558 → 0.578 / 0.564, the ten real tune sets 0.528 / 0.523 → 0.540 /
# 0.534, the ten invented multi-outlet sets 0.491 / 0.496 → 0.503 / 0.509, the sample unchanged
# (0.739 / 0.722); the square gave half of that, the fourth power the same as the cube.
EVIDENCE_SHRINK_POWER = 3
# Items of a capped kind (the differences) that stay whatever their share: two figures the
# outlets dispute are what a reader most needs of the evidence (tune: German election 2/2
# differences flagged, against 1/2 keeping one; recall unchanged).
CAPPED_KEEP = 2
# A section the word budget emptied says so, and one whose items the bullets already tell (a
# quotation a bullet quotes in full) says that: its own empty note ("No key figures reported.",
# "No direct quotations.") would tell the reader something false.
LEFT_OUT = "Left out for length."
TOLD_ABOVE = "In the bullets above."
# When the budget has no word for the notes above, shorter ones that are still true: a
# section's own "No risks reported." is false of risks the budget left out.
LEFT_OUT_SHORT = "Left out."
TOLD_ABOVE_SHORT = "Told above."
_SUBORDINATE_OPENER = re.compile(
    r"^(?:although|though|while|despite|after|as|even though|whereas)\b[^,]{3,120},\s*", re.I
)


def analyse(
    articles: list[Article],
    profile: Profile,
    max_words: int = DEFAULT_MAX_WORDS,
    title: str | None = None,
    progress: bool = False,
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


def _analyse(
    articles: list[Article], profile: Profile, max_words: int, title: str | None, bar: Progress
) -> Brief:
    sources = [
        Source(id=n, outlet=a.outlet, title=a.title, date=a.date, url=a.url)
        for n, a in enumerate(articles, 1)
    ]
    sentences = _sentences(articles)
    if not sentences:
        raise InputError(
            f"{_named(articles)}: no sentences to summarise "
            "(only headings, or run-on text without sentence breaks)"
        )

    found: list[Candidate] = []
    for done, (_, of_article) in enumerate(itertools.groupby(sentences, key=lambda s: s.source), 1):
        found.extend(candidates(list(of_article)))
        bar.update(done)
    scored = score(found, profile, [a.title for a in articles], [day_of(a.date) for a in articles])
    kept = merge(scored)
    story = Story(articles, sentences, kept, profile)
    specs = {spec.id: spec for spec in profile.sections}
    collected = _collect(story, profile)
    brief = Brief(
        title=title or _title(articles),
        date=max((a.date for a in articles if a.date), default=None),
        profile=profile.id,
        profile_title=profile.title,
        sections=[
            Section(
                id=spec.id,
                title=spec.title,
                kind=spec.kind,
                items=list(collected[spec.id]),
                empty_note=spec.empty,
            )
            for spec in profile.sections
        ],
        sources=sources,
        generator=f"briefgen {__version__}",
        generated=document_time().date().isoformat(),
    )
    # The marks are read, so they cost words: the differences' marks count in the evidence's
    # share and each candidate bullet's mark in its own cost (once the differences shown are
    # known: a bullet is disputed only by a difference the brief tells).
    mark_brief(brief, profile.marks)
    whole = {s.id: list(s.items) for s in brief.sections}  # before the evidence is shortened
    trimmed: set[str] = set()  # the sections the budget took items from
    _shrink_evidence(brief, evidence_allowance(max_words), trimmed)
    for section in brief.sections:  # a kind with a share of its own keeps to it
        while (
            kind(section.kind).share
            and section.items
            and section_cost(section) > kind(section.kind).share * max_words
        ):
            section.items.pop()
            trimmed.add(section.id)
    collected = {
        s.id: list(s.items) for s in brief.sections
    }  # what settling starts from, each time
    mark_candidates(kept, brief, profile.marks)
    # What the brief costs before any bullet: its headings, evidence and what the bottom line keeps.
    from_bullets = [s for s in brief.sections if kind(s.kind).from_bullets]
    fixed = (
        reader_words(brief)
        - sum(words(s.empty_note) for s in from_bullets)
        + sum(kind(s.kind).reserve for s in from_bullets)
    )
    bullet_budget = max(0, max_words - fixed)
    chosen = select(kept, scored.vectors, profile, bullet_budget)
    # A brief of empty sections would look finished and say nothing: say why instead.
    if not kept:
        raise InputError(
            f"{_named(articles)}: no sentence in the sources states something a brief can tell "
            "(only headlines, captions, questions or fragments)"
        )
    if not chosen:
        raise InputError(
            f"{_named(articles)}: {max_words} words leave no room for a bullet beside the headings "
            f"(the shortest would need {fixed + min(c.words for c in kept) + 1})"
        )
    _assemble(brief, chosen, story, specs, collected)
    fitted = (reader_words(brief), chosen)  # the fullest choice so far within the budget
    # The bottom line and the evidence are known only now, and often take less than was kept
    # for them: the words left over go to more bullets rather than to nothing.
    for _ in range(FILL_ROUNDS):
        # Over the budget (the bottom line and the evidence settled on longer bullets than were
        # reckoned), the bullets' budget shrinks by as much and they are chosen again: cheaper
        # than dropping the last bullet whole.
        slack = max_words - reader_words(brief)
        if slack == 0:
            break
        bullet_budget = (
            bullet_budget + slack if slack > 0 else sum(bullet_cost(c) for c in chosen) + slack
        )
        more = select(kept, scored.vectors, profile, bullet_budget)
        # The same bullets again: nothing to gain.  As many but others (a longer one the grown
        # budget now fits in place of a shorter one) are taken: what they add is the most
        # (tune recall 0.458, against 0.451 taking only more bullets).
        if [id(c) for c in more] == [id(c) for c in chosen]:
            break
        chosen = more
        _assemble(brief, chosen, story, specs, collected)
        told = reader_words(brief)
        if fitted[0] > max_words or fitted[0] < told <= max_words:
            fitted = (told, chosen)
    if reader_words(brief) > max_words and fitted[0] <= max_words:
        chosen = fitted[1]  # the last round overshot: back to the fullest that fitted
        _assemble(brief, chosen, story, specs, collected)
    if reader_words(brief) < max_words:
        _give_back(brief, chosen, story, specs, whole, collected, max_words)
    # A bullets section the story had candidates for was left empty by the budget too.
    trimmed |= {c.section for c in kept}
    for _ in range(FIT_ROUNDS):
        _fit(brief, max_words, [c.text for c in chosen], trimmed)
        mark_brief(brief, profile.marks)  # a difference dropped leaves its bullets undisputed
        if reader_words(brief) <= max_words:
            break
    _say_why_empty(brief, trimmed, {sid for sid, items in whole.items() if items}, max_words)
    return brief


def evidence_allowance(max_words: int) -> float:
    """The words a brief of ``max_words`` gives its figures, differences, actors and quotes
    (``EVIDENCE_SHARE``, less below ``FULL_EVIDENCE_FROM``)."""
    return (
        EVIDENCE_SHARE
        * max_words
        * min(1.0, max_words / FULL_EVIDENCE_FROM) ** EVIDENCE_SHRINK_POWER
    )


def _give_back(
    brief: Brief,
    chosen: list[Candidate],
    story: Story,
    specs: dict[str, SectionSpec],
    whole: dict[str, list],
    collected: dict[str, list],
    max_words: int,
) -> None:
    """Give the evidence back what its allowance cut (``whole`` is what it had, ``collected``
    what it keeps), an item at a time in turn, while the brief stays within ``max_words``: a
    short story's brief is far under its budget, and its figures need not make room for bullets
    it does not have."""
    open_ = [
        s.id
        for s in brief.sections
        if kind(s.kind).evidence and len(collected[s.id]) < len(whole[s.id])
    ]
    while open_:
        for sid in list(open_):
            collected[sid].append(whole[sid][len(collected[sid])])
            _assemble(brief, chosen, story, specs, collected)
            if reader_words(brief) > max_words:
                collected[sid].pop()
                _assemble(brief, chosen, story, specs, collected)
                open_.remove(sid)
            elif len(collected[sid]) == len(whole[sid]):
                open_.remove(sid)


def _say_why_empty(brief: Brief, trimmed: set[str], found: set[str], max_words: int) -> None:
    """Give each section the budget emptied the ``LEFT_OUT`` note, and each whose items the
    bullets tell the ``TOLD_ABOVE`` note, or their short forms, while it fits: the note may be
    longer than the one it replaces, and the budget is kept first."""
    for section in brief.sections:
        if section.items or not kind(section.kind).counted:
            continue
        if section.id not in trimmed and (
            section.id not in found or not kind(section.kind).told_by_bullets
        ):
            continue  # nothing to say: its own note says so
        own = section.empty_note
        notes = (
            (LEFT_OUT, LEFT_OUT_SHORT) if section.id in trimmed else (TOLD_ABOVE, TOLD_ABOVE_SHORT)
        )
        for note in notes:
            section.empty_note = note
            if reader_words(brief) <= max_words:
                break
        else:
            section.empty_note = own


def _collect(story: Story, profile: Profile) -> dict[str, list]:
    """Each section's items as its kind collects them from the story (none for bullets yet)."""
    by_kind: dict[str, list] = {}
    for spec in profile.sections:
        by_kind.setdefault(spec.kind, []).append(spec)
    collected: dict[str, list] = {spec.id: [] for spec in profile.sections}
    for name in in_order(list(by_kind), "collect_after"):
        collect = kind(name).collect
        if collect is None:
            continue
        for spec in by_kind[name]:
            collected[spec.id] = collect(story, spec)
        story.collected[name] = [entry for spec in by_kind[name] for entry in collected[spec.id]]
    return collected


def _assemble(
    brief: Brief,
    chosen: list[Candidate],
    story: Story,
    specs: dict[str, SectionSpec],
    collected: dict[str, list],
) -> None:
    """Put the chosen bullets in their sections, then settle every other section on them
    (the bottom line is made of them; quotations they tell and actors they leave out go)."""
    story.chosen = chosen
    by_section = {section.id: section for section in brief.sections}
    for section in brief.sections:
        section.items = [] if kind(section.kind).bullets else list(collected[section.id])
    first = event(chosen)  # a section lists the event first (brief-anatomy: the strongest first)
    for c in sorted(chosen, key=lambda c: c is not first):
        by_section[c.section].items.append(item(c))
    for name in in_order(list(dict.fromkeys(s.kind for s in brief.sections)), "settle_after"):
        settle = kind(name).settle
        if settle is None:
            continue
        for section in brief.sections:
            if section.kind == name:
                section.items = settle(collected[section.id], specs[section.id], story, brief)
    mark_brief(brief, story.profile.marks)


def _sentences(articles: list[Article]) -> list[Sentence]:
    sentences = []
    for source_id, article in enumerate(articles, 1):
        heading = ""
        position = 0
        cut = False
        for paragraph, (role, text) in enumerate(article.paragraphs):
            if role == "heading":
                heading = text
                continue
            open_quote = False
            for sentence in iter_sentences(text):
                if len(sentence) > MAX_SENTENCE_CHARS:
                    continue  # no bullet, figure or quote is that long; such text is a run-on blob
                if position == MAX_ARTICLE_SENTENCES:
                    cut = True
                    break
                sentences.append(
                    Sentence(source_id, sentence, heading, position, paragraph, quoted=open_quote)
                )
                position += 1
                if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
                    open_quote = not open_quote
            if cut:
                warnings.warn(
                    f"{article.location or article.title}: only its first "
                    f"{MAX_ARTICLE_SENTENCES:,} sentences are read",
                    stacklevel=1,
                )
                break
    return sentences


def _fit(brief: Brief, max_words: int, picked: list[str], trimmed: set[str]) -> None:
    """Drop the last-picked bullets, then items of the other sections (the longest list
    first: evidence, or any kind that is neither bullets nor the bottom line), then lines
    of the bottom line, until the brief fits ``max_words``."""
    order = {text: n for n, text in enumerate(picked)}
    bullets = [s for s in brief.sections if kind(s.kind).bullets]
    others = [
        s
        for s in reversed(brief.sections)
        if kind(s.kind).counted and not kind(s.kind).from_bullets
    ]
    bottom = [s for s in brief.sections if kind(s.kind).bottom_line]
    while reader_words(brief) > max_words:
        told = [(order.get(i.text, -1), s) for s in bullets for i in s.items]
        if told:
            _, section = max(told, key=lambda t: t[0])
            section.items.pop(
                max(range(len(section.items)), key=lambda n: order.get(section.items[n].text, -1))
            )
            trimmed.add(section.id)
            continue
        longest = max(others, key=lambda s: len(s.items), default=None)
        if longest is not None and longest.items:
            longest.items.pop()
            trimmed.add(longest.id)
            continue
        lines = [s for s in bottom if s.items]
        if not lines:
            break  # headings and empty notes alone exceed the budget
        lines[0].items.pop()
        trimmed.add(lines[0].id)


def _shrink_evidence(brief: Brief, allowance: float, trimmed: set[str]) -> None:
    """Shorten the evidence sections until they fit their share of the budget.

    A kind with a ``cap`` first gives way while it alone takes more than that share of the
    allowance (``CAPPED_KEEP`` items always stay): notes on differing figures take at most
    half, so a big corpus with many of them still shows figures, actors and quotes.  Then the
    kinds that yield give way, the one taking the most words first (one quotation costs as
    much as four actors); on a tie the later section.
    """
    evidence = [s for s in reversed(brief.sections) if kind(s.kind).evidence]
    for section in evidence:
        share = kind(section.kind).cap
        while (
            share < 1
            and len(section.items) > CAPPED_KEEP
            and section_cost(section) > allowance * share
        ):
            section.items.pop()
            trimmed.add(section.id)
    while sum(section_cost(s) for s in evidence) > allowance:
        cost, longest = max(
            ((section_cost(s), s) for s in evidence if kind(s.kind).yields),
            key=lambda c: c[0],
            default=(0, None),
        )
        if not cost:
            break
        longest.items.pop()
        trimmed.add(longest.id)


def section_cost(section: Section) -> int:
    """What a section's items cost a reader (nothing when it has none)."""
    return kind(section.kind).words(section.items)


def _named(articles: list[Article]) -> str:
    """The sources, named for a message: the first three and how many more."""
    more = f" and {len(articles) - 3} more" if len(articles) > 3 else ""
    return ", ".join(a.location or a.title for a in articles[:3]) + more


def _title(articles: list[Article]) -> str:
    """The headline the others come closest to, main clause only: the event as most outlets
    name it, not one outlet's angle on it ("Markets rise after the vote", a side's own
    framing); among equals, the shortest.  A headline of fewer than four words names no event,
    and one of more than ``TITLE_MAX_WORDS`` is a sentence, not a title."""
    titles = []
    for article in articles:
        title = _SUBORDINATE_OPENER.sub("", article.title).rstrip(" .")
        titles.append(title[:1].upper() + title[1:])
    distinct = list(dict.fromkeys(titles))[:MAX_TITLES_COMPARED]
    vectors = embed(distinct)
    closeness = (vectors @ vectors.T).sum(axis=1)
    best = min(
        range(len(distinct)),
        key=lambda n: (
            not 4 <= len(distinct[n].split()) <= TITLE_MAX_WORDS,
            -round(float(closeness[n]), TITLE_TIE),
            len(distinct[n]),
        ),
    )
    return distinct[best]
