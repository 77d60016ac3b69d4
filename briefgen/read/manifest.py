"""A list of sources in a file (``--sources FILE``) → SourceSpec entries.

Three forms, by extension:

- ``.yaml`` / ``.yml``: a list whose entries are a path or URL, or a mapping with
  ``source`` (or ``url`` / ``path``) and optional ``outlet``, ``title``, ``date``;
- ``.csv``: a header row naming the columns ``source`` (or ``url`` / ``path``) and
  optionally ``outlet``, ``title``, ``date``;
- anything else: one path or URL a line; blank lines and lines starting with ``#`` skipped.

Relative paths are taken from the manifest's own folder, so a manifest travels with its files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..yamlsafe import load_yaml, read_limited
from .encoding import decode
from .url import is_url

_LOCATION_KEYS = ("source", "url", "path")
_OVERRIDES = ("outlet", "title", "date")


@dataclass
class SourceSpec:
    """One source the user named, with what they say about it (overriding what it says)."""

    location: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None


def read_manifest(path: Path) -> list[SourceSpec]:
    """The sources listed in ``path``, in order."""
    text = decode(read_limited(path, f"source list {path}"), str(path))
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        entries = _yaml_entries(text, path)
    elif suffix == ".csv":
        try:
            entries = list(csv.DictReader(io.StringIO(text)))
        except csv.Error as exc:  # a field over csv's 128 kB limit, a stray quote in strict mode
            raise InputError(f"{path}: not a readable CSV ({exc})") from None
    else:
        entries = [
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
    specs = [_spec(entry, path, n) for n, entry in enumerate(entries, 1)]
    if not specs:
        raise InputError(f"{path}: the source list is empty")
    return specs


def _yaml_entries(text: str, path: Path) -> list:
    data = load_yaml(text, str(path))
    if isinstance(data, dict) and isinstance(data.get("sources"), list):
        data = data["sources"]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of sources")
    return data


def _spec(entry: object, manifest: Path, n: int) -> SourceSpec:
    where = f"{manifest}: entry {n}"
    if isinstance(entry, str):
        entry = {"source": entry}
    if not isinstance(entry, dict):
        raise InputError(f"{where} is neither a path/URL nor a mapping")
    if any(
        isinstance(v, (dict, list)) for k, v in entry.items() if k is not None
    ):  # None: a CSV row's extra cells
        raise InputError(f"{where}: each field should be text, not a list or mapping")
    fields = {
        str(k).strip().lower(): ("" if v is None else str(v).strip())
        for k, v in entry.items()
        if k is not None
    }
    location = next((fields[k] for k in _LOCATION_KEYS if fields.get(k)), "")
    if not location:
        raise InputError(f"{where} has no source (give 'source', 'url' or 'path')")
    unknown = set(fields) - set(_LOCATION_KEYS) - set(_OVERRIDES)
    if unknown:
        raise InputError(
            f"{where} has unknown field {sorted(unknown)[0]!r} (known: source, outlet, title, date)"
        )
    date = fields.get("date") or None
    if date:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise InputError(f"{where}: {date!r} is not a date (YYYY-MM-DD)") from None
    if not is_url(location) and location != "-" and not Path(location).is_absolute():
        location = str(manifest.parent / location)
    return SourceSpec(location, fields.get("outlet") or None, fields.get("title") or None, date)
