"""``rettfram merge OUT SHARD…``: put the outputs of ``build --shard K/N`` together, with one
portal (``rettfram.merge``). Exit 0 merged, 2 could not (the previous ``OUT`` is kept)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.commands.build import folder_argument
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_OK, UserError, say
from rettfram.discover import display_path
from rettfram.text import Text

MERGED = Text(
    nb="Satte sammen {shards} deler med {sites} kommune(r): {out}/index.html",
    nn="Sette saman {shards} delar med {sites} kommune(ar): {out}/index.html",
    en="Merged {shards} shards with {sites} municipality(-ies): {out}/index.html",
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge",
        help="sett sammen delbygg / merge sharded builds",
        description="Sett sammen utdatamappene fra «build --shard K/N» til én, med én portal. / "
        "Put the output folders of 'build --shard K/N' together into one, with one portal.",
    )
    parser.add_argument(
        "out", type=folder_argument, metavar="OUT", help="utdatamappen som lages / the output folder to make"
    )
    parser.add_argument(
        "shards",
        nargs="+",
        type=folder_argument,
        metavar="SHARD",
        help="utdatamappene fra hver del / each shard's output folder",
    )
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rettfram.merge import merge  # the portal's templates: only when merging

    try:
        result = merge(args.out, list(args.shards))
    except OSError as exc:
        raise UserError(
            Text(
                f"Kan ikke skrive: {exc.strerror or exc}.",
                f"Cannot write: {exc.strerror or exc}.",
                f"Kan ikkje skrive: {exc.strerror or exc}.",
            )
        ) from None
    say(MERGED.format(shards=result.shards, sites=result.sites, out=display_path(Path(result.out))).render(args.lang))
    return EXIT_OK
