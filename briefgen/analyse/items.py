"""From source sentences to the brief's bullets: candidates, merging, ranking, budget.

1. ``candidates``: every sentence becomes a candidate bullet, lightly trimmed; one that
   opens with a dangling pronoun is joined to the sentence before it (or reduced to its
   self-contained clause), or dropped when neither works.
2. Each candidate is placed in a profile section (``sections.place``) or left out.
3. ``merge``: candidates of one section that say the same thing (close TF-IDF vectors;
   compared only when they share a rare term or a figure, and with a bounded number of
   statements, so the work grows with the corpus, not its square) become one bullet
   citing every source that reported it.
4. ``rank``: salience from the section fit and its margin, centrality, corroboration,
   specifics (numbers, names) and position in the article.
5. ``select``: the word budget is shared fairly between sections (by words, not
   bullets), best bullets first, no source sentence told twice.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Evidence, Item
from ..profile import Profile
from .edit import dangling, strip_evaluative_frame, trim
from .sections import Placement, place
from .terms import content_stems, cosine, idf_weights, vector

PREFERRED_WORDS = 25
FRAGMENT_PENALTY = 0.5
_ATTRIBUTION = re.compile(r"\W*according to ([^,]{2,60}),", re.I)
_CLOCK_TIME = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.:])")
_FULL_STOP = re.compile(r"[.!?…][\"'”’)]*$")
_ANAPHORA = re.compile(r"\b(?:this|these|those|such|aforementioned|the same|the agency|the latter|the former)\b", re.I)
MAX_JOINED_WORDS = 55
# "A ceasefire is an agreement between…": an explainer's definition is background, not news.
_DEFINITION = re.compile(r"^(?:A|An)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|means|refers to)\s+(?:a|an|any|the|when)\b")
SAME_STATEMENT = 0.27
SAME_SOURCE_STATEMENT = 0.5
SAME_FIGURE_DISCOUNT = 0.08
MAX_SHARED_FIGURES = 3
REDUNDANCY_PENALTY = 0.5
SHORTLIST = 40  # the next bullet is chosen among this many of the most salient
BLOCKING_TERMS = 12
BLOCKING_FIGURES = 4
COMPARED = 24  # compare with at most about this many earlier statements, so merging stays linear


@dataclass
class Sentence:
    """A sentence of one source, with where it sits."""

    source: int
    text: str
    heading: str
    position: int  # index of the sentence within its article
    paragraph: int
    quoted: bool = False  # inside a quotation that runs over several sentences


@dataclass
class Candidate:
    """A possible bullet: its text, what it came from and how good it is."""

    text: str
    evidence: list[Evidence]
    position: int
    placement: Placement
    sources: list[int] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)
    salience: float = 0.0
    reasons: list[str] = field(default_factory=list)
    cited: set[int] = field(default_factory=set)  # ``sources`` as a set: a week of news cites thousands

    def __post_init__(self) -> None:
        self.cited.update(self.sources)

    @property
    def words(self) -> int:
        return len(self.text.split())


def candidates(sentences: list[Sentence], profile: Profile) -> list[Candidate]:
    """Placed, trimmed, self-contained candidate bullets."""
    found = []
    for i, sentence in enumerate(sentences):
        if sentence.quoted:
            continue  # a piece of a longer quotation: the Quotes section shows it whole
        built = _bullet_text(sentences, i)
        if built is None:
            continue
        text, evidence = built
        if len(text.split()) > MAX_JOINED_WORDS or len(text.split()) < 5 or _splits_a_quotation(text) or _DEFINITION.match(text):
            continue
        placement = place(" ".join(e.sentence for e in evidence), sentence.heading, profile)
        if placement is None:
            continue
        if len(evidence) > 1 and found and found[-1].evidence == evidence[:1]:
            found.pop()  # the sentence before now leads this bullet: it is not told twice
        found.append(Candidate(text, evidence, sentence.position, placement, [sentence.source], content_stems(text)))
    return found


def _bullet_text(sentences: list[Sentence], i: int) -> tuple[str, list[Evidence]] | None:
    sentence = sentences[i]
    text = trim(sentence.text)
    own = [Evidence(sentence.source, sentence.text)]
    if not dangling(text):
        return text, own
    clause = strip_evaluative_frame(text)
    if clause:
        return clause, own
    previous = sentences[i - 1] if i > 0 else None
    if previous is None or previous.source != sentence.source or previous.heading != sentence.heading:
        return None
    lead = trim(previous.text)
    if dangling(lead):
        return None
    return f"{lead} {sentence.text}", [Evidence(previous.source, previous.text)] + own


def _splits_a_quotation(text: str) -> bool:
    """A sentence cut out of a longer quotation: its quotation marks do not pair up."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def merge(found: list[Candidate]) -> list[Candidate]:
    """One candidate per statement, citing every source that made it."""
    idf = idf_weights([c.stems for c in found])
    for c in found:
        c.vector = vector(c.stems, idf)
    order = sorted(range(len(found)), key=lambda n: (-found[n].placement.score, found[n].sources[0], found[n].position))
    kept: list[Candidate] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)  # (section, rare term) → kept candidates
    for n in order:
        c = found[n]
        section = c.placement.section
        # Its rarest words, and its figures: two reports of "1,000 prisoners" meet on the number.
        rare = sorted(c.vector, key=lambda t: -idf[t])[:BLOCKING_TERMS]
        rare += sorted(t for t in c.vector if t[0].isdigit() and t not in rare)[:BLOCKING_FIGURES]
        near: set[int] = set()
        for t in rare:  # rarest first: a statement that shares a name or a number is the likeliest twin
            near.update(index[(section, t)][-COMPARED:])
            if len(near) >= COMPARED:
                break
        similarity, twin = max(((cosine(c.vector, kept[k].vector), k) for k in near), default=(0.0, None))
        if twin is not None:
            # One outlet repeating itself does so in near-identical words; two outlets paraphrase,
            # and two that give the same figure ("450 detainees") may paraphrase the rest freely.
            threshold = SAME_SOURCE_STATEMENT if c.sources[0] in kept[twin].cited else SAME_STATEMENT
            # Each figure the two share ("from 145% to 30%") makes them likelier one statement.
            shared = sum(t[0].isdigit() and t in kept[twin].vector for t in c.vector)
            threshold -= SAME_FIGURE_DISCOUNT * min(shared, MAX_SHARED_FIGURES)
            # A report that adds the clock time ("went into effect at 11:15") tells when, a fact of
            # its own: it stays a bullet unless the two are near-identical.
            adds_time = any(t not in kept[twin].text for t in _CLOCK_TIME.findall(c.text))
            if similarity >= max(threshold, SAME_SOURCE_STATEMENT if adds_time else 0.0) and not _other_voice(c.text, kept[twin].text):
                _absorb(kept[twin], c)
                continue
        for t in rare:
            index[(section, t)].append(len(kept))
        kept.append(c)
    return kept


