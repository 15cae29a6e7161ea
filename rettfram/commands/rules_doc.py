"""``python build.py rules-doc [--check]``: regenerate ``docs/rules.md`` from the rule files.

``--check`` writes nothing and exits 1 when the committed page is out of date.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.lint.console import fail, internal_error
from rettfram.lint.pack import RuleFileError, load_catalog
from rettfram.lint.reference import render_reference
from rettfram.text import Text

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rules-doc",
        help="lag regeloversikten docs/rules.md / regenerate the rule reference",
        description="Skriv docs/rules.md fra regelfilene. / Write docs/rules.md from the rule files.",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="fil / file (docs/rules.md)")
    parser.add_argument("--check", action="store_true", help="bare sjekk at fila er oppdatert / only check it is up to date")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        text = render_reference(load_catalog())
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if args.check:
            if current == text:
                return 0
            print(f"{args.output} er utdatert / is out of date: python build.py rules-doc")
            return 1
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"Skrev / wrote {args.output}")
        return 0
    except RuleFileError as exc:
        return fail(Text(nb=str(exc), en=str(exc)))
    except OSError as exc:
        return fail(Text(nb=f"Kan ikke skrive {args.output}: {exc}", en=f"Cannot write {args.output}: {exc}"))
    except Exception as exc:  # no traceback reaches a user
        return internal_error(exc)
