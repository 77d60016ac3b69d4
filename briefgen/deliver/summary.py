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
from ..model import Brief, Section
from ..package import read_package
from ..render.markdown import cite, long_date


@dataclass
class Summary:
    """The parts of a brief an email body shows."""

    title: str
    date: str | None  # ISO 8601 (YYYY-MM-DD) when known
    bottom_line_title: str = "Bottom line up front"
    bottom_line: str = ""
    leads: list[tuple[str, str]] = field(default_factory=list)  # (section heading, its first line)


def summarise(brief: Brief) -> Summary:
    """The Summary of a Brief: the first ``bluf`` section is the bottom line."""
    summary = Summary(title=brief.title, date=brief.date)
    bluf = next((s for s in brief.sections if s.kind == "bluf"), None)
    if bluf is not None:
        summary.bottom_line_title = bluf.title
        summary.bottom_line = " ".join(f"{i.text} {cite(i.sources)}" for i in bluf.items) or bluf.empty_note
    for section in brief.sections:
        if section is not bluf:
            summary.leads.append((section.title, _lead(brief, section)))
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


def _lead(brief: Brief, section: Section) -> str:
    """The first line a reader sees under the section's heading, as the documents show it."""
    if section.kind in ("bluf", "bullets"):
        first = section.items[:1] and f"{section.items[0].text} {cite(section.items[0].sources)}"
    elif section.kind == "key_figures":
        first = brief.key_figures[:1] and "{0.figure} — {0.counts} {1}".format(brief.key_figures[0], cite(brief.key_figures[0].sources))
    elif section.kind == "discrepancies":
        first = brief.discrepancies[:1] and f"{brief.discrepancies[0].topic}: " + "; ".join(
            f"{c.text} [{c.source}]" for c in brief.discrepancies[0].claims
        )
    elif section.kind == "actors":
        first = brief.actors[:1] and f"{brief.actors[0].name} — {brief.actors[0].role} {cite(brief.actors[0].sources)}"
    elif section.kind == "quotes":
        first = brief.quotes[:1] and f"“{brief.quotes[0].text}” — {brief.quotes[0].speaker} {cite(brief.quotes[0].sources)}"
    elif section.kind == "sources" and brief.sources:
        source = brief.sources[0]
        first = " — ".join([f"[{source.id}] {source.outlet}", f"“{source.title}”", *([long_date(source.date)] if source.date else []), *([source.url] if source.url else [])])
    else:
        first = ""
    return first or section.empty_note


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
