"""How sure each line is: the corroboration mark, computed from a line's evidence.

``support_of(evidence, text, differences, hedges)`` gives the facts (a ``Support``):

- ``outlets``: the distinct outlets whose sentences back the line (two articles of one
  outlet are one voice; sources of no known outlet count one each);
- ``attributed_to``: the one party every one of those sources gives the line as the claim
  of, found from the sentence's structure: "according to X", "X said (that) …",
  "X stressed that …", "…, X said." (a reporting verb and its subject), or "";
- ``hedged``: a source's sentence hedges it ("reportedly", "may", "is expected to": the
  profile's ``hedges``);
- ``disputed``: it states a figure or claim the Sources differ section lists.

``label(support, marks)`` words it as the profile's ``marks`` table says, and
``mark_brief(brief, marks)`` marks every bullet and difference of a brief.  Nothing here
knows a story: the rules are English news prose (reporting verbs, openers, appositives).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..kinds import kind, words
from ..model import Brief, Discrepancy, Evidence, Item, Support
from ..profile import Marks
from .edit import MEDIUM_FRAME  # "according to CNN,": a medium, not a voice
from .evidence import TITLE_WORDS  # the titles before a person's name ("Defense Secretary")

if TYPE_CHECKING:
    from .items import Candidate

# Verbs that report speech or a view.  "say" and its kin report whatever follows them
# ("Officials said the talks would resume"); the others take an object as readily ("The
# ministry announced a halt"), an act rather than a claim, so they report only before "that",
# a colon or a quotation.
_SAY_VERBS = r"said|says|say|told|tells|stated|insisted|insists|argued|argues|asserted|asserts"
_THAT_VERBS = (
    r"claimed|claims|alleged|alleges|maintained|maintains|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|announced|announces|added|adds|noted|notes|"
    r"warned|warns|declared|declares|reported|reports|confirmed|confirms|denied|denies|"
    r"assessed|assesses|analy[sz]ed|analy[sz]es|estimated|estimates|believes|believed|"
    r"affirmed|affirms|acknowledged|acknowledges|admitted|admits|suggested|suggests|"
    r"explained|explains|wrote|writes|reiterated|reiterates|predicted|predicts|concluded|"
    r"concludes|accused|accuses|revealed|reveals|indicated|indicates"
)
# Verbs are matched in lower case only: "States" in "the United States" is no verb; a passive
# ("is said to", "was reported") gives no speaker: it hedges.
_PASSIVE = r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )"
_LEADING = re.compile(
    rf"{_PASSIVE}\b(?:(?:{_SAY_VERBS})\b|(?:{_THAT_VERBS})(?=\s+that\b|\s*:|\s*,?\s*[\"“]))"
)
# After a reporting verb, what says where or when it was said, or to whom ("wrote on X",
# "announced on Wednesday", "told us"), not who said it.
_NOT_A_SPEAKER = r"(?:on|in|at|to|from|that|us|me|him|her|them|reporters)\b"
# "…, the ministry said." / "…, said Anna Berg, a spokeswoman." / '"…," he told reporters.'
_TRAILING = re.compile(
    rf"[,\"”]\s*(?:(?P<verb_first>(?:{_SAY_VERBS}|{_THAT_VERBS}))\s+(?!{_NOT_A_SPEAKER})"
    r"(?P<after>[^,.;:]{2,80})"
    rf"|(?P<before>[^,;:\"“”]{{2,80}}?)\s+(?:(?:also|later|earlier|again)\s+)?"
    rf"(?:{_SAY_VERBS}|{_THAT_VERBS}|told\s+\w+))"
    r"(?:\s+(?:on|in|at|late|earlier|later|this|last)\b[^,.;:]{0,40})?(?:,[^,.;:]{1,80})?"
    r"[.!?\"”’]*\s*$"
)
# "according to the Kremlin," / "according to a statement from the ministry".
_ACCORDING = re.compile(r"\baccording to\s+(?P<party>[^,.;:()]{2,80}?)\s*(?=[,.;:(]|$)", re.I)
# What "according to" gives as a document's content, not one side's claim.
_DOCUMENTS = re.compile(
    r"^(?:the|a|an|its|their|this)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:plan|agreement|deal|law|constitution|schedule|timetable|rules|terms|treaty|draft|text|"
    r"data|figures|statistics|forecasts?|estimates?|survey|poll|census|map|list|records?)$",
    re.I,
)
# "a statement from the Kremlin", "a report by the agency": the party is the one named after.
_CARRIER = re.compile(
    r"^(?:the|a|an|its|their)?\s*(?:[\w-]+\s+){0,2}?(?:statement|report|announcement|readout|"
    r"release|post|interview|analysis|note|letter|briefing)\s+(?:from|by|of)\s+(?P<party>.+)$",
    re.I,
)
# Words that open a sentence before its subject ("In the statement, …", "Recently, …"): the
# first comma-separated segment that starts with one is not the speaker.
_OPENERS = frozenset(
    """in at on after before during since meanwhile however thus also still yet so but and
    for from with by as while although though when if then instead moreover furthermore
    ultimately additionally separately similarly likewise earlier later today yesterday
    tonight overnight now indeed finally first second third previously hence therefore
    nonetheless nevertheless besides according following amid despite upon""".split()
)
# Words before a reporting verb that say when or how, not who: "have repeatedly emphasized".
_BETWEEN = frozenset(
    "has have had was were is are also again later earlier repeatedly previously then "
    "once twice first already now today yesterday".split()
)
# A segment holding one of these is a clause, not a speaker ("Russia attacked the city, which
# officials said…"); participles that name a speaker ("Kyiv-based", "based in") are allowed.
_CLAUSE_WORDS = frozenset(
    """is are was were has have had will would can could may might should must do does did
    that which who whom whose whether because when if while although though where""".split()
)
_PARTICIPLES = frozenset({"based", "led", "backed", "owned", "run", "funded", "named"})
_PRONOUNS = frozenset("he she they it we i you him her them us me this that these those".split())
# "according to reports", "according to media reports": a kind of news, no one's claim.
_NO_ONE = re.compile(
    r"(?:(?:the|a|an|some|several|unconfirmed|local|initial|media|news|press|social)\s+)*"
    r"(?:reports?|media|news|posts?|accounts?|sources)",
)
# Speakers that are not one party: both sides, every side, each of them.
_BOTH_SIDES = re.compile(r"\b(?:both|two sides|the sides|all sides|each other|all parties)\b", re.I)
_HONORIFIC = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Rep)\.?\s+)+")
# A title before a person's name ("US Defense Secretary Pete Hegseth"): the mark keeps the name.
_TITLE_BEFORE_NAME = re.compile(
    rf"\b(?:(?:U\.?S\.?|UK|EU|UN|[A-Z][a-z]+(?:n|an|ian|ese|ish|ch|i))\s+)?{TITLE_WORDS}\s+(?=[A-Z][a-z])"
)
_ACRONYM = re.compile(r"\(([A-Z][A-Z&.-]{1,7})\)")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# What follows a speaker's name but is not part of it: "CSIS based in Washington".
_TAIL = re.compile(r"\s+(?:based|headquartered|who|which|that|in a|on|at)\b.*$")
MAX_SPEAKER_WORDS = 14  # a subject longer than this before a reporting verb is a clause
MAX_PARTY_WORDS = 8  # a speaker's short name longer than this is a clause misread
MAX_BARE_SPEAKER_WORDS = 3  # "said officials in Kyiv": a speaker with neither name nor article


def support_of(
    evidence: Sequence[Evidence],
    text: str,
    differences: Iterable[Discrepancy] = (),
    hedges: Sequence[str] = Marks().hedges,
    outlets: Mapping[int, str] | None = None,
) -> Support:
    """The facts of a line's corroboration (its ``label`` left empty).

    ``evidence``: the sentences it is built from; ``text``: what the reader reads;
    ``differences``: the Sources differ section's items; ``hedges``: the hedge phrases;
    ``outlets``: each source's outlet (a source missing or with none is an outlet of its own).
    """
    by_source: dict[int, list[str]] = {}
    for e in evidence:
        by_source.setdefault(e.source, []).append(e.sentence)
    voices = {_outlet(source, outlets or {}) for source in by_source}
    return Support(
        outlets=len(voices),
        attributed_to=_one_party([_party(sentences) for sentences in by_source.values()]),
        hedged=any(hedged(e.sentence, hedges) for e in evidence),
        disputed=_disputed(text, by_source, differences),
    )


def _outlet(source: int, outlets: Mapping[int, str]) -> str:
    name = " ".join(outlets.get(source, "").casefold().split())
    return name or f"[{source}]"


def _party(sentences: list[str]) -> str:
    """Whose claim an outlet's sentences give the line as: the first speaker found, or ""."""
    return next((p for p in map(attribution, sentences) if p), "")


