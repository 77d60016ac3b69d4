"""Sentence splitting for English news prose.

``split_sentences(text)`` returns the sentences of a paragraph, exactly as written (no
character changed, only the whitespace between sentences dropped).  It does not split
after titles and common abbreviations (Mr., Dr., U.S., Jan.), initials (J. R. Smith),
inside decimals (3.5), inside a quotation that runs on ("... he said. "We will go."") or
at an ellipsis inside a quotation ("Europe and... Western civilization").
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "gov", "sen", "rep", "pres", "rev", "hon", "amb", "sec", "no", "vs", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "mt", "ft", "u.s", "u.k", "u.n",
    "a.m", "p.m",
}
# A candidate break: end punctuation, optional closing quotes/brackets, then space; or a
# full stop with the space lost between a word and the next sentence ("statement.In the").
_BREAK = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|(?<=[a-z]{3}\.)(?=[A-Z][a-z])")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s")
_OPENS_SENTENCE = re.compile(r"[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ]")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order."""
    sentences: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        before = text[start : m.start() + 1]
        after = text[m.end() :]
        if not _OPENS_SENTENCE.match(after) or _ends_with_abbreviation(before, text[m.start()]):
            continue
        if _ELLIPSIS.match(m.group(0)) and _inside_quotation(text[start : m.start()]):
            continue  # "a big win for Europe and... Western civilization": a quotation trails off and goes on
        sentence = text[start : m.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _inside_quotation(chunk: str) -> bool:
    return chunk.count('"') % 2 == 1 or chunk.count("“") > chunk.count("”")


def _ends_with_abbreviation(chunk: str, mark: str) -> bool:
    if mark != ".":
        return False
    word = re.search(r"([\w.]+)\.$", chunk)
    if not word:
        return False
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return True
    # Initials (J. or J.R.) and dotted acronyms (U.S.A.) do not end a sentence.
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token))
