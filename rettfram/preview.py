"""Live preview of one municipality: build it, serve it on localhost, rebuild when a file changes.

The build is the real one (``site_build.build`` into ``build/preview/``), so the preview shows
exactly what will be published, sample-data notice and all. A rebuild that fails (a finding
with level error) keeps the last good preview in place and prints the findings; fix the file
and save again. Watching is a one-second poll of the folder's files (no extra dependency).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rettfram.site_build import BuildError, BuildOptions, BuildResult, BuildStopped, build

POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Snapshot:
    """The modification times of every file in a municipality folder."""

    stamps: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, folder: Path) -> Snapshot:
        """Every entry below ``folder`` with its modification time; symlinks are not followed
        (a link to a big folder or a loop costs nothing) and a file that vanishes is skipped."""
        stamps = []
        for directory, _folders, files in os.walk(folder, followlinks=False):
            for name in files:
                path = os.path.join(directory, name)
                try:
                    stamps.append((path, os.lstat(path).st_mtime_ns))
                except OSError:
                    continue
        return cls(tuple(sorted(stamps)))


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the preview folder; a request path the file system cannot take (``/%00``) is a
    400, never a traceback."""

    def send_head(self):  # noqa: ANN201 (http.server's signature)
        if any(ord(c) < 0x20 or c == "\x7f" for c in urllib.parse.unquote(self.path)):
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 (socketserver's signature)
        pass  # a client that hangs up or sends garbage is not the user's problem


def serve(
    folder: Path,
    out: Path,
    port: int,
    today: Callable[[], dt.date],
    report: Callable[[BuildResult | BuildStopped | BuildError], None],
    ready: Callable[[str], None],
    stop: threading.Event,
) -> None:
    """Build ``folder`` into ``out``, serve ``out`` on 127.0.0.1:``port`` and rebuild on change
    until ``stop`` is set. ``report`` gets every build's result; ``ready`` the preview's URL."""
    first = _build(folder, out, today(), report)
    if first is None:
        return  # nothing to serve yet: the findings are printed; the caller exits 1
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = _QuietServer(("127.0.0.1", port), handler)
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


def _build(folder: Path, out: Path, today: dt.date, report) -> BuildResult | None:
    try:
        result = build(BuildOptions(paths=[str(folder)], today=today, out=out, cache=out.parent / "cache" / "charts"))
    except (BuildStopped, BuildError) as problem:
        report(problem)
        return None
    report(result)
    return result
