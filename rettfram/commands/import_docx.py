"""``python build.py import-docx FOLDER PAGE FILE.docx [--lang nb|nn|en…] [--force]``.

Converts Word copy to ``FOLDER/copy/<lang>/<PAGE>.md`` (``rettfram/word_import.py``), its
pictures into ``FOLDER/images/``, then lints the page it wrote at once, with findings against the
Markdown: exit 0 when the page is clean enough to build, 1 when lint finds what would stop the
build, 2 when nothing was imported (tracked changes, comments, a picture without alt text …).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rettfram import clock, pages
from rettfram.commands.options import add_folder_and_language
from rettfram.console import UserError, say
from rettfram.copy_pages import LANG_FOLDER
from rettfram.text import Text

PAGES = tuple(page.copy for page in pages.PAGES if page.copy)  # copy/<lang>/<page>.md


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import-docx",
        help="hent tekst fra Word / import copy from Word",
        description="Gjør et Word-dokument om til en tekstside i Markdown og sjekk den. / "
        "Convert a Word document to a page of Markdown copy and lint it.",
    )
    add_folder_and_language(parser, "tekstens / the copy's")
    parser.add_argument("page", choices=PAGES, metavar="PAGE", help=f"siden / the page: {', '.join(PAGES)}")
    parser.add_argument("docx", type=Path, metavar="FILE.docx", help="Word-dokumentet / the Word document")
    parser.add_argument("--force", action="store_true", help="erstatt en side som finnes / replace a page that exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rettfram.lint.config import find_config, usable_config
    from rettfram.lint.pack import load_catalog
    from rettfram.lint.runner import exit_code
    from rettfram.lint.runner import run as run_lint
    from rettfram.report import REPORTERS
    from rettfram.word_import import import_docx

    lang = args.lang or _own_language(args.folder)
    if not LANG_FOLDER.fullmatch(lang):  # what copy/<lang>/ may be called
        raise UserError(
            Text(
                f"Ugyldig språkkode «{lang}»; bruk for eksempel nb, nn, en eller pl.",
                f"Invalid language code '{lang}'; use e.g. nb, nn, en or pl.",
            )
        )
    written = import_docx(args.folder, args.page, args.docx, lang, args.force)
    say(f"rettfram: skrev / wrote {written}", sys.stderr)
    catalog = load_catalog()
    config = usable_config(find_config(Path.cwd()), catalog.ids())
    result = run_lint([written], lang, catalog, config, clock.today())
    sys.stdout.write(REPORTERS["text"].render(result.findings, "nb"))
    return exit_code(result.findings, config)


def _own_language(folder: Path) -> str:
    """The municipality's written standard, from its profile."""
    from rettfram.check import check_paths

    checked = check_paths([str(folder)], clock.today())
    if len(checked) != 1 or checked[0].profile is None:
        raise UserError(
            Text(
                f"{folder}: fant ingen gyldig profile.yaml å lese målformen fra; oppgi --lang, eller kjør "
                f"«python build.py check {folder}» og rett feilene.",
                f"{folder}: no valid profile.yaml to read the written standard from; give --lang, or run "
                f"'python build.py check {folder}' and fix what it finds.",
            )
        )
    return checked[0].profile.municipality.language
