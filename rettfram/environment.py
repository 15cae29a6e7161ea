"""The environment variables Rettfram reads, each parsed and checked in one place.

``python build.py`` checks them all before any command runs (``cli.main``): a value that does
not parse stops the command with a message in Norwegian and English and exit 2, instead of
being ignored or reaching MkDocs (which fails on a ``SOURCE_DATE_EPOCH`` it cannot read).

| variable | value |
|---|---|
| ``RETTFRAM_TODAY`` | ``YYYY-MM-DD``: pins "today" |
| ``SOURCE_DATE_EPOCH`` | whole seconds since 1970-01-01 UTC, up to the end of year 9999 |
| ``RETTFRAM_BUILD_PAUSE`` | seconds to wait after each municipality, 0–3600 |
| ``RETTFRAM_DEBUG`` | any value: an internal error shows its traceback |
| ``RETTFRAM_CACHE_DIR`` | a folder for the compiled rules (``disk_cache.py``), or ``off`` |
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from rettfram.text import Text

MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second datetime (and MkDocs) can show
MAX_PAUSE = 3600.0
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class EnvironmentProblem(Exception):
    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


def _date(raw: str) -> dt.date:
    if not _DATE.fullmatch(raw):
        raise ValueError(raw)
    return dt.date.fromisoformat(raw)


def _epoch(raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_EPOCH:
        raise ValueError(raw)
    return int(raw)


def _pause(raw: str) -> float:
    value = float(raw)
    if not 0 <= value <= MAX_PAUSE:
        raise ValueError(raw)
    return value


def _folder(raw: str) -> str:
    if "\0" in raw or len(raw) > 4096:
        raise ValueError(raw)
    return raw


@dataclass(frozen=True)
class Variable:
    name: str
    parse: Callable[[str], object]
    expected: Text


VARIABLES = {
    "RETTFRAM_TODAY": Variable(
        "RETTFRAM_TODAY", _date, Text("en dato som 2026-11-21", "a date like 2026-11-21", "ein dato som 2026-11-21")
    ),
    "SOURCE_DATE_EPOCH": Variable(
        "SOURCE_DATE_EPOCH",
        _epoch,
        Text(
            f"et helt antall sekunder siden 1970-01-01, høyst {MAX_EPOCH}",
            f"a whole number of seconds since 1970-01-01, at most {MAX_EPOCH}",
            f"eit heilt tal sekund sidan 1970-01-01, høgst {MAX_EPOCH}",
        ),
    ),
    "RETTFRAM_BUILD_PAUSE": Variable(
        "RETTFRAM_BUILD_PAUSE",
        _pause,
        Text(
            "et antall sekunder fra 0 til 3600", "a number of seconds from 0 to 3600", "eit tal sekund frå 0 til 3600"
        ),
    ),
    "RETTFRAM_CACHE_DIR": Variable(
        "RETTFRAM_CACHE_DIR", _folder, Text("en mappe, eller off", "a folder, or off", "ei mappe, eller off")
    ),
}
PROBLEM = Text(
    "Miljøvariabelen {name}={value!r} kan ikke brukes: forventet {expected}.",
    "The environment variable {name}={value!r} cannot be used: expected {expected}.",
    "Miljøvariabelen {name}={value!r} kan ikkje brukast: venta {expected}.",
)


def value(name: str) -> object | None:
    """The parsed value of ``name``, None when it is unset or empty; raises EnvironmentProblem."""
    raw = os.environ.get(name, "")
    if not raw:
        return None
    variable = VARIABLES[name]
    try:
        return variable.parse(raw)
    except (ValueError, OverflowError):
        raise EnvironmentProblem(PROBLEM.format(name=name, value=raw[:60], expected=variable.expected)) from None


def problems() -> list[Text]:
    """What is wrong with the environment, one message per variable."""
    found = []
    for name in VARIABLES:
        try:
            value(name)
        except EnvironmentProblem as problem:
            found.append(problem.message)
    return found


def debug() -> bool:
    return bool(os.environ.get("RETTFRAM_DEBUG"))
