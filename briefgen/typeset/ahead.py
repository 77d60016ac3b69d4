"""The PDF typeset in a second process, readied while the brief is being made.

``PdfAhead.start(style_file, paper, identity)`` forks before the sources are read: the child
imports reportlab and registers the style's fonts (about a third of a second, which the
reading and analysis hide), then waits.  ``submit(blocks, info, style)`` hands it the
document, so it typesets the PDF while this process writes the other formats, and
``result()`` gives the PDF's bytes.  The bytes are the same either way (a test compares them).

Whenever the child cannot give them (it failed, warned, was interrupted or died), ``result()``
is None and the caller typesets the PDF itself: errors and warnings then read as they always
have, raised and shown once, by this process.  Forking is done only where it is safe and pays:
on Linux, with more than one core, and before any other thread has started, a numeric
library's included (a forked child gets only the thread that forked, and a lock another
thread held would never be released).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blocks import Block
    from .style import DocumentInfo, Style

_CHUNK = 1 << 16
# How long the child's PDF is waited for once the brief is handed over: the sample's takes a
# third of a second and a brief of 5,000 sources about 8 s (`briefgen render`, 27 Nov 2026); a
# child that has not answered by then hangs (a lock it inherited mid-use), and this process
# typesets the PDF after all.
WAIT_SECONDS = 60.0


class PdfAhead:
    """A forked child that typesets one PDF (see the module docstring)."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self.pid = pid  # the child's; 0 once reaped
        self._jobs = jobs  # write end: the document, pickled; closed once sent
        self._results = results  # read end: the PDF's bytes, or nothing
        self._sent = False

    @classmethod
    def start(
        cls,
        style_file: Path | None = None,
        paper: str | None = None,
        identity: Mapping[str, str | None] | None = None,
    ) -> PdfAhead | None:
        """The child, readying the fonts of that style; None where forking is not done."""
        if not (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and _one_thread()):
            return None
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns, never runs the parent's exit handlers
            code = 1
            try:
                # Ctrl-C reaches the whole process group: the child just ends (the parent,
                # whose handler the child inherited, unwinds and reports once).
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.close(jobs_write)
                os.close(results_read)
                _serve(jobs_read, results_write, style_file, paper, identity)
                code = 0
            except BaseException:  # noqa: BLE001  (the parent typesets it again and reports)
                pass
            finally:
                os._exit(code)
        os.close(jobs_read)
        os.close(results_write)
        return cls(pid, jobs_write, results_read)

    def submit(self, blocks: list[Block], info: DocumentInfo, style: Style) -> None:
        """Hand the child the document to typeset."""
        self._sent = True
        try:
            with os.fdopen(self._jobs, "wb", closefd=True) as pipe:
                pickle.dump((blocks, info, style), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass  # the child is gone: result() says so

    def result(self) -> bytes | None:
        """The PDF's bytes, or None if the child could not give them within ``WAIT_SECONDS``."""
        if not self._sent:
            self.close()
            return None
        deadline = time.monotonic() + WAIT_SECONDS
        chunks = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._results], [], [], left)[0]:
                self.close()  # it hangs: stopped, and this process typesets the PDF
                return None
            chunk = os.read(self._results, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self._results)
        self._results = -1
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        data = b"".join(chunks)
        return data if data and os.waitstatus_to_exitcode(status) == 0 else None

    def close(self) -> None:
        """Stop the child if it is still at work (the run failed or ended early) and reap it."""
        for fd in (self._jobs if not self._sent else -1, self._results):
            if fd >= 0:
                os.close(fd)
        self._sent, self._results = True, -1
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)  # it holds nothing: no file of the brief is its
            os.waitpid(self.pid, 0)
            self.pid = 0


def _one_thread() -> bool:
    """Whether this process runs one thread, counting those no Python code started (a numeric
    library's workers): Linux lists each in /proc/self/task."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _serve(
    jobs: int,
    results: int,
    style_file: Path | None,
    paper: str | None,
    identity: Mapping[str, str | None] | None,
) -> None:
    """The child's work: ready the fonts, read the document, write the PDF (nothing when
    anything warned: the parent then typesets it and shows the warning itself)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from .pdf import embedded_fonts, render_pdf
        from .style import load_style

        embedded_fonts(load_style(style_file, paper, identity).pdf_fonts)
        with os.fdopen(jobs, "rb", closefd=True) as pipe:
            job = pipe.read()
        if not job:
            return  # the parent stopped before typesetting
        blocks, info, style = pickle.loads(job)
        pdf = render_pdf(blocks, info, style)
    if caught:
        return
    with os.fdopen(results, "wb", closefd=True) as pipe:
        for start in range(0, len(pdf), _CHUNK):
            pipe.write(pdf[start : start + _CHUNK])
