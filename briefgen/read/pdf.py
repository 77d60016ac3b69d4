"""PDF files (or fetched application/pdf) → Article, via pypdf.

pypdf gives each page's text in content order (the reading order of a well-made PDF)
together with where each piece sits on the page.  From that: lines that recur at the top
or bottom of most pages (running headers, footers, page numbers) are dropped; a word
hyphenated at a line end is joined; lines are joined into paragraphs, which end where the
gap to the next line is wider than the usual line spacing or the type size changes.  The
paragraphs then go through the plain-text reader, so headline, sub-headings, "Source:"
trailer and date come out as they do for text files; the PDF's own Title, when it has a
real one, is the headline.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article
from .text import parse_text

EDGE_LINES = 3  # running headers and footers are among the top or bottom lines of a page
REPEAT_SHARE = 0.6  # ...and recur on at least this share of the pages
PARAGRAPH_GAP = 1.4  # a gap this many times the usual line spacing separates paragraphs
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_DIGITS = re.compile(r"\d+")
_MEANINGLESS_TITLE = re.compile(
    r"^(?:untitled|\(unspecified\)|microsoft word - .*|.*\.(?:docx?|pdf|txt))$", re.I
)


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
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error on damaged files
        raise InputError(f"{location}: not a readable PDF ({type(exc).__name__})") from None
    usual = _line_spacing([line for page in pages for line in page])
    paragraphs = _paragraphs(_without_running_lines(pages, usual), usual)
    if not paragraphs:
        raise InputError(f"{location}: no text in the PDF (a scan without a text layer?)")
    article = parse_text("\n".join(paragraphs), location, url)
    if title and not _MEANINGLESS_TITLE.match(title):
        article.title = title
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


def _without_running_lines(pages: list[list[_Line]], usual: float) -> list[_Line]:
    """All lines in order, less those repeated at the top or bottom of most pages."""
    if len(pages) < 2:
        return [line for page in pages for line in page]
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(line) for line in _edges(page, usual)}:
            seen[key] = seen.get(key, 0) + 1
    running = {
        key for key, count in seen.items() if count >= max(2, math.ceil(REPEAT_SHARE * len(pages)))
    }
    kept = []
    for page in pages:
        edges = {id(line) for line in _edges(page, usual)}
        kept.extend(line for line in page if not (id(line) in edges and _key(line) in running))
    return kept


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
    for line in lines:
        if previous is not None and _breaks(previous, line, usual):
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


def _breaks(previous: _Line, line: _Line, usual: float) -> bool:
    gap = previous.y - line.y
    if abs(previous.size - line.size) > 0.1 * previous.size or not usual:
        return True
    return gap <= 0 or gap > PARAGRAPH_GAP * usual