def _other_voice(one: str, other: str) -> bool:
    """Whether one text gives its statement as someone's view ("According to Dr. X, …") that
    the other never names: an analyst's forecast is not the same statement as a report of
    what happened, however many words and figures the two share."""
    return any(
        not any(name in b for name in _ATTRIBUTION.match(a)[1].split() if name[0].isupper() and len(name) > 3)
        for a, b in ((one, other), (other, one))
        if _ATTRIBUTION.match(a)
    )


def _absorb(keeper: Candidate, other: Candidate) -> None:
    """Fold ``other`` (the same statement) into ``keeper``, whose wording fits its section best.

    A keeper joined from two sentences of its source ("X. It also…") says more than one
    sentence of another source can back: the twin is not told again, but not cited either.
    """
    source = other.sources[0]
    # Its own sentences lead its evidence; what later twins add comes after (read only the lead:
    # a statement thousands of outlets repeat has thousands of entries).
    own = itertools.takewhile(lambda e: e.source == keeper.sources[0], keeper.evidence)
    joined = len({e.sentence for e in own}) > 1
    if source not in keeper.cited and not joined:
        keeper.cited.add(source)
        keeper.sources.append(source)
        keeper.reasons.append(f"also reported by source {source}")
        keeper.evidence.extend(other.evidence)  # a candidate's evidence is all from its one source, new here


