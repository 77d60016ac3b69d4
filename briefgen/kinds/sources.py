"""Sources: the numbered list the citations point to (the brief's ``sources``), the sources
skipped with ``--keep-going``, and the line saying how and when the brief was made.  It holds
no items of its own and, like the title, does not count toward ``--max-words``."""

from __future__ import annotations

from ..model import Source
from . import Kind

KIND = Kind("sources", Source, lambda _items: 0, counted=False)
