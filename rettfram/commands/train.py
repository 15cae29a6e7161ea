"""``python build.py train [--check]``: learn the ``similar`` model from the labelled corpus.

Reads ``corpus/*.yaml`` and writes ``rettfram/rules/similar.json`` (see ``lint/similar.py``).
``--check`` writes nothing and exits 1 when the committed model is not what the corpus gives.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rettfram.lint.console import fail, internal_error
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
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="fil / file (rettfram/rules/similar.json)")
    parser.add_argument("--check", action="store_true", help="bare sjekk at modellen er oppdatert / only check it is up to date")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        entries = load_corpus(args.corpus)
        if not entries:
            return fail(Text(nb=f"Fant ingen merkede setninger i {args.corpus}/*.yaml.",
                             en=f"No labelled sentences in {args.corpus}/*.yaml."))
        text = train(entries).to_json()
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if args.check:
            if current == text:
                return 0
            print(f"{args.output} er utdatert / is out of date: python build.py train")
            return 1
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"Skrev / wrote {args.output} ({len(entries)} setninger / sentences)")
        return 0
    except CorpusError as exc:
        return fail(Text(nb=f"Korpuset kan ikke brukes: {exc}", en=f"The corpus cannot be used: {exc}"))
    except OSError as exc:
        return fail(Text(nb=f"Kan ikke lese eller skrive: {exc}", en=f"Cannot read or write: {exc}"))
    except Exception as exc:  # no traceback reaches a user
        return internal_error(exc)
