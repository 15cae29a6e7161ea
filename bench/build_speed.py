"""How long the example sites take to build, cold and with a warm chart cache (prints figures;
never a pass/fail).

    .venv/bin/python bench/build_speed.py [PATH…]

Prints the build time per municipality (all its languages, MkDocs included) and the chart
cache hit rate, for a first build with an empty cache and a second one that reuses it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from rettfram import clock  # noqa: E402
from rettfram.site_build import BuildOptions, build  # noqa: E402


def main(paths: list[str]) -> None:
    root = Path(__file__).resolve().parent.parent
    paths = paths or [str(root / "municipalities")]
    with tempfile.TemporaryDirectory(prefix="rettfram-bench-") as tmp:
        cache = Path(tmp) / "cache"
        for label in ("cold cache", "warm cache"):
            result = build(BuildOptions(paths=paths, today=clock.today(), out=Path(tmp) / "site", cache=cache))
            total = result.chart_hits + result.chart_misses
            rate = result.chart_hits / total if total else 0.0
            print(f"{label}: {result.seconds:.2f} s for {len(result.sites)} municipalities, "
                  f"chart cache {result.chart_hits}/{total} hits ({rate:.0%})")
            for site in result.sites:
                print(f"  {site.slug:12} {site.seconds:6.2f} s  {', '.join(site.languages)}")


if __name__ == "__main__":
    main(sys.argv[1:])
