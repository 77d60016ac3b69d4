"""A progress line on stderr for work over many items: counts, rate, elapsed time.

It appears only when the work is big (more than ``MANY`` items) or slow (still running
after ``SLOW`` seconds), never on stdout.  On a terminal it redraws one line in place; in
a log (stderr not a terminal) it writes a line every ``LOG_EVERY`` seconds and at the end.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MANY = 20
SLOW = 1.0
REDRAW_EVERY = 0.1
LOG_EVERY = 5.0


class Progress:
    """Counts done items of ``total``; call ``update(done)`` often and ``close()`` once."""

    def __init__(
        self, label: str, total: int, enabled: bool = True, stream: TextIO | None = None
    ) -> None:
        self.label = label
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.done = 0
        self.shown_at: float | None = None
        self.shown_done = -1
        self.terminal = self.stream.isatty()

    def update(self, done: int) -> None:
        """Record ``done`` items finished (never fewer than before); redraw if the line is due."""
        self.done = max(self.done, done)
        now = time.monotonic()
        if not self.enabled or (self.total <= MANY and now - self.started < SLOW):
            return
        every = REDRAW_EVERY if self.terminal else LOG_EVERY
        if self.shown_at is None or now - self.shown_at >= every:
            self._show(now, final=False)

    def close(self) -> None:
        """End the line: the final count, if the line was shown or the work was big."""
        if not self.enabled or (self.shown_at is None and self.total <= MANY):
            return
        if self.shown_done != self.done:
            self._show(time.monotonic(), final=True)
        elif self.terminal:
            self.stream.write("\n")
            self.stream.flush()

    def _show(self, now: float, final: bool) -> None:
        elapsed = max(now - self.started, 1e-6)
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        line = (
            f"{self.label} [{bar}] {self.done}/{self.total} "
            f"{self.done / elapsed:.1f}/s {elapsed:.1f} s"
        )
        if self.terminal:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown_at = now
        self.shown_done = self.done
