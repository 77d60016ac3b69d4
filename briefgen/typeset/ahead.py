"""The PDF and the DOCX typeset in forked processes, readied while the brief is being made.

``TypesetAhead.start(formats, template_dir, style_file, paper, identity)`` forks, before the
sources are read, one child for each of ``AHEAD_FORMATS`` asked for: it imports its writer
and the Markdown stack, compiles the templates (and the PDF's registers the style's fonts),
which the reading and analysis hide, then waits.  ``submit(brief, template_dir, style,
reference_docx, marking)`` hands every child the brief, so each typesets its format while
this process writes the others, and ``result(fmt)`` gives that format's bytes.  This process
then never imports a writer nor prints the Markdown for them.  The bytes are the same either
way (a test compares them): a child calls the very :func:`briefgen.typeset.render` this
process would.

Whenever a child cannot give them (it failed, warned, was interrupted or died), ``result``
is None and the caller typesets that format itself: errors and warnings then read as they
always have, raised and shown once, by this process.  Forking is done only where it is safe
and pays: on Linux, with more than one core, and before any other thread has started, a
numeric library's included (a forked child gets only the thread that forked, and a lock
another thread held would never be released).
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Brief
    from .style import Style

# The formats a build writes by default, whose writers take longest to import (reportlab
# about a fifth of a second, python-docx a twentieth) and to run.
AHEAD_FORMATS = ("pdf", "docx")
# The children ready themselves at a lower priority: on two cores this process, which makes
# the brief they wait for, keeps one to itself.  The sample's build, 15 alternating runs each,
# 27 Nov 2026: median 1.06 s with the PDF's child alone (the blocks made here), 0.95 s with
# both children at this niceness, 1.02 s with both at the parent's.
NICENESS = 10
_CHUNK = 1 << 16
# How long a child's bytes are waited for once the brief is handed over: the sample's PDF
# takes a sixth of a second and a brief of 5,000 sources about 8 s (`briefgen render`, 27 Nov
# 2026); a child that has not answered by then hangs (a lock it inherited mid-use), and this
# process typesets that format after all.
WAIT_SECONDS = 60.0


# Every child forked and not yet reaped, whichever TypesetAhead it serves: an interrupted run that
# cannot wait to unwind kills them (:func:`kill_children`) rather than leave them holding its
# standard error open.
_LIVE: set[int] = set()


@dataclass
class _Child:
    pid: int  # 0 once reaped
    jobs: int  # write end: the brief, pickled; -1 once closed
    results: int  # read end: the format's bytes, or nothing; -1 once closed


class TypesetAhead:
    """Forked children that each typeset one format of one brief (see the module docstring)."""

    def __init__(self, children: dict[str, _Child]) -> None:
        self._children = children
        self._sent = False

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats a child typesets."""
        return tuple(self._children)

    def pid(self, fmt: str) -> int:
        """The process typesetting ``fmt``; 0 once it is reaped."""
        return self._children[fmt].pid

    @classmethod
    def start(
        cls,
        formats: list[str] | tuple[str, ...],
        template_dir: Path | None = None,
        style_file: Path | None = None,
        paper: str | None = None,
        identity: Mapping[str, str | None] | None = None,
    ) -> TypesetAhead | None:
        """A child for each of ``formats`` in ``AHEAD_FORMATS``, readying its writer; None when
        there is none or forking is not done here."""
        wanted = [fmt for fmt in AHEAD_FORMATS if fmt in formats]
        if not (
            wanted
            and sys.platform.startswith("linux")
            and (os.cpu_count() or 1) > 1
            and _one_thread()
        ):
            return None
        children: dict[str, _Child] = {}
        for fmt in wanted:
            jobs_read, jobs_write = os.pipe()
            results_read, results_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns, never runs the parent's exit handlers
                code = 1
                try:
                    # Ctrl-C reaches the whole process group: the child just ends (the parent,
                    # whose handler the child inherited, unwinds and reports once).
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                    # An earlier child's pipe ends held open here would keep it from ever
                    # reading the end of its job.
                    for fd in (jobs_write, results_read) + tuple(
                        fd for child in children.values() for fd in (child.jobs, child.results)
                    ):
                        os.close(fd)
                    os.nice(NICENESS)
                    _serve(fmt, jobs_read, results_write, template_dir, style_file, paper, identity)
                    code = 0
                except BaseException:  # noqa: BLE001  (the parent typesets it again and reports)
                    pass
                finally:
                    os._exit(code)
            _LIVE.add(pid)
            os.close(jobs_read)
            os.close(results_write)
            children[fmt] = _Child(pid, jobs_write, results_read)
        return cls(children)

    def submit(
        self,
        brief: Brief,
        template_dir: Path | None,
        style: Style,
        reference_docx: Path | None,
        marking: str | None,
    ) -> None:
        """Hand every child the brief and how to typeset it."""
        self._sent = True
        job = pickle.dumps(
            (brief, template_dir, style, reference_docx, marking), protocol=pickle.HIGHEST_PROTOCOL
        )
        for child in self._children.values():
            try:
                with os.fdopen(child.jobs, "wb", closefd=True) as pipe:
                    pipe.write(job)
            except OSError:
                pass  # the child is gone: result() says so
            child.jobs = -1

    def result(self, fmt: str) -> bytes | None:
        """The bytes of ``fmt``, or None if no child typesets it or it could not give them
        within ``WAIT_SECONDS``."""
        if not self._sent:
            self.close()
            return None
        child = self._children.get(fmt)
        if child is None or child.results < 0:
            return None  # none typesets it, or it was asked before
        deadline = time.monotonic() + WAIT_SECONDS
        chunks = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([child.results], [], [], left)[0]:
                _stop(child)  # it hangs: stopped, and this process typesets the format
                return None
            chunk = os.read(child.results, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(child.results)
        child.results = -1
        _, status = os.waitpid(child.pid, 0)
        _LIVE.discard(child.pid)
        child.pid = 0
        data = b"".join(chunks)
        return data if data and os.waitstatus_to_exitcode(status) == 0 else None

    def close(self) -> None:
        """Stop every child still at work (the run failed or ended early) and reap it."""
        self._sent = True
        for child in self._children.values():
            _stop(child)


def _stop(child: _Child) -> None:
    """Close the child's pipes, kill it if it still runs, and reap it."""
    for fd in (child.jobs, child.results):
        if fd >= 0:
            os.close(fd)
    child.jobs = child.results = -1
    if child.pid:
        os.kill(child.pid, signal.SIGKILL)  # it holds nothing: no file of the brief is its
        os.waitpid(child.pid, 0)
        _LIVE.discard(child.pid)
        child.pid = 0


def kill_children() -> None:
    """Kill every child still running, without waiting: this process is about to exit at once
    (Ctrl-C, see :func:`briefgen.cli._exit_interrupted`)."""
    for pid in list(_LIVE):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass  # gone already
    _LIVE.clear()


def _one_thread() -> bool:
    """Whether this process runs one thread, counting those no Python code started (a numeric
    library's workers): Linux lists each in /proc/self/task."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _serve(
    fmt: str,
    jobs: int,
    results: int,
    template_dir: Path | None,
    style_file: Path | None,
    paper: str | None,
    identity: Mapping[str, str | None] | None,
) -> None:
    """The child's work: ready the writer and the templates, read the brief, write ``fmt``
    (nothing when anything warned: the parent then typesets it and shows the warning itself)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from . import blocks, render  # noqa: F401  (imported now, while waiting)
        from .markdown import ready_templates
        from .style import load_style

        writer = importlib.import_module(f".{fmt}", __package__)
        if fmt == "pdf":
            writer.embedded_fonts(load_style(style_file, paper, identity).pdf_fonts)
        ready_templates(template_dir)
        with os.fdopen(jobs, "rb", closefd=True) as pipe:
            job = pipe.read()
        if not job:
            return  # the parent stopped before typesetting
        brief, folder, style, reference_docx, marking = pickle.loads(job)
        data = render(brief, [fmt], folder, style, reference_docx, marking)[fmt]
    if caught:
        return
    with os.fdopen(results, "wb", closefd=True) as pipe:
        for start in range(0, len(data), _CHUNK):
            pipe.write(data[start : start + _CHUNK])
