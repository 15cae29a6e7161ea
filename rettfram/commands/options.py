"""Options several commands share: --lang and --format."""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.text import LANGS


def add_folder_and_language(parser: argparse.ArgumentParser, whose: str) -> None:
    """FOLDER (one municipality) and ``--lang`` for the language of the content (``whose``: the
    Norwegian and English words for what is in that language, «tekstens / the copy's»)."""
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="kommunemappen / the municipality folder")
    nb, en = whose.split(" / ")
    parser.add_argument(
        "--lang",
        default=None,
        metavar="LANG",
        help=f"{nb} språk (standard: kommunens målform) / {en} language (default: the municipality's)",
    )


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="nb",
        help="språk for meldingene / language of the messages (nb, nn, en; standard nb)",
    )
