"""Which profile section a sentence belongs in, with a confidence and the reasons.

A sentence is scored against every ``bullets`` section of the profile from:

- the section's cue phrases (weighted; ``agree*`` matches any ending), and the words of
  its description (weakly);
- signals of news prose that a profile may weigh like cues: ``@contrast`` (opens with
  "However", "But", "Instead"…; a sentence opening with a concession or a purpose,
  "Although X, Y" or "In order to X, Y", is scored on its main clause Y alone, and so is
  "X, but Y"), ``@hedge`` ("it is not clear", "may", "unrealistic"…) and ``@negation``
  ("not", "no", "never", "failed"…);
- the sub-heading the sentence sits under, scored the same way and weighted lower.

A cue inside a negated scope ("ended without a breakthrough", "no-one should doubt")
does not count for its section: the few words after "not", "no", "without", "never" or
an "n't" say the opposite of the cue.  The negator itself (``@negation``) and a negated
cue of another section (``@negated``: "ended without a breakthrough" for obstacles) are
evidence a profile may weigh like any cue.

A reversing verb does the same to what it acts on: "lifted the sanctions", "cut tariffs",
"suspended retaliatory measures" are good news, "suspended the truce" bad news.  When such
a verb governs a cue, the verb and the cue no longer count for their sections, and the
reversed cue is evidence (``@reversed``) for the other sections, as a negated one is.
A predicate that fails or is undone turns its subject the same way: "the talks collapsed",
"plans to sign the accord were scrapped", "the agreement was not signed".
A sentence that opens on a negated subject ("No soldier was among those released")
denies its whole clause, not only the few words after "No".

``cue_scores`` gives every section's score; the section classifier
(:mod:`briefgen.analyse.classify`) weighs it with the sentence's meaning.  ``place`` picks
the best section when its score clears ``MIN_SCORE`` (quotations are weighed by it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..profile import Profile
from .terms import STOP_WORDS, stem, tokens

MIN_SCORE = 2.0
MIN_OWN_SCORE = 1.0  # the sentence itself must show the section's cues, not only its heading
HEADING_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 0.25

_CONTRAST = re.compile(r"^\W*(?:however|but|yet|still|instead|on the contrary|by contrast)\b", re.I)
# A clause before the main one that grants or aims rather than asserts: "Although X, Y", "In
# order to reach a deal, the union demanded Y" (a demand, not progress).
_OPENING_CLAUSE = re.compile(
    r"^\W*(?:although|though|even though|despite|in spite of|while|whereas|in order to"
    r"|so as to)\b[^,;:\"“]{3,150},\s*(?=\w)",
    re.I,
)
# "The talks covered many issues, but no deal was reached": what follows ", but" is the point
# (tune, five budgets each: recall 0.466 → 0.476, the sample unchanged), when it is a clause of
# at least three words.
_BUT_CLAUSE = re.compile(r",\s+but\s+(?=(?:\S+\s+){2}\S)", re.I)
_HEDGE = re.compile(
    r"\b(?:(?:it is|it's|it remains|it was) (?:not |still |un)(?:clear|certain|known)|unclear|"
    r"uncertain\w*|remains? to be seen|no (?:convincing|clear) (?:signs?|evidence)|unrealistic|"
    r"may not|might not|could not)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|n't|fail(?:ed|s)?|refus\w*|reject\w*)\b", re.I
)
# "On Thursday, May 8": "May" inside a sentence, capitalised, is the month (or a name), never
# the modal verb a profile may weigh as a cue.
_MONTH_MAY = re.compile(r"(?<=[\w,;:(“\"] )May\b")
SIGNALS = {"@contrast": _CONTRAST, "@hedge": _HEDGE, "@negation": _NEGATION}
NEGATED_SIGNAL = "@negated"  # set per section by ``place``: a cue of another section is negated
REVERSED_SIGNAL = (
    "@reversed"  # set per section by ``place``: a reversing verb acts on a cue of another section
)
# Verbs that undo what they act on (and their forms): "lift", "ease", "cut", "lower", "suspend"...,
# and those that wear it down: "weakened the truce", "could undermine the accord" (real tune sets,
# 29 Nov 2026: recall 0.500 → 0.509; tune split and invented sets unchanged).
_REVERSING = re.compile(
    r"(?:lift|eas|lower|cut|slash|reduc|suspend|suspens|scrap|waiv|remov|withdr[ae]w|halt|paus|roll|scal|drop|rescind|revok"
    r"|weaken|undermin|erod|sabotag|jeopardi[sz]|derail)"
    r"(?:e|s|es|ed|d|n|ing|ting|ion|sion|tion|ions|al|als|ped|ping)?"
)
# A clause whose predicate fails or is undone says so of its subject, the words before it: "the
# deal collapsed", "plans to sign the accord were scrapped", "the agreement was not signed".
# Verb forms only: "a collapse of the grid" is a noun and says nothing of its subject, and so are
# "market stalls" and "the founders".
_FAILING = re.compile(
    r"(?:collaps|crumbl|falter|unravel|unravell|fizzl)(?:es|ed|s)|(?:stall|founder)ed"
)
_FAILING_PHRASES = frozenset(
    {
        ("fell", "apart"),
        ("fell", "through"),
        ("broke", "down"),
        ("falls", "apart"),
        ("fall", "apart"),
        ("fall", "through"),
        ("break", "down"),
        ("breaks", "down"),
    }
)
_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being"})
# What follows these is the circumstance of a reversal, not what it undoes ("a pause with the
# possibility of resuming").
_NOT_ACTED_ON = frozenset(
    {"with", "after", "before", "as", "amid", "despite", "until", "since", "for", "while", "when"}
)
_PARTICLE_VERBS = frozenset(
    {"roll", "rolls", "rolled", "rolling", "scale", "scales", "scaled", "scaling"}
)  # only with "back"
_NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "neither",
        "nor",
        "nobody",
        "nothing",
        "none",
        "cannot",
        "fail",
        "failed",
        "fails",
        "failing",
        # Predicates that deny what they lead to: "unlikely to agree", "difficult for X to accept".
        "unlikely",
        "unable",
        "impossible",
        "difficult",
        "refuse",
        "refused",
        "refuses",
        "refusing",
        "reluctant",
    }
)
UNDONE_SCOPE = 8  # content words before a failing or undone predicate that it says so of
NEGATED_SCOPE = (
    3  # content words after a negator that it governs ("failed to reach a lasting peace")
)
SUBJECT_SCOPE = (
    12  # a negated subject ("No X ...") denies its clause, up to this many content words
)
# "not only X but also Y" asserts X; a clause break ends what a negator governs.
_NOT_NEGATING = frozenset({"only", "just", "least", "longer"})
_SCOPE_BREAKERS = frozenset(
    {
        "but",
        "and",
        "or",
        "while",
        "whereas",
        "although",
        "though",
        "yet",
        "however",
        "which",
        "because",
    }
)
# Where the subject of a failing or undone predicate begins, reading back from it: a conjunction
# that opens another clause ("took place early after the coalition collapsed").  The words carry
# no punctuation, and "and", "or" and "which" mostly join within a subject ("the deal between
# the US and Ukraine was scrapped"), so a subject may reach back over them into the clause
# before, never by more than ``UNDONE_SCOPE`` content words.
_SUBJECT_BREAKERS = (_SCOPE_BREAKERS - {"and", "or", "which"}) | _NOT_ACTED_ON | {"if"}


@dataclass
class Placement:
    """Where a sentence goes and why."""

    section: str
    score: float
    confidence: float
    reasons: list[str] = field(default_factory=list)


def cue_scores(text: str, heading: str, profile: Profile) -> dict[str, tuple[float, list[str]]]:
    """Every bullets section's cue score for ``text`` (under sub-heading ``heading``), with reasons.

    A section whose cues the sentence itself does not show scores 0, whatever its heading.
    """
    text = _MONTH_MAY.sub("", _main_clause(text))
    words = tokens(text)
    specs = profile.bullet_sections()
    matchers = [_matcher(tuple(spec.cues.items())) for spec in specs]
    negated = _negated(words)
    verbs, reversed_ = _reversed(words, negated, matchers)
    masked = negated | verbs | reversed_
    stems = _stems(w for n, w in enumerate(words) if n not in masked)
    signals = frozenset(cue for cue, pattern in SIGNALS.items() if pattern.search(text))
    denied = {
        spec.id for spec, m in zip(specs, matchers) if m.phrases_in(words, negated, denied=True)
    }
    undone = {
        spec.id
        for spec, m in zip(specs, matchers)
        if reversed_ and m.phrases_in(words, reversed_, denied=True)
    }
    scores = {}
    for spec in specs:
        cues = tuple(spec.cues.items())
        # What a sentence denies of one section ("no breakthrough") is evidence for another.
        # It is the stronger form of @negation, which it replaces rather than adds to.
        own_signals = signals - {"@negation"} | {NEGATED_SIGNAL} if denied - {spec.id} else signals
        if undone - {spec.id}:
            own_signals = own_signals | {REVERSED_SIGNAL}
        score, reasons = _score(words, masked, stems, own_signals, cues, spec.description)
        if score < MIN_OWN_SCORE:
            scores[spec.id] = (0.0, [])
            continue
        from_heading = (
            HEADING_WEIGHT * _heading_score(heading, cues, spec.description) if heading else 0.0
        )
        if from_heading > 0:
            score += from_heading
            reasons.append(f"under heading “{heading}”")
        scores[spec.id] = (round(score, 3), reasons)
    return scores


def place(text: str, heading: str, profile: Profile) -> Placement | None:
    """The section whose cues fit ``text`` best, or None when none clears ``MIN_SCORE``."""
    scores = sorted(
        (
            (score, sid, reasons)
            for sid, (score, reasons) in cue_scores(text, heading, profile).items()
        ),
        key=lambda s: -s[0],
    )
    if not scores or scores[0][0] < MIN_SCORE:
        return None
    best, section, reasons = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    return Placement(section, best, round((best - max(runner_up, 0.0)) / best, 3), reasons)


def _main_clause(text: str) -> str:
    """What the sentence asserts: "Although X, Y", "In order to X, Y" and "X, but Y" report
    Y."""
    m = _OPENING_CLAUSE.match(text)
    text = text[m.end() :] if m else text
    m = _BUT_CLAUSE.search(text)
    return text[m.end() :] if m else text


def _stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if w not in STOP_WORDS)


def _negated(words: list[str]) -> frozenset[int]:
    """Positions of the words a negator governs: a cue there says the opposite."""
    negated = set()
    for i, word in enumerate(words):
        if not (word in _NEGATORS or word.endswith(("n't", "n’t"))):
            continue
        # "No American was on the list": a negated subject denies what the clause says of it.
        # ("No one should doubt…" negates its verb, as any negator does.)
        subject = i == 0 and word in ("no", "neither", "none") and words[1:2] != ["one"]
        scope = SUBJECT_SCOPE if subject else NEGATED_SCOPE
        negated.update(_governed(words, i, scope))
    return frozenset(negated)


# Words that say a thing did not happen ("has not agreed", "refused to sign", "denied firing",
# "has yet to agree"): a report of it happening is contradicted.  Not "no", "nothing" or
# "never": "No trains ran" and "Trains stopped running", "had never erupted" and "its first
# eruption" say one thing; nor hedges ("unlikely", "difficult"), which doubt without denying.
_DENIERS = frozenset(
    {"not", "cannot", "without", "deny", "denies", "denied", "denying"}
    | {"refuse", "refuses", "refused", "refusing", "fail", "fails", "failed", "failing"}
)
# "a failed software update", "the failing bank": a denier that is an adjective denies nothing
_ADJECTIVE_DENIERS = frozenset({"failed", "failing"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
# "not … without" within this many words is a condition ("not to stop taking the drug without
# advice from a doctor"), not a denial of what follows "without"
_CONDITION_WORDS = 8
_UNREAL = frozenset({"would", "could", "might"})  # before "have": a thing that did not happen
# Words between a denier and what it denies: "has not yet agreed", "refused to be drawn".
_BEFORE_DENIED = frozenset({"to", "be", "been", "being", "have", "yet", "even", "ever", "so"})


def contradicts(one: str, other: str) -> bool:
    """Whether one text denies what the other asserts: the word a denier governs in one
    ("has not agreed to a truce", "denied sending troops", "would have raised pay") stands
    un-negated in the other ("agreed to a truce", "sent troops", "raises pay")."""
    return bool(contradicted(one, other))


def contradicted(one: str, other: str) -> frozenset[str]:
    """The stems one of the texts denies and the other asserts (see :func:`contradicts`)."""
    one_denied, one_said = _polarity(one)
    other_denied, other_said = _polarity(other)
    return one_denied & other_said | other_denied & one_said


@lru_cache(maxsize=65536)
def _polarity(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems ``text`` denies and those it states without a negator.

    What a denier denies is the word after it (past "to", "been", "yet"…), when that is a
    content word: "did not say when talks resume" denies no talks, it says nothing of them.
    """
    words = tokens(text)
    denied = set()
    for i, word in enumerate(words):
        yet_to = word == "yet" and words[i + 1 : i + 2] == ["to"]  # "has yet to agree"
        # "The offer would have raised pay": what would have happened did not.
        unreal = word in _UNREAL and words[i + 1 : i + 2] == ["have"]
        if not (word in _DENIERS or yet_to or unreal or word.endswith(("n't", "n’t"))):
            continue
        if word in _ADJECTIVE_DENIERS and i and words[i - 1] in _DETERMINERS:
            continue  # "a failed software update" denies no software
        if word == "without" and any(i - j <= _CONDITION_WORDS for j in denied):
            continue  # "told not to stop taking it without advice": advice is what it asks for
        j = i + 1
        while j < len(words) and words[j] in _BEFORE_DENIED:
            j += 1
        if j < len(words) and words[j] not in STOP_WORDS and words[j] not in _NOT_NEGATING:
            denied.add(j)
    governed = _negated(words) | denied
    return (
        _stems(words[j] for j in denied),
        _stems(w for n, w in enumerate(words) if n not in governed),
    )


