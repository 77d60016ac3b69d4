"""YAML the user wrote (profiles, styles, source lists) → plain data, or one clear error.

``yaml.safe_load`` runs no code, but two things in it still hurt.  An alias is shared, not
copied, so a kilobyte of nested aliases ("billion laughs") stands for billions of values:
loading is instant, and the first ``str()`` of it (a title, an author) then eats memory
until the machine gives out.  And the composer recurses once per level of nesting, so
``[[[[…`` a few hundred deep is a RecursionError.  ``load_yaml`` counts what the aliases
would expand to before building anything, and turns every failure into an ``InputError``.

``read_limited`` is how every file the user names (profile, style, source list, Word file,
attachment) is read: ``/dev/zero`` or a runaway file must end in an error, not fill memory.
``read_upto`` reads it, and standard input, so that Ctrl-C ends a wait on a pipe at once.
"""

from __future__ import annotations

import os
import select
import stat
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from .errors import InputError, unreadable

# What aliases may add to a document, in nodes plus characters of text: ample for sharing
# a few cue lists or an outlet name, far below what would take a noticeable time to copy.
ALIAS_EXPANSION_LIMIT = 1_000_000

# libyaml's parser when PyYAML was built with it (the wheels are): the default profile loads in
# 5 ms instead of 40, an eighth of the sample brief's imports.  Its results are the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MB = 1_000_000
# Far above any hand-written profile, style or source list (a 10,000-source list is ~1 MB),
# and small enough that reading and parsing it takes well under a second.
SETTINGS_FILE_LIMIT = 5 * MB
# Longest a read of a pipe waits in one go: how late, at most, Ctrl-C's handler runs when the
# signal came just before the read began (see ``read_upto``).
POLL_SECONDS = 0.1
_CHUNK = 1 << 16


def read_limited(path: Path, where: str, limit: int = SETTINGS_FILE_LIMIT) -> bytes:
    """The bytes of ``path``, or an ``InputError`` beginning ``where`` if it cannot be read
    or holds more than ``limit`` bytes.  The size is found by reading, not by ``stat``:
    a device or a pipe reports size 0 however much it would give."""
    try:
        with open(path, "rb") as handle:
            data = read_upto(handle, limit + 1)
    except OSError as exc:
        raise unreadable(where, exc) from None
    if len(data) > limit:
        raise InputError(f"{where}: over the {limit / MB:g} MB limit")
    return data


def read_upto(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream`` (not read from before), up to its end.

    A pipe, a terminal or a socket is read as its bytes come, waiting for them in ``select``
    ``POLL_SECONDS`` at a time.  A signal that arrives as the process enters a blocking read
    (Ctrl-C the moment a named pipe opens) is taken by the C runtime at once, but its Python
    handler runs only at the interpreter's next instruction, and the read, begun after it,
    is not interrupted by it: a plain read would wait for input that may never come.  A
    regular file never waits, and is read at once.
    """
    try:
        fd = stream.fileno()
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except (OSError, ValueError, AttributeError):  # no descriptor: an in-memory stream
        return stream.read(limit)
    if regular or os.name != "posix":  # select() takes no pipe on Windows
        return stream.read(limit)
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if not select.select([fd], [], [], POLL_SECONDS)[0]:
            continue  # Python's turn: a pending handler runs here
        chunk = os.read(fd, min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def load_yaml(text: str, where: str) -> Any:
    """The data of the YAML document ``text``; ``where`` begins every error message."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_aliases(node, where)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0]
        if "nesting depth" in (getattr(exc, "problem", None) or ""):  # libyaml's limit on [[[…
            reason = "nested too deeply"
        raise InputError(f"{where}: not valid YAML ({reason})") from None
    except RecursionError:
        raise InputError(f"{where}: not valid YAML (nested too deeply)") from None
    except ValueError as exc:  # a scalar that looks like a timestamp but is no date: 2025-02-30
        raise InputError(f"{where}: not valid YAML ({exc})") from None
    finally:
        loader.dispose()


def _check_aliases(root: yaml.Node, where: str) -> None:
    """Refuse a node graph whose aliases loop or would expand it past the limit."""
    expanded: dict[int, int] = {}  # id(node) → its size with every alias written out
    open_nodes: set[int] = set()  # the nodes being sized: meeting one again is a loop
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # depth first without recursion: the graph may be deeper than Python's stack
        node, children_sized = stack.pop()
        key = id(node)
        if children_sized:
            open_nodes.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
        elif key in open_nodes:
            raise InputError(f"{where}: an alias refers to a node that contains it")
        elif key not in expanded:
            if isinstance(node, yaml.ScalarNode):
                expanded[key] = 1 + len(node.value)
                continue
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    written = sum(
        1 + len(n.value) if isinstance(n, yaml.ScalarNode) else 1 for n in _distinct(root)
    )
    if expanded[id(root)] - written > ALIAS_EXPANSION_LIMIT:
        raise InputError(
            f"{where}: its aliases (*name) would expand it by over {ALIAS_EXPANSION_LIMIT:,} "
            "values and characters; write the repeated parts out"
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _distinct(root: yaml.Node) -> list[yaml.Node]:
    """Each node once, however many aliases point to it: the document as written."""
    seen: dict[int, yaml.Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen[id(node)] = node
            stack.extend(_children(node))
    return list(seen.values())
