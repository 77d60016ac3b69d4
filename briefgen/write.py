"""Write stage: bytes → files, atomically.

Each file is written to a temporary file in the target folder, flushed to disk, then
renamed over the target, so a reader (or a crash) sees the old complete file or the new
complete one, never half of either.  ``write_outputs`` writes every file of a brief only
after all of them rendered.  Every write first removes the temp files a killed earlier
run left in its folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ProcessingError

TEMP_PREFIX = ".briefgen-"
TEMP_SUFFIX = ".part"


def write_outputs(folder: Path, name: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write ``folder/name.<format>`` for each output; return the paths written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProcessingError(f"{folder}: cannot create output folder ({exc.strerror})") from None
    return [write_atomic(folder / f"{name}.{fmt}", data) for fmt, data in outputs.items()]


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` in one step."""
    _remove_stale_temps(path.parent)
    fd, temp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ProcessingError(f"{path}: cannot write ({exc.strerror})") from None
    return path


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
