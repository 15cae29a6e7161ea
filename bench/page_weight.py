#!/usr/bin/env python3
"""What each page of the example sites costs a reader: every byte the browser fetches to show it
(HTML, CSS, JavaScript, search files, images, charts inline), measured in Debian's chromium on a
first visit with an empty cache, against the budget in the README (prints; never a pass/fail).

    .venv/bin/python bench/page_weight.py [--budget KB]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rettfram import render  # noqa: E402
from rettfram.site_build import BuildOptions, build  # noqa: E402

BUDGET_KB = 450  # README, "Page weight"
CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=BUDGET_KB, help="kilobytes a page may fetch")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "site"
        build(BuildOptions(paths=[str(REPO / "municipalities")], today=dt.date(2026, 11, 21), out=out, cache=None))
        pages = ["index.html"] + sorted(
            str(path.relative_to(out)) for path in out.rglob("*.html")
            if path.name in {page.filename.replace(".md", ".html") for page in render.PAGES} and path.parent != out
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for path in pages:
                context = browser.new_context()  # an empty cache: a first visit
                page = context.new_page()
                sizes: list[int] = []
                page.on("response", lambda response: sizes.append(len(response.body()) if response.ok else 0))
                page.goto(f"{base}/{path}", wait_until="networkidle")
                rows.append((path, sum(sizes), len(sizes)))
                context.close()
            browser.close()
        server.shutdown()
    over = [row for row in rows if row[1] > args.budget * 1024]
    width = max(len(path) for path, _, _ in rows)
    for path, size, count in rows:
        mark = "  OVER" if size > args.budget * 1024 else ""
        print(f"  {path:<{width}}  {size / 1024:7.1f} KB in {count:2d} requests{mark}")
    sizes = sorted(size for _, size, _ in rows)
    print(f"{len(rows)} pages: median {sizes[len(sizes) // 2] / 1024:.1f} KB, largest {sizes[-1] / 1024:.1f} KB; "
          f"budget {args.budget} KB a page: {len(over)} over")


if __name__ == "__main__":
    main()