def _governed(
    words: list[str], i: int, scope: int, breakers: frozenset[str] = frozenset()
) -> list[int]:
    """Positions after ``words[i]`` it governs: up to ``scope`` content words, within its clause."""
    governed, count = [], 0
    for j in range(i + 1, len(words)):
        if (
            count == scope
            or words[j] in _SCOPE_BREAKERS
            or words[j] in breakers
            or (j == i + 1 and words[j] in _NOT_NEGATING)
        ):
            break
        governed.append(j)
        count += words[j] not in STOP_WORDS
    return governed


def _reversed(
    words: list[str], negated: frozenset[int], matchers: list[_Matcher]
) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of reversing verbs, and of the words they act on, where those hold a cue of some
    section."""
    verbs: set[int] = set()
    reversed_: set[int] = set()
    for i, subject, denied in _undoing_predicates(words, negated):
        of_subject = {
            n for n, m in enumerate(matchers) if m.phrases_in(words, subject, denied=True)
        }
        # "The truce was not violated": a denied verb that is another section's cue denies that
        # section (the negation does it), not the subject; "the deal was not signed" undoes it.
        of_verb = {
            n for n, m in enumerate(matchers) if m.phrases_in(words, frozenset({i}), denied=True)
        }
        if of_subject and not (denied and of_verb - of_subject):
            reversed_.update(subject)
            verbs.add(i)
    for i, word in enumerate(words):
        if i in negated or i in reversed_ or not _REVERSING.fullmatch(word):
            continue
        if word in _PARTICLE_VERBS:
            if i + 1 >= len(words) or words[i + 1] != "back":
                continue
            i += 1  # "rolled back the sanctions": "back" is part of the verb
        governed = (
            frozenset(_governed(words, i, NEGATED_SCOPE, _NOT_ACTED_ON)) - negated
        )  # "ended without X" is a negation, not a reversal
        if any(m.phrases_in(words, governed, denied=True) for m in matchers):
            reversed_.update(governed)
            verbs.update(range(i - (word in _PARTICLE_VERBS), i + 1))
    return frozenset(verbs), frozenset(reversed_)


def _undoing_predicates(
    words: list[str], negated: frozenset[int]
) -> list[tuple[int, frozenset[int], bool]]:
    """(position, subject, denied) of each predicate that fails or undoes its subject: an
    intransitive failing verb ("the talks collapsed", "the deal fell apart"), a reversing verb in
    the passive ("were scrapped") or a denied passive ("was not signed").  The subject is the
    words before it, up to ``UNDONE_SCOPE`` content words.  A failing verb a negator governs
    ("has not collapsed") fails nothing."""
    found = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        phrase = (before, word) in _FAILING_PHRASES
        failing = i not in negated and (bool(_FAILING.fullmatch(word)) or phrase)
        passive = (
            before in _AUXILIARIES
            and bool(_REVERSING.fullmatch(word))
            and (word not in _PARTICLE_VERBS or words[i + 1 : i + 2] == ["back"])
        )
        denied = (
            i >= 2
            and before in ("not", "never")
            and words[i - 2] in _AUXILIARIES
            and word.endswith(("ed", "en"))
            and not _REVERSING.fullmatch(word)  # "were not lifted": nothing is undone
        )
        if not (failing or passive or denied):
            continue
        # the subject ends before the auxiliary, the "not" or the phrase's first word
        start = i - 1 - int(phrase or passive) - 2 * denied
        subject, count = [], 0
        for j in range(start, -1, -1):
            if count == UNDONE_SCOPE or words[j] in _SUBJECT_BREAKERS:
                break
            subject.append(j)
            count += words[j] not in STOP_WORDS
        found.append((i, frozenset(subject), denied))
    return found


def _score(
    words: list[str],
    negated: frozenset[int],
    stems: frozenset[str],
    signals: frozenset[str],
    cues: tuple[tuple[str, float], ...],
    description: str,
) -> tuple[float, list[str]]:
    """A text's fit to one section, from its words, their stems and the signals it shows."""
    matcher = _matcher(cues)
    hits = matcher.phrases_in(words, negated)
    hits.update(cue for cue in matcher.signals if cue in signals)
    score = sum(matcher.weights[cue] for cue in hits)
    reasons = [f"cue “{cue}”" for cue in sorted(hits)]
    matched = sorted(stems & _description_stems(description))
    if matched:
        score += DESCRIPTION_WEIGHT * len(matched)
        reasons.append("description: " + ", ".join(matched))
    return score, reasons


