"""The Brief an email hands over, for ``briefgen send FILES``, which gets documents, not a Brief.

``read_brief(files)`` prefers the brief's JSON (a ``.json`` among FILES, or beside one of
them with the same name): that is the Brief itself, written by ``render``/``build --format
json``, so the body is exact.  Without it, it reads the DOCX back, because the default
build writes only DOCX and PDF.  A PDF alone carries no structure we can trust, so that is
an input error asking for the JSON or DOCX.

The DOCX gives back as much of the Brief as the email body shows.  Title is the title, the
subject gives the date, and each Heading 1 opens a section whose first bullet, table row or
bottom-line paragraph is its one item, as plain text (a plain paragraph there is the note a
section without items prints).  Sections are of the kinds whose items are plain text: the
paragraph in the bottom line's Word style ("Brief Summary") makes its section the bottom
line, any other a section of bullets; the entries in the sources' style ("Brief Source") are
the brief's sources, and their section the Sources.  Citations stay in the items' text,
where the email body finds them as in any brief.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ..errors import InputError, unreadable
from ..model import Brief, Item, Section, Source
from ..package import read_package
from ..typeset.docx import HEADING_STYLES, ROLE_STYLES

TITLE, HEADING = HEADING_STYLES[1], HEADING_STYLES[2]  # "Title", "Heading 1"
BOTTOM_LINE, SOURCE = ROLE_STYLES["bluf"], ROLE_STYLES["source"]  # the Word styles of those roles
LISTED = ("List Bullet", "List Number")
# A source entry as the Sources partial prints it: [1] outlet — “title” — date — address.
_SOURCE = re.compile(
    r"\[(?P<id>\d+)\] (?P<outlet>.*?) — “(?P<title>.*)”"
    r"(?: — (?!https?://)(?P<date>.+?))?(?: — (?P<url>https?://\S+))?"
)


def read_brief(files: list[Path]) -> Brief:
    """The Brief whose documents are ``files``: from its JSON, else its DOCX (see the module
    docstring); an InputError when neither is there or readable."""
    from ..model import brief_from_json

    candidates = [f for f in files if f.suffix.lower() == ".json"]
    candidates += [f.with_suffix(".json") for f in files if f.suffix.lower() != ".json"]
    for candidate in dict.fromkeys(candidates):
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except OSError as exc:
                raise unreadable(str(candidate), exc) from None
            except UnicodeDecodeError:
                raise InputError(f"{candidate}: not UTF-8 text") from None
            return brief_from_json(text, str(candidate))
    docx_files = [f for f in files if f.suffix.lower() == ".docx"]
    if docx_files:
        return _brief_from_docx(docx_files[0])
    raise InputError(f"{files[0]}: cannot tell what the brief says; give its .json or .docx too")


def _brief_from_docx(path: Path) -> Brief:
    import docx
    from docx.table import Table

    raw = read_package(path, str(path))
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises zip, XML and key errors for files it cannot open
        raise InputError(f"{path}: not a DOCX brief ({type(exc).__name__})") from None
    title = ""
    sections: list[tuple[str, str, str]] = []  # (heading, style of its first block, its text)
    sources: list[Source] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):  # a table's first row under its header, as one item
            cells = [c.text.strip() for c in block.rows[1].cells] if len(block.rows) > 1 else []
            style, text = LISTED[0], f"{' — '.join(cells[:2])} {' '.join(cells[2:])}".strip()
        else:
            style, text = block.style.name, " ".join(block.text.split())
        if style == TITLE and not title:
            title = text
        elif style == HEADING:
            sections.append((text, "", ""))
        elif style == SOURCE and (entry := _source(text)) is not None:
            sources.append(entry)
        if sections and not sections[-1][2] and text and style != HEADING:
            sections[-1] = (sections[-1][0], style, text)
    if not title or not sections:
        raise InputError(f"{path}: not a briefgen DOCX (no title or no Heading 1 sections)")
    profile_title, date = _subject(document.core_properties.subject or "")
    shown = [_section(n, *section) for n, section in enumerate(sections)]
    return Brief(title, date, "", profile_title, shown, sources)


def _section(number: int, heading: str, style: str, text: str) -> Section:
    """The section a DOCX heading opens, from the first block under it."""
    ident = f"section-{number + 1}"
    if style == BOTTOM_LINE:
        return Section(ident, heading, "bluf", [Item(text, ident, [], [])])
    if style == SOURCE:  # its entries are the brief's sources
        return Section(ident, heading, "sources")
    if style in LISTED:
        return Section(ident, heading, "bullets", [Item(text, ident, [], [])])
    return Section(ident, heading, "bullets", [], empty_note=text)


def _source(text: str) -> Source | None:
    """A source entry of the DOCX back as a Source; None for a line of another shape."""
    match = _SOURCE.fullmatch(text)
    if match is None:
        return None
    date = _iso(match["date"])
    return Source(int(match["id"]), match["outlet"], match["title"], date, match["url"])


def _subject(subject: str) -> tuple[str, str | None]:
    """The profile's title and the news date a DOCX brief's subject carries ("Policy brief ·
    19 March 2025 · 2 sources"); its created date is the day the brief was made."""
    parts = subject.split(" · ")
    if len(parts) != 3:
        return "", None
    return parts[0], _iso(parts[1], keep=False)


def _iso(long_date: str | None, keep: bool = True) -> str | None:
    """'19 March 2025' → '2025-03-19'; another date as given (``keep``) or None."""
    if long_date is None:
        return None
    try:
        return dt.datetime.strptime(long_date, "%d %B %Y").date().isoformat()
    except ValueError:
        return long_date if keep else None
