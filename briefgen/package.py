"""Word files (zip packages) read within bounds, wherever one enters: a source, a
``--reference-docx``, or a brief that ``send`` attaches.

python-docx unpacks every part into memory, so a small zip that inflates to gigabytes (or
whose directory understates its parts' sizes) must be refused before python-docx sees it.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from .errors import InputError
from .yamlsafe import read_limited

MAX_FILE_BYTES = 50_000_000  # the default largest source; a Word brief or template is far smaller
MAX_UNPACKED_BYTES = 300_000_000  # what a Word file may inflate to


def read_package(path: Path, what: str) -> bytes:
    """The bytes of the Word file at ``path``, checked (:func:`check_unpacked`); ``what``
    names it in errors ("reference document x.docx")."""
    raw = read_limited(path, what, MAX_FILE_BYTES)
    check_unpacked(raw, what)
    return raw


def check_unpacked(raw: bytes, what: str) -> None:
    """Refuse a package that unpacks to more than ``MAX_UNPACKED_BYTES`` (or is no zip)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        unpacked = sum(info.file_size for info in package.infolist())
        if unpacked <= MAX_UNPACKED_BYTES:
            unpacked = _really_unpacked(package, MAX_UNPACKED_BYTES)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise InputError(f"{what}: not a readable Word document ({type(exc).__name__})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{what}: unpacks to {unpacked / 1e6:.0f} MB, "
            f"over the {MAX_UNPACKED_BYTES / 1e6:.0f} MB a Word file may hold"
        )


def _really_unpacked(package: zipfile.ZipFile, limit: int) -> int:
    """The bytes the parts really unpack to, counted in small steps up to just past ``limit``.

    The sizes a zip's directory gives can lie; zipfile, and so python-docx, then inflates
    a part's whole compressed data in one call before cutting it to the stated size, which
    for a 50 MB zip can take tens of GB of memory.
    """
    total = 0
    for info in package.infolist():
        probe = copy.copy(info)
        probe.file_size = limit + 1  # read on past an understated size
        with package.open(probe) as part:
            while chunk := part.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    return total
    return total