def _one_party(parties: list[str]) -> str:
    """The party when every outlet gives the line as that one party's claim, else "".

    Two outlets naming the same speaker differently ("the Kremlin", "Kremlin officials") agree
    when one name holds the other; two speakers are two parties, and the line is no longer one
    side's claim."""
    if not parties or not all(parties):
        return ""
    first = parties[0]
    for other in parties[1:]:
        a, b = first.casefold(), other.casefold()
        if a not in b and b not in a:
            return ""
    return first


def attribution(sentence: str) -> str:
    """The party ``sentence`` gives its statement as the claim of, short ("the Kremlin",
    "CSIS"), or "" when it states it in its own voice.

    >>> attribution("The ministry said on Monday that the border would reopen.")
    'the ministry'
    >>> attribution("The border will reopen on Monday.")
    ''
    """
    for found in (_according_to(sentence), _leading(sentence), _trailing(sentence)):
        if found:
            party = short_party(found)
            if party and not _BOTH_SIDES.search(party):
                return party
    return ""


def unnamed_speaker(sentence: str) -> bool:
    """Whether ``sentence`` gives its statement as the claim of someone it names only by a
    pronoun ("He added that …", "…, she said."): whose claim it is lies in another sentence."""
    return any(
        found.strip().casefold() in _PRONOUNS for found in (_leading(sentence), _trailing(sentence))
    )


