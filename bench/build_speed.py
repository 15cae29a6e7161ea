"""How long the example sites take to build: cold, with a warm chart cache, and again with
nothing changed (prints figures; never a pass/fail).

    .venv/bin/python bench/build_speed.py [PATH…]

Prints the build time per municipality (all its languages, MkDocs included), the chart cache
hit rate and the seconds of each stage, for a first build with an empty cache, a second with
nothing changed (every site reused: ``rettfram/site_reuse.py``), and a third that builds every
site again (``reuse=False``) with the chart cache warm.
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
        os.environ.setdefault("RETTFRAM_CACHE_DIR", str(Path(tmp) / "rettfram-cache"))  # no records of an earlier run
        for label, reuse in (("cold cache", True), ("no change", True), ("warm chart cache, every site built", False)):
            result = build(BuildOptions(paths=paths, today=clock.today(), out=Path(tmp) / "site", cache=cache, reuse=reuse))
            total = result.chart_hits + result.chart_misses
            rate = result.chart_hits / total if total else 0.0
            print(f"{label}: {result.seconds:.2f} s for {len(result.sites)} municipalities, "
                  f"chart cache {result.chart_hits}/{total} hits ({rate:.0%}), {result.reused} reused; "
                  + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.stages.items()))
            for site in result.sites:
                print(f"  {site.slug:12} {site.seconds:6.2f} s  {', '.join(site.languages)}")


if __name__ == "__main__":
    main(sys.argv[1:])
