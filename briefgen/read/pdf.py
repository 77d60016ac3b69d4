"""PDF files (or fetched application/pdf) → Article, via pypdf.

pypdf gives each page's text in reading order, line by line.  Lines that repeat at the
top or bottom of most pages (running headers, footers, page numbers) are dropped; a word
hyphenated at a line end is joined; lines are joined into paragraphs where a line ends a
sentence short of the full measure, or is a short line of its own (a heading).  The
paragraphs then go through the plain-text reader, so headline, sub-headings, "Source:"
trailer and date come out as they do for text files; the PDF's own Title, when it has a
real one, is the headline.
"""

from __future__ import annotations

import io
import logging
import math
import re

from ..errors import InputError
from ..model import Article
from .text import parse_text

EDGE_LINES = 3  # running headers and footers sit within this many lines of a page's edge
REPEAT_SHARE = 0.6  # ...and recur on at least this share of the pages
FULL_LINE = 0.85  # a line this long (relative to the usual line) runs on into the next
SHORT_LINE = 0.6  # a line this short stands alone
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_DIGITS = re.compile(r"\d+")
_MEANINGLESS_TITLE = re.compile(r"^(?:untitled|\(unspecified\)|microsoft word - .*|.*\.(?:docx?|pdf|txt))$", re.I)


def read_pdf(raw: bytes, location: str, url: str | None = None, charset: str | None = None) -> Article:
    """The article text of the PDF ``raw``."""
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes about damaged objects are not the user's concern
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{location}: the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error on damaged files
        raise InputError(f"{location}: not a readable PDF ({type(exc).__name__})") from None
    lines = _without_running_lines([[" ".join(line.split()) for line in page.splitlines()] for page in pages])
    paragraphs = _paragraphs([line for line in lines if line])
    if not paragraphs:
        raise InputError(f"{location}: no text in the PDF (a scan without a text layer?)")
    article = parse_text("\n".join(paragraphs), location, url)
    if title and not _MEANINGLESS_TITLE.match(title):
        article.title = title
    return article


def _without_running_lines(pages: list[list[str]]) -> list[str]:
    """All lines in order, less those repeated near the edges of most pages."""
    pages = [[line for line in page if line] for page in pages]
    if len(pages) < 2:
        return [line for page in pages for line in page]
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(line) for line in page[:EDGE_LINES] + page[-EDGE_LINES:]}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, count in seen.items() if count >= max(2, math.ceil(REPEAT_SHARE * len(pages)))}
    kept = []
    for page in pages:
        edge = set(range(min(EDGE_LINES, len(page)))) | set(range(max(0, len(page) - EDGE_LINES), len(page)))
        kept.extend(line for i, line in enumerate(page) if not (i in edge and _key(line) in running))
    return kept


def _key(line: str) -> str:
    """Page numbers differ from page to page; the rest of a running line does not."""
    return _DIGITS.sub("#", line.casefold())


def _paragraphs(lines: list[str]) -> list[str]:
    if not lines:
        return []
    usual = sorted(len(line) for line in lines)[int(0.8 * (len(lines) - 1))]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if current.endswith("-") and _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        ends_sentence = line.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
        if (ends_sentence and len(line) < FULL_LINE * usual) or (len(line) < SHORT_LINE * usual and not line.endswith((",", "-"))):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
