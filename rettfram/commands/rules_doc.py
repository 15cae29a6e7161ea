"""``python build.py rules-doc [--check]``: regenerate ``docs/rules.md`` from the rule files.

``--check`` writes nothing and exits 1 when the committed page is out of date.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.commands.generated import add_output_options, write_or_check
from rettfram.console import UserError
from rettfram.lint.pack import load_catalog
from rettfram.lint.reference import render_reference
from rettfram.text import Text

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rules-doc",
        help="lag regeloversikten docs/rules.md / regenerate the rule reference",
        description="Skriv docs/rules.md fra regelfilene. / Write docs/rules.md from the rule files.",
    )
    add_output_options(parser, DEFAULT_OUTPUT, "docs/rules.md")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        return write_or_check(args.output, render_reference(load_catalog()), check=args.check, command="rules-doc")
    except OSError as exc:
        raise UserError(
            Text(nb=f"Kan ikke skrive {args.output}: {exc}", en=f"Cannot write {args.output}: {exc}")
        ) from None
