"""Today's date, in one place, so tests and reproducible builds can pin it.

``RETTFRAM_TODAY=2026-11-21`` pins the date; otherwise ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention) does; otherwise it is the real date. Both are parsed and
checked in ``rettfram.environment``.
"""

from __future__ import annotations

import datetime as dt

from rettfram import environment


def today() -> dt.date:
    pinned = environment.value("RETTFRAM_TODAY")
    if isinstance(pinned, dt.date):
        return pinned
    epoch = environment.value("SOURCE_DATE_EPOCH")
    if isinstance(epoch, int):
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()
    return dt.date.today()
