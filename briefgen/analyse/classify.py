"""Which bullets section each candidate belongs in: a probability per section.

For every candidate and every ``bullets`` section of the profile, two kinds of evidence:

- **meaning**: how close the sentence's embedding is to the section's own examples (the
  profile's ``examples:``, invented story-neutral sentences, plus its description): the
  mean cosine of its ``NEAREST`` closest examples;
- **cues**: the section's cue phrases, with negation and reversal read as before
  (:func:`briefgen.analyse.sections.cue_scores`).

They are added as logits and turned into probabilities with a softmax.  Every candidate
gets a section: the likeliest one, or the profile's ``catch_all`` section when no section
is likely enough.  A section that ``requires`` phrases none of the texts uses is no
candidate's (the story is not of its kind).  Nothing is dropped here; salience decides what
the brief tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..profile import Profile
from .embed import embed
from .sections import Placement, cue_scores

NEAREST = 3  # examples a sentence is compared with per section (its closest ones)
# Logit weights: the best placement of the tune split's sentences that state a gold fact
# (0.78, against 0.73 for cues alone and 0.68 for meaning alone), grid-searched by eval/fit.py.
MEANING_WEIGHT = 8.0
CUE_WEIGHT = 0.4
CUE_CAP = 6.0  # beyond this a cue score says nothing more: a long sentence piles up cues
CATCH_ALL_BELOW = 0.45  # a best probability under this goes to the catch-all section, if any


@dataclass(frozen=True)
class _Sections:
    ids: tuple[str, ...]
    examples: tuple[np.ndarray, ...]  # per section: its examples' unit vectors
    catch_all: str | None
    requires: tuple[tuple[str, ...], ...]  # per section: phrases the story must use


def classify(
    texts: list[str], headings: list[str], vectors: np.ndarray, profile: Profile
) -> list[Placement]:
    """A placement for each text: its section, cue score, probability and reasons."""
    sections = _sections(profile)
    if not sections.ids:
        return []
    meaning = np.stack([_nearest(vectors, examples) for examples in sections.examples], axis=1)
    closed = _closed(sections, texts)
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
        logits = MEANING_WEIGHT * meaning[n] + CUE_WEIGHT * cue
        logits[closed] = -np.inf
        probability = np.exp(logits - logits.max())
        probability /= probability.sum()
        best = int(np.argmax(probability))
        section = sections.ids[best]
        reasons = [f"{sid} {p:.2f}" for sid, p in zip(sections.ids, probability)]
        if (
            probability[best] < CATCH_ALL_BELOW
            and sections.catch_all
            and not closed[sections.ids.index(sections.catch_all)]
        ):
            section = sections.catch_all
            reasons.append("no section likely: catch-all")
        placements.append(
            Placement(
                section,
                float(cues[section][0]),
                round(float(probability[best]), 3),
                reasons + cues[section][1],
            )
        )
    return placements


def _closed(sections: _Sections, texts: list[str]) -> np.ndarray:
    """Which sections no text may go to: those whose required phrases none of the texts uses
    (all stay open when every section would close)."""
    told = "\n".join(texts)
    closed = np.array(
        [
            bool(phrases) and not any(_phrase(p).search(told) for p in phrases)
            for phrases in sections.requires
        ]
    )
    return closed if not closed.all() else np.zeros(len(closed), dtype=bool)


@lru_cache(maxsize=64)
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I)


def _nearest(vectors: np.ndarray, examples: np.ndarray) -> np.ndarray:
    """Mean cosine of each vector with its ``NEAREST`` closest examples."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=np.float32)
    similarity = vectors @ examples.T
    take = min(NEAREST, examples.shape[0])
    closest = -np.partition(-similarity, take - 1, axis=1)[:, :take]
    return closest.mean(axis=1)


def _sections(profile: Profile) -> _Sections:
    specs = profile.bullet_sections()
    return _cached_sections(
        tuple((spec.id, spec.description, tuple(spec.examples)) for spec in specs),
        next((spec.id for spec in specs if spec.catch_all), None),
        tuple(tuple(spec.requires) for spec in specs),
    )


@lru_cache(maxsize=8)
def _cached_sections(
    specs: tuple[tuple[str, str, tuple[str, ...]], ...],
    catch_all: str | None,
    requires: tuple[tuple[str, ...], ...],
) -> _Sections:
    examples = []
    for _, description, sentences in specs:
        texts = [t for t in (description, *sentences) if t.strip()] or ["."]
        examples.append(embed(texts))
    return _Sections(tuple(sid for sid, _, _ in specs), tuple(examples), catch_all, requires)
