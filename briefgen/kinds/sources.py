"""Sources: the numbered list the citations point to (the brief's ``sources``), the sources
skipped with ``--keep-going``, and the line saying how and when the brief was made.  It holds
no items of its own and, like the title, does not count toward ``--max-words``."""

from __future__ import annotations

from ..model import Brief, Section, Source
from . import Kind


def first_source(brief: Brief, _section: Section) -> str:
    from ..typeset.markdown import long_date

    if not brief.sources:
        return ""
    source = brief.sources[0]
    parts = [f"[{source.id}] {source.outlet}", f"“{source.title}”"]
    return " — ".join(parts + ([long_date(source.date)] if source.date else []) + ([source.url] if source.url else []))


KIND = Kind("sources", Source, lambda _items: 0, first_source, counted=False)
