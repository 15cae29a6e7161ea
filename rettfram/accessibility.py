"""What the accessibility statement (tilgjengelighetserklæring) on every site says was measured.

``accessibility.json`` holds the figures of the last run of the browser tests on the example
sites (``tests/sites/test_accessibility.py``, ``test_keyboard.py``, ``test_links.py``): the date,
the tool, the standard, how many pages, at which widths and colour schemes, and what was found.
Those tests fail when the file no longer says what they measure, so the statement cannot drift
from the tests; the date says when someone last ran them and recorded the result.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MEASURED = Path(__file__).resolve().parent / "accessibility.json"


@dataclass(frozen=True)
class Measured:
    measured: dt.date
    tool: str
    standard: str
    pages: int
    views: tuple[str, ...]
    schemes: tuple[str, ...]
    violations: int
    keyboard: bool
    broken_links: int


@lru_cache(maxsize=1)
def measured() -> Measured:
    data = json.loads(MEASURED.read_text("utf-8"))
    return Measured(
        measured=dt.date.fromisoformat(data["measured"]),
        tool=data["tool"],
        standard=data["standard"],
        pages=int(data["pages"]),
        views=tuple(data["views"]),
        schemes=tuple(data["schemes"]),
        violations=int(data["violations"]),
        keyboard=bool(data["keyboard"]),
        broken_links=int(data["broken_links"]),
    )
