"""``rettfram check [PATH…]``: load and validate profiles; write nothing."""

from __future__ import annotations

import argparse
import sys

from rettfram import clock
from rettfram.check import check_paths
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_FINDINGS, EXIT_OK
from rettfram.findings import has_errors
from rettfram.report import FORMATS, REPORTERS


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="sjekk profiler / check profiles",
        description="Les og valider kommuneprofiler; skriver ingen filer. / Load and validate profiles; writes no "
        "files.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="kommunemappe, mappe med kommuner, eller profile.yaml (standard: municipalities)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="utdataformat / output format")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checked = check_paths(args.paths, clock.today())
    findings = [f for c in checked for f in c.findings]
    output = REPORTERS[args.format].render(findings, args.lang)
    sys.stdout.write(output)
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK
