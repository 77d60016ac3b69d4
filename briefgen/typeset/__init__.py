"""Typesetting stage: Brief → the bytes of each requested format, and the email body.

``render(brief, formats, template_dir=None, style=None, reference_docx=None, marking=None)``
renders the Brief to Markdown through the one template, parses that Markdown into
blocks, and hands the blocks to each writer: ``md`` (the Markdown itself), ``json`` (the
Brief), ``docx``, ``pdf`` and ``html``.  ``style`` (see :mod:`.style`) sets fonts, colours,
margins and paper; ``reference_docx`` gives the DOCX a user's Word styles; ``marking``
puts a banner at the top and bottom of every page.  Writers are imported only when asked
for, so ``briefgen --help`` stays fast.

``render_email(brief, attached, ...)`` is the body of the email that hands the brief over:
``email.md.j2`` (the same partials, each section cut to its lead) through the same HTML
writer, and the same blocks as plain text (:mod:`.text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import document_time
from ..kinds import kind
from ..model import Brief, Source, brief_to_json
from .blocks import Block, parse_blocks
from .images import load_images
from .markdown import EMAIL_TEMPLATE, long_date, render_markdown, shipped_template_dir
from .style import DocumentInfo, Style, load_style

if TYPE_CHECKING:
    from .ahead import PdfAhead

FORMATS = ("docx", "pdf", "md", "json", "html")
KEYWORD_NAMES = 6  # people and organisations the document's keywords name, the first listed


def render(
    brief: Brief,
    formats: list[str],
    template_dir: Path | None = None,
    style: Style | None = None,
    reference_docx: Path | None = None,
    marking: str | None = None,
    ahead: PdfAhead | None = None,
) -> dict[str, bytes]:
    """``{format: bytes}`` for every format in ``formats``, in that order; the PDF by
    ``ahead`` (:mod:`.ahead`) while the others are written, when it is given."""
    markdown = render_markdown(brief, template_dir)
    blocks = _typeset_blocks(markdown, template_dir)
    style = style or load_style()
    info = document_info(brief, marking)
    if ahead is not None and "pdf" in formats:
        ahead.submit(blocks, info, style)
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            out[fmt] = markdown.encode("utf-8")
        elif fmt == "json":
            out[fmt] = brief_to_json(brief).encode("utf-8")
        elif fmt == "docx":
            from .docx import render_docx

            out[fmt] = render_docx(blocks, info, style, reference_docx)
        elif fmt == "pdf":
            typeset = ahead.result() if ahead is not None else None
            if typeset is None:
                from .pdf import render_pdf

                typeset = render_pdf(blocks, info, style)
            out[fmt] = typeset
        elif fmt == "html":
            from .html import render_html

            out[fmt] = render_html(blocks, info, style)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return out


def _typeset_blocks(markdown: str, template_dir: Path | None) -> list[Block]:
    """The blocks of ``markdown`` with the images it shows loaded, from the template folder
    that printed it (``template_dir``, else the shipped one)."""
    blocks = parse_blocks(markdown)
    load_images(blocks, template_dir or shipped_template_dir())
    return blocks


def document_info(brief: Brief, marking: str | None = None) -> DocumentInfo:
    """Properties, header text and marking for ``brief``."""
    count = len(brief.sources)
    date_text = long_date(brief.date)
    named = [
        name
        for section in brief.sections
        if kind(section.kind).names
        for name in kind(section.kind).names(section.items)
    ]
    names = list(dict.fromkeys(named))[:KEYWORD_NAMES]
    return DocumentInfo(
        title=" ".join(brief.title.split()),
        subject=f"{brief.profile_title} · {date_text} · {count} source{'s' if count != 1 else ''}",
        keywords=", ".join([brief.profile_title, *names]),
        date_text=date_text,
        marking=" ".join(marking.split()) if marking and marking.strip() else None,
        time=document_time(brief.generated),
    )


@dataclass(frozen=True)
class EmailBody:
    """An email's body in its two alternatives, which say the same: ``text`` (text/plain,
    wrapped at 76 columns) and ``html`` (text/html: one page, inline styles, no script)."""

    text: str
    html: str


def render_email(
    brief: Brief,
    attached: list[str],
    template_dir: Path | None = None,
    style: Style | None = None,
    marking: str | None = None,
) -> EmailBody:
    """The body of the email that hands over ``brief``, whose files ``attached`` names.

    ``email.md.j2`` prints it (``template_dir`` may override it, as any template), the HTML
    writer typesets it with ``style`` and ``marking`` (the brief's, so that the email looks
    like the brief; the shipped style when None), and the plain part is the same blocks as
    text.  The body lists the sources it cites, which are known once it is printed: so it
    is printed twice, without sources and then with those.
    """
    from .html import render_html
    from .text import render_text

    def blocks(sources: list[Source]) -> list[Block]:
        shown = _as_email(brief, sources)
        markdown = render_markdown(
            shown, template_dir, EMAIL_TEMPLATE, email=True, attached=list(attached)
        )
        return _typeset_blocks(markdown, template_dir)

    cited = cited_sources(render_text(blocks([])))
    final = blocks([source for source in brief.sources if source.id in cited])
    info = document_info(brief, marking)
    html = render_html(final, info, style or load_style())
    return EmailBody(render_text(final, marking=info.marking), html.decode("utf-8"))


def _as_email(brief: Brief, sources: list[Source]) -> Brief:
    """``brief`` as the email shows it: its (first) bottom line first and whole, every other
    section cut to its first item, and ``sources`` for its sources."""
    bottom = next((s for s in brief.sections if kind(s.kind).bottom_line), None)
    leads = [replace(s, items=s.items[:1]) for s in brief.sections if s is not bottom]
    return replace(brief, sections=([bottom] if bottom else []) + leads, sources=sources)


_CITATION = re.compile(r"\[(\d+)\](?:–\[(\d+)\])?")  # [2], or a run [3]–[7], as ``cite`` prints
RANGE_LISTED = 10  # a run of citations up to this long is listed whole, a longer one by its ends


def cited_sources(text: str) -> set[int]:
    """The source numbers ``text`` shows as citations ("[2]", "[1][2]", "[3]–[7]").

    Read from the text, not the items, so a brief read back from its DOCX (whose items
    carry their citations as text) lists them too.  A long run, such as a statement that
    hundreds of outlets report, gives its two ends: the attached brief lists them all.
    """
    ids: set[int] = set()
    for match in _CITATION.finditer(text):
        first, last = int(match[1]), int(match[2] or match[1])
        ids.update(range(first, last + 1) if 0 <= last - first < RANGE_LISTED else (first, last))
    return ids
