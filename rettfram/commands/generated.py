"""Files generated from the repository's own data (``docs/rules.md``, ``rettfram/rules/similar.json``):
write them, or with ``--check`` only say whether the committed one is current."""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.console import EXIT_FINDINGS, EXIT_OK, say


def add_output_options(parser: argparse.ArgumentParser, default: Path, shown: str) -> None:
    """``--output FILE`` (default ``default``, shown as ``shown``) and ``--check``."""
    parser.add_argument("--output", type=Path, default=default, help=f"fil / file ({shown})")
    parser.add_argument(
        "--check", action="store_true", help="bare sjekk at fila er oppdatert / only check it is up to date"
    )


def write_or_check(path: Path, text: str, *, check: bool, command: str, note: str = "") -> int:
    """``check``: exit 0 when ``path`` holds ``text``, else 1 with the command to run. Otherwise
    write ``text`` to ``path`` and exit 0. ``OSError`` is left to the caller's message."""
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current == text:
            return EXIT_OK
        say(f"{path} er utdatert / is out of date: python build.py {command}")
        return EXIT_FINDINGS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    say(f"Skrev / wrote {path}{note}")
    return EXIT_OK
