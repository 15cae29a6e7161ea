"""Live preview of one municipality: build it, serve it on localhost, rebuild when a file changes.

The build is the real one (``site_build.build`` into ``build/preview/``), so the preview shows
exactly what will be published, sample-data notice and all. A rebuild that fails (a finding
with level error) keeps the last good preview in place and prints the findings; fix the file
and save again. Watching is a one-second poll of the folder's files (no extra dependency).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from rettfram.site_build import BuildError, BuildOptions, BuildResult, BuildStopped, build

POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Snapshot:
    """The modification times of every file in a municipality folder."""

    stamps: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, folder: Path) -> "Snapshot":
        return cls(tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file())))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path, out: Path, port: int, today: Callable[[], dt.date],
          report: Callable[[BuildResult | BuildStopped | BuildError], None],
          ready: Callable[[str], None], stop: threading.Event) -> None:
    """Build ``folder`` into ``out``, serve ``out`` on 127.0.0.1:``port`` and rebuild on change
    until ``stop`` is set. ``report`` gets every build's result; ``ready`` the preview's URL."""
    first = _build(folder, out, today(), report)
    if first is None:
        return  # nothing to serve yet: the findings are printed; the caller exits 1
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        ready(f"http://127.0.0.1:{server.server_address[1]}/{first.sites[0].slug}/")
        seen = Snapshot.of(folder)
        while not stop.wait(POLL_SECONDS):
            now = Snapshot.of(folder)
            if now != seen:
                seen = now
                _build(folder, out, today(), report)
    finally:
        server.shutdown()
        server.server_close()


def _build(folder: Path, out: Path, today: dt.date, report) -> BuildResult | None:  # type: ignore[no-untyped-def]
    try:
        result = build(BuildOptions(paths=[str(folder)], today=today, out=out, cache=out.parent / "cache" / "charts"))
    except (BuildStopped, BuildError) as problem:
        report(problem)
        return None
    report(result)
    return result
