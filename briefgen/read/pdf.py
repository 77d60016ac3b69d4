"""PDF files (or fetched application/pdf) → Article, via pypdf.

pypdf gives each page's text in content order (the reading order of a well-made PDF)
together with where each piece sits on the page.  From that: lines that recur at the top
or bottom of most pages (running headers, footers, page numbers) are dropped; a word
hyphenated at a line end is joined; lines are joined into paragraphs, which end where the
gap to the next line is wider than the usual line spacing or the type size changes.  The
paragraphs then go through the plain-text reader, so headline, sub-headings, "Source:"
trailer and date come out as they do for text files; the PDF's own Title, when it has a
real one, is the headline.

Near the top, a line that is only a date ("19 March 2025") or a byline ("By Jane Doe |
Reuters") is a paragraph of its own however close it sits to the first paragraph, so the
text reader takes it as metadata instead of gluing it onto the first sentence.  A page
printed from a browser carries its address in a running footer ("https://… 1/3"): that
is the article's URL.  The Title property may end on the outlet ("ECB holds rates |
Bloomberg", as a browser copies the page title): that names the outlet.  Author is a
person (or a login name) and Producer and Creator are software, so none of them is
taken for the outlet; an Author that reads as a person's name is the author when the text
has no byline.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article
from .meta import byline, date_line, person, split_title
from .text import parse_text

EDGE_LINES = 3  # running headers and footers are among the top or bottom lines of a page
REPEAT_SHARE = 0.6  # ...and recur on at least this share of the pages
PARAGRAPH_GAP = 1.4  # a gap this many times the usual line spacing separates paragraphs
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_DIGITS = re.compile(r"\d+")
_MEANINGLESS_TITLE = re.compile(
    r"^(?:untitled|\(unspecified\)|microsoft word - .*|.*\.(?:docx?|pdf|txt))$", re.I
)
# A browser's print footer: the page's address, perhaps with the page count ("1/3").
_PRINTED_URL = re.compile(r"^(https?://\S+)(?:\s+\d+\s*/\s*\d+)?$")
META_LINES = 8  # headline, standfirst, byline and date sit within the first lines


@dataclass
class _Line:
    text: str
    y: float  # baseline, from the bottom of the page
    size: float  # type size


def read_pdf(
    raw: bytes, location: str, url: str | None = None, charset: str | None = None
) -> Article:
    """The article text of the PDF ``raw``."""
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(
        logging.CRITICAL
    )  # its notes about damaged objects are not the user's concern
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        # An owner password only restricts printing or copying: the empty user password
        # opens the file, as in any viewer.  A user password is a lock we have no key to.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{location}: the PDF is password-protected "
                "(it needs a password to open; give an unlocked copy)"
            )
        pages = [_lines(page) for page in reader.pages]
        metadata = reader.metadata or {}
        title = str(metadata.get("/Title") or "").strip()
        author = str(metadata.get("/Author") or "").strip()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error on damaged files
        raise InputError(f"{location}: not a readable PDF ({type(exc).__name__})") from None
    headline, outlet = (
        split_title(title) if title and not _MEANINGLESS_TITLE.match(title) else ("", None)
    )
    usual = _line_spacing([line for page in pages for line in page])
    lines, printed_at = _without_running_lines(pages, usual, title)
    paragraphs = _paragraphs(lines, usual)
    if not paragraphs:
        raise InputError(f"{location}: no text in the PDF (a scan without a text layer?)")
    article = parse_text("\n".join(paragraphs), location, url or printed_at, outlet=outlet)
    if headline:
        article.title = headline
    # The byline names who wrote the story; Author, whoever made the file, comes second.
    article.author = article.author or person(author)
    return article


def _lines(page) -> list[_Line]:
    """The page's text lines in content order, each with its position and type size."""
    lines: list[_Line] = []

    def visit(text, cm, tm, _font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(size * tm[3]) or size
        for n, part in enumerate(text.split("\n")):
            part = " ".join(part.split())
            if n and lines:
                y = lines[-1].y - lines[-1].size * 1.2  # a line break inside one piece of text
            if not part:
                continue
            if lines and n == 0 and abs(lines[-1].y - y) < 0.5 * max(size, 1):
                lines[-1].text = (
                    f"{lines[-1].text} {part}"
                    if not lines[-1].text.endswith(("-", " "))
                    else lines[-1].text + part
                )
            else:
                lines.append(_Line(part, y, size))

    page.extract_text(visitor_text=visit)
    return lines


def _line_spacing(lines: list[_Line]) -> float:
    """The usual distance between two lines of one paragraph (0 if no two lines follow on)."""
    gaps = sorted(
        a.y - b.y
        for a, b in zip(lines, lines[1:])
        if a.size == b.size and 0 < a.y - b.y < 3 * a.size
    )
    return gaps[len(gaps) // 2] if gaps else 0.0


def _without_running_lines(
    pages: list[list[_Line]], usual: float, title: str = ""
) -> tuple[list[_Line], str | None]:
    """All lines in order, less those repeated at the top or bottom of most pages and a
    browser's print header and footer; and the address such a footer gives, if any."""
    printed_at = None
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(line) for line in _edges(page, usual)}:
            seen[key] = seen.get(key, 0) + 1
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    running = {key for key, count in seen.items() if count >= needed} if len(pages) > 1 else set()
    kept = []
    for page in pages:
        edges = {id(line) for line in _edges(page, usual)}
        for line in page:
            if id(line) in edges:
                printed = _PRINTED_URL.match(line.text)
                if printed:
                    printed_at = printed_at or printed.group(1)
                if printed or _key(line) in running or _print_header(line.text, title):
                    continue
            kept.append(line)
    return kept, printed_at


def _print_header(text: str, title: str) -> bool:
    """Whether ``text`` is a browser's print header: the page title beside the date."""
    return bool(title) and title in text and text != title


def _edges(page: list[_Line], usual: float) -> list[_Line]:
    """The few lines set apart at the top and at the bottom of a page: where headers and
    footers sit."""
    by_height = sorted(page, key=lambda line: -line.y)
    edges = []
    for block in (by_height, by_height[::-1]):
        for n in range(min(EDGE_LINES, len(block) - 1)):
            if abs(block[n].y - block[n + 1].y) > PARAGRAPH_GAP * usual:
                edges.extend(block[: n + 1])
                break
    return edges


def _key(line: _Line) -> str:
    """Page numbers differ from page to page; the rest of a running line does not."""
    return _DIGITS.sub("#", line.text.casefold())


def _paragraphs(lines: list[_Line], usual: float) -> list[str]:
    paragraphs: list[str] = []
    current = ""
    previous: _Line | None = None
    alone = {id(line) for line in lines[:META_LINES] if _stands_alone(line.text)}
    for line in lines:
        if previous is not None and (
            _breaks(previous, line, usual) or id(line) in alone or id(previous) in alone
        ):
            paragraphs.append(current)
            current = ""
        if current.endswith("-") and _HYPHENATED.search(current) and line.text[:1].islower():
            current = current[:-1] + line.text
        else:
            current = f"{current} {line.text}" if current else line.text
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _stands_alone(text: str) -> bool:
    """A date line or a byline set as close to the first paragraph as its own lines are."""
    return byline(text) is not None or date_line(text)


def _breaks(previous: _Line, line: _Line, usual: float) -> bool:
    gap = previous.y - line.y
    if abs(previous.size - line.size) > 0.1 * previous.size or not usual:
        return True
    return gap <= 0 or gap > PARAGRAPH_GAP * usual
