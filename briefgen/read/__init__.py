"""Read stage: what the user points at → ``Article`` objects, in the order given.

Sources are files (.txt, .md, .html, .htm, .pdf, .docx), folders (searched recursively,
in sorted order, hidden files left out), glob patterns, http(s) URLs, ``-`` for standard
input, and the entries of a source list (``SourceSpec`` from ``read_manifest``).

``read_all(specs, ...)`` reads them concurrently (``jobs`` threads) and returns a
``Reading``: the articles in input order, whatever order the threads finish in, and the
sources it skipped.  By default the first unreadable source (in input order) raises its
error, naming it and the reason (``InputError``; ``ProcessingError`` for a network
failure); with ``keep_going`` it is skipped, with a warning,
and listed in ``Reading.skipped``.  A file or URL named twice is read once, and so is the
same article under two names (same URL, or same text).  ``read_sources(locations)`` is the
strict short form returning articles.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import re
import stat
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .. import MADE_WITH
from ..errors import BriefgenError, InputError, unreadable
from ..model import Article, Skipped
from ..progress import Progress
from ..yamlsafe import read_upto
from .docx import read_docx
from .html import read_html
from .manifest import SourceSpec, read_manifest
from .pdf import read_pdf
from .text import displayable, read_text
from .url import fetch, is_url

__all__ = ["Limits", "Reading", "SourceSpec", "read_all", "read_manifest", "read_sources"]

Reader = Callable[..., Article]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
CONTENT_TYPES: dict[str, Reader] = {
    "text/plain": read_text,
    "text/markdown": read_text,
    "text/html": read_html,
    "application/xhtml+xml": read_html,
    "application/pdf": read_pdf,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": read_docx,
}
STDIN = "-"
MB = 1_000_000
PROGRESS_TICK = 0.2  # seconds between progress updates while waiting on a slow source


@dataclass(frozen=True)
class Limits:
    """What one run will take on; each is a CLI option, so a user can raise it."""

    max_source_bytes: int = 50 * MB
    max_sources: int = 10_000
    max_url_bytes: int = 50 * MB
    url_timeout: float = 30.0


@dataclass
class Reading:
    """What reading gave: articles in input order, and the sources skipped (with reasons)."""

    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class _Task:
    spec: SourceSpec
    error: str | None = None  # known before reading: the source cannot be found


def read_sources(locations: list[str], date: str | None = None, **options) -> list[Article]:
    """Strict reading of ``locations``: the first unreadable source raises InputError."""
    return read_all([SourceSpec(loc) for loc in locations], date=date, **options).articles


def read_all(
    specs: list[SourceSpec],
    date: str | None = None,
    *,
    keep_going: bool = False,
    jobs: int = 1,
    limits: Limits = Limits(),
    progress: bool = False,
    stdin: bytes | None = None,
) -> Reading:
    """Read every source in ``specs``; ``date`` (ISO) overrides every article's date.

    ``stdin`` is the bytes of standard input, for a ``-`` source (read here if not given).
    """
    tasks = _given_once([task for spec in specs for task in _expand(spec)])
    if not tasks:
        raise InputError("no sources given")
    if len(tasks) > limits.max_sources:
        raise InputError(
            f"{len(tasks)} sources are over the limit of {limits.max_sources} "
            "(raise it with --max-sources)"
        )
    if any(task.spec.location == STDIN and not task.error for task in tasks) and stdin is None:
        if sys.stdin is None:  # started with standard input closed (<&-)
            raise InputError("standard input: is closed; cannot read '-'")
        try:
            stdin = read_upto(sys.stdin.buffer, limits.max_source_bytes + 1)
        except OSError as exc:
            raise InputError(f"standard input: cannot read ({exc.strerror or exc})") from None

    articles, skipped = [], []
    for task, outcome in zip(tasks, _read_concurrently(tasks, jobs, limits, stdin, progress)):
        if isinstance(outcome, BriefgenError):
            if not keep_going:
                raise outcome
            reason = str(outcome).removeprefix(f"{task.spec.location}: ")
            warnings.warn(f"skipped {task.spec.location}: {reason}", stacklevel=1)
            skipped.append(Skipped(displayable(task.spec.location), displayable(reason)))
        else:
            articles.append(_override(outcome, task.spec, date))
    articles = _once(articles)
    if not articles:
        raise InputError(f"no readable sources ({len(skipped)} skipped)")
    return Reading(articles, skipped)


def _read_concurrently(
    tasks: list[_Task], jobs: int, limits: Limits, stdin: bytes | None, progress: bool
):
    """Yield each task's Article or error, in task order, reading up to ``jobs`` at once."""
    import concurrent.futures  # with logging, 30 ms of start-up that `--help` need not pay

    bar = Progress("reading", len(tasks), enabled=progress)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(_read_one, task, limits, stdin) for task in tasks]
        try:
            for n, future in enumerate(futures):
                while True:
                    try:
                        outcome = future.result(timeout=PROGRESS_TICK)
                        break
                    except (
                        concurrent.futures.TimeoutError
                    ):  # a slow source: keep the progress line alive
                        bar.update(sum(f.done() for f in futures))
                bar.update(n + 1)
                yield outcome
        finally:
            bar.close()
            for future in futures:
                future.cancel()


