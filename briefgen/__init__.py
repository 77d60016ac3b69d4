"""briefgen: turn a pile of news articles into a short, cited policy brief.

The pipeline runs one way: ``read`` (sources → Articles) → ``analyse`` (Articles +
profile → Brief) → ``render`` (Brief → Markdown → DOCX/PDF/...) → ``write`` (atomic
files).  The Brief model in :mod:`briefgen.model` is the seam between analysis and
rendering; it round-trips through JSON so an analyst can edit it in between.
"""

__version__ = "0.1.0"
# What every document briefgen writes says of itself (DOCX comments, HTML generator, PDF
# creator), so that reading a folder can leave out the briefs made from it.
MADE_WITH = "briefgen"
