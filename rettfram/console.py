"""What the command line prints, in one place: every line escaped, errors in one shape.

Anything printed may hold input (a file name, a profile value), so every line goes through
``escape.terminal_line``: control characters and line breaks become visible escapes and no
line starts with ``::`` (a GitHub Actions workflow command). Exit codes and the error a user
can fix are in ``rettfram.errors``.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rettfram.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError  # noqa: F401 - re-exported
from rettfram.escape import terminal_line
from rettfram.text import Text


def say(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` line by line, each line escaped (stdout unless ``stream``)."""
    out = stream or sys.stdout
    for line in text.split("\n"):
        out.write(terminal_line(line) + "\n")
    out.flush()


def error(message: Text, lang: str = "nb") -> int:
    """``rettfram: <message>`` on stderr in ``lang``; returns exit code 2."""
    say(f"rettfram: {message.render(lang)}", sys.stderr)
    return EXIT_USAGE


def fail(message: Text, lang: str | None = None) -> int:
    """Print ``message`` to stderr, in ``lang`` or else in bokmål and English; return exit code 2."""
    if lang is not None:
        return error(message, lang)
    say(f"rettfram: {message.nb}", sys.stderr)
    if message.en != message.nb:
        say(f"          {message.en}", sys.stderr)
    return EXIT_USAGE


def internal_error(exc: BaseException) -> int:
    if isinstance(exc, BrokenPipeError):
        raise exc  # the reader went away (| head): not an error; cli.main ends quietly
    return fail(
        Text(
            nb=f"Intern feil, meld gjerne fra: {type(exc).__name__}: {exc}",
            en=f"Internal error, please report it: {type(exc).__name__}: {exc}",
        )
    )