def _read_one(task: _Task, limits: Limits, stdin: bytes | None) -> Article | BriefgenError:
    location = task.spec.location
    try:
        if task.error:
            raise InputError(f"{location}: {task.error}")
        if location == STDIN:
            raw = stdin or b""
            if len(raw) > limits.max_source_bytes:
                raise InputError(
                    f"standard input: over the {limits.max_source_bytes / MB:g} MB limit "
                    "(raise it with --max-source-mb)"
                )
            return _sniff(raw)(raw, "standard input")
        if is_url(location):
            response = fetch(location, limits.url_timeout, limits.max_url_bytes)
            reader = _reader_for_response(response.content_type, response.url, response.body)
            if reader is None:
                raise InputError(
                    f"{location}: serves {response.content_type}, "
                    "not an article (text, HTML, PDF or DOCX)"
                )
            return reader(response.body, location, url=response.url, charset=response.charset)
        path = Path(location)
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):  # replaced by a pipe or device since it was listed
                raise InputError(f"{location}: not a regular file; cannot be read as a source")
            size = status.st_size
            if size > limits.max_source_bytes:
                raise InputError(
                    f"{location}: file of {size / MB:.1f} MB is over the "
                    f"{limits.max_source_bytes / MB:g} MB limit (raise it with --max-source-mb)"
                )
            raw = path.read_bytes()
        except OSError as exc:
            raise unreadable(location, exc) from None
        return READERS[path.suffix.lower()](raw, location)
    except BriefgenError as exc:  # bad input, or a network failure fetching a URL
        return exc
    except RecursionError:
        return InputError(f"{location}: too deeply nested to read")


def _reader_for_response(content_type: str, url: str, body: bytes) -> Reader | None:
    if content_type in CONTENT_TYPES:
        return CONTENT_TYPES[content_type]
    if content_type in ("", "application/octet-stream", "binary/octet-stream"):
        # Servers often label downloads vaguely; the file name in the URL, else the bytes, tell.
        return READERS.get(Path(urlsplit(url).path).suffix.lower()) or _sniff(body, None)
    return None


def _sniff(raw: bytes, default: Reader | None = read_text) -> Reader | None:
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return read_pdf
    if head.startswith(b"pk\x03\x04"):
        return read_docx
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return read_html
    return default


def _expand(spec: SourceSpec) -> list[_Task]:
    """A source as given → one task per file, URL or stdin it stands for, in a stable order."""
    location = spec.location
    if location == STDIN or is_url(location):
        return [_Task(spec)]
    path = Path(location)
    if path.is_dir():
        found = sorted(
            (
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS and not _hidden(p.relative_to(path))
            ),
            key=lambda p: p.relative_to(path).as_posix(),
        )
        if not found:
            return [_Task(spec, f"folder holds no readable sources ({_kinds()})")]
        return [_Task(_with_location(spec, str(p))) for p in _not_briefs(found)]
    if path.is_file():
        if path.suffix.lower() not in READERS:
            return [
                _Task(
                    spec,
                    f"unsupported file type {path.suffix or '(none)'!r} (readable: {_kinds()})",
                )
            ]
        return [_Task(spec)]
    if glob.has_magic(location):
        found = sorted(
            p for p in _glob(location) if os.path.isfile(p) and Path(p).suffix.lower() in READERS
        )
        if not found:
            return [_Task(spec, f"no readable sources match ({_kinds()})")]
        return [_Task(_with_location(spec, str(p))) for p in _not_briefs(map(Path, found))]
    kind = _special_kind(path)
    if kind:  # reading a pipe or device could wait forever or never end
        return [
            _Task(
                spec,
                f"not a regular file ({kind}); cannot be read as a source "
                "(pipe data to '-' instead)",
            )
        ]
    return [_Task(spec, "no such file or folder")]