def _according_to(sentence: str) -> str:
    """The party after "according to", unless it names a medium ("according to CNN", "according
    to media reports": :data:`briefgen.analyse.edit.MEDIUM_FRAME`, which trimming drops), a
    carrier of news rather than a side, or a document ("according to the plan")."""
    m = _ACCORDING.search(sentence)
    if not m:
        return ""
    party = m["party"].strip()
    carried = _CARRIER.match(party)  # "a statement from the cabinet": the cabinet's claim
    if carried:
        return carried["party"]
    if (
        MEDIUM_FRAME.match(sentence[m.start() :])
        or _DOCUMENTS.match(party)
        or _NO_ONE.fullmatch(party)
    ):
        return ""
    return party


def _leading(sentence: str) -> str:
    """The subject of a reporting verb that opens the sentence's main clause ("In the
    statement, the Kremlin stressed that …"; "Dr. A, head of B, analyzed that …")."""
    m = _LEADING.search(sentence)
    if not m:
        return ""
    head = sentence[: m.start()].split()
    while head and head[-1].casefold() in _BETWEEN or (head and head[-1].endswith("ly")):
        head.pop()
    segments = [s.strip() for s in " ".join(head).split(",")]
    while len(segments) > 1 and _is_opener(segments[0]):
        segments.pop(0)
    subject = ", ".join(segments).strip()
    if (
        not subject
        or len(subject.split()) > MAX_SPEAKER_WORDS
        or not (subject[0].isupper() or subject.split()[0].casefold() in ("the", "a", "an"))
        or _is_opener(subject)
        or any(_is_clause_word(w) for w in re.findall(r"[\w'’-]+", segments[0]))
    ):
        return ""
    return subject


def _trailing(sentence: str) -> str:
    """The speaker a sentence ends on: "…, the ministry said." or "…, said Anna Berg, …"."""
    m = _TRAILING.search(sentence)
    if not m:
        return ""
    speaker = (m["after"] or m["before"] or "").strip()
    words = re.findall(r"[\w'’-]+", speaker)
    if (
        not words
        or len(words) > MAX_SPEAKER_WORDS
        or any(_is_clause_word(w) for w in words)
        # "…, according to reports." / "…, according to media reports.": "reports" is no verb
        or re.search(r"\baccording to\b", speaker, re.I)
        # after the verb, a speaker is named ("said Anna Berg", "said grid operator REE", "said
        # the ministry", "said officials"), not described: "…, adds welcome capacity to Kyiv's
        # defences." names no one.
        or (
            m["after"]
            and not re.search(r"\b[A-Z]|^(?:the|a|an|its|his|her|their)\s", speaker)
            and len(words) > MAX_BARE_SPEAKER_WORDS
        )
    ):
        return ""
    return speaker


