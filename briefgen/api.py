"""The Python API: sources → :class:`~briefgen.model.Brief` → files, as the CLI does it.

``extract(sources)`` reads and analyses the sources into a Brief, which may be edited;
``render(brief, out)`` writes its documents; ``build(sources, out)`` does both.  The
CLI's flags map onto three frozen options objects, whose defaults are the CLI's:
:class:`ReadOptions`, :class:`AnalysisOptions` and :class:`RenderOptions`.

Nothing here prints: problems with the input raise :class:`~briefgen.errors.InputError`,
failed stages :class:`~briefgen.errors.ProcessingError`, and what the CLI reports as a
warning is a :mod:`warnings` warning.  The stages are imported only when called, so that
importing this module (and ``briefgen --help``) stays fast.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import document_time
from .errors import InputError

if TYPE_CHECKING:
    from .model import Brief
    from .typeset.ahead import TypesetAhead

__all__ = ["AnalysisOptions", "ReadOptions", "RenderOptions", "build", "extract", "render"]

FORMATS = ("docx", "pdf", "md", "json", "html")
DEFAULT_FORMATS = ("docx", "pdf")
DEFAULT_OUTPUT = Path("output")
PAPERS = ("a4", "letter")
# The same as briefgen.profile.DEFAULT_PROFILE and briefgen.analyse.DEFAULT_MAX_WORDS, which
# are not imported from there: that would load YAML and the analysis on ``briefgen --help``.
DEFAULT_PROFILE = "default"
DEFAULT_MAX_WORDS = 800
MIN_MAX_WORDS = 50  # analysis keeps 50 words for the bottom line alone (BLUF_RESERVE)
# Reading limits, in the units of the CLI's flags (briefgen.read.Limits counts bytes).
DEFAULT_MAX_SOURCE_MB = 50
DEFAULT_MAX_SOURCES = 10_000
DEFAULT_URL_MAX_MB = 50
DEFAULT_URL_TIMEOUT = 30
# Upper bounds that keep each number usable: a socket timeout must fit a C integer, and a
# read of max_source_mb bytes from standard input reserves that much memory at once.
MAX_SECONDS = 86_400
MAX_MB = 1_000

# One source: a file, folder, glob pattern or URL, or "-" for standard input.
SourceLike = str | os.PathLike[str]


def default_jobs() -> int:
    """Sources read at once when not told: one per core."""
    return os.cpu_count() or 1


def plain_name(name: str) -> bool:
    """Whether ``name`` can be a file name in the output folder (no folders, not hidden)."""
    return bool(name.strip()) and "/" not in name and "\\" not in name and not name.startswith(".")


def _set(options: object, name: str, value: object) -> None:
    """Normalise a field of a frozen options object while it is being made."""
    object.__setattr__(options, name, value)


def _at_least(name: str, value: int, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InputError(f"{name} {value!r}: must be a whole number of at least {low}")


def _within(name: str, value: float, high: float) -> None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or math.isnan(value) or not 0 < value <= high:
        raise InputError(f"{name} {value!r}: must be a number above 0 and at most {high:,}")


@dataclass(frozen=True)
class ReadOptions:
    """How sources are read (the CLI's reading flags).

    ``date`` (YYYY-MM-DD or a date) is given to every source, overriding what it says.
    ``keep_going`` skips an unreadable source with a warning (listed in the brief's
    ``skipped``) instead of raising.  ``jobs`` sources are read at once.  The limits bound
    a run: source file size, number of sources, URL response size and seconds per URL.
    ``progress`` shows a progress line on stderr for long runs.  ``source_list`` is a file
    of sources (one path or URL a line, or YAML/CSV), read after the ``sources`` given.
    """

    date: str | dt.date | None = None
    keep_going: bool = False
    jobs: int = field(default_factory=default_jobs)
    max_source_mb: float = DEFAULT_MAX_SOURCE_MB
    max_sources: int = DEFAULT_MAX_SOURCES
    url_max_mb: float = DEFAULT_URL_MAX_MB
    url_timeout: float = DEFAULT_URL_TIMEOUT
    progress: bool = False
    source_list: Path | None = None

    def __post_init__(self) -> None:
        if isinstance(self.date, dt.datetime):
            _set(self, "date", self.date.date().isoformat())
        elif isinstance(self.date, dt.date):
            _set(self, "date", self.date.isoformat())
        elif self.date is not None:
            try:
                _set(self, "date", dt.date.fromisoformat(self.date).isoformat())
            except (TypeError, ValueError):
                raise InputError(f"date {self.date!r} is not a date (YYYY-MM-DD)") from None
        _at_least("jobs", self.jobs, 1)
        _at_least("max_sources", self.max_sources, 1)
        _within("max_source_mb", self.max_source_mb, MAX_MB)
        _within("url_max_mb", self.url_max_mb, MAX_MB)
        _within("url_timeout", self.url_timeout, MAX_SECONDS)
        if self.source_list is not None:
            _set(self, "source_list", Path(self.source_list))


@dataclass(frozen=True)
class AnalysisOptions:
    """What the brief is: ``profile`` (a shipped profile's name or a profile YAML file),
    ``max_words`` (every word a reader reads but the title and the Sources) and ``title``
    (None: taken from the sources)."""

    profile: str | Path = DEFAULT_PROFILE
    max_words: int = DEFAULT_MAX_WORDS
    title: str | None = None

    def __post_init__(self) -> None:
        _at_least("max_words", self.max_words, MIN_MAX_WORDS)


@dataclass(frozen=True)
class RenderOptions:
    """How the brief is typeset and named (the CLI's output flags).

    ``formats``: any of docx, pdf, md, json, html (a tuple, or a comma-separated string).
    ``name``: the file name without extension (None: brief-YYYY-MM-DD, the newest source
    date).  ``template_dir``: templates over the shipped ones.  ``style_file``: a style YAML
    over the shipped one.  ``paper``: a4 or letter (None: the style's).  ``reference_docx``:
    a Word file whose styles the DOCX takes.  ``marking``: a banner on every page.
    ``author``, ``organisation``, ``handling``: the office's identity, over the style file's
    (the footer and Author property; the header; a line atop the first page).
    """

    formats: tuple[str, ...] = DEFAULT_FORMATS
    name: str | None = None
    template_dir: Path | None = None
    style_file: Path | None = None
    paper: str | None = None
    reference_docx: Path | None = None
    marking: str | None = None
    author: str | None = None
    organisation: str | None = None
    handling: str | None = None

    @property
    def identity(self) -> dict[str, str | None]:
        """The identity texts, as :func:`briefgen.typeset.style.load_style` takes them."""
        return {
            "author": self.author,
            "organisation": self.organisation,
            "handling": self.handling,
        }

    def __post_init__(self) -> None:
        given = self.formats.split(",") if isinstance(self.formats, str) else self.formats
        formats = tuple(dict.fromkeys(f.strip().lower() for f in given if f.strip()))
        unknown = [f for f in formats if f not in FORMATS]
        if unknown or not formats:
            what = ", ".join(unknown) or repr(self.formats)
            raise InputError(f"format {what}: choose from {', '.join(FORMATS)}")
        _set(self, "formats", formats)
        if self.name is not None and not plain_name(self.name):
            raise InputError(f"name {self.name!r} must be a plain file name without folders")
        if self.paper is not None:
            if self.paper.lower() not in PAPERS:
                raise InputError(f"paper {self.paper!r}: choose from {', '.join(PAPERS)}")
            _set(self, "paper", self.paper.lower())
        for path in ("template_dir", "style_file", "reference_docx"):
            if getattr(self, path) is not None:
                _set(self, path, Path(getattr(self, path)))


def extract(
    sources: SourceLike | Iterable[SourceLike],
    analysis: AnalysisOptions = AnalysisOptions(),
    reading: ReadOptions = ReadOptions(),
) -> Brief:
    """Read ``sources`` and analyse them into a Brief, ready to edit or to :func:`render`.

    ``sources`` are files, folders, glob patterns, http(s) URLs and ``-`` (standard input),
    as ``str`` or ``Path``, one or a list.  Raises InputError when there are none (and no
    ``reading.source_list``), or a source, the profile or an option cannot be used.
    """
    from .analyse import analyse
    from .profile import load_profile
    from .read import MB, Limits, SourceSpec, read_all, read_manifest

    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    specs = [SourceSpec(os.fspath(s)) for s in sources]
    if not specs and reading.source_list is None:
        raise InputError("no sources given: pass files, folders, globs or URLs, or a source_list")
    profile = load_profile(str(analysis.profile))
    if reading.source_list is not None:
        specs += read_manifest(reading.source_list)
    limits = Limits(
        int(reading.max_source_mb * MB),
        reading.max_sources,
        int(reading.url_max_mb * MB),
        reading.url_timeout,
    )
    read = read_all(
        specs,
        date=reading.date,
        keep_going=reading.keep_going,
        jobs=reading.jobs,
        limits=limits,
        progress=reading.progress,
    )
    brief = analyse(
        read.articles,
        profile,
        max_words=analysis.max_words,
        title=analysis.title,
        progress=reading.progress,
    )
    brief.skipped = read.skipped
    return brief


def render(
    brief: Brief,
    out: str | os.PathLike[str],
    options: RenderOptions = RenderOptions(),
    *,
    ahead: TypesetAhead | None = None,
) -> list[Path]:
    """Write ``brief`` into the folder ``out`` as ``NAME.FORMAT`` for each of
    ``options.formats``, all files or none (an earlier brief stays whole if any fails);
    return the paths written, in the order of the formats.  ``ahead`` typesets the PDF and the
    DOCX in forked processes (:func:`typeset_ahead`)."""
    from .typeset import render as render_formats
    from .typeset.style import load_style
    from .write import write_outputs

    if options.template_dir is not None and not options.template_dir.is_dir():
        # the template loader would quietly fall back to the shipped templates
        raise InputError(f"template folder {options.template_dir}: no such folder")
    style = load_style(options.style_file, options.paper, options.identity)
    if options.paper and options.reference_docx and "docx" in options.formats:
        # Worded as the CLI has always shown it, naming its flag; the field has the same name.
        warnings.warn(
            "--paper applies to the PDF and HTML only: the DOCX keeps the page size of "
            f"{options.reference_docx}",
            stacklevel=2,
        )
    outputs = render_formats(
        brief,
        list(options.formats),
        options.template_dir,
        style=style,
        reference_docx=options.reference_docx,
        marking=options.marking,
        ahead=ahead,
    )
    return write_outputs(Path(out), output_stem(brief, options.name), outputs)


def typeset_ahead(options: RenderOptions, jobs: int = 2) -> TypesetAhead | None:
    """Forked processes readying the typesetting of the PDF and the DOCX while the brief is
    made, for :func:`render` (None when neither is asked for, ``jobs`` is 1, or forking is
    not safe here); close it when done.  Start it before anything else starts a thread."""
    from .typeset.ahead import TypesetAhead

    if jobs < 2:
        return None
    return TypesetAhead.start(
        list(options.formats),
        options.template_dir,
        options.style_file,
        options.paper,
        options.identity,
    )


def build(
    sources: SourceLike | Iterable[SourceLike],
    out: str | os.PathLike[str] = DEFAULT_OUTPUT,
    *,
    analysis: AnalysisOptions = AnalysisOptions(),
    reading: ReadOptions = ReadOptions(),
    rendering: RenderOptions = RenderOptions(),
) -> list[Path]:
    """:func:`extract` then :func:`render`: read and analyse ``sources``, write the brief into
    the folder ``out`` (DOCX and PDF by default) and return the paths written."""
    ahead = typeset_ahead(rendering, reading.jobs)
    try:
        return render(extract(sources, analysis, reading), out, rendering, ahead=ahead)
    finally:
        if ahead is not None:
            ahead.close()


def output_stem(brief: Brief, name: str | None = None) -> str:
    """The brief's file name without extension: ``name``, or brief-YYYY-MM-DD from the news
    date, or for an undated brief the day it is made (``SOURCE_DATE_EPOCH`` when set)."""
    return name or f"brief-{brief.date or document_time().date().isoformat()}"


def output_paths(
    brief: Brief, out: str | os.PathLike[str], options: RenderOptions = RenderOptions()
) -> list[Path]:
    """The paths :func:`render` would write for these arguments, without writing them."""
    stem = output_stem(brief, options.name)
    return [Path(out) / f"{stem}.{fmt}" for fmt in options.formats]
