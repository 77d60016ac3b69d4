"""Typesetting stage: Brief → the bytes of each requested format.

``render(brief, formats, template_dir=None, style=None, reference_docx=None, marking=None)``
renders the Brief to Markdown through the one template, parses that Markdown into
blocks, and hands the blocks to each writer: ``md`` (the Markdown itself), ``json`` (the
Brief), ``docx``, ``pdf`` and ``html``.  ``style`` (see :mod:`.style`) sets fonts, colours,
margins and paper; ``reference_docx`` gives the DOCX a user's Word styles; ``marking``
puts a banner at the top and bottom of every page.  Writers are imported only when asked
for, so ``briefgen --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

from ..kinds import kind
from ..model import Brief, brief_to_json
from .blocks import parse_blocks
from .markdown import long_date, render_markdown
from ..clock import document_time
from .style import DocumentInfo, Style, load_style

FORMATS = ("docx", "pdf", "md", "json", "html")
KEYWORD_NAMES = 6  # people and organisations the document's keywords name, the first listed


def render(
    brief: Brief,
    formats: list[str],
    template_dir: Path | None = None,
    style: Style | None = None,
    reference_docx: Path | None = None,
    marking: str | None = None,
) -> dict[str, bytes]:
    """``{format: bytes}`` for every format in ``formats``, in that order."""
    markdown = render_markdown(brief, template_dir)
    blocks = parse_blocks(markdown)
    style = style or load_style()
    info = document_info(brief, marking)
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
            from .pdf import render_pdf

            out[fmt] = render_pdf(blocks, info, style)
        elif fmt == "html":
            from .html import render_html

            out[fmt] = render_html(blocks, info, style)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return out


def document_info(brief: Brief, marking: str | None = None) -> DocumentInfo:
    """Properties, header text and marking for ``brief``."""
    count = len(brief.sources)
    date_text = long_date(brief.date)
    named = [name for section in brief.sections if kind(section.kind).names for name in kind(section.kind).names(section.items)]
    names = list(dict.fromkeys(named))[:KEYWORD_NAMES]
    return DocumentInfo(
        title=" ".join(brief.title.split()),
        subject=f"{brief.profile_title} · {date_text} · {count} source{'s' if count != 1 else ''}",
        keywords=", ".join([brief.profile_title, *names]),
        date_text=date_text,
        marking=" ".join(marking.split()) if marking and marking.strip() else None,
        time=document_time(brief.generated),
    )
