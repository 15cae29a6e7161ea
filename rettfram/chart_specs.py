"""Chart specifications: an Altair chart, its text alternative and a table with the same figures.

One function per chart. Each returns a ``ChartSpec`` (or None when there is nothing to draw):
a ``Drawing`` (the kind of chart and its figures, from which Altair makes the Vega-Lite spec), a
title, a description that says in words what the chart shows (a fall is called a fall), and a
``Table``. ``charts.py`` turns the spec into SVG; a drawing it has drawn before is taken from its
cache by the drawing's key, without importing Altair (half a second a process).
Bars start at zero, so a small change looks small.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from rettfram.i18n import Catalogue
from rettfram.local_text import Shown, shown
from rettfram.model import Listing, Vacancy

INK = "#1f1f1f"
RULE = "#595959"
SERIES_COLOURS = ("#1f4e79", "#2d5e3e", "#0b5d6b", "#7a2e39", "#8a4500", "#5b3f8c")
MIGRATION_PARTS = (
    ("moved_in", 1),
    ("immigration", 1),
    ("moved_out", -1),
    ("emigration", -1),
)  # facts.migration (SSB 06913)
MIGRATION_TOTALS = ("moved_in", "moved_out")  # the bars; immigration and emigration are parts of these


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first cell of a row is its header


@dataclass(frozen=True)
class Drawing:
    """A chart to draw: the kind (``columns``, ``bars`` or ``stacked``, the functions below) and
    its arguments (plain JSON values)."""

    kind: str
    arguments: tuple[Any, ...]

    def shaped(self) -> Shaped:
        """The chart's shape, made by Altair, and its figures."""
        return _KINDS[self.kind](*self.arguments)

    def vega_lite(self) -> dict[str, Any]:
        """The Vega-Lite spec."""
        return self.shaped().vega_lite()

    def key(self) -> str:
        """The sha256 of everything the spec is made from: the kind and arguments, this module's
        source and Altair's version."""
        material = {"kind": self.kind, "arguments": self.arguments, "made_by": _maker()}
        return hashlib.sha256(
            json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        ).hexdigest()


@dataclass(frozen=True)
class Shaped:
    """A chart's shape (a Vega-Lite spec whose data is named ``SHAPE``, shared by every chart of
    that shape and never changed) and its figures."""

    shape: dict[str, Any]
    values: list[dict[str, Any]]

    def vega_lite(self) -> dict[str, Any]:
        """The spec with its figures (a new dict: the shape is shared)."""
        assert self.shape["data"] == {"name": SHAPE}, "every shape takes its figures as its data"
        return {**self.shape, "data": {"values": self.values}}


@lru_cache(maxsize=1)
def _maker() -> dict[str, str]:
    return {
        "chart_specs": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "altair": metadata.version("altair"),
    }


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title: str
    description: str
    drawing: Drawing
    table: Table

    @property
    def spec(self) -> dict[str, Any]:
        return self.drawing.vega_lite()


def population(
    points: list[tuple[int, int]], source: str, as_of_text: str, cat: Catalogue, colour: str
) -> ChartSpec | None:
    if not points:
        return None
    values = [{"label": str(year), "value": count} for year, count in points]
    title = cat.t("charts.population.title", first_year=points[0][0], last_year=points[-1][0])
    description = f"{population_sentence(points, cat)} {cat.t('common.source_as_of', source=source, date=as_of_text)}"
    rows = tuple((str(year), cat.number(count)) for year, count in points)
    table = Table(
        cat.t("charts.population.caption"), (cat.t("charts.population.x"), cat.t("charts.population.y")), rows
    )
    drawing = Drawing("columns", (values, cat.t("charts.population.x"), cat.t("charts.population.y"), colour))
    return ChartSpec("rf-population", title, description, drawing, table)


def population_sentence(points: list[tuple[int, int]], cat: Catalogue) -> str:
    """The trend in words: rise, fall or flat, with the change in people and per cent."""
    if not points:
        return cat.t("population.none")
    (first_year, first), (last_year, last) = points[0], points[-1]
    numbers = {"first": cat.number(first), "first_year": first_year, "last": cat.number(last), "last_year": last_year}
    if len(points) == 1:
        return cat.t("population.single", **numbers)
    if last == first:
        return cat.t("population.flat", **numbers)
    difference = last - first
    share = cat.percent(difference / first, signed=True) if first else ""
    people = cat.t("population.more" if difference > 0 else "population.fewer", n=cat.number(abs(difference)))
    change = f"{people} ({share})" if share else people
    return cat.t("population.rise" if difference > 0 else "population.fall", change=change, **numbers)


