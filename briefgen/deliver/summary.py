"""What the email body says about a brief: title, date, bottom line, each section's lead.

``summarise(brief)`` makes a ``Summary`` from a Brief (``build --email-to``).
``read_summary(files)`` makes one for ``briefgen send FILES``, which gets documents, not a
Brief.  It prefers the brief's JSON (a ``.json`` among FILES, or beside one of them with the
same name): that is the Brief itself, written by ``render``/``build --format json``, so the
body is exact.  Without it, it reads the DOCX back, because the default build writes only
DOCX and PDF: Title is the title, each Heading 1 opens a section, and the section's first
paragraph, bullet or table row is its lead.  A PDF alone carries no structure we can trust,
so that is an input error asking for the JSON or DOCX.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..kinds import kind
from ..model import Brief
from ..package import read_package


@dataclass
class Summary:
    """The parts of a brief an email body shows."""

    title: str
    date: str | None  # ISO 8601 (YYYY-MM-DD) when known
    bottom_line_title: str = "Bottom line up front"
    bottom_line: str = ""
    leads: list[tuple[str, str]] = field(default_factory=list)  # (section heading, its first line)


def summarise(brief: Brief) -> Summary:
    """The Summary of a Brief: the first bottom-line section, then each other section's first line."""
    summary = Summary(title=brief.title, date=brief.date)
    bottom = next((s for s in brief.sections if kind(s.kind).bottom_line), None)
    if bottom is not None:
        summary.bottom_line_title = bottom.title
        summary.bottom_line = kind(bottom.kind).lead(brief, bottom) or bottom.empty_note
    for section in brief.sections:
        if section is not bottom:
            summary.leads.append((section.title, kind(section.kind).lead(brief, section) or section.empty_note))
    return summary


def read_summary(files: list[Path]) -> Summary:
    """The Summary of the brief whose documents are ``files`` (see the module docstring)."""
    from ..model import brief_from_json

    candidates = [f for f in files if f.suffix.lower() == ".json"]
    candidates += [f.with_suffix(".json") for f in files if f.suffix.lower() != ".json"]
    for candidate in dict.fromkeys(candidates):
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{candidate}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
            return summarise(brief_from_json(text, str(candidate)))
    docx_files = [f for f in files if f.suffix.lower() == ".docx"]
    if docx_files:
        return _summary_from_docx(docx_files[0])
    raise InputError(f"{files[0]}: cannot tell what the brief says; give its .json or .docx too")


def _summary_from_docx(path: Path) -> Summary:
    import docx
    from docx.table import Table

    raw = read_package(path, str(path))
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises zip, XML and key errors for files it cannot open
        raise InputError(f"{path}: not a DOCX brief ({type(exc).__name__})") from None
    title = ""
    sections: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            cells = [c.text.strip() for c in block.rows[1].cells] if len(block.rows) > 1 else []  # row 0 is the header
            text = f"{' — '.join(cells[:2])} {' '.join(cells[2:])}".strip()
        else:
            text = " ".join(block.text.split())
            if block.style.name == "Title" and not title:
                title = text
                continue
            if block.style.name == "Heading 1":
                sections.append((text, ""))
                continue
        if sections and not sections[-1][1] and text:
            sections[-1] = (sections[-1][0], text)
    if not title or not sections:
        raise InputError(f"{path}: not a briefgen DOCX (no title or no Heading 1 sections)")
    summary = Summary(title=title, date=_news_date(document.core_properties.subject or ""))
    (summary.bottom_line_title, summary.bottom_line), *summary.leads = sections
    return summary


def _news_date(subject: str) -> str | None:
    """The news date a DOCX brief's subject carries ("Policy brief · 19 March 2025 · 2 sources");
    its created date is the day the brief was made."""
    parts = subject.split(" · ")
    if len(parts) != 3:
        return None
    try:
        return dt.datetime.strptime(parts[1], "%d %B %Y").date().isoformat()
    except ValueError:
        return None
