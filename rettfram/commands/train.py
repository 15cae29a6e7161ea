"""``python build.py train [--check]``: learn the ``similar`` model from the labelled corpus.

Reads ``corpus/*.yaml`` and ``corpus/real/*.yaml`` and writes ``rettfram/rules/similar.json``
(see ``lint/similar.py``; learning needs scikit-learn, a development dependency). ``--check``
writes nothing and exits 1 when the committed model was not learned from the corpus as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.commands.generated import add_output_options, write_or_check
from rettfram.console import EXIT_FINDINGS, EXIT_OK, UserError, say
from rettfram.lint.corpus import CORPUS_DIR, load_training
from rettfram.lint.similar import MODEL_PATH, Model
from rettfram.lint.similar_train import corpus_hash, train
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
        entries = load_training(args.corpus)
        if not entries:
            raise UserError(
                Text(
                    nb=f"Fant ingen merkede setninger i {args.corpus}/*.yaml.",
                    en=f"No labelled sentences in {args.corpus}/*.yaml.",
                )
            )
        if args.check:  # the corpus it was learned from, not a retraining (floating point differs between machines)
            return check_model(args.output, corpus_hash(entries))
        return write_or_check(
            args.output,
            train(entries).to_json(),
            check=False,
            command="train",
            note=f" ({len(entries)} setninger / sentences)",
        )
    except OSError as exc:
        raise UserError(Text(nb=f"Kan ikke lese eller skrive: {exc}", en=f"Cannot read or write: {exc}")) from None


def check_model(path: Path, expected: str) -> int:
    """Exit 1 when the model at ``path`` was learned from another corpus (or cannot be read)."""
    try:
        learned = Model.from_json(path.read_text(encoding="utf-8")).corpus
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        learned = None
    if learned == expected:
        return EXIT_OK
    say(f"{path} er utdatert / is out of date: python build.py train")
    return EXIT_FINDINGS
