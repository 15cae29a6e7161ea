"""The sites' own words, one catalogue per language: ``rettfram/i18n/<lang>.yaml``.

Templates never hold words; they ask the catalogue: ``t("work.vacancies")``. Adding a language
(Polish, Ukrainian …) is one catalogue here plus ``copy/<lang>/`` in a municipality; a key the
new catalogue lacks falls back to English. Numbers, dates, percentages, lists and plural forms
come from CLDR through Babel, for the catalogue's ``meta.locale`` (``5 453`` and
``1. januar 2025`` in Norwegian, ``1 stycznia 2025`` in Polish; Polish and Ukrainian have the
plural forms one, few, many and other, and a catalogue gives each its own text). Prices and
travel times are phrased by the catalogue (``{amount} kr``), with the number from Babel.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import ruamel.yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol
from ruamel.yaml import YAML

from rettfram import disk_cache

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"
FALLBACK = "en"


def available() -> list[str]:
    """Languages with a catalogue, sorted."""
    return sorted(p.stem for p in CATALOGUE_DIR.glob("*.yaml"))


@cache
def _raw(lang: str) -> dict[str, Any]:
    """The catalogue's data, kept between runs (``disk_cache``, keyed by the file's bytes):
    reading YAML is most of the time ``lint`` and a rebuild with no change spend on it."""
    path = CATALOGUE_DIR / f"{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"no catalogue for language {lang!r}")
    raw = path.read_bytes()
    return disk_cache.cached(
        "catalogue",
        path,
        [raw, ruamel.yaml.__version__.encode()],
        lambda: YAML(typ="safe", pure=True).load(raw.decode("utf-8")) or {},
    )


def flat_keys(lang: str) -> set[str]:
    """Every dotted key in a catalogue (for the test that catalogues match); a text with plural
    forms (``one``, ``few``, ``many``, ``other`` … as its language has them) counts as one key."""
    out: set[str] = set()

    def walk(node: Any, prefix: str) -> None:
        if (
            isinstance(node, dict) and "other" not in node
        ):  # a text with plural forms is one key: its forms follow the language
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
        self.locale = Locale.parse(str(self.get("meta.locale")))

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

    def plural_form(self, n: int) -> str:
        """The CLDR plural category of ``n`` in this language: one, few, many or other (…)."""
        return str(self.locale.plural_form(n))

    def plural(self, key: str, n: int, **params: Any) -> str:
        """``key.zero`` for 0 when the catalogue has it, else the CLDR form of ``n`` (``key.one``,
        ``key.few``, ``key.many`` …), else ``key.other``."""
        form = "zero" if n == 0 and _lookup(self._data, f"{key}.zero") is not None else self.plural_form(n)
        if _lookup(self._data, f"{key}.{form}") is None and form != "zero":
            form = "other"
        return self.t(f"{key}.{form}", n=self.number(n), **params)

    # formats ------------------------------------------------------------------------------

    def number(self, value: int | float, decimals: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def percent(self, share: float, signed: bool = False) -> str:
        """0.92 → ``92 %`` (whole per cent; one decimal when it is not whole); ``signed``: ``+5 %``
        or ``−5 %`` (a minus sign, not a hyphen)."""
        value = round(abs(share) * 100, 1)
        decimals = "" if value == int(value) else ".0"
        pattern = str(self.locale.percent_formats[None].pattern).split(";")[0].replace("#,##0", "#,##0" + decimals)
        text = str(format_percent(value / 100, format=pattern, locale=self.locale))
        if signed and value:
            text = ("+" if share > 0 else "\u2212") + text
        return text

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return self.t("common.unknown_date")
        return str(format_date(day, format="long", locale=self.locale))

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
        """``a, b og c`` / ``a, b and c`` / ``a, b i c``."""
        return str(format_list(items, locale=self.locale)) if items else ""

    def vega_locale(self) -> dict[str, Any]:
        """The number format for chart axes (d3-format locale)."""
        return {
            "decimal": get_decimal_symbol(self.locale),
            "thousands": get_group_symbol(self.locale),
            "grouping": [3],
            "currency": ["", ""],
        }


@cache
def catalogue(lang: str) -> Catalogue:
    return Catalogue(lang)
