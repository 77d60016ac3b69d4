"""Words as analysis sees them: tokens, stems, stop words and IDF weights.

Stems come from the Snowball English stemmer (Porter2, through PyStemmer's C library)
rather than from cutting words to their first five letters.  Cutting made "attacks",
"attacking" and "attacked" meet, but it also merged words that merely begin alike
("converted", "convey" and "conventional" all became "conve"; "suspected", "suspended"
and "suspense" all became "suspe"), and a hand-kept table of synonyms on top of it
turned those accidents into wrong matches ("conventional" counted as "phone",
"suspected" as "stop").  Snowball removes English endings by rule: "attacks",
"attacking" and "attacked" all become "attack", "converted" becomes "convert",
"conventional" "convent" and "suspected" "suspect".  It does not make every related
pair meet: "agreed" becomes "agre" but "agreement" stays "agreement", because Snowball
removes "-ement" only where it lies far enough into the word (its "R2" region), and in
"agreement" it does not.  Nor does it part every unrelated pair: "conventional" still
meets "convention" (both "convent").  Synonyms and paraphrase ("halted" for "suspended",
"phone call" for "telephone conversation") are left to the sentence embeddings, not to stems.

Words not written in English (Cyrillic, Vietnamese…) are still tokens; the English
stemmer leaves words in other scripts as they are.

Stemming is memoised per word: news text repeats a small vocabulary (tens of thousands
of words over millions of tokens), so almost every call is one dict lookup.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter

import Stemmer

# Letters of any script (Latin, Vietnamese, Cyrillic, Greek…), then numbers.
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say
    according mr mrs ms dr also many much one two may might must shall however well even still yet
    already since""".split()
)


# The calendar's names and the numbers written as words, as English news text has them:
# figures and durations (evidence.py) and dates still to come (when.py) read them alike.
# A role in lower case, as before a name ("Austrian central bank governor Robert Holzmann",
# "Executive board member Isabel Schnabel"): a regular expression's alternatives, for the
# evidence's roles and for the check that a sentence names someone (``edit``).
ROLE_NOUN = (
    r"(?:governor|minister|member|spokes(?:man|woman|person)|chief|envoy|director|president|secretary|commissioner|"
    r"advis[eo]r|ambassador|leader|economist|analyst|chairman|chairwoman|chair|mayor|lawmaker|senator|official|"
    r"judge|lawyer|attorney|prosecutor|executive|coordinator|representative|deputy|head|officer|"
    r"commander|worker|activist|chief of staff)"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text``."""
    return [t.lower() for t in TOKEN.findall(text)]


# PyStemmer's own cache is off (size 0): the dict below sits in front of it and is faster.
_STEMMER = Stemmer.Stemmer("english", 0)
# A Stemmer keeps internal state and must not be called from two threads at once.
_STEMMER_LOCK = threading.Lock()
_STEMS: dict[str, str] = {}
_STEMS_LIMIT = 200_000  # words remembered; the cache starts over when it is full


def stem(word: str) -> str:
    """The Snowball English stem of ``word``: 'attacking' → 'attack', 'Farmer’s' → 'farmer'."""
    found = _STEMS.get(word)
    if found is None:
        # Snowball lower-cases nothing and knows only the straight apostrophe.
        plain = word.lower().replace("’", "'")
        with _STEMMER_LOCK:
            found = _STEMMER.stemWord(plain)
        if len(_STEMS) >= _STEMS_LIMIT:
            _STEMS.clear()
        _STEMS[word] = found
    return found


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter words)."""
    known = _STEMS.get
    return [known(t) or stem(t) for t in tokens(text) if t not in STOP_WORDS and len(t) > 1]


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
