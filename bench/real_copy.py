#!/usr/bin/env python3
"""How the linter does on real-patterned copy (corpus/real/): recall per category, precision,
and false alarms on honest copy, for the rules and the model together and for the rules alone.

Blind first measures run the linter of a frozen commit on a batch it has never seen:

    git worktree add /tmp/frozen <commit>
    python bench/real_copy.py /work/blind/real-r1.yaml --checkout /tmp/frozen

Without ``--checkout`` it measures this checkout. Prints figures; never fails on them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

CATEGORIES = ("sos", "cliche", "target")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="corpus files (YAML lists of {lang, expected, text, place?})")
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1], help="the Rettfram checkout to measure")
    parser.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    sys.path.insert(0, str(args.checkout.resolve()))
    from ruamel.yaml import YAML

    from rettfram.lint.config import LintConfig
    from rettfram.lint.engine import LintContext
    from rettfram.lint.pack import load_catalog
    from rettfram.lint.page import lint_text

    catalog = load_catalog()
    net = tuple(rule_id for rule_id in catalog.ids() if rule_id.endswith(".ligner"))
    systems = {"rules + model": LintConfig(), "rules alone": LintConfig(disable=net)}
    entries = [item for path in args.files for item in YAML(typ="safe", pure=True).load(path.read_text("utf-8"))]
    for name, config in systems.items():
        counts: Counter[str] = Counter()
        notes = []
        for item in entries:
            context = LintContext(place_names=(item["place"],) if item.get("place") else ())
            findings = lint_text("real.md", item["text"], item["lang"], catalog, config, context)
            got = {f.category.value for f in findings} & set(CATEGORIES)
            expected = set(item["expected"])
            for category in CATEGORIES:
                counts[f"{category} tp"] += category in got and category in expected
                counts[f"{category} fp"] += category in got and category not in expected
                counts[f"{category} fn"] += category not in got and category in expected
            if not expected:
                counts["honest"] += 1
                if findings:
                    counts["false alarms"] += 1
                    notes.append(f"    false alarm [{item['lang']}] {sorted({f.rule for f in findings})}: {item['text']}")
            elif expected - got:
                notes.append(f"    miss {sorted(expected - got)} [{item['lang']}]: {item['text']}")
        print(f"{name} ({args.checkout.name}, {len(entries)} sentences)")
        for category in CATEGORIES:
            tp, fp, fn = (counts[f"{category} {k}"] for k in ("tp", "fp", "fn"))
            recall = tp / (tp + fn) if tp + fn else 1.0
            precision = tp / (tp + fp) if tp + fp else 1.0
            print(f"  {category:7} recall {recall:.2f} ({tp}/{tp + fn})  precision {precision:.2f}")
        honest = counts["honest"]
        print(f"  false alarms {counts['false alarms']}/{honest} = {counts['false alarms'] / honest if honest else 0:.1%}")
        if args.misses:
            print("\n".join(notes))


if __name__ == "__main__":
    main()
