"""Today's date, in one place, so tests and reproducible builds can pin it.

``RETTFRAM_TODAY=2026-11-21`` pins the date; otherwise ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention) does; otherwise it is the real date.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    pinned = os.environ.get("RETTFRAM_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()
