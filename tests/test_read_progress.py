"""The progress line: shown for big or slow work, with counts and rate; silent otherwise."""

from __future__ import annotations

import io
import time

from briefgen.progress import MANY, SLOW, Progress


def _run(total: int, enabled: bool = True, pause: float = 0.0) -> str:
    stream = io.StringIO()
    bar = Progress("reading", total, enabled=enabled, stream=stream)
    for done in range(1, total + 1):
        if pause:
            time.sleep(pause)
        bar.update(done)
    bar.close()
    return stream.getvalue()


def test_many_items_show_counts_and_rate():
    lines = _run(MANY + 1).splitlines()
    assert lines[-1].startswith(f"reading [{'#' * 24}] {MANY + 1}/{MANY + 1} ")
    assert lines[-1].split()[3].endswith("/s")
    assert len(lines) <= 2  # not one line per item in a log


def test_few_fast_items_show_nothing_and_disabled_never_shows():
    assert _run(MANY) == ""
    assert _run(MANY + 100, enabled=False) == ""


def test_slow_work_shows_even_for_few_items():
    assert "2/2" in _run(2, pause=SLOW * 0.6)
