#!/usr/bin/env python3
"""How the linter does on labelled copy (real-patterned batches, ``corpus/real/``, or any corpus
file): recall per category, precision, and false alarms on honest copy, for the rules and the
model together and for the rules alone.

Blind first measures run the linter of a frozen commit on a batch it has never seen:

    git worktree add /tmp/frozen <commit>
    python /tmp/frozen/bench/real_copy.py /work/blind/real-r6.yaml

(it measures the checkout it lives in). Prints figures; never fails on them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rettfram.lint.config import LintConfig  # noqa: E402
from rettfram.lint.corpus import load_file  # noqa: E402
from rettfram.lint.measure import lint_entries, rules_alone  # noqa: E402
from rettfram.lint.pack import load_catalog  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="corpus files (YAML lists of {lang, expected, text, place?})")
    parser.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    catalog = load_catalog()
    entries = [entry for path in args.files for entry in load_file(path)]
    for name, config in (("rules + model", LintConfig()), ("rules alone", rules_alone(catalog))):
        tally = lint_entries(entries, catalog, config)
        print(f"{name} ({REPO.name}, {len(entries)} sentences)")
        print("\n".join(tally.lines(details=args.misses)))


if __name__ == "__main__":
    main()
