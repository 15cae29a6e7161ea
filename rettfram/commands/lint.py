"""``python build.py lint [PATH…] [--format text|json|github|sarif] [--lang nb|nn|en]``.

Lints Markdown copy (a file, or every ``copy/<lang>/*.md`` below a folder) with the rule pack
of its language; see ``rettfram/lint/runner.py`` for what a PATH means. Exit 0: nothing at or
above ``fail_on``; 1: findings at or above it, or more warnings than ``max_warnings``; 2: the
command could not run (bad path, bad config, broken rule file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rettfram.console import UserError, say
from rettfram.lint.config import find_config, usable_config
from rettfram.lint.pack import PACK_LANGS, load_catalog
from rettfram.lint.reference import rule_help
from rettfram.lint.runner import exit_code
from rettfram.lint.runner import run as run_lint
from rettfram.report import FORMATS, REPORTERS, sarif
from rettfram.text import Text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="sjekk teksten mot reglene / lint the copy",
        description="Sjekk Markdown-tekst mot reglene for ærlig tekst. / Lint Markdown copy against the honesty rules.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="kommunemappe, mappe eller .md-fil (standard: municipalities) / folder or .md file",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="utdataformat / output format")
    parser.add_argument(
        "--lang",
        choices=PACK_LANGS,
        default=None,
        help="språk for meldinger, og regelpakke for frittstående filer / message language",
    )
    parser.add_argument("--config", type=Path, default=None, help="rettfram.toml (standard: nærmeste / nearest)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "nb"
    catalog = load_catalog()
    config_path = args.config or find_config(Path.cwd())
    if args.config is not None and not args.config.is_file():
        raise UserError(
            Text(nb=f"Fant ikke konfigurasjonsfila {args.config}", en=f"Config file {args.config} not found")
        )
    config = usable_config(config_path, catalog.ids())
    paths = args.paths or [Path("municipalities")]
    result = run_lint(paths, args.lang, catalog, config)
    for note in result.notes:
        say(f"rettfram: {note.render(lang)}", sys.stderr)
    if args.format == "sarif":
        output = sarif.render(result.findings, lang, rules=rule_help(catalog))
    else:
        output = REPORTERS[args.format].render(result.findings, lang)
    sys.stdout.write(output)
    return exit_code(result.findings, config)
