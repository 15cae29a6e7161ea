"""``rettfram new NUMBER [--into DIR]``: scaffold a profile from the municipality register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rettfram import clock
from rettfram.commands.options import add_lang
from rettfram.console import say
from rettfram.discover import display_path
from rettfram.scaffold import ScaffoldError, scaffold


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new",
        help="lag en ny profil / scaffold a new profile",
        description="Lag en kommunemappe fra kommuneregisteret. / Scaffold a municipality folder from the register.",
    )
    parser.add_argument("number", metavar="NUMBER", help="kommunenummer med fire siffer, f.eks. 5014")
    parser.add_argument(
        "--into",
        type=Path,
        default=Path("municipalities"),
        metavar="DIR",
        help="mappen den nye kommunemappen legges i (standard: municipalities)",
    )
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = scaffold(args.number.strip(), args.into, clock.today())
    except ScaffoldError as exc:
        say(f"rettfram: {exc.message.render(args.lang)}", sys.stderr)
        return 2
    except OSError as exc:
        say(
            f"rettfram: kan ikke skrive / cannot write: {exc.filename or args.into} ({exc.strerror or exc})", sys.stderr
        )
        return 2
    for path in result.files:
        say(display_path(path))
    return 0