def _special_kind(path: Path) -> str | None:
    """What ``path`` is if it exists but is neither a file nor a folder: a named pipe, say."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    kinds = {
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")


OWN_MARK_BYTES = (
    65_536  # how far from a file's end (PDF, Markdown) or start (HTML) briefgen's mark sits
)


def _not_briefs(found) -> list[Path]:
    """The files a folder or pattern matched, less the briefs briefgen made (``cd news;
    briefgen build .`` twice must not cite the first run's DOCX and PDF as sources)."""
    kept = []
    for path in found:
        if _made_by_briefgen(path):
            warnings.warn(f"skipped {path}: a brief made by {MADE_WITH}", stacklevel=1)
        else:
            kept.append(path)
    return kept


def _made_by_briefgen(path: Path) -> bool:
    """Whether ``path`` carries the mark every document briefgen writes."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                core = package.getinfo("docProps/core.xml")
                return (
                    core.file_size <= OWN_MARK_BYTES
                    and f"Made with {MADE_WITH}".encode() in package.read(core)
                )
        with path.open("rb") as handle:
            if suffix in (".html", ".htm"):
                return f'<meta name="generator" content="{MADE_WITH}">'.encode() in handle.read(
                    OWN_MARK_BYTES
                )
            handle.seek(max(0, path.stat().st_size - OWN_MARK_BYTES))
            tail = handle.read()
        mark = f"/Creator ({MADE_WITH})" if suffix == ".pdf" else f" by {MADE_WITH} "
        return mark.encode() in tail
    except (OSError, KeyError, zipfile.BadZipFile):
        return False  # unreadable here: reading it properly will say why


def _glob(pattern: str) -> list[str]:
    """The paths a shell pattern matches; ``**`` spans any number of folders but never goes
    through a symbolic link to a folder (``glob.glob`` does, and two links to ``.`` make its
    walk endless), nor into hidden ones unless the pattern names them."""
    parts = Path(pattern).parts
    fixed = next((n for n, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    if "**" not in parts[fixed:]:
        return glob.glob(pattern)  # without '**' a pattern has a fixed depth: no link can loop it
    root, wanted = Path(*parts[:fixed]) if fixed else Path("."), parts[fixed:]
    found = []
    for folder, folders, files in os.walk(root, followlinks=False):
        folders.sort()
        relative = Path(folder).relative_to(root).parts
        for name in sorted(files):
            if _matches(wanted, (*relative, name)):
                found.append(str(Path(folder, name)))
    return found


def _matches(wanted: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether path ``parts`` match pattern parts ``wanted`` (``**`` matching zero or more)."""
    if not wanted:
        return not parts
    if wanted[0] == "**":
        return any(
            _matches(wanted[1:], parts[n:])
            for n in range(len(parts) + 1)
            if not any(p.startswith(".") for p in parts[:n])
        )
    if not parts or (parts[0].startswith(".") and not wanted[0].startswith(".")):
        return False
    return fnmatch.fnmatchcase(parts[0], wanted[0]) and _matches(wanted[1:], parts[1:])


def _given_once(tasks: list[_Task]) -> list[_Task]:
    """The same file or URL named twice (say, a file and its folder) is read, or fetched, once."""
    seen: set[str] = set()
    once = []
    for task in tasks:
        location = task.spec.location
        key = (
            location
            if location == STDIN or is_url(location) or task.error
            else os.path.realpath(location)
        )
        if key in seen:
            warnings.warn(f"{location} is given twice; read once", stacklevel=1)
            continue
        seen.add(key)
        once.append(task)
    return once


def _with_location(spec: SourceSpec, location: str) -> SourceSpec:
    return SourceSpec(location, spec.outlet, spec.title, spec.date)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _kinds() -> str:
    return ", ".join(READERS)


def _override(article: Article, spec: SourceSpec, date: str | None) -> Article:
    article.outlet = spec.outlet or article.outlet
    article.title = spec.title or article.title
    article.date = date or spec.date or article.date
    return article


def _once(articles: list[Article]) -> list[Article]:
    """Drop later copies of an article: same URL, or the same text once spacing and case are
    set aside."""
    seen: dict[str, Article] = {}
    unique = []
    for article in articles:
        keys = [_text_key(article.text)] + ([_url_key(article.url)] if article.url else [])
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            warnings.warn(
                f"{article.location} is the same article as {first.location}; read once",
                stacklevel=1,
            )
            continue
        seen.update(dict.fromkeys(keys, article))
        unique.append(article)
    return unique


_WORD_RUNS = re.compile(r"\S+(?:\s+\S+){0,9999}")  # up to 10,000 words at a time


def _text_key(text: str) -> str:
    """One key for texts that differ only in case and whitespace: the hash of their words
    joined by single spaces, taken a run of words at a time (splitting a 50 MB text into
    words at once takes 700 MB)."""
    digest = hashlib.sha256()
    separator = b""
    for run in _WORD_RUNS.finditer(text):
        digest.update(separator + " ".join(run.group(0).casefold().split()).encode("utf-8"))
        separator = b" "
    return "text:" + digest.hexdigest()


def _url_key(url: str) -> str:
    """http/https, 'www.', a trailing slash and a #fragment do not make a different article."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return "url:" + urlunsplit(("", host, parts.path.rstrip("/") or "/", parts.query, ""))
