"""``rettfram new NUMBER [--into DIR]``: scaffold a profile from the municipality register."""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram import clock
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_OK, UserError, say
from rettfram.discover import display_path
from rettfram.scaffold import scaffold
from rettfram.text import Text


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
    except OSError as exc:
        where = f"{exc.filename or args.into} ({exc.strerror or exc})"
        raise UserError(
            Text(f"kan ikke skrive: {where}", f"cannot write: {where}", f"kan ikkje skrive: {where}")
        ) from None
    for path in result.files:
        say(display_path(path))
    return EXIT_OK
