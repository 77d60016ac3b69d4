"""Settings files: ``briefgen.toml`` in the user's config folder and in the working folder.

``load_config()`` reads both, the working folder's over the user's key by key (a project's
file changes the profile without hiding the user's mail server), and returns each setting
with the file it came from.  Two tables:

``[build]``
    defaults for the options of ``build``, ``extract``, ``render`` and ``send``, each by its
    flag's long name: ``max-words = 600``, ``format = ["docx", "pdf", "html"]``,
    ``style = "office.yaml"``.  Paths are relative to the file that names them (``~`` is
    the home folder), so a user's file works from any folder.  Options that differ on every
    run (title, date, name, ...) are not settings.
``[smtp]``
    the mail server, read by :mod:`briefgen.deliver.smtp`.

The command line gives the order: a flag over the environment (``BRIEFGEN_MAX_WORDS``:
``env_name``) over these files over the built-in default.  ``briefgen config show`` prints
what is in force and where each value came from.  Nothing here creates a file or a folder.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, unreadable
from .userdirs import config_dir, is_path

CONFIG_NAME = "briefgen.toml"
# Build settings, in the order 'config show' prints them; the values are their JSON Schemas.
_TEXT = {"type": "string", "minLength": 1, "description": "should be text"}
_ADDRESSES = {
    "type": ["string", "array"],
    "items": _TEXT,
    "description": "should be an address or a list of addresses",
}
_COUNT = {"type": "integer", "minimum": 1, "description": "should be a whole number from 1"}
_POSITIVE = {"type": "number", "exclusiveMinimum": 0, "description": "should be a number above 0"}
_FLAG = {"type": "boolean", "description": "should be true or false"}
BUILD_SCHEMA: dict[str, dict[str, Any]] = {
    "profile": _TEXT,
    "max-words": {
        "type": "integer",
        "minimum": 50,  # api.MIN_MAX_WORDS: the bottom line alone keeps 50 words
        "description": "should be a whole number from 50",
    },
    "format": {
        "type": ["string", "array"],
        "items": _TEXT,
        "description": "should be formats, as 'docx,pdf' or a list",
    },
    "output": _TEXT,
    "template": _TEXT,
    "style": _TEXT,
    "paper": {"enum": ["a4", "letter"]},
    "reference-docx": _TEXT,
    "marking": _TEXT,
    "author": _TEXT,
    "organisation": _TEXT,
    "handling": _TEXT,
    "sources": _TEXT,
    "keep-going": _FLAG,
    "quiet": _FLAG,
    "jobs": _COUNT,
    "max-source-mb": _POSITIVE,
    "max-sources": _COUNT,
    "url-max-mb": _POSITIVE,
    "url-timeout": _POSITIVE,
    "email-to": _ADDRESSES,
    "email-cc": _ADDRESSES,
}
BUILD_KEYS = tuple(BUILD_SCHEMA)
# Keys naming a file or folder: relative to the settings file that gives them.
PATH_KEYS = frozenset({"output", "template", "style", "reference-docx", "sources"})
# Addresses hold spaces ("Name <a@b>"), which is how click splits a variable into values.
NO_ENVIRONMENT = frozenset({"email-to", "email-cc"})
# Options that are not settings, with where they belong instead.
_PER_RUN = ("title", "date", "name", "eml", "email-subject")
_MAIL = ("email-from", "from", "smtp", "tls", "user", "cafile", "smtp-timeout")
SMTP_KEYS = ("host", "port", "tls", "user", "password", "cafile", "timeout", "from")
_SMTP_VALUE = {"type": ["string", "integer", "number"], "description": "should be text or a number"}


@dataclass(frozen=True)
class Setting:
    """One value of a settings file, and the file's path (what 'config show' prints)."""

    value: Any
    origin: str


@dataclass(frozen=True)
class Config:
    """The settings of every file found: ``build`` and ``smtp`` by key, and the files looked
    for (lowest precedence first) whether or not they exist."""

    build: dict[str, Setting]
    smtp: dict[str, Setting]
    looked: tuple[Path, ...]


def env_name(key: str) -> str:
    """The environment variable of a build setting: ``max-words`` → ``BRIEFGEN_MAX_WORDS``."""
    return "BRIEFGEN_" + key.upper().replace("-", "_")


def config_paths(cwd: Path | None = None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where ``briefgen.toml`` is looked for, the one that wins last: the user's config
    folder's, then the working folder's."""
    paths = [config_dir(environ) / CONFIG_NAME, (cwd or Path.cwd()) / CONFIG_NAME]
    if paths[0].resolve() == paths[1].resolve():  # working in the config folder: one file
        paths.pop()
    return paths


def load_config(cwd: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Every ``briefgen.toml`` found (see :func:`config_paths`), merged key by key.

    Raises ``InputError`` naming the file and the key for a file that cannot be read, is
    not TOML, or holds an unknown table, key or a value of the wrong type.
    """
    looked = config_paths(cwd, environ)
    build: dict[str, Setting] = {}
    smtp: dict[str, Setting] = {}
    for path in looked:
        if not path.is_file():
            continue
        data = _read(path)
        for key, value in data.get("build", {}).items():
            build[key] = Setting(_resolve(key, value, path.parent), str(path))
        for key, value in data.get("smtp", {}).items():
            smtp[key] = Setting(value, str(path))
    return Config(build, smtp, tuple(looked))


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise unreadable(str(path), exc) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:  # tomllib decodes as it parses; TOML is UTF-8
        raise InputError(f"{path}: not valid TOML (not UTF-8 text)") from None
    _check(path, data)
    if "password" in data.get("smtp", {}) and _readable_by_others(path):
        warnings.warn(
            f"{path} holds a password and others can read it (chmod 600 {path})", stacklevel=3
        )
    return data


def _check(path: Path, data: dict[str, Any]) -> None:
    """Refuse what a run would otherwise ignore: an unknown table or key, a wrong type."""
    from .validate import check

    build = data.get("build")
    if isinstance(build, dict):
        for key in build:
            if key in _PER_RUN:
                raise InputError(
                    f"{path}: {key} in [build] is given per run (--{key}), not as a setting"
                )
            if key in _MAIL:
                raise InputError(f"{path}: {key} in [build] belongs in the [smtp] table")
    check(data, _schema(), str(path))


def _schema() -> dict[str, Any]:
    from .validate import DRAFT

    def table(properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "should be a table",
            "properties": properties,
            "additionalProperties": False,
        }

    return {
        "$schema": DRAFT,
        **table(
            {"build": table(BUILD_SCHEMA), "smtp": table(dict.fromkeys(SMTP_KEYS, _SMTP_VALUE))}
        ),
    }


def _resolve(key: str, value: Any, folder: Path) -> Any:
    """A path setting made absolute against its file's folder; a profile too when it is a
    path rather than a name (the same test as ``--profile``)."""
    if key in PATH_KEYS or (key == "profile" and is_path(value)):
        return str(folder / Path(value).expanduser())
    return value


def _readable_by_others(path: Path) -> bool:
    return os.name == "posix" and bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))
