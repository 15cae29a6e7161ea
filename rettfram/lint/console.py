"""Messages for a command that cannot run (exit 2): Norwegian and English, never a traceback."""

from __future__ import annotations

import sys

from rettfram.text import Text

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def fail(message: Text) -> int:
    """Print ``message`` in bokmål and English to stderr and return exit code 2."""
    print(f"rettfram: {message.nb}", file=sys.stderr)
    if message.en != message.nb:
        print(f"          {message.en}", file=sys.stderr)
    return EXIT_USAGE


def internal_error(exc: BaseException) -> int:
    return fail(Text(
        nb=f"Intern feil, meld gjerne fra: {type(exc).__name__}: {exc}",
        en=f"Internal error, please report it: {type(exc).__name__}: {exc}",
    ))
