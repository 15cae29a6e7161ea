#!/usr/bin/env python3
"""An experiment, not part of the linter: would a statistical catch-all find what the rules miss?

Trains a naive Bayes classifier per category (sos, cliche, target) on every corpus file except
the held-out round named on the command line, then lints that round with the rules and, on
sentences no rule flagged, adds the category whose score is highest (if above zero). Prints
recall and precision per category and false alarms on honest copy, for the rules alone and for
rules + classifier. Features: words, word pairs and 5-letter pieces (lower case).

    python bench/bayes_fallback.py heldout-ll heldout-mm heldout-nn [--rules DIR] [--without FILE…]

The figures are only honest for a round the rules had not learned from: pass ``--rules`` with
the rule folder of the commit the round was measured with (tests/corpus/README.md), e.g.
``git worktree add /tmp/r9 a8bf2f6`` and ``--rules /tmp/r9/rettfram/rules``, and ``--without``
the files written after it. Every writer had the same prompt, so the classifier may partly
learn the prompt; a blind round from a different prompt is the fair test.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ruamel.yaml import YAML  # noqa: E402

from rettfram.lint.config import LintConfig  # noqa: E402
from rettfram.lint.engine import LintContext  # noqa: E402
from rettfram.lint.pack import load_catalog  # noqa: E402
from rettfram.lint.page import lint_text  # noqa: E402

CORPUS = REPO / "tests" / "corpus"
CATEGORIES = ("sos", "cliche", "target")
_WORD = re.compile(r"[\wæøå']+")


def features(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    padded = f" {' '.join(words)} "
    return ({f"w:{w}" for w in words} | {f"b:{a}_{b}" for a, b in zip(words, words[1:])}
            | {f"c:{padded[i:i + 5]}" for i in range(len(padded) - 4)})


def train(entries: list[dict], category: str) -> Callable[[str], float]:
    """A Bernoulli-style naive Bayes score: log odds that ``text`` belongs to ``category``."""
    inside, outside = Counter(), Counter()
    n_in = n_out = 0
    for entry in entries:
        if category in entry["expected"]:
            inside.update(features(entry["text"]))
            n_in += 1
        else:
            outside.update(features(entry["text"]))
            n_out += 1
    known = set(inside) | set(outside)

    def score(text: str) -> float:
        total = math.log(n_in / n_out)
        for feature in features(text) & known:
            total += math.log((inside[feature] + 1) / (n_in + 2)) - math.log((outside[feature] + 1) / (n_out + 2))
        return total

    return score


def load(names: list[str]) -> list[dict]:
    yaml = YAML(typ="safe", pure=True)
    return [entry for name in names for entry in yaml.load((CORPUS / f"{name}.yaml").read_text("utf-8"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("round", nargs="+", metavar="FILE", help="held-out files to test on, e.g. heldout-ll")
    parser.add_argument("--rules", type=Path, default=None, help="a rule folder (default: this checkout's)")
    parser.add_argument("--without", nargs="*", default=[], metavar="FILE", help="corpus files to leave out of training")
    args = parser.parse_args()
    test_names = set(args.round)
    left_out = test_names | set(args.without)
    train_names = sorted(p.stem for p in CORPUS.glob("*.yaml") if p.stem not in left_out)
    training, testing = load(train_names), load(sorted(test_names))
    scorers = {c: train(training, c) for c in CATEGORIES}
    catalog = load_catalog(args.rules) if args.rules else load_catalog()
    counts = {system: {c: Counter() for c in CATEGORIES} for system in ("rules", "rules+bayes")}
    false_alarms = Counter()
    honest = 0
    for entry in testing:
        context = LintContext(place_names=(entry["place"],) if entry.get("place") else ())
        found = lint_text("copy.md", entry["text"], entry["lang"], catalog, LintConfig(), context)
        by_rules = {f.category.value for f in found} & set(CATEGORIES)
        combined = set(by_rules)
        if not combined:
            scores = {c: scorer(entry["text"]) for c, scorer in scorers.items()}
            best = max(scores, key=scores.__getitem__)
            if scores[best] > 0:
                combined = {best}
        expected = set(entry["expected"])
        honest += not expected
        for system, got in (("rules", by_rules), ("rules+bayes", combined)):
            false_alarms[system] += bool(got) and not expected
            for c in CATEGORIES:
                key = "tp" if c in got and c in expected else "fp" if c in got else "fn" if c in expected else None
                if key:
                    counts[system][c][key] += 1
    print(f"trained on {len(training)} sentences, tested on {len(testing)} ({', '.join(sorted(test_names))})")
    for system, per_category in counts.items():
        cells = []
        for c, n in per_category.items():
            recall = n["tp"] / ((n["tp"] + n["fn"]) or 1)
            precision = n["tp"] / ((n["tp"] + n["fp"]) or 1)
            cells.append(f"{c} recall {recall:.2f} precision {precision:.2f}")
        print(f"{system:12} " + " · ".join(cells) + f" · false alarms {false_alarms[system]} of {honest}")


if __name__ == "__main__":
    main()
