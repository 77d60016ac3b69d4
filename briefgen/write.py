"""Write stage: bytes → files, atomically.

Each file is written to a temporary file in the target folder, flushed to disk, then
renamed over the target, so a reader (or a crash) sees the old complete file or the new
complete one, never half of either.  ``write_outputs`` writes every file of a brief only
after all of them rendered, and renames them only after all of them are on disk.  Every
write first removes the temp files a killed earlier run left in its folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ProcessingError

TEMP_PREFIX = ".briefgen-"
TEMP_SUFFIX = ".part"


def write_outputs(folder: Path, name: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write ``folder/name.<format>`` for each output; return the paths written.

    Every file is staged (written and flushed as a temp file) before the first is renamed
    into place, so a full disk or a failed write changes nothing, and a crash can only
    fall between renames, not between writes.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProcessingError(f"{folder}: cannot create output folder ({exc.strerror})") from None
    return _replace_all({folder / f"{name}.{fmt}": data for fmt, data in outputs.items()})


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` in one step."""
    return _replace_all({path: data})[0]


def _replace_all(files: dict[Path, bytes]) -> list[Path]:
    staged: list[tuple[str, Path]] = []
    path = next(iter(files))
    try:
        for path, data in files.items():
            _remove_stale_temps(path.parent)
            staged.append((_stage(path.parent, data), path))
        for temp, path in staged:
            os.replace(temp, path)
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise ProcessingError(f"{path}: cannot write ({exc.strerror})") from None
    return list(files)


def _stage(folder: Path, data: bytes) -> str:
    """A flushed temp file in ``folder`` holding ``data`` (removed again if writing fails)."""
    fd, temp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


def _remove_stale_temps(folder: Path) -> None:
    """Delete temp files whose writing process is gone (a run that was killed)."""
    for temp in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        pid = temp.name.removeprefix(TEMP_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or not _running(int(pid)):
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass  # another user's leftover in a shared folder: theirs to clean, not our failure


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