@lru_cache(maxsize=4096)
def _heading_score(heading: str, cues: tuple[tuple[str, float], ...], description: str) -> float:
    """A sub-heading's fit to a section; every sentence under it asks the same question."""
    words = tokens(heading)
    negated = _negated(words)
    signals = frozenset(cue for cue, pattern in SIGNALS.items() if pattern.search(heading))
    return _score(
        words,
        negated,
        _stems(w for n, w in enumerate(words) if n not in negated),
        signals,
        cues,
        description,
    )[0]


HEAD = 3  # letters a one-word prefix cue is indexed by


@dataclass
class _Matcher:
    """A profile section's cues, indexed by first word so a sentence is read once."""

    weights: dict[str, float]
    signals: list[str]
    phrases: list[tuple[str, list[str], bool]]  # cue, its words, last word is a prefix
    by_word: dict[str, list[int]] = field(default_factory=dict)
    by_first: dict[str, list[int]] = field(default_factory=dict)  # phrases by their first word
    by_head: dict[str, list[int]] = field(
        default_factory=dict
    )  # one-word prefix cues by their first letters

    def phrases_in(
        self, words: list[str], negated: frozenset[int], denied: bool = False
    ) -> set[str]:
        """The cues in ``words`` outside the ``negated`` positions (or, if ``denied``, inside
        them)."""
        found: set[str] = set()
        for i in sorted(negated) if denied else range(len(words)):
            starting = self._starting_with(words[i])
            if not starting or (not denied and i in negated):
                continue
            # A word counts once: "agreement" is the cue "agreement" or "agree*", the heavier.
            here = [
                cue
                for cue, parts, prefix in (self.phrases[n] for n in starting)
                if _matches_at(words, i, parts, prefix)
            ]
            if here:
                found.add(max(here, key=lambda cue: (self.weights[cue], cue)))
        return found

    def _starting_with(self, word: str) -> list[int]:
        if word not in self.by_word:
            if (
                not self.by_first
            ):  # built once: a new word then costs a look-up, not a pass over every cue
                for n, (_, parts, prefix) in enumerate(self.phrases):
                    if prefix and len(parts) == 1:
                        self.by_head.setdefault(parts[0][:HEAD], []).append(n)
                    else:
                        self.by_first.setdefault(parts[0], []).append(n)
            self.by_word[word] = sorted(
                self.by_first.get(word, [])
                + [
                    n
                    for k in range(1, HEAD + 1)
                    for n in self.by_head.get(word[:k], [])
                    if word.startswith(self.phrases[n][1][0])
                ]
            )
        return self.by_word[word]


def _matches_at(words: list[str], i: int, parts: list[str], prefix: bool) -> bool:
    n = len(parts)
    if i + n > len(words) or words[i : i + n - 1] != parts[:-1]:
        return False
    last = words[i + n - 1]
    return last == parts[-1] or (prefix and last.startswith(parts[-1]))


@cache
def _matcher(cues: tuple[tuple[str, float], ...]) -> _Matcher:
    phrases = []
    for cue, _ in cues:
        if cue.startswith("@"):
            continue
        parts = tokens(cue.rstrip("*")) or [cue]
        phrases.append((cue, parts, cue.endswith("*")))
    return _Matcher(
        weights={cue: weight for cue, weight in cues},
        signals=[
            cue for cue, _ in cues if cue in SIGNALS or cue in (NEGATED_SIGNAL, REVERSED_SIGNAL)
        ],
        phrases=phrases,
    )


@cache
def _description_stems(description: str) -> frozenset[str]:
    return frozenset(stem(w) for w in tokens(description) if w not in STOP_WORDS and len(w) > 3)
