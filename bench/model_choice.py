#!/usr/bin/env python3
"""Which model for the last net: measured on real-patterned copy it was not trained on.

Leaves one real-copy batch (``corpus/real/real-*.yaml``) out at a time, trains on the project's
corpus and the other real batches, and lints the batch left out with the rules and each
candidate net, printing recall per category and false alarms, per batch and pooled:

- rules alone (every ``*.ligner`` rule off);
- naive Bayes over words and word pairs (the model until December 2026, reimplemented here);
- logistic regression over words, word pairs and character 3–5-grams (the model now,
  ``lint/similar_train.py``), and with words only and characters only.

    python bench/model_choice.py

Prints figures; decides nothing by itself. Needs scikit-learn (in requirements.lock).
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rettfram.lint.config import LintConfig  # noqa: E402
from rettfram.lint.corpus import CATEGORIES, CORPUS_DIR, REAL, load_corpus  # noqa: E402
from rettfram.lint.measure import Tally, lint_entries, rules_alone  # noqa: E402
from rettfram.lint.pack import load_catalog  # noqa: E402
from rettfram.lint.similar import Verdict, words  # noqa: E402
from rettfram.lint.similar_train import fit  # noqa: E402


@dataclass(frozen=True)
class NaiveBayes:
    """The earlier model: per category against honest copy, log odds over words and word pairs."""

    sizes: Counter
    counts: dict
    threshold: float = 12.0
    sure: float = 40.0

    @classmethod
    def train(cls, entries) -> "NaiveBayes":  # noqa: ANN001
        sizes, counts = Counter(), {}
        for entry in entries:
            labels = [c for c in CATEGORIES if c in entry.expected] or ["honest"]
            sizes.update(labels)
            for feature in cls.features(entry.text):
                counts.setdefault(feature, Counter()).update([*labels, "*"])
        return cls(sizes, {f: c for f, c in counts.items() if c["*"] >= 3})

    @staticmethod
    def features(text: str) -> set[str]:
        found = words(text)
        return set(found) | {f"{a} {b}" for a, b in zip(found, found[1:])}

    def verdicts(self, text: str, skip=()) -> dict[str, Verdict]:  # noqa: ANN001
        found = self.features(text)
        out = {}
        for category in CATEGORIES:
            score = math.log(self.sizes[category] / self.sizes["honest"])
            for feature in found & self.counts.keys():
                inside, honest = self.counts[feature][category], self.counts[feature]["honest"]
                score += math.log((inside + 1) / (self.sizes[category] + 2)) - math.log((honest + 1) / (self.sizes["honest"] + 2))
            if score > self.threshold:
                out[category] = Verdict(category, score, ())
        return out


def main() -> None:
    catalog = load_catalog()
    project = load_corpus(CORPUS_DIR)
    batches = {path.stem: load_corpus(CORPUS_DIR / REAL, without=frozenset(p.stem for p in (CORPUS_DIR / REAL).glob("*.yaml")) - {path.stem})
               for path in sorted((CORPUS_DIR / REAL).glob("real-*.yaml"))}
    candidates = {
        "rules alone": None,
        "naive Bayes, words": lambda entries: NaiveBayes.train(entries),
        "logistic, words + chars": lambda entries: fit(entries)[0],
        "logistic, words": lambda entries: fit(entries, kinds=("w",))[0],
        "logistic, chars": lambda entries: fit(entries, kinds=("c",))[0],
    }
    pooled = {name: Tally() for name in candidates}
    for held, entries in batches.items():
        training = project + [e for name, es in batches.items() if name != held for e in es]
        for name, make in candidates.items():
            model = make(training) if make else None
            tally = lint_entries(entries, catalog, rules_alone(catalog) if model is None else LintConfig(), model)
            pooled[name] += tally
            print(f"{held:9} {name:25} {tally.line()}", flush=True)
    print("pooled, each batch measured by a net trained without it:")
    for name, tally in pooled.items():
        print(f"  {name:25} {tally.line()}")


if __name__ == "__main__":
    main()
