"""Which bullets section each candidate belongs in, and how clearly it reads as one.

For every candidate and every ``bullets`` section of the profile, three kinds of evidence:

- **meaning**: the log-odds of a softmax regression on sentence embeddings, fitted when the
  profile is first used on the sections' own examples (the profile's ``examples:``,
  invented story-neutral sentences, plus each description); sentences and examples are read
  here without the names of the sections' subjects (``subject:``, "NATO"), which tell what
  a story is about, not what kind of fact a sentence of it states;
- **closeness**: how close the sentence's embedding is to the section's examples: the mean
  cosine of its ``NEAREST`` closest ones;
- **cues**: the section's cue phrases, with negation and reversal read as before
  (:func:`briefgen.analyse.sections.cue_scores`).

Meaning and cues, added as logits, choose the section.  Closeness and cues, added as logits
and turned into probabilities with a softmax, say how clearly the sentence reads as any
section's kind of fact: that is the placement's confidence, which salience weighs (``fit``),
and a candidate none is likely enough for goes to the profile's ``catch_all`` section, if
it has one.  Every candidate gets a section.  A section that ``requires`` phrases (or names a
``subject``) none of the texts uses is no candidate's (the story is not of its kind), nor one of
a text that shows neither those phrases nor the section's cues.  Nothing is dropped here;
salience decides what the brief tells.  What the story shows to be its news (``news``: several
outlets tell it in their first sentences) goes to the catch-all section too, whatever its cues:
see :func:`briefgen.analyse.items.score`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..profile import Profile
from .embed import embed
from .sections import Placement, cue_scores

NEAREST = 3  # examples a sentence is compared with per section (its closest ones)
# Logit weights that choose the section, grid-searched by eval/fit.py: the placement of every
# candidate of the tune split and the sample that states a gold fact (mean per set), 27 Nov
# 2026: 0.807, against 0.761 for cues alone, 0.756 for the regression alone and 0.724 for
# closeness and cues (the section's choice before).  Only their ratio matters much: 0.5 and
# 0.2, 2 and 0.8 place as well.
MEANING_WEIGHT = 1.0
CUE_WEIGHT = 0.4
# Closeness's weight in the confidence.  The regression's own probability as the confidence
# chose worse bullets (27 Nov 2026, against closeness: tune recall over five budgets 0.520
# against 0.515, but the sample's 0.705 → 0.661 and any section at 800 words 0.884 → 0.841):
# it is sure of a section for sentences that state nothing a brief needs.  With closeness for
# the confidence and the regression for the section: tune 0.506 → 0.516 over five budgets,
# placement 0.801 → 0.812, any section at 800 words 0.877 → 0.885; the sample 0.722 → 0.713.
CLOSENESS_WEIGHT = 8.0
# The regression's L2 penalty (per example, on the embeddings' scale): 0.3, 1 and 3 place
# alike (0.803, 0.807, 0.802); with a hundred examples in 256 dimensions some is needed.
L2 = 1.0
# Gradient descent's step as a share of 2 / the loss's largest curvature, which is at most
# (|x|² + 1) / 2 for a unit-vector input and the bias's constant, plus the penalty's: beyond
# it the descent need not settle (a profile of four examples fitted other weights at 3.0).
STEP_SHARE = 0.95
FIT_ROUNDS = 2000  # the shipped profiles settle in about 550 (largest gradient under FIT_TOLERANCE)
FIT_TOLERANCE = 1e-8
CUE_CAP = 6.0  # beyond this a cue score says nothing more: a long sentence piles up cues
CATCH_ALL_BELOW = 0.45  # a confidence under this goes to the catch-all section, if any
# What several outlets lead with goes to the catch-all (``news``) unless meaning and cues all but
# rule that section out: "Engineers rejected the plan to raise the levee as unrealistic" is told
# first by every outlet and is still an obstacle (its catch-all probability 0.07 in the generic
# profile).  The 16 invented sets, recall over five budgets: 0.537 moving every one, 0.534 at
# 0.1 or 0.15, 0.529 at 0.2; the tune split 0.557 at each.
NOT_NEWS_BELOW = 0.15


@dataclass(frozen=True)
class _Sections:
    ids: tuple[str, ...]
    examples: tuple[np.ndarray, ...]  # per section: its examples' unit vectors
    weights: np.ndarray  # the regression's, one column per section, fitted without subjects
    bias: np.ndarray
    catch_all: str | None
    requires: tuple[tuple[str, ...], ...]  # per section: phrases the story must use
    subjects: tuple[str, ...]  # every section's subject names, which meaning reads past


def classify(
    texts: list[str],
    headings: list[str],
    vectors: np.ndarray,
    profile: Profile,
    news: Sequence[bool] = (),
) -> list[Placement]:
    """A placement for each text: its section, cue score, confidence and reasons.  A text
    ``news`` marks goes to the profile's catch-all section, if it has one."""
    sections = _sections(profile)
    if not sections.ids:
        return []
    meaning = (
        _without_subjects(texts, vectors, sections.subjects) @ sections.weights + sections.bias
    )
    closeness = np.stack([_nearest(vectors, examples) for examples in sections.examples], axis=1)
    closed = _closed(sections, texts)
    catch_all = (
        sections.catch_all
        if sections.catch_all and not closed[sections.ids.index(sections.catch_all)]
        else None
    )
    placements = []
    known: dict[
        tuple[str, str], dict[str, tuple[float, list[str]]]
    ] = {}  # a story repeated by many outlets is read once
    for n, text in enumerate(texts):
        key = (text, headings[n])
        cues = (
            known[key]
            if key in known
            else known.setdefault(key, cue_scores(text, headings[n], profile))
        )
        cue = np.array([min(cues[sid][0], CUE_CAP) for sid in sections.ids])
        shut = _not_shown(sections, text, cue, closed)
        chooses = _softmax(MEANING_WEIGHT * meaning[n] + CUE_WEIGHT * cue, shut)
        section = sections.ids[int(np.argmax(chooses))]
        confidence = float(
            _softmax(CLOSENESS_WEIGHT * closeness[n] + CUE_WEIGHT * cue, closed).max()
        )
        # What chose the section, for an analyst reading why a bullet sits where it does.
        reasons = [f"{sid} {p:.2f}" for sid, p in zip(sections.ids, chooses)]
        if (
            catch_all
            and news
            and news[n]
            and section != catch_all
            and chooses[sections.ids.index(catch_all)] >= NOT_NEWS_BELOW
        ):
            section = catch_all
            reasons.append("the story's news: catch-all")
        elif catch_all and confidence < CATCH_ALL_BELOW:
            section = catch_all
            reasons.append("no section likely: catch-all")
        placements.append(
            Placement(
                section,
                float(cues[section][0]),
                round(confidence, 3),
                reasons + cues[section][1],
            )
        )
    return placements


