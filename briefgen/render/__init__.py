"""Render stage: Brief → the bytes of each requested format.

``render(brief, formats, template_dir=None)`` renders the Brief to Markdown through the
one template, parses that Markdown into blocks, and hands the blocks to each writer:
``md`` (the Markdown itself), ``json`` (the Brief), ``docx`` and ``pdf``.  Writers are
imported only when asked for, so ``briefgen --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Brief, brief_to_json
from .blocks import parse_blocks
from .markdown import render_markdown

FORMATS = ("docx", "pdf", "md", "json")


def render(brief: Brief, formats: list[str], template_dir: Path | None = None) -> dict[str, bytes]:
    """``{format: bytes}`` for every format in ``formats``, in that order."""
    markdown = render_markdown(brief, template_dir)
    blocks = parse_blocks(markdown)
    subject = f"{brief.profile_title}: {len(brief.sources)} sources"
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            out[fmt] = markdown.encode("utf-8")
        elif fmt == "json":
            out[fmt] = brief_to_json(brief).encode("utf-8")
        elif fmt == "docx":
            from .docx import render_docx

            out[fmt] = render_docx(blocks, brief.title, subject, brief.date)
        elif fmt == "pdf":
            from .pdf import render_pdf

            out[fmt] = render_pdf(blocks, brief.title, subject, brief.date)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return out
