#!/usr/bin/env python3
"""What the last net (the ``similar`` rules) adds on held-out rounds, measured fairly.

For the round named on the command line, trains the model on the corpus without that round (and
without the files named in ``--without``, written after it), lints the round with the rules of
``--rules`` (the rule folder of the commit the round was first measured with, see
corpus/README.md) plus the three ``*.ligner`` rules of this checkout, and prints recall per
category and false alarms for the rules alone and for rules + the net.

    git worktree add /tmp/r9 a8bf2f6
    python bench/similar_heldout.py heldout-ll heldout-mm heldout-nn --rules /tmp/r9/rettfram/rules --without heldout-oo
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rettfram.lint.config import LintConfig  # noqa: E402
from rettfram.lint.corpus import CATEGORIES, CORPUS_DIR, load_corpus  # noqa: E402
from rettfram.lint.engine import LintContext  # noqa: E402
from rettfram.lint.pack import PACK_LANGS, RULES_DIR, load_catalog  # noqa: E402
from rettfram.lint.page import lint_text  # noqa: E402
from rettfram.lint.similar import train  # noqa: E402

NET = tuple(f"{category}.ligner" for category in CATEGORIES)


def with_net(rules: Path, into: Path) -> Path:
    """A copy of a rule folder with this checkout's similar rules added."""
    shutil.copytree(rules, into)
    for lang in PACK_LANGS:
        for rule_id in NET:
            shutil.copy(RULES_DIR / lang / f"{rule_id}.yaml", into / lang / f"{rule_id}.yaml")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("round", nargs="+", metavar="FILE", help="held-out files, e.g. heldout-ll")
    parser.add_argument("--rules", type=Path, default=RULES_DIR, help="a rule folder (default: this checkout's)")
    parser.add_argument("--without", nargs="*", default=[], metavar="FILE", help="corpus files left out of training")
    args = parser.parse_args()
    round_files = frozenset(args.round)
    model = train(load_corpus(without=round_files | frozenset(args.without)))
    testing = load_corpus(without=frozenset(p.stem for p in CORPUS_DIR.glob("*.yaml")) - round_files)
    with tempfile.TemporaryDirectory() as tmp:
        catalog = load_catalog(with_net(args.rules, Path(tmp) / "rules"))
        counts = {system: Counter() for system in ("rules", "rules + net")}
        for entry in testing:
            context = LintContext(place_names=(entry.place,) if entry.place else (), model=model)
            findings = lint_text("round.md", entry.text, entry.lang, catalog, LintConfig(), context)
            both = {f.category.value for f in findings} & set(CATEGORIES)
            alone = {f.category.value for f in findings if f.rule not in NET} & set(CATEGORIES)
            for system, got in (("rules", alone), ("rules + net", both)):
                n = counts[system]
                n["honest"] += not entry.expected
                n["false alarms"] += bool(got) and not entry.expected
                for category in CATEGORIES:
                    n[f"{category} wanted"] += category in entry.expected
                    n[f"{category} found"] += category in entry.expected and category in got
    print(f"{', '.join(sorted(round_files))}: {len(testing)} sentences; model trained on the rest")
    for system, n in counts.items():
        cells = [f"{c} {n[f'{c} found']}/{n[f'{c} wanted']} = {n[f'{c} found'] / max(1, n[f'{c} wanted']):.3f}" for c in CATEGORIES]
        print(f"  {system:12} " + " · ".join(cells) + f" · false alarms {n['false alarms']} of {n['honest']}")


if __name__ == "__main__":
    main()
