"""Which section a sentence belongs in, and which sentences make the brief.

A sentence is scored against every ``bullets`` section of the profile: its cue phrases
(weighted), the cues of the sub-heading it sits under, and the words of the section's
description.  The best section wins if its score clears a floor; otherwise the sentence
is left out rather than forced in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Evidence, Item
from ..profile import Profile, SectionSpec

MIN_SCORE = 2.0
HEADING_WEIGHT = 0.8


@dataclass
class Sentence:
    """A sentence of one source, with where it sits."""

    source: int
    text: str
    heading: str
    position: int
    first_in_paragraph: bool


@dataclass
class Scored:
    sentence: Sentence
    section: str
    score: float
    confidence: float
    reasons: list[str] = field(default_factory=list)


def classify(sentences: list[Sentence], profile: Profile) -> list[Scored]:
    """The sentences that fit a bullets section, each with its best section."""
    specs = profile.bullet_sections()
    result = []
    for sentence in sentences:
        scores = []
        for spec in specs:
            score, reasons = _score(sentence, spec)
            scores.append((score, spec.id, reasons))
        scores.sort(key=lambda s: -s[0])
        if not scores or scores[0][0] < MIN_SCORE:
            continue
        best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0.0
        confidence = round((best - runner_up) / best, 3)
        result.append(Scored(sentence, scores[0][1], best, confidence, scores[0][2]))
    return result


def select_items(scored: list[Scored], profile: Profile, max_words: int) -> dict[str, list[Item]]:
    """Pick the best sentences per section within the word budget, shared fairly."""
    by_section: dict[str, list[Scored]] = {}
    for s in sorted(scored, key=lambda s: (-s.score, s.sentence.source, s.sentence.position)):
        by_section.setdefault(s.section, []).append(s)
    specs = profile.bullet_sections()
    chosen: dict[str, list[Item]] = {spec.id: [] for spec in specs}
    words = 0
    for rank in range(max((spec.max_items for spec in specs), default=0)):
        for spec in specs:
            queue = by_section.get(spec.id, [])
            if rank >= min(len(queue), spec.max_items):
                continue
            s = queue[rank]
            length = len(s.sentence.text.split())
            if words + length > max_words:
                continue
            words += length
            chosen[spec.id].append(_item(s))
    bluf = next((spec for spec in profile.sections if spec.kind == "bluf"), None)
    if bluf:
        tops = [items[0] for items in chosen.values() if items]
        chosen[bluf.id] = [Item(i.text, bluf.id, i.sources, i.evidence, i.confidence, i.reasons) for i in tops[: bluf.max_items]]
    return chosen


def _item(s: Scored) -> Item:
    return Item(
        text=s.sentence.text,
        section=s.section,
        sources=[s.sentence.source],
        evidence=[Evidence(s.sentence.source, s.sentence.text)],
        confidence=s.confidence,
        reasons=s.reasons,
    )


def _score(sentence: Sentence, spec: SectionSpec) -> tuple[float, list[str]]:
    reasons = []
    score = 0.0
    for cue, weight in spec.cues.items():
        if _cue_pattern(cue).search(sentence.text):
            score += weight
            reasons.append(f"cue '{cue}'")
    if sentence.heading:
        heading_score = sum(w for cue, w in spec.cues.items() if _cue_pattern(cue).search(sentence.heading))
        if heading_score:
            score += HEADING_WEIGHT * heading_score
            reasons.append(f"under heading '{sentence.heading}'")
    return round(score, 3), reasons


@lru_cache(maxsize=None)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    stem = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"\w*" if cue.endswith("*") else r"\b"
    return re.compile(rf"\b{stem}{ending}", re.I)
