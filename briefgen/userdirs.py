"""Where a user keeps their own briefgen files: settings (``briefgen.toml``) and profiles.

``config_dir()`` is briefgen's folder in the user's configuration folder:

- Windows: ``%APPDATA%\\briefgen``;
- elsewhere (Linux, the BSDs, macOS): ``$XDG_CONFIG_HOME/briefgen``, else
  ``~/.config/briefgen``: where command-line tools keep their settings on macOS too.

Nothing here creates the folder: it is only looked in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP = "briefgen"
PROFILE_SUFFIXES = (".yaml", ".yml")


def config_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """briefgen's folder in the user's configuration folder (see the module docstring).

    ``environ`` (default ``os.environ``) and ``platform`` (default ``sys.platform``) are
    parameters so that tests can ask about another user or system.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform == "win32" and environ.get("APPDATA"):
        return Path(environ["APPDATA"]) / APP
    xdg = environ.get("XDG_CONFIG_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec: a relative path is to be ignored
        return Path(xdg) / APP
    home = environ.get("HOME") or str(Path.home())
    return Path(home) / ".config" / APP


def is_path(text: str) -> bool:
    """Whether ``text`` (a ``--profile`` value) is a file's path rather than a name to look
    up: it holds a folder, starts with a dot or ends in ``.yaml``/``.yml``."""
    return not text or (
        Path(text).suffix in (".yaml", ".yml")
        or "/" in text
        or "\\" in text
        or text.startswith(".")
    )
