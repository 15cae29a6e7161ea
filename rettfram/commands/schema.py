"""``rettfram schema [--check]``: write (or compare) schema/profile.schema.json."""

from __future__ import annotations

import argparse
import sys

from rettfram import schema
from rettfram.console import EXIT_FINDINGS, EXIT_OK, say
from rettfram.discover import display_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schema",
        help="skriv JSON Schema for profiler / write the profile JSON Schema",
        description="Skriv schema/profile.schema.json fra modellen. / Write schema/profile.schema.json from the model.",
    )
    parser.add_argument(
        "--check", action="store_true", help="bare sammenlign; exit 1 hvis filen er utdatert / only compare"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        current = schema.SCHEMA_PATH.read_text("utf-8") if schema.SCHEMA_PATH.exists() else ""
        if current != schema.generate():
            say(
                f"{display_path(schema.SCHEMA_PATH)}: utdatert / out of date: kjør / run 'python build.py schema'",
                sys.stderr,
            )
            return EXIT_FINDINGS
        return EXIT_OK
    say(display_path(schema.write()))
    return EXIT_OK
