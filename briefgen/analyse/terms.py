"""Words as analysis sees them: tokens, crude stems, stop words and IDF weights.

Stems are deliberately crude (the first five letters) because they only need to make
"attacks", "attacking" and "attacked", or "agreed" and "agreement", meet; truncation does
that for English news vocabulary with no word lists, and runs in constant time.
"""

from __future__ import annotations

import math
import re
from collections import Counter

# Letters of any script (Latin, Vietnamese, Cyrillic, Greek…), then numbers.
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say according mr mrs ms dr also many much one
    two may might must shall however well even still yet already since""".split()
)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text``."""
    return [t.lower() for t in TOKEN.findall(text)]


STEM_LENGTH = 5
# Words news prose uses interchangeably for one act, so two reports of it meet.
_SAME_ACT = {
    "halt": "stop", "cease": "stop", "suspe": "stop", "pause": "stop", "stopp": "stop",
    "refus": "rejec", "decli": "rejec", "telep": "phone", "conve": "phone", "call": "phone", "calls": "phone",
    "kyiv": "kiev", "truce": "cease",
}


def stem(word: str) -> str:
    """A crude stem: 'attacking' → 'attac', 'halted' → 'stop' (see ``_SAME_ACT``)."""
    head = word[:STEM_LENGTH]
    return _SAME_ACT.get(head, head)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter words)."""
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS and len(t) > 1]


def idf_weights(documents: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each stem over ``documents``."""
    df: Counter[str] = Counter()
    for doc in documents:
        df.update(set(doc))
    n = len(documents)
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def vector(stems: list[str], idf: dict[str, float]) -> dict[str, float]:
    """A length-normalised TF-IDF vector as a sparse dict."""
    counts = Counter(stems)
    weights = {t: c * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
