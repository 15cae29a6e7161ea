"""``python build.py train [--check]``: learn the ``similar`` model from the labelled corpus.

Reads ``corpus/*.yaml`` and writes ``rettfram/rules/similar.json`` (see ``lint/similar.py``).
``--check`` writes nothing and exits 1 when the committed model is not what the corpus gives.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.commands.generated import add_output_options, write_or_check
from rettfram.console import fail, internal_error
from rettfram.lint.corpus import CORPUS_DIR, CorpusError, load_corpus
from rettfram.lint.similar import MODEL_PATH, train
from rettfram.text import Text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train",
        help="lær likhetsmodellen fra korpuset / learn the similar model from the corpus",
        description="Skriv rettfram/rules/similar.json fra corpus/. / Write rettfram/rules/similar.json from corpus/.",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="mappe / folder (corpus/)")
    add_output_options(parser, MODEL_PATH, "rettfram/rules/similar.json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        entries = load_corpus(args.corpus)
        if not entries:
            return fail(Text(nb=f"Fant ingen merkede setninger i {args.corpus}/*.yaml.",
                             en=f"No labelled sentences in {args.corpus}/*.yaml."))
        return write_or_check(args.output, train(entries).to_json(), check=args.check, command="train",
                              note=f" ({len(entries)} setninger / sentences)")
    except CorpusError as exc:
        return fail(Text(nb=f"Korpuset kan ikke brukes: {exc}", en=f"The corpus cannot be used: {exc}"))
    except OSError as exc:
        return fail(Text(nb=f"Kan ikke lese eller skrive: {exc}", en=f"Cannot read or write: {exc}"))
    except Exception as exc:  # no traceback reaches a user
        return internal_error(exc)
