"""Typesetting stage: Brief → the bytes of each requested format, and the email body.

``render(brief, formats, template_dir=None, style=None, reference_docx=None, marking=None)``
renders the Brief to Markdown through the one template, parses that Markdown into
blocks, and hands the blocks to each writer: ``md`` (the Markdown itself), ``json`` (the
Brief), ``docx``, ``pdf`` and ``html``.  ``style`` (see :mod:`.style`) sets fonts, colours,
margins and paper; ``reference_docx`` gives the DOCX a user's Word styles; ``marking``
puts a banner at the top and bottom of every page.  Writers, and the Markdown stack, are
imported only when asked for, so ``briefgen --help`` stays fast; ``ahead`` (:mod:`.ahead`)
typesets the PDF and the DOCX in forked children readied while the brief is made.

``render_email(brief, attached, ...)`` is the body of the email that hands the brief over:
``email.md.j2`` (the same partials, each section cut to its lead) through the same HTML
writer, and the same blocks as plain text (:mod:`.text`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import document_time
from ..kinds import kind
from ..model import Brief, Source, brief_to_json
from .style import DocumentInfo, Style, load_style

if TYPE_CHECKING:
    from .ahead import TypesetAhead
    from .blocks import Block

FORMATS = ("docx", "pdf", "md", "json", "html")
KEYWORD_NAMES = 6  # people and organisations the document's keywords name, the first listed


def render(
    brief: Brief,
    formats: list[str],
    template_dir: Path | None = None,
    style: Style | None = None,
    reference_docx: Path | None = None,
    marking: str | None = None,
    ahead: TypesetAhead | None = None,
) -> dict[str, bytes]:
    """``{format: bytes}`` for every format in ``formats``, in that order; those ``ahead``
    typesets (:mod:`.ahead`) by its children while this process writes the others.

    The Markdown and its blocks are made only for a format made here: a build whose formats
    all go ahead never imports the Markdown stack (a fifth of a second of the sample's build)."""
    style = style or load_style()
    sent = [fmt for fmt in formats if ahead is not None and fmt in ahead.formats]
    if ahead is not None:
        ahead.submit(brief, template_dir, style, reference_docx, marking)

    @functools.cache
    def markdown() -> str:
        from .markdown import render_markdown

        return render_markdown(brief, template_dir)

    @functools.cache
    def blocks() -> list[Block]:
        return _typeset_blocks(markdown(), template_dir)

    def here(fmt: str) -> bytes:
        if fmt == "md":
            return markdown().encode("utf-8")
        if fmt == "json":
            return brief_to_json(brief).encode("utf-8")
        if fmt == "docx":
            from .docx import render_docx

            return render_docx(blocks(), document_info(brief, marking), style, reference_docx)
        if fmt == "pdf":
            from .pdf import render_pdf

            return render_pdf(blocks(), document_info(brief, marking), style)
        if fmt == "html":
            from .html import render_html

            return render_html(blocks(), document_info(brief, marking), style)
        raise ValueError(f"unknown format {fmt!r}")

    out = {fmt: here(fmt) for fmt in formats if fmt not in sent}
    if ahead is not None:
        for fmt in sent:  # a child that could not typeset its format leaves it to this process
            out[fmt] = ahead.result(fmt) or here(fmt)
    return {fmt: out[fmt] for fmt in formats}


def _typeset_blocks(markdown: str, template_dir: Path | None) -> list[Block]:
    """The blocks of ``markdown`` with the images it shows loaded, from the template folder
    that printed it (``template_dir``, else the shipped one)."""
    from .blocks import parse_blocks
    from .images import load_images
    from .markdown import shipped_template_dir

    blocks = parse_blocks(markdown)
    load_images(blocks, template_dir or shipped_template_dir())
    return blocks


def document_info(brief: Brief, marking: str | None = None) -> DocumentInfo:
    """Properties, header text and marking for ``brief``."""
    from .markdown import long_date

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
    from .markdown import EMAIL_TEMPLATE, render_markdown
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
