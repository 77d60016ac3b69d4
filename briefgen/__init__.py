"""briefgen: turn a pile of news articles into a short, cited policy brief.

The pipeline runs one way: ``read`` (sources → Articles) → ``analyse`` (Articles +
profile → Brief) → ``typeset`` (Brief → Markdown → DOCX/PDF/...) → ``write`` (atomic
files).  The Brief model in :mod:`briefgen.model` is the seam between analysis and
rendering; it round-trips through JSON so an analyst can edit it in between.

From Python (see :mod:`briefgen.api`)::

    import briefgen
    paths = briefgen.build(["inputs/"], out="output")
    brief = briefgen.extract(["inputs/"], briefgen.AnalysisOptions(max_words=500))
    briefgen.render(brief, "output", briefgen.RenderOptions(formats=("md",)))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
# What every document briefgen writes says of itself (DOCX comments, HTML generator, PDF
# creator), so that reading a folder can leave out the briefs made from it.
MADE_WITH = "briefgen"

# Loaded on first use, so that ``import briefgen`` and ``briefgen --help`` stay fast.
__all__ = ["AnalysisOptions", "ReadOptions", "RenderOptions", "build", "extract", "render"]
_API = frozenset(__all__)

if TYPE_CHECKING:
    from .api import AnalysisOptions, ReadOptions, RenderOptions, build, extract, render


def __getattr__(name: str) -> object:
    if name in _API:
        from importlib import import_module

        return getattr(import_module(".api", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
