"""Where a user keeps their own briefgen files (profiles now; settings may follow).

``config_dir()`` is briefgen's folder in the user's configuration folder:

- Windows: ``%APPDATA%\\briefgen``;
- elsewhere (Linux, the BSDs, macOS): ``$XDG_CONFIG_HOME/briefgen``, else
  ``~/.config/briefgen``: where command-line tools keep their settings on macOS too, and
  where ``briefgen.toml`` (its ``[smtp]`` table) is already looked for.

Nothing here creates the folder: it is only looked in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP = "briefgen"


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
