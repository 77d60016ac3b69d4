"""Web pages (saved .html files or fetched text/html) → Article, via trafilatura.

trafilatura finds the article's main text and leaves out navigation, ads, comments and
related-links blocks; it also reads the metadata (headline, author, date, site name,
canonical URL) from the page's meta tags and structured data.  Its headings stay
structure: ``("heading", text)`` paragraphs, as the text reader makes them.

Tables are read in their place, a row at a time, as the Word reader reads them: a row of
several cells is one paragraph "cell | cell | cell" (empty cells left out); a row with a
single filled cell (a layout table around the story) gives that cell's paragraphs.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Article
from .encoding import decode
from .text import embedded_posts, find_date, outlet_from_url, source_trailer, stem, wire_credit

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_BLOCKS = {"head": "heading", "p": "text", "item": "text", "quote": "text"}
CELL_SEPARATOR = " | "  # how a table row reads as text (as the Word reader reads one)
# trafilatura takes about 2 s per MB of page text, more on bigger pages (18 MB: 49 s and
# 484 MB; 44 MB: over 400 s); an article page is rarely over 2 MB.
MAX_PAGE_BYTES = 10_000_000


def read_html(
    raw: bytes, location: str, url: str | None = None, charset: str | None = None
) -> Article:
    """Extract the article in the page ``raw`` (fetched from ``url``, if it was)."""
    import logging

    from trafilatura import bare_extraction

    logging.getLogger("trafilatura").setLevel(
        logging.CRITICAL
    )  # its notes about odd markup are not the user's concern
    if len(raw) > MAX_PAGE_BYTES:
        raise InputError(
            f"{location}: page of {len(raw) / 1e6:.1f} MB is over the "
            f"{MAX_PAGE_BYTES / 1e6:.0f} MB a web page may be"
        )
    declared = _META_CHARSET.search(raw[:4096])
    page = decode(
        raw, location, charset or (declared.group(1).decode("ascii") if declared else None)
    )
    try:
        document = bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # noqa: BLE001 - a parser failing on hostile markup is bad input, not a crash
        raise InputError(f"{location}: cannot parse the page ({type(exc).__name__})") from None
    found = _paragraphs(document.body) if document is not None and document.body is not None else []
    trailer = next((source_trailer(t) for _, t in found if source_trailer(t)), None)
    posts = embedded_posts([t for _, t in found])
    paragraphs = [
        (k, t)
        for n, (k, t) in enumerate(found)
        if not source_trailer(t) and not wire_credit(t) and n not in posts
    ]
    if not any(kind == "text" for kind, _ in paragraphs):
        raise InputError(f"{location}: no article text found in the page")

    canonical = (
        document.url if document.url and document.url.startswith(("http://", "https://")) else url
    )
    title = (document.title or "").strip() or paragraphs[0][1]
    if paragraphs[0] == ("heading", title):
        paragraphs = paragraphs[
            1:
        ]  # the headline, repeated (or only given) as the page's first heading
    link = canonical or trailer
    return Article(
        text="\n\n".join(t for kind, t in paragraphs if kind == "text"),
        paragraphs=paragraphs,
        title=title,
        outlet=(document.sitename or "").strip()
        or (outlet_from_url(link) if link else stem(location)),
        url=link,
        date=document.date or find_date(location, link),
        location=location,
        author=(document.author or "").strip() or None,
    )


def _paragraphs(body) -> list[tuple[str, str]]:
    """(kind, text) of the blocks of trafilatura's ``body`` in reading order, tables read
    as rows."""
    paragraphs = []
    several: dict[int, bool] = {}  # per row: has it more than one filled cell?
    for element in body.iter(*_BLOCKS, "row"):
        if _in_row_of_several(element, several):
            continue  # its text is in that row's paragraph (a nested table's too)
        if element.tag == "row":
            filled = [text for text in map(_text, element.iterchildren("cell")) if text]
            if len(filled) > 1:
                paragraphs.append(("text", CELL_SEPARATOR.join(filled)))
            elif filled and next(element.iter(*_BLOCKS), None) is None:
                paragraphs.append(("text", filled[0]))  # a one-cell row of bare text
            continue  # a one-cell row's own blocks are read as they come
        parent = element.getparent()
        if element.tag == "p" and parent is not None and parent.tag in ("item", "quote"):
            continue  # its text is taken with the enclosing block
        text = _text(element)
        if text:
            paragraphs.append((_BLOCKS[element.tag], text))
    return paragraphs


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _in_row_of_several(element, several: dict[int, bool]) -> bool:
    """Whether ``element`` sits inside a table row with more than one filled cell (each
    row's answer kept in ``several``: a row of many cells holds many blocks)."""
    for row in element.iterancestors("row"):
        if id(row) not in several:
            several[id(row)] = sum(1 for cell in row.iterchildren("cell") if _text(cell)) > 1
        if several[id(row)]:
            return True
    return False
