"""The sites' own words, one catalogue per language: ``rettfram/i18n/<lang>.yaml``.

Templates never hold words; they ask the catalogue: ``t("work.vacancies")``. Adding a language
(Polish, Ukrainian …) is one catalogue here plus ``copy/<lang>/`` in a municipality; a key the
new catalogue lacks falls back to English. Numbers, dates, prices and travel times are formatted
here too, so they follow the language (``5 453`` and ``1. januar 2025`` in Norwegian).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"
FALLBACK = "en"


def available() -> list[str]:
    """Languages with a catalogue, sorted."""
    return sorted(p.stem for p in CATALOGUE_DIR.glob("*.yaml"))


@lru_cache(maxsize=None)
def _raw(lang: str) -> dict[str, Any]:
    path = CATALOGUE_DIR / f"{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"no catalogue for language {lang!r}")
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8")) or {}


def flat_keys(lang: str) -> set[str]:
    """Every dotted key in a catalogue (for the test that catalogues match)."""
    out: set[str] = set()

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{prefix}{key}.")
        else:
            out.add(prefix[:-1])

    walk(_raw(lang), "")
    return out


def _lookup(data: dict[str, Any], key: str) -> Any:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


class Catalogue:
    """Words and formats for one language."""

    def __init__(self, lang: str):
        self.lang = lang
        self._data = _raw(lang)
        self._fallback = _raw(FALLBACK) if lang != FALLBACK else {}

    def get(self, key: str) -> Any:
        value = _lookup(self._data, key)
        if value is None:
            value = _lookup(self._fallback, key)
        if value is None:
            raise KeyError(f"catalogue {self.lang}: no key {key!r}")
        return value

    def has(self, key: str) -> bool:
        return _lookup(self._data, key) is not None or _lookup(self._fallback, key) is not None

    def t(self, key: str, **params: Any) -> str:
        value = self.get(key)
        return str(value).format(**params) if params else str(value)

    __call__ = t

    def plural(self, key: str, n: int, **params: Any) -> str:
        """``key.one`` for 1, ``key.zero`` for 0 when present, else ``key.other``."""
        form = "one" if n == 1 else "zero" if n == 0 and self.has(f"{key}.zero") else "other"
        return self.t(f"{key}.{form}", n=self.number(n), **params)

    # formats ------------------------------------------------------------------------------

    def number(self, value: int | float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\x00").replace(".", self.get("format.decimal")).replace("\x00", self.get("format.thousands"))

    def percent(self, share: float) -> str:
        """0.92 → ``92 %`` (whole per cent; one decimal when it is not whole)."""
        value = round(share * 100, 1)
        return self.t("format.percent", value=self.number(value, 0 if value == int(value) else 1))

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return self.t("common.unknown_date")
        month = self.get("format.months")[day.month - 1]
        return self.t("format.date", day=day.day, month=month, year=day.year)

    def nok(self, amount: int | None, per_month: bool = False) -> str:
        if amount is None:
            return self.t("common.no_price")
        return self.t("format.nok_month" if per_month else "format.nok", amount=self.number(amount))

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.t("format.minutes", m=rest)
        if not rest:
            return self.t("format.hours", h=hours)
        return self.t("format.hours_minutes", h=hours, m=rest)

    def language_name(self, code: str) -> str:
        names = self.get("languages")
        return str(names.get(code, code))

    def join(self, items: list[str]) -> str:
        """``a, b og c`` / ``a, b and c``."""
        if len(items) <= 1:
            return "".join(items)
        return self.t("format.join", head=", ".join(items[:-1]), last=items[-1])

    def vega_locale(self) -> dict[str, Any]:
        """The number format for chart axes (d3-format locale)."""
        return {"decimal": self.get("format.decimal"), "thousands": self.get("format.thousands"), "grouping": [3], "currency": ["", ""]}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> Catalogue:
    return Catalogue(lang)