def vacancies(open_vacancies: list[Vacancy], cat: Catalogue, colour: str, own: str) -> ChartSpec | None:
    """Open vacancies per sector; a sector the profile gives only in the municipality's language
    ``own`` is named in it, and marked with that ``lang`` in the table (the SVG cannot mark it)."""
    if not open_vacancies:
        return None
    counts = Counter(
        _sector(v.sector, cat, own) if v.sector else Shown(cat.t("charts.vacancies.no_sector"), cat.lang)
        for v in open_vacancies
    )
    marked = {sector.text: sector.in_page(cat.lang) for sector in counts}
    ordered = sorted(((shown.text, n) for shown, n in counts.items()), key=lambda item: (-item[1], item[0]))
    top, top_n = ordered[0]
    if len(open_vacancies) == 1:
        description = cat.t("charts.vacancies.desc_one", top=top)
    else:
        description = cat.t(
            "charts.vacancies.desc",
            total=cat.number(len(open_vacancies)),
            sectors=cat.number(len(ordered)),
            top=top,
            top_n=cat.number(top_n),
        )
    table = Table(
        cat.t("charts.vacancies.caption"),
        (cat.t("charts.vacancies.y"), cat.t("charts.vacancies.x")),
        tuple((marked[s], cat.number(n)) for s, n in ordered),
    )
    drawing = Drawing(
        "bars",
        (
            [{"label": s, "value": n} for s, n in ordered],
            cat.t("charts.vacancies.y"),
            cat.t("charts.vacancies.x"),
            colour,
        ),
    )
    return ChartSpec("rf-vacancies", cat.t("charts.vacancies.title"), description, drawing, table)


def listings(by_kind: dict[str, list[Listing]], cat: Catalogue, colour: str) -> ChartSpec | None:
    total = sum(len(items) for items in by_kind.values())
    if not total:
        return None
    ordered = [(cat.t(f"kinds.{kind}"), len(items)) for kind, items in by_kind.items()]
    parts = cat.join([f"{label.lower()}: {cat.number(n)}" for label, n in ordered if n])
    description = cat.t("charts.listings.desc", total=cat.number(total), parts=parts)
    table = Table(
        cat.t("charts.listings.caption"),
        (cat.t("charts.listings.y"), cat.t("charts.listings.x")),
        tuple((k, cat.number(n)) for k, n in ordered),
    )
    drawing = Drawing(
        "bars",
        (
            [{"label": k, "value": n} for k, n in ordered],
            cat.t("charts.listings.y"),
            cat.t("charts.listings.x"),
            colour,
            True,
        ),
    )
    return ChartSpec("rf-listings", cat.t("charts.listings.title"), description, drawing, table)


def migration(data: Any, cat: Catalogue) -> ChartSpec | None:
    """Moves per year, in all, as bars above (in) and below (out) zero; the table adds how many
    of them came from or went abroad, where the profile knows (``facts.migration``: SSB 06913
    counts moves in all, so immigration and emigration are parts of them, never added on)."""
    series = sorted((getattr(data, "series", None) or {}).items())
    if not series:
        return None
    names = [cat.t(f"charts.migration.{part}") for part, _ in MIGRATION_PARTS]
    values, rows, net = [], [], 0
    for year, parts in series:
        row = [str(year)]
        for (part, sign), name in zip(MIGRATION_PARTS, names, strict=True):
            amount = getattr(parts, part, None)
            row.append("\u2013" if amount is None else cat.number(amount))  # unknown is not zero
            if part in MIGRATION_TOTALS and amount is not None:
                values.append({"label": str(year), "part": name, "value": sign * int(amount)})
                net += sign * int(amount)
        rows.append(tuple(row))
    first_year, last_year = series[0][0], series[-1][0]
    net_text = ("+" if net > 0 else "\u2212" if net < 0 else "") + cat.number(abs(net))
    description = cat.t("charts.migration.desc", first_year=first_year, last_year=last_year, net=net_text)
    table = Table(cat.t("charts.migration.caption"), (cat.t("charts.migration.x"), *names), tuple(rows))
    totals = [name for (part, _), name in zip(MIGRATION_PARTS, names, strict=True) if part in MIGRATION_TOTALS]
    drawing = Drawing(
        "stacked",
        (values, totals, cat.t("charts.migration.x"), cat.t("charts.migration.y"), cat.t("charts.migration.component")),
    )
    title = cat.t("charts.migration.title", first_year=first_year, last_year=last_year)
    return ChartSpec("rf-migration", title, description, drawing, table)


def _columns(values: list[dict], x_title: str, y_title: str, colour: str) -> Shaped:
    return Shaped(_columns_shape(x_title, y_title, colour, _count_ticks(values)), values)


def _bars(values: list[dict], y_title: str, x_title: str, colour: str, keep_order: bool = False) -> Shaped:
    order = tuple(v["label"] for v in values) if keep_order else None
    return Shaped(_bars_shape(y_title, x_title, colour, _count_ticks(values), order), values)


