"""Chart drawings → accessible inline SVG, drawn by vl-convert and cached by the drawing's hash.

A chart's shape (``chart_specs.Shaped``) is compiled from Vega-Lite to Vega once per process and
its figures put into the compiled spec, which vl-convert draws: the same SVG as drawing the
Vega-Lite spec with its figures inline (tests/sites/test_parts.py compares them).

The cache key is the sha256 of the drawing's key (its kind and figures, ``chart_specs.py``'s
source and Altair's version: ``Drawing.key``), the number locale and the vl-convert version, so
a cached chart needs neither Altair nor vl-convert imported; the SVG is stored under
``<cache>/<key[:2]>/<key>.svg``. vl-convert needs no browser and no network, and gives the same
bytes for the same spec. A cached file is read like input and used only when it is inert SVG
(``svg_is_inert``).

The SVG we put on a page is ``<svg role="img" aria-labelledby="…">`` with a ``<title>`` and a
``<desc>``; its ids are prefixed with the chart id so two charts on one page never clash.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from rettfram import safe_read
from rettfram.chart_specs import SHAPE, ChartSpec, Drawing, Table

MAX_SVG_BYTES = 2 * 1024 * 1024
SVG_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "line",
        "text",
        "tspan",
        "path",
        "rect",
        "circle",
        "ellipse",
        "polygon",
        "polyline",
        "title",
        "desc",
        "defs",
        "clipPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "mask",
        "pattern",
        "use",
    }
)

_OPEN_TAG = re.compile(r"<svg\b[^>]*>")
_ATTR = re.compile(r'\b(width|height|viewBox)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: str
    table: Table


class ChartRenderer:
    """Renders specs to SVG, reusing the cache; counts hits and misses for the benchmark."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.hits = 0
        self.misses = 0

    def render(self, spec: ChartSpec, locale: dict[str, Any]) -> Chart:
        svg = accessible_svg(self.svg(spec.drawing, locale), spec.id, spec.title, spec.description)
        return Chart(spec.id, spec.title, spec.description, svg, spec.table)

    def svg(self, drawing: Drawing, locale: dict[str, Any]) -> str:
        """The drawing's SVG: from the cache (keyed by the drawing, the locale and vl-convert's
        version, so Altair is imported only to draw), else drawn by vl-convert."""
        key = drawing_hash(drawing, locale)
        path = self.cache_dir / key[:2] / f"{key}.svg" if self.cache_dir else None
        cached = _cached(path, self.cache_dir) if path is not None and self.cache_dir is not None else None
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        import vl_convert

        shaped = drawing.shaped()
        svg = vl_convert.vega_to_svg(_with_figures(_compiled(shaped.shape), shaped.values), format_locale=locale)
        if path is not None:
            _write_atomically(path, svg)
        return svg


_COMPILED: dict[str, dict[str, Any]] = {}


def _compiled(shape: dict[str, Any]) -> dict[str, Any]:
    """The Vega spec of a chart's shape, compiled from Vega-Lite by vl-convert once per process
    (a tenth of drawing a chart; the compiled spec does not depend on the figures). Shared:
    never changed."""
    import vl_convert

    key = json.dumps(shape, sort_keys=True)
    if key not in _COMPILED:
        _COMPILED[key] = vl_convert.vegalite_to_vega(shape)
    return _COMPILED[key]


def _with_figures(vega: dict[str, Any], values: list[dict[str, Any]]) -> dict[str, Any]:
    """The compiled shape with its figures as the data set the shape names (a new dict)."""
    data = [{**item, "values": values} if item.get("name") == SHAPE else item for item in vega["data"]]
    assert sum(item.get("name") == SHAPE for item in data) == 1, "a shape names its data once"
    return {**vega, "data": data}


def drawing_hash(drawing: Drawing, locale: dict[str, Any]) -> str:
    canonical = json.dumps(
        {"drawing": drawing.key(), "locale": locale, "vl-convert": _vl_convert_version()},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _vl_convert_version() -> str:
    return metadata.version("vl-convert-python")


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> str:
    """The SVG with role="img", a title and a description, ids prefixed with ``chart_id``."""
    opening = _OPEN_TAG.search(svg)
    if opening is None:
        raise ValueError("vl-convert returned no <svg> element")
    sizes = dict(_ATTR.findall(opening.group(0)))
    inner = svg[opening.end() :]
    ids = set(_ID.findall(inner))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{chart_id}-{old}"
        inner = (
            inner.replace(f'id="{old}"', f'id="{new}"')
            .replace(f"url(#{old})", f"url(#{new})")
            .replace(f'href="#{old}"', f'href="#{new}"')
        )
    attrs = " ".join(f'{name}="{sizes[name]}"' for name in ("width", "height", "viewBox") if name in sizes)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs} role="img" focusable="false" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="rf-chart__svg">'
        f'<title id="{chart_id}-title">{html.escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{html.escape(description)}</desc>'
    )
    return (head + inner).replace("\n", " ")


def _cached(path: Path, cache_dir: Path) -> str | None:
    """A cached SVG, when it is safe to put on a page. The cache is a folder on disk that a pull
    request could fill (or link to ``/proc/self/environ``): it is read like input (a regular
    file, no symlinks, capped) and used only when it is inert SVG; anything else is drawn anew."""
    try:
        svg = safe_read.read_below(path, cache_dir, MAX_SVG_BYTES).decode("utf-8")
    except (safe_read.Unsafe, UnicodeDecodeError):
        return None
    return svg if svg_is_inert(svg) else None


def svg_is_inert(svg: str) -> bool:
    """True for SVG of the kind vl-convert draws: known shape and text elements only, no event
    handlers, no links or references except to ``#ids``, no DTD."""
    if "<!" in svg or "<?xml-stylesheet" in svg:
        return False
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError:
        return False
    for element in root.iter():
        namespace, _, tag = str(element.tag).rpartition("}")
        if namespace not in ("{http://www.w3.org/2000/svg", "") or tag not in SVG_ELEMENTS:
            return False
        for name, value in element.attrib.items():
            local = name.rpartition("}")[2].lower()
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                return False
            if "url(" in value.replace(" ", "") and not re.fullmatch(r"[^()]*url\(#[\w.-]+\)[^()]*", value):
                return False
    return True


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".svg")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
