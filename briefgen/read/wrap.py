"""Hard-wrapped text (lines folded at a fixed width, as email and terminals do) → one line
per paragraph, which is what the text reader expects.

Whether a file is hard-wrapped is read from the file itself, never assumed: most of its
lines stop near one width (``WRAP_WIDTHS``), hardly any line runs past it, and lines that
stop near it go on mid-sentence on the next line ("… agreed early on Sunday to" /
"triple finance …").  A file written one paragraph per line fails the first two tests
(its lines are as long as its paragraphs) and an article of short one-line paragraphs the
third (its lines end sentences), so both come back untouched.

In a wrapped file every line of a paragraph but its last is nearly full, so a line well
short of the width ends its paragraph: a headline, a sub-heading, a byline, a paragraph's
last line.  Blank lines, list items, Markdown headings and quotes, table rows, links on a
line of their own and "Source: URL" lines also stand on their own.
"""

from __future__ import annotations

import re

# Widths text is folded at: 72 (git, pandoc, format=flowed email), 76 (RFC 2045), 78-80
# (terminals, mail clients).  Below 40 it is a column of short lines, above 100 it is
# not folding.
WRAP_WIDTHS = range(40, 101)
WIDTH_PERCENTILE = 0.9  # a paragraph's last lines are short; nine lines in ten are not longer
# A wrapped line stops short of the width by at most the next word (rarely over 15
# characters), so the lines of a paragraph but its last are at least this full.
FULL_SHARE = 0.7
# A line a fifth past the width was not folded there (a long link may be: one word)...
OVERLONG = 1.2
OVERLONG_SHARE = 0.05  # ... and more than a few such lines say the text is not folded at all
MIN_LINES = 4  # fewer lines than this are not enough to tell folding from short paragraphs
MIN_JOINS = 2  # nor are fewer full lines that run on into the next
JOIN_SHARE = 0.5  # of the full lines followed by another, at least this many end mid-sentence
# ... and of those, at least this many go on in lower case ("to" / "triple finance"): a
# list of short items, each a line and none ending a sentence, starts every line upper case.
LOWER_SHARE = 0.25

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_BLOCK = re.compile(
    r"^(?:[-–—•*·▪●]\s|\d{1,2}[.)]\s|#{1,6}\s|>|\|"  # list item, Markdown heading, quote, table
    r"|https?://\S+$"  # a link left on its own line
    r"|(?:source|nguồn|read more at|originally published at)\s*:)",  # the source trailer
    re.I,
)
_STANDS_ALONE = re.compile(r"^(?:#{1,6}\s|\||https?://\S+$|(?:source|nguồn)\s*:)", re.I)
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def unwrap(text: str) -> str:
    """``text`` with hard-wrapped paragraphs joined into one line each, blank lines between
    paragraphs kept; ``text`` itself if it is not hard-wrapped."""
    lines = [line.expandtabs().rstrip() for line in text.splitlines()]
    width = wrap_width(lines)
    if width is None:
        return text
    separated = any(not line for line in lines)  # paragraphs set apart by blank lines
    out: list[str] = []
    parts: list[str] = []  # the paragraph so far, a line at a time (joined once: a file
    previous = ""  # may be one 50 MB paragraph, and adding to a string copies it)
    headed = False  # whether the first paragraph (the headline) is behind us
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if parts:
                out.append("".join(parts))
                headed = True
            out.append("")
            parts, previous = [], ""
            continue
        first = not headed  # the paragraph so far is the file's first: its headline
        if parts and _runs_on(previous, stripped, width, separated, first):
            joined = _HYPHEN_END.search(parts[-1]) and stripped[:1].isalpha()
            parts.append(stripped if joined else " " + stripped)
        else:
            if parts:
                out.append("".join(parts))
                headed = True
            parts = [stripped]
        previous = line
    if parts:
        out.append("".join(parts))
    return "\n".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` are folded at, or None if they are not hard-wrapped."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < MIN_LINES:
        return None
    lengths = sorted(len(line) for line in filled)
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    if width not in WRAP_WIDTHS:
        return None
    overlong = sum(1 for line in filled if len(line) > OVERLONG * width and " " in line.strip())
    if overlong > OVERLONG_SHARE * len(filled):
        return None
    runs, joins, lower = 0, 0, 0
    for line, following in zip(lines, lines[1:]):
        nxt = following.strip()
        if len(line) < FULL_SHARE * width or not nxt or _BLOCK.match(nxt):
            continue
        runs += 1
        if not _SENTENCE_END.search(line):
            joins += 1
            lower += not nxt[:1].isupper()
    if joins < MIN_JOINS or joins < JOIN_SHARE * runs or lower < LOWER_SHARE * joins:
        return None
    return width


def _runs_on(previous: str, line: str, width: int, separated: bool, first: bool) -> bool:
    """Whether ``line`` goes on the paragraph whose last line so far is ``previous``."""
    if len(previous) < FULL_SHARE * width or _BLOCK.match(line):
        return False  # a short line ends its paragraph; a list item or link starts its own
    if _STANDS_ALONE.match(previous.strip()):
        return False
    if first and not line[:1].islower():
        # A long headline straight above the first paragraph is not run into it: a folded
        # headline goes on in lower case or not at all, as far as can be told.
        return False
    if not separated and _SENTENCE_END.search(previous):
        # Without blank lines a paragraph may end on a full line: it did if the next
        # line's first word would have fitted on it.
        return len(previous) + 1 + len(line.split(" ", 1)[0]) > width
    return True