def rank(kept: list[Candidate]) -> None:
    """Set each candidate's salience."""
    centroid: dict[str, float] = defaultdict(float)
    for c in kept:
        for t, w in c.vector.items():
            centroid[t] += w
    norm = sum(w * w for w in centroid.values()) ** 0.5 or 1.0
    centroid = {t: w / norm for t, w in centroid.items()}
    for c in kept:
        specifics = len(re.findall(r"\d", c.text)) > 0
        names = len(re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+", c.text))
        c.salience = round(
            c.placement.score / 4
            + 0.5 * c.placement.confidence
            + 2.0 * cosine(c.vector, centroid)
            + 0.8 * (len(set(c.sources)) - 1)
            + 0.4 * specifics
            + 0.1 * min(names, 4)
            + 0.5 / (1 + c.position / 4)
            - 0.025 * max(0, c.words - PREFERRED_WORDS)  # two short bullets beat one long one
            - 0.25 * len(_ANAPHORA.findall(c.text))  # leans on words the bullet does not have
            - FRAGMENT_PENALTY * (not _FULL_STOP.search(c.text)),  # a list item or caption: the article's sentences tell it better
            3,
        )
        c.reasons = c.placement.reasons + c.reasons


def select(kept: list[Candidate], profile: Profile, budget: int) -> dict[str, list[Item]]:
    """The best bullets per section, sharing the word budget fairly between sections.

    The section that has used the fewest words so far picks next, so a section of short
    bullets gets as many words as one of long bullets, not as many bullets.  Within a
    section the next bullet is the most salient one after a penalty for overlapping what
    the section already says (maximal marginal relevance), so a section covers several
    facts rather than one fact several times.  A bullet whose source sentences are all
    told already, in any section, is not told again.
    """
    queues: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(kept, key=lambda c: (-c.salience, min(c.sources), c.position)):
        queues[c.placement.section].append(c)
    specs = profile.bullet_sections()
    picked: dict[str, list[Candidate]] = {spec.id: [] for spec in specs}
    words = {spec.id: 0 for spec in specs}
    said: set[tuple[int, str]] = set()  # source sentences already in a bullet: a bullet must add one
    used = 0
    picking = [spec for spec in specs if spec.max_items > 0]
    while picking:
        spec = min(picking, key=lambda s: words[s.id])  # ties go to the earlier section
        queue = queues[spec.id]
        if not queue or len(picked[spec.id]) >= spec.max_items:
            picking.remove(spec)
            continue
        shortlist = queue[:SHORTLIST]
        best = max(range(len(shortlist)), key=lambda n: (_novelty(shortlist[n], picked[spec.id]), -n))
        c = queue.pop(best)
        sentences = {(e.source, e.sentence) for e in c.evidence}
        if used + c.words + 1 <= budget and not sentences <= said:
            used += c.words + 1
            words[spec.id] += c.words + 1
            picked[spec.id].append(c)
            said.update(sentences)
    return {section: [_item(c) for c in chosen] for section, chosen in picked.items()}


def _novelty(c: Candidate, chosen: list[Candidate]) -> float:
    return c.salience - REDUNDANCY_PENALTY * max((cosine(c.vector, o.vector) for o in chosen), default=0.0)


def _item(c: Candidate) -> Item:
    return Item(
        text=c.text,
        section=c.placement.section,
        sources=sorted(set(c.sources)),
        evidence=sorted(c.evidence, key=lambda e: e.source),
        confidence=c.placement.confidence,
        reasons=c.reasons + [f"salience {c.salience}"],
    )
