"""Write stage: bytes → files, all of a brief's files or none.

Each file is first written in full to a temp file in its target folder and flushed to
disk (staged), so a full disk or a failed write changes nothing.  Then the files are
swapped in one by one: each earlier file is kept under a second, temp name (a hard link,
so the file itself is not touched) before the new one is renamed over it.  If any step
fails, the files already swapped in are put back as they were and the new ones removed,
so a failed run never leaves files from two runs side by side.  A kill (SIGKILL) can
still fall between two renames: each file is then complete, old or new.

Temp files are named ``.briefgen-<pid>-<16 hex digits>.briefgen-tmp``.  Every write first
removes such files left by a run that is gone; a file named any other way is the user's
and is never touched.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

from .errors import ProcessingError

TEMP_PREFIX = ".briefgen-"
TEMP_SUFFIX = ".briefgen-tmp"
_TEMP_NAME = re.compile(rf"{re.escape(TEMP_PREFIX)}(\d+)-[0-9a-f]{{16}}{re.escape(TEMP_SUFFIX)}")


def write_outputs(folder: Path, name: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write ``folder/name.<format>`` for each output, all or none; return the paths written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProcessingError(f"{folder}: cannot create output folder ({exc.strerror})") from None
    return _replace_all({folder / f"{name}.{fmt}": data for fmt, data in outputs.items()})


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` in one step."""
    return _replace_all({path: data})[0]


def _replace_all(files: dict[Path, bytes]) -> list[Path]:
    for folder in dict.fromkeys(path.parent for path in files):
        _remove_stale_temps(folder)
    staged: dict[Path, Path] = {}
    swapped: list[tuple[Path, Path | None]] = []
    path = next(iter(files))
    try:
        for path, data in files.items():
            staged[path] = _stage(path.parent, data)
        for path in files:
            backup = _keep(path)
            try:
                os.replace(staged[path], path)
            except BaseException:
                _unlink_quietly(backup)
                raise
            del staged[path]
            swapped.append((path, backup))
    except BaseException as exc:  # Ctrl-C too: never leave half a swap behind
        not_restored = _restore(swapped)
        for temp in staged.values():
            _unlink_quietly(temp)
        if not isinstance(exc, OSError):
            raise
        reason = f"cannot write ({exc.strerror or exc})"
        if not_restored:
            reason += f"; could not put back {', '.join(map(str, not_restored))}"
        raise ProcessingError(f"{path}: {reason}") from None
    for _, backup in swapped:
        _unlink_quietly(backup)
    return list(files)


def _stage(folder: Path, data: bytes) -> Path:
    """A flushed temp file in ``folder`` holding ``data`` (removed again if writing fails)."""
    temp = _temp_path(folder)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        _unlink_quietly(temp)
        raise
    return temp


def _keep(path: Path) -> Path | None:
    """A second name for the file at ``path`` now, to put back if the swap fails; None if there
    is none."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return None
    backup = _temp_path(path.parent)
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError:  # no hard links here (FAT, some network shares): a copy keeps the bytes
        try:
            shutil.copy2(path, backup, follow_symlinks=False)
        except BaseException:
            _unlink_quietly(backup)
            raise
    return backup


def _restore(swapped: list[tuple[Path, Path | None]]) -> list[Path]:
    """Put back what each path held before this run swapped it in; return the paths that could
    not be."""
    failed = []
    for path, backup in reversed(swapped):
        try:
            if backup is None:  # the file is new in this run
                path.unlink(missing_ok=True)
            else:
                os.replace(backup, path)
        except OSError:
            failed.append(path)
    return failed


def _temp_path(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(8)}{TEMP_SUFFIX}"


def _unlink_quietly(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a leftover temp file: the next run's sweep removes it


def _remove_stale_temps(folder: Path) -> None:
    """Delete our temp files whose writing process is gone (a run that was killed)."""
    for temp in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        match = _TEMP_NAME.fullmatch(temp.name)
        if match and not _running(int(match[1])):
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