def _stacked(values: list[dict], names: list[str], x_title: str, y_title: str, legend: str) -> Shaped:
    return Shaped(_stacked_shape(tuple(names), x_title, y_title, legend), values)


# A chart's shape (everything but its figures) is made by Altair once per process and shared by
# every chart of that shape: Altair takes 5–20 ms to make one (it copies the whole chart on every
# call), and most charts of a build share their titles, colour and ticks with another. The
# figures go in as the spec's ``data`` (``Shaped``); the spec is the same as Altair makes with
# the figures inline. A shape is never changed once made.
SHAPE = "figures"  # the name of a shape's data, until its figures go in


@lru_cache(maxsize=512)
def _columns_shape(x_title: str, y_title: str, colour: str, ticks: tuple[int, ...] | None) -> dict[str, Any]:
    import altair as alt

    base = alt.Chart(alt.Data(name=SHAPE)).encode(
        x=alt.X("label:O", title=x_title, sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True), axis=_count_axis(ticks)),
    )
    bars = base.mark_bar(color=colour)
    labels = base.mark_text(baseline="bottom", dy=-4, fontSize=13, color=INK).encode(
        text=alt.Text("value:Q", format=",d")
    )
    return _finish(alt.layer(bars, labels).properties(width=320, height=200))


@lru_cache(maxsize=512)
def _bars_shape(
    y_title: str, x_title: str, colour: str, ticks: tuple[int, ...] | None, order: tuple[str, ...] | None
) -> dict[str, Any]:
    import altair as alt

    base = alt.Chart(alt.Data(name=SHAPE)).encode(
        y=alt.Y("label:N", title=y_title, sort=list(order) if order else "-x", axis=alt.Axis(labelLimit=180)),
        x=alt.X("value:Q", title=x_title, scale=alt.Scale(zero=True), axis=_count_axis(ticks)),
    )
    bars = base.mark_bar(color=colour)
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=INK).encode(text=alt.Text("value:Q", format=",d"))
    return _finish(alt.layer(bars, labels).properties(width=300, height=alt.Step(32)))


@lru_cache(maxsize=512)
def _stacked_shape(names: tuple[str, ...], x_title: str, y_title: str, legend: str) -> dict[str, Any]:
    import altair as alt

    chart = (
        alt.Chart(alt.Data(name=SHAPE))
        .mark_bar()
        .encode(
            x=alt.X("label:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",d")),
            color=alt.Color(
                "part:N",
                title=legend,
                scale=alt.Scale(domain=list(names), range=list(SERIES_COLOURS)),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
        )
    )
    return _finish(chart.properties(width=420, height=240))


def _count_ticks(values: list[dict]) -> tuple[int, ...] | None:
    """Whole numbers only: with small counts, one tick per unit (no "0 1 1" from 0.5 steps)."""
    top = max((v["value"] for v in values), default=0)
    return tuple(range(0, top + 1)) if top <= 8 else None


def _count_axis(ticks: tuple[int, ...] | None) -> Any:
    import altair as alt

    if ticks is not None:
        return alt.Axis(format=",d", values=list(ticks))
    return alt.Axis(format=",d", tickMinStep=1)


# The same look for every chart (Vega-Lite's top-level "config"). Axis and legend text is never
# cut short ("labelLimit": 0 and "titleLimit": 0): it is numbers, years and the catalogue's words,
# and vl-convert measures every label to decide whether to cut it, which is a third of the time
# to draw a chart; the one axis whose labels come from a profile (a vacancy's sector) keeps a
# limit of its own (``_bars_shape``). The drawings are the same as with Vega's default limits.
TEXT = {  # axis and legend text alike
    "labelLimit": 0,
    "titleLimit": 0,
    "labelFontSize": 13,
    "titleFontSize": 13,
    "labelColor": INK,
    "titleColor": INK,
}
CONFIG = {
    "font": "sans-serif",
    "background": "#ffffff",
    "view": {"stroke": None},
    "axis": {**TEXT, "domainColor": RULE, "tickColor": RULE, "gridColor": "#e3e3e3"},
    "legend": TEXT,
}


def _finish(chart: Any) -> dict[str, Any]:
    """The spec as a dict, with ``CONFIG``. Altair's check against the Vega-Lite schema (a third
    of the time of a site's charts) runs in the tests, once per kind of chart
    (tests/sites/test_parts.py), not on every build: the specs are made by this module alone,
    never from input; and the config is added to the dict, as every Altair call copies the chart
    and its data."""
    return {**chart.to_dict(validate=False), "config": CONFIG}


_KINDS: dict[str, Callable[..., Shaped]] = {"columns": _columns, "bars": _bars, "stacked": _stacked}


def _label(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sector(sector: str, cat: Catalogue, own: str) -> Shown:
    found = shown(sector, cat.lang, own)
    return Shown(_label(found.text), found.lang)
