"""Chart specs → accessible inline SVG, rendered by vl-convert and cached by spec hash.

The cache key is the sha256 of the canonical JSON of the spec, the number locale and the
vl-convert version; the SVG is stored under ``<cache>/<key[:2]>/<key>.svg``. vl-convert needs
no browser and no network, and gives the same bytes for the same spec.

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
from pathlib import Path
from typing import Any

from rettfram.chart_specs import ChartSpec, Table

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
        svg = accessible_svg(self.svg(spec.spec, locale), spec.id, spec.title, spec.description)
        return Chart(spec.id, spec.title, spec.description, svg, spec.table)

    def svg(self, spec: dict[str, Any], locale: dict[str, Any]) -> str:
        key = spec_hash(spec, locale)
        path = self.cache_dir / key[:2] / f"{key}.svg" if self.cache_dir else None
        if path is not None and path.is_file():
            self.hits += 1
            return path.read_text("utf-8")
        self.misses += 1
        import vl_convert

        svg = vl_convert.vegalite_to_svg(spec, format_locale=locale)
        if path is not None:
            _write_atomically(path, svg)
        return svg


def spec_hash(spec: dict[str, Any], locale: dict[str, Any]) -> str:
    import vl_convert

    canonical = json.dumps({"spec": spec, "locale": locale, "vl-convert": vl_convert.__version__},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> str:
    """The SVG with role="img", a title and a description, ids prefixed with ``chart_id``."""
    opening = _OPEN_TAG.search(svg)
    if opening is None:
        raise ValueError("vl-convert returned no <svg> element")
    sizes = dict(_ATTR.findall(opening.group(0)))
    inner = svg[opening.end():]
    ids = set(_ID.findall(inner))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{chart_id}-{old}"
        inner = inner.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})").replace(f'href="#{old}"', f'href="#{new}"')
    attrs = " ".join(f'{name}="{sizes[name]}"' for name in ("width", "height", "viewBox") if name in sizes)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs} role="img" focusable="false" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="rf-chart__svg">'
        f'<title id="{chart_id}-title">{html.escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{html.escape(description)}</desc>'
    )
    return (head + inner).replace("\n", " ")


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