def _is_opener(segment: str) -> bool:
    first = segment.split()[0].casefold() if segment.split() else ""
    return first in _OPENERS or (first.endswith("ly") and len(first) > 3)


def _is_clause_word(word: str) -> bool:
    """A finite verb or a conjunction: it makes a segment a clause rather than a name."""
    lower = word.casefold()
    if word[:1].isupper():
        return False  # a name: "United", "Fed"
    return lower in _CLAUSE_WORDS or (lower.endswith("ed") and lower not in _PARTICIPLES)


def short_party(speaker: str) -> str:
    """A speaker as a mark names it: its acronym when it gives one ("the Center for … (CSIS)"
    → "CSIS"), else its name without appositive, honorific or trailing clause, and a leading
    "The" in lower case ("the Kremlin"); "" for a pronoun or what is too long to be a name."""
    acronym = _ACRONYM.search(speaker)
    if acronym:
        return acronym[1]
    name = speaker.split(",")[0]
    name = _TAIL.sub("", _PARENTHESES.sub("", name)).strip(" \"'“”‘’")
    name = _TITLE_BEFORE_NAME.sub("", _HONORIFIC.sub("", name))
    if not name or name.casefold() in _PRONOUNS or len(name.split()) > MAX_PARTY_WORDS:
        return ""
    first, _, rest = name.partition(" ")
    if first in ("The", "A", "An") and rest:
        name = f"{first.lower()} {rest}"
    return name


def hedged(sentence: str, hedges: Sequence[str]) -> bool:
    """Whether ``sentence`` holds one of ``hedges``, as whole words and in lower case (its
    first letter is read in lower case too: "Reportedly, …").  "Could" in a clause of time or
    of what was done ("before they could be tested", "what they could carry") is what was
    possible then, not a doubt about the report.  Nor does a hedge in an aside set off by
    ", which" hedge what the sentence reports: in "The bank cut rates in 2016 to weaken the
    yen, which could harm exporters, and to fight deflation" the cut is no conjecture.  "Said
    to", "expected to" and their like hedge only after a form of "be" (``_REPORTED_AS``)."""
    sentence = sentence[:1].lower() + sentence[1:]
    return any(
        not (m.group(0) == "could" and _ABILITY.search(sentence, 0, m.start()))
        and not _ASIDE.search(sentence, 0, m.start())
        and not (_REPORTED_AS.match(m.group(0)) and not _BEING.search(sentence, 0, m.start()))
        for m in _hedge_pattern(tuple(hedges)).finditer(sentence)
    )