def _softmax(logits: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """Probabilities of ``logits``, none for the ``closed`` sections."""
    logits = np.where(closed, -np.inf, logits)
    probability = np.exp(logits - logits.max())
    return probability / probability.sum()


def _closed(sections: _Sections, texts: list[str]) -> np.ndarray:
    """Which sections no text may go to: those whose required phrases none of the texts uses
    (all stay open when every section would close)."""
    told = "\n".join(texts)
    closed = np.array(
        [bool(phrases) and not _phrases(phrases).search(told) for phrases in sections.requires]
    )
    return closed if not closed.all() else np.zeros(len(closed), dtype=bool)


def _not_shown(sections: _Sections, text: str, cue: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """The ``closed`` sections and those that require phrases ``text`` shows nothing of:
    neither a required phrase nor a cue.  A story that names NATO once opens its NATO section,
    but a sentence of it that says nothing of the alliance, its commands or its forces is no
    NATO fact however military its words ("Ukraine received the bodies of 1,000 fallen
    soldiers").  Measured on the 8 invented default-profile sets (28 Nov 2026): placement of
    the sentences stating a gold fact 0.613 → 0.634 (wrongly to the NATO section: 49 → 25),
    recall over five budgets 0.456 → 0.479; the tune split and the sample unchanged.  The
    confidence still weighs every section the story opens: shut there too, the sample's
    recall fell 0.739 → 0.652 (what reads clearly as a NATO fact is salient wherever it goes).
    Only the ``closed`` stay shut when every section would."""
    shut = closed | np.array(
        [
            bool(phrases) and cue[k] <= 0 and not _phrases(phrases).search(text)
            for k, phrases in enumerate(sections.requires)
        ]
    )
    return shut if not shut.all() else closed


@lru_cache(maxsize=64)
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, with a possessive ("NATO's", which a subject's names
    are read past with), in one pattern: a sentence is read once, not once per phrase (the
    Outlook's two dozen, at 100,000 sentences)."""
    either = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{either})(?:['’]s)?(?!\w)", re.I)


def _without_subjects(
    texts: list[str], vectors: np.ndarray, subjects: tuple[str, ...]
) -> np.ndarray:
    """``vectors``, but those of texts that name a subject embedded again without its names.

    Measured on the tune split, the six real tune sets and the sample (29 Nov 2026), against
    the names read as any other words: the real Sweden set's placement 0.800 → 0.900 (its
    membership, the alliance's door "open", read as positive signals, no longer as NATO
    command facts) and no other set changed.  Read past in the confidence as well, they
    made a story of the alliance's forces seem to state less (tune recall 0.578 → 0.571);
    read past with "alliance" and "allies" too, the Poland set lost its allied aircraft to
    another section (0.667 → 0.611), though the sample gained one placement.
    """
    if not subjects:
        return vectors
    names = _phrases(subjects)
    naming = [n for n, text in enumerate(texts) if names.search(text)]
    if not naming:
        return vectors
    read = vectors.copy()
    read[naming] = embed([names.sub(" ", texts[n]) for n in naming])
    return read


def _nearest(vectors: np.ndarray, examples: np.ndarray) -> np.ndarray:
    """Mean cosine of each vector with its ``NEAREST`` closest examples."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=np.float32)
    similarity = vectors @ examples.T
    take = min(NEAREST, examples.shape[0])
    closest = -np.partition(-similarity, take - 1, axis=1)[:, :take]
    return closest.mean(axis=1)


def _fit(examples: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """A softmax regression of section on embedding, fitted on each section's examples
    (``examples[k]``: section k's unit vectors): weights, one column per section, and bias."""
    inputs = np.vstack(examples).astype(np.float64)
    targets = np.repeat(np.eye(len(examples)), [len(e) for e in examples], axis=0)
    weights = np.zeros((inputs.shape[1], len(examples)))
    bias = np.zeros(len(examples))
    step = STEP_SHARE * 2.0 / (1.0 + L2 / len(inputs))
    for _ in range(FIT_ROUNDS):
        logits = inputs @ weights + bias
        probability = np.exp(logits - logits.max(axis=1, keepdims=True))
        probability /= probability.sum(axis=1, keepdims=True)
        error = (probability - targets) / len(inputs)
        gradient = inputs.T @ error + (L2 / len(inputs)) * weights
        weights -= step * gradient
        bias -= step * error.sum(axis=0)
        if np.abs(gradient).max() < FIT_TOLERANCE:
            break
    return weights.astype(np.float32), bias.astype(np.float32)


def _sections(profile: Profile) -> _Sections:
    specs = profile.bullet_sections()
    return _cached_sections(
        tuple((spec.id, spec.description, tuple(spec.examples)) for spec in specs),
        next((spec.id for spec in specs if spec.catch_all), None),
        tuple((*spec.requires, *spec.subject) for spec in specs),
        tuple(name for spec in specs for name in spec.subject),
    )


@lru_cache(maxsize=8)
def _cached_sections(
    specs: tuple[tuple[str, str, tuple[str, ...]], ...],
    catch_all: str | None,
    requires: tuple[tuple[str, ...], ...],
    subjects: tuple[str, ...],
) -> _Sections:
    examples, read = [], []
    for _, description, sentences in specs:
        texts = [t for t in (description, *sentences) if t.strip()] or ["."]
        examples.append(embed(texts))
        read.append(_without_subjects(texts, examples[-1], subjects))
    weights, bias = _fit(read) if read else (np.zeros((0, 0)), np.zeros(0))
    return _Sections(
        tuple(sid for sid, _, _ in specs),
        tuple(examples),
        weights,
        bias,
        catch_all,
        requires,
        subjects,
    )
