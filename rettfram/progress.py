"""What ``build`` shows while many sites build: a bar that redraws in place on a terminal, and
one plain line a site where the output is a log (CI, a pipe), so logs stay readable.

``[ 12/357] ███████░░░░░░░░░░░░░░░░░░ heroy-nordland: nb (1.2 s)``
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from rettfram.escape import terminal_line

WIDTH = 24  # characters of bar


@dataclass
class Progress:
    stream: TextIO
    live: bool  # redraw in place (a terminal) or one line a step (a log)

    @classmethod
    def to(cls, stream: TextIO) -> Progress:
        return cls(stream, live=stream.isatty())

    def step(self, done: int, total: int, what: str) -> None:
        width = len(str(total))
        filled = WIDTH * done // max(total, 1)
        line = terminal_line(f"[{done:>{width}}/{total}] {'█' * filled}{'░' * (WIDTH - filled)} {what}")
        if self.live:
            self.stream.write("\r\x1b[2K" + line + ("\n" if done == total else ""))
        else:
            self.stream.write(f"  [{done:>{width}}/{total}] " + terminal_line(what) + "\n")
        self.stream.flush()
