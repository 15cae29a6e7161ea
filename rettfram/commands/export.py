"""``python build.py export FOLDER --format docx|odt|html [--lang …] [--out FILE]``.

A one-to-two page fact sheet of one municipality (``rettfram/fact_sheet.py``), from the same
data and after the same checks as its site: a profile that ``check`` or ``lint`` would stop the
build for gets no fact sheet (exit 1, with the findings). Exit 0: the sheet is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rettfram import clock
from rettfram.commands.options import add_folder_and_language
from rettfram.console import EXIT_FINDINGS, EXIT_OK, UserError, say
from rettfram.fact_sheet import FORMATS
from rettfram.text import Text


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="lag et faktaark / make a fact sheet",
        description="Lag et faktaark på én til to sider fra profilen, med de samme sjekkene som nettstedet. / "
        "Make a one-to-two page fact sheet from the profile, after the same checks as the site.",
    )
    add_folder_and_language(parser, "arkets / the sheet's")
    parser.add_argument("--format", choices=FORMATS, default="docx", help="filformat / file format (standard: docx)")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="utdatafil (standard: build/fact-sheets/<kommune>-<språk>.<format>) / output file",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rettfram import fact_sheet, i18n
    from rettfram.discover import discover
    from rettfram.lint.runner import exit_code
    from rettfram.report import REPORTERS
    from rettfram.site_build import CheckJob, check_one, lint_setup

    targets = discover([str(args.folder)])
    if len(targets) != 1:
        raise UserError(Text(f"{args.folder}: oppgi én kommunemappe.", f"{args.folder}: give one municipality folder."))
    today = clock.today()
    config = lint_setup()
    checked = check_one(CheckJob(targets[0], today, config))
    profile = checked.checked.profile
    if profile is None or exit_code(checked.findings, config):
        sys.stdout.write(REPORTERS["text"].render(checked.findings, "nb"))
        say("rettfram: ingen faktaark: rett feilene over først / no fact sheet: fix the errors above first", sys.stderr)
        return EXIT_FINDINGS
    lang = args.lang or profile.municipality.language
    if lang not in i18n.available():
        raise UserError(
            Text(
                f"Ingen katalog for språket «{lang}»; velg et av {', '.join(i18n.available())}.",
                f"No catalogue for the language '{lang}'; choose one of {', '.join(i18n.available())}.",
            )
        )
    name = targets[0].folder.name if targets[0].folder is not None else targets[0].profile_path.stem
    out = args.out or Path("build") / "fact-sheets" / f"{name}-{lang}.{args.format}"
    if out.is_dir() or out.is_symlink():
        raise UserError(
            Text(f"{out} er en mappe eller en snarvei; oppgi en fil.", f"{out} is a folder or a link; give a file.")
        )
    written = fact_sheet.export(profile, lang, today, args.format, out)
    say(f"rettfram: skrev / wrote {written}", sys.stderr)
    return EXIT_OK
