"""Sentence splitting for English news prose.

``split_sentences(text)`` returns the sentences of a paragraph, exactly as written (no
character changed, only the whitespace between sentences dropped).  It does not split
after titles and common abbreviations (Mr., Dr., U.S., Jan.), initials (J. R. Smith),
inside decimals (3.5), inside a quotation that runs on ("... he said. "We will go."") or
at an ellipsis inside a quotation ("Europe and... Western civilization").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "gov",
    "sen",
    "rep",
    "pres",
    "rev",
    "hon",
    "amb",
    "sec",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "approx",
    "est",
    "fig",
    "mt",
    "ft",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
}
# A candidate break: end punctuation, optional closing quotes/brackets, then space; or the
# space lost between two paragraphs of a page, after a word's full stop ("statement.In the"),
# after a closing curly quotation mark ('a new era.”Sweden’s') or before an opening one ('them
# all.“We have').  Straight marks are left alone: whether '."We' closes or opens a quotation
# the mark does not say.
_BREAK = re.compile(
    r"[.!?…]+[\"'”’)\]]*\s+"
    r"|(?<=[a-z]{3}\.)(?=[A-Z][a-z])"
    r"|(?<=[a-z]{2}[.!?][”’])(?=[“‘]?[A-Z][a-z])"
    r"|(?<=[a-z]{2}[.!?])(?=[“‘][A-Z][a-z])"
)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s")
_OPENS_SENTENCE = re.compile(r"[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ]")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[str]:
    """The sentences of ``text`` one by one, in time linear in its length (nothing is copied
    or counted again at each candidate break: a 50 MB one-line file has millions of them),
    so a reader that needs only the first ones stops early."""
    start = 0
    quotes = _QuoteCount()
    for m in _BREAK.finditer(text):
        if (
            not _OPENS_SENTENCE.match(text, m.end())
            or _ends_with_abbreviation(text, start, m.start())
            or _inside_a_name(text, m)
        ):
            continue
        quotes.advance(text, m.start())
        if _ELLIPSIS.match(m.group(0)) and quotes.open():
            # "a big win for Europe and... Western civilization": a quotation trails off and goes on
            continue
        sentence = text[start : m.end()].strip()
        if sentence:
            yield sentence
        start = m.end()
        quotes = _QuoteCount(start)
    tail = text[start:].strip()
    if tail:
        yield tail


class _QuoteCount:
    """Quotation marks from a sentence's start up to a point, counted once as the point moves on."""

    def __init__(self, start: int = 0) -> None:
        self.upto = start
        self.straight = self.opening = self.closing = 0

    def advance(self, text: str, end: int) -> None:
        if end > self.upto:
            chunk = text[self.upto : end]
            self.straight += chunk.count('"')
            self.opening += chunk.count("“")
            self.closing += chunk.count("”")
            self.upto = end

    def open(self) -> bool:
        return self.straight % 2 == 1 or self.opening > self.closing


# "News.Az reports", "Gazeta.Ru said": an outlet named by its web address, not "statement.In the".
_WEB_NAME = re.compile(
    r"[A-Z][\w-]*\.(?!(?:It|He|In|On|At|As|If|We|So|No|By|To|An|Of|Or|My|Us|Be|Do|Is)\b)[A-Z][a-z]\b"
)


def _inside_a_name(text: str, m: re.Match[str]) -> bool:
    """Whether a break with no space after the full stop falls inside a web name such as
    "News.Az"."""
    if m.group(0):
        return False
    begin = text.rfind(" ", 0, m.start()) + 1
    return bool(_WEB_NAME.match(text, begin))


ABBREVIATION_REACH = (
    40  # characters before a full stop that can hold the word it ends ("U.S.A." or "approx")
)


def _ends_with_abbreviation(text: str, start: int, at: int) -> bool:
    """Whether the full stop at ``at`` ends an abbreviation or initial rather than a sentence."""
    if text[at] != ".":
        return False
    word = re.search(r"([\w.]+)\.$", text[max(start, at - ABBREVIATION_REACH) : at + 1])
    if not word:
        return False
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return True
    # Initials (J. or J.R.) and dotted acronyms (U.S.A.) do not end a sentence.
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token))
