"""Read stage: what the user points at (files, folders) → ``Article`` objects.

``read_sources(locations)`` expands folders (recursively, in sorted order), reads each
file with the reader for its type and returns the articles in that order.  A source that
cannot be read raises ``InputError`` naming the source and the reason.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Article
from .text import read_text_file

READERS = {".txt": read_text_file, ".md": read_text_file}


def read_sources(locations: list[str], date: str | None = None) -> list[Article]:
    """Read every source under ``locations``; ``date`` (ISO) overrides each article's date."""
    paths = _expand(locations)
    if not paths:
        raise InputError("no sources given")
    articles = []
    for path in paths:
        article = READERS[path.suffix.lower()](path)
        if date:
            article.date = date
        articles.append(article)
    return articles


def _expand(locations: list[str]) -> list[Path]:
    paths: list[Path] = []
    for location in locations:
        path = Path(location)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            if not found:
                kinds = ", ".join(sorted(READERS))
                raise InputError(f"{location}: folder holds no readable sources ({kinds})")
            paths.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in READERS:
                raise InputError(f"{location}: unsupported file type {path.suffix or '(none)'!r}")
            paths.append(path)
        else:
            raise InputError(f"{location}: no such file or folder")
    return paths