# "is said to", "was expected to", "are widely believed to": a report or an expectation with no
# one who owns it, which hedges.  Without the "be" it is someone's deed, told as fact: "Sweden
# expected to join with Finland" (it did expect it), "Rutte said to reporters that …".
_REPORTED_AS = re.compile(
    r"(?:said|expected|believed|thought|reported|rumou?red|alleged|understood)\s+to$"
)
_BEING = re.compile(
    r"(?<![\w'’-])(?:is|are|was|were|be|been|being|['’]s|['’]re)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)


# From ", which" to a hedge, with no comma, semicolon or full stop between: the aside holds it.
_ASIDE = re.compile(r",\s+which\s+[^,;.]*$", re.I)


_ABILITY = re.compile(
    r"\b(?:before|until|till|what|whatever|where|when|whenever|so|as soon as|as much as|as far as)"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


@functools.cache
def _hedge_pattern(hedges: tuple[str, ...]) -> re.Pattern[str]:
    phrases = sorted({h.strip() for h in hedges if h.strip()}, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")  # no hedges: nothing matches
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")


def _disputed(
    text: str, by_source: dict[int, list[str]], differences: Iterable[Discrepancy]
) -> bool:
    """Whether the line states a side of a difference: a claim's words are in its text, or in
    a sentence it is built from of the source that makes the claim."""
    told = _spaced(text)
    for difference in differences:
        for claim in difference.claims:
            said = [_spaced(part) for part in claim.parts()]
            if said and (
                all(part in told for part in said)
                or any(
                    all(part in _spaced(s) for part in said)
                    for s in by_source.get(claim.source, ())
                )
            ):
                return True
    return False


def _spaced(text: str) -> str:
    return " ".join(text.casefold().split())


def label(support: Support, marks: Marks, text: str = "", bottom_line: bool = False) -> str:
    """The mark printed after a line, in the profile's words: how many outlets back it, then
    whose claim it is, whether it is hedged, whether disputed (an empty wording is left out).

    The party is named only when ``text`` (what the reader reads) does not name it already:
    "The ministry said that …" tells whose claim it is, "Talks resumed." backed by "…, the
    ministry said" does not.  A line of the bottom line is marked only in ``marks.confirmed``'s
    estimative words, for a corroborated fact no source hedges, disputes or gives as one
    party's claim: the bottom line is read at a glance, and its lines are bullets too, marked
    in full there.
    """
    corroborated = support.outlets >= marks.min_outlets
    if bottom_line:
        firm = corroborated and not (support.attributed_to or support.hedged or support.disputed)
        return marks.confirmed.format(n=support.outlets).strip() if firm else ""
    wording = marks.corroborated if corroborated else marks.single
    parts = [wording.format(n=support.outlets)]
    if support.attributed_to and not _names(text, support.attributed_to):
        parts.append(marks.attributed.format(party=support.attributed_to))
    if support.hedged:
        parts.append(marks.hedged)
    if support.disputed:
        parts.append(marks.disputed)
    return ", ".join(p.strip() for p in parts if p.strip())


def _names(text: str, party: str) -> bool:
    """Whether ``text`` names ``party``: holds each of its words ("Trump and Pete Hegseth" in
    "President Trump and US Defense Secretary Pete Hegseth emphasized …")."""
    said = set(re.findall(r"[\w'’-]+", text.casefold()))
    return all(w in said for w in re.findall(r"[\w'’-]+", party.casefold()))


def difference_support(difference: Discrepancy, marks: Marks) -> Support:
    """A Sources differ line's mark: disputed by definition, between its claims' sources."""
    outlets = len({claim.source for claim in difference.claims})  # sources that differ
    return Support(outlets=outlets, disputed=True, label=marks.disputed.strip())


def _differences(brief: Brief) -> list[Discrepancy]:
    """The brief's Sources differ items, whatever its sections are called."""
    return [
        entry
        for section in brief.sections
        for entry in section.items
        if isinstance(entry, Discrepancy)
    ]


def mark_brief(brief: Brief, marks: Marks | None) -> None:
    """Mark every bullet (and bottom-line line) and every difference of ``brief``, and set
    the key to the marks that closes it; with no ``marks`` (a profile without the table) the
    facts are kept but nothing is printed."""
    differences = _differences(brief)
    wording = marks or Marks()
    hedges = wording.hedges
    outlets = {s.id: s.outlet for s in brief.sources}
    for section in brief.sections:
        bottom_line = kind(section.kind).bottom_line
        for entry in section.items:
            if isinstance(entry, Item):
                support = support_of(entry.evidence, entry.text, differences, hedges, outlets)
                support.label = label(support, wording, entry.text, bottom_line) if marks else ""
                entry.support = support
            elif isinstance(entry, Discrepancy):
                entry.support = difference_support(entry, wording)
                if not marks:
                    entry.support.label = ""
    brief.support_note = wording.explanation.strip() if marks else ""


def mark_candidates(candidates: Iterable[Candidate], brief: Brief, marks: Marks | None) -> None:
    """Give each candidate bullet its support and the words its mark will cost, before the
    bullets are chosen: the budget counts the mark, and the bottom line prefers corroborated
    facts.  ``brief`` holds the differences found (its Sources differ items)."""
    differences = _differences(brief)
    wording = marks or Marks()
    outlets = {s.id: s.outlet for s in brief.sources}
    for c in candidates:
        c.support = support_of(c.evidence, c.text, differences, wording.hedges, outlets)
        c.support.label = label(c.support, wording, c.text) if marks else ""
        c.mark_words = words(c.support.label)
