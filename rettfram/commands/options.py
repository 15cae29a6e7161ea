"""Options several commands share: --lang and --format."""

from __future__ import annotations

import argparse

from rettfram.text import LANGS


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="nb",
        help="språk for meldingene / language of the messages (nb, nn, en; standard nb)",
    )
