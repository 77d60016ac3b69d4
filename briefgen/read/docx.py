"""Word files (.docx) → Article, via python-docx.

Paragraphs styled as headings (Heading 1–9) stay structure; the Title-styled paragraph,
else the document's Title property, else the first paragraph, is the headline.  A
"Source: URL" line gives url and outlet, as in plain text; so do a byline ("By Jane Doe |
Reuters") or "Source: Reuters" line near the top, and a Title property that ends on the
outlet ("ECB holds rates | Bloomberg").  The author is the byline's, else the Author
property's if it reads as a person's name.  A line near the top that is only a date gives the
date and leaves the text.

Tables are read in their place among the paragraphs, a row at a time: a row of several
cells becomes one paragraph "cell | cell | cell" (empty cells left out, a merged cell
once); a row with a single filled cell (a box set around text, a one-column layout
table) gives that cell's paragraphs as they are.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Article
from ..package import check_unpacked
from .meta import byline, date_line, person, source_name, split_title
from .text import (
    DATE_SEARCH_LINES,
    embedded_posts,
    find_date,
    outlet_from_url,
    source_trailer,
    stem,
    wire_credit,
)

CELL_SEPARATOR = " | "  # how a table row reads as text, as Markdown and email tables set it
TABLE_ROW = "table row"  # the style given to a row read as one paragraph
MAX_TABLE_DEPTH = 5  # tables nested deeper than this are read as their text, not their rows
_MEANINGLESS_TITLE = re.compile(r"^(?:untitled|document\d*|title|microsoft word - .*)$", re.I)


def read_docx(
    raw: bytes, location: str, url: str | None = None, charset: str | None = None
) -> Article:
    """The article text of the Word document ``raw``."""
    import docx

    try:
        check_unpacked(raw, location)
        document = docx.Document(io.BytesIO(raw))
        blocks = [(style, " ".join(text.split())) for style, text in _blocks(document, 0)]
        properties = document.core_properties
        title, author = (properties.title or "").strip(), (properties.author or "").strip()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in zipfile, lxml or python-docx
        raise InputError(
            f"{location}: not a readable Word document ({type(exc).__name__})"
        ) from None

    title, outlet = split_title(title) if not _MEANINGLESS_TITLE.match(title) else ("", None)
    head = [text for _, text in blocks if text][:DATE_SEARCH_LINES]
    named = credited = None  # the outlet and author a byline or "Source:" line names
    paragraphs: list[tuple[str, str]] = []
    posts = embedded_posts([text for _, text in blocks])
    for index, (style, text) in enumerate(blocks):
        if not text or index in posts:
            continue
        trailer = source_trailer(text)
        if trailer:
            url = trailer
            continue
        if style == "Title":
            title = title or text
            continue
        if wire_credit(text):
            continue
        if len(paragraphs) < DATE_SEARCH_LINES and style != TABLE_ROW:
            credit = byline(text)
            if credit:
                credited, named = credited or credit[0], named or credit[1]
                continue
            name = source_name(text)
            if name or date_line(text):
                named = named or name
                continue  # when and where from, not what
        paragraphs.append(("heading" if style.startswith("Heading") else "text", text))
    if not any(kind == "text" for kind, _ in paragraphs):
        raise InputError(f"{location}: no text in the document")
    if not title:
        title = paragraphs.pop(0)[1]
    return Article(
        text="\n\n".join(t for kind, t in paragraphs if kind == "text"),
        paragraphs=paragraphs,
        title=title,
        outlet=outlet or (outlet_from_url(url) if url else None) or named or stem(location),
        url=url,
        date=find_date(location, url, head),
        location=location,
        # The byline names who wrote the story; the Author property whoever made the file (a
        # colleague who pasted it in, a login, "python-docx"), so it comes second.
        author=credited or person(author),
    )


def _blocks(container, depth: int) -> Iterator[tuple[str, str]]:
    """(style name, text) of each paragraph of ``container`` (the document, or a table
    cell) in reading order, with its tables read in place as rows."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            yield (block.style.name if block.style is not None else ""), block.text
            continue
        for row in block.rows:
            cells = _distinct_cells(row)
            filled = [cell for cell in cells if _cell_text(cell)]
            if len(filled) == 1 and depth < MAX_TABLE_DEPTH:
                yield from _blocks(filled[0], depth + 1)  # a box around text: its paragraphs
            elif filled:
                yield TABLE_ROW, CELL_SEPARATOR.join(_cell_text(cell) for cell in filled)


def _distinct_cells(row) -> list:
    """The row's cells, a cell merged across columns once (python-docx repeats it)."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:  # python-docx's one handle on a cell's identity
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_text(cell) -> str:
    """A cell's text on one line, its paragraphs run together (a table nested in a cell of a
    row of several is left out: a cell of a table row holds a figure or a name)."""
    return " ".join(" ".join(p.text for p in cell.paragraphs).split())
