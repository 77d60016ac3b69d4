"""When a brief is made: the one place that reads the clock (or ``SOURCE_DATE_EPOCH``).

Analysis stamps the Brief with the day it was made; writers stamp the document properties
with the same moment, so a reproducible build (``SOURCE_DATE_EPOCH``) is the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os


def document_time(day: str | None = None) -> dt.datetime:
    """When a brief is made: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else ``day``
    (YYYY-MM-DD, the day it was made), else today; a day is taken at 00:00 UTC, so builds of
    one day are the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    try:
        made = dt.date.fromisoformat(day or "")
    except ValueError:
        made = dt.datetime.now(dt.UTC).date()
    return dt.datetime(made.year, made.month, made.day, tzinfo=dt.UTC)
