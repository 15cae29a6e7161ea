"""The command line: a thin layer over the library (datasette-style).

Each command lives in ``rettfram/commands/<name>.py`` with ``register(subparsers)`` and
``run(args) -> int``. The list below is explicit; nothing is discovered by name.
Exit codes (``rettfram.errors``): 0 no errors, 1 errors found, 2 the command could not run. A
command raises ``errors.UserError`` for what the user can fix; it is printed here, once.
The environment is checked before any command runs (``rettfram.environment``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from rettfram import environment
from rettfram.commands import (
    build,
    check,
    explain,
    export,
    import_docx,
    import_ssb,
    lint,
    merge,
    new,
    rules_doc,
    schema,
    serve,
    train,
)
from rettfram.console import EXIT_OK, EXIT_USAGE, UserError, fail, internal_error, say

COMMANDS = [check, lint, build, merge, serve, new, import_ssb, import_docx, export, explain, schema, rules_doc, train]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        say(f"rettfram: feil / error: {message}", sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rettfram", description="Ærlige kommunesider / honest municipal sites")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    problems = environment.problems()
    if problems:
        for problem in problems:
            fail(problem)
        return EXIT_USAGE
    try:
        return args.run(args)
    except UserError as exc:  # the one place a user's error is printed
        fail(exc.text, getattr(args, "lang", None))
        return exc.code
    except KeyboardInterrupt:
        say("avbrutt / interrupted", sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (| head): stop quietly, without a second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: one line, no traceback (RETTFRAM_DEBUG=1 shows it)
        if environment.debug():
            raise
        return internal_error(exc)


if __name__ == "__main__":
    raise SystemExit(main())
