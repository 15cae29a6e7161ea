"""The ``similar`` model: which category a sentence resembles most, learned from the labelled corpus.

Rules built from words catch the ways of overselling someone has written down; every new writer
brings new ones ("er det kroken på døra for Sørvær"). The ``similar`` rules (``sos.ligner``,
``cliche.ligner``, ``target.ligner``) are the last net: for a sentence that no rule of their
category has flagged, this model says whether it is clearly more like that category than like
honest copy, and which words weigh most.

The model is naive Bayes, each category against honest copy, over a sentence's words and word
pairs (lower case). It is small enough to read: ``train`` counts in how many honest corpus
sentences, and in how many of each category, each word and pair occurs; ``Model.score`` adds up
the log odds. A sentence counts as like a category only when its log odds pass ``THRESHOLD``, so
ordinary lines ("Les mer her.", "Du har flyttet hit, eller skal gjøre det snart.") are not
judged on a word or two. Features seen in fewer than ``MIN_COUNT`` sentences are left out.

The choices were measured (``bench/similar_heldout.py``): five-letter pieces of words as
features caught inflections, but counted the same evidence many times over and made the model
sure of itself on ordinary page copy; ``THRESHOLD`` was set where the held-out rounds 7–9 kept
their recall and the example municipalities' copy had one or two false alarms when left out of
training. Only the category a sentence is most like is reported, and in a sentence a rule of
another category has flagged already only past ``SURE``: reporting every category past
``THRESHOLD`` halved precision on held-out round 10, because overselling sentences share their
words across categories.

It is hand-written, not scikit-learn: the counting is forty lines, and scikit-learn would bring
numpy and scipy (about 100 MB) and a second of start-up to every ``lint`` for the same numbers.

``python build.py train`` writes the counts to ``rettfram/rules/similar.json`` (sorted, one
feature per line, so a change to the corpus is a readable diff); a test fails when that file is
not what the corpus gives.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rettfram.lint.corpus import CATEGORIES, Entry
from rettfram.lint.pack import RuleFileError

MODEL_PATH = Path(__file__).resolve().parent.parent / "rules" / "similar.json"
FORMAT = "rettfram-similar/1"
MIN_COUNT = 3  # a feature must occur in at least this many corpus sentences
THRESHOLD = 12.0  # log odds (against honest copy) above which a sentence counts as like a category
SURE = 40.0  # log odds a sentence needs when a rule of another category has flagged it already
HONEST = "honest"
COLUMNS: tuple[str, ...] = (HONEST, *CATEGORIES)
_WORD = re.compile(r"[\w']+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def features(text: str) -> set[str]:
    """Words (``w:``) and word pairs (``b:``)."""
    found = words(text)
    return {f"w:{w}" for w in found} | {f"b:{a}_{b}" for a, b in zip(found, found[1:])}


@dataclass(frozen=True)
class Verdict:
    """How much a sentence is like one category: its log odds against honest copy, and the words
    that weigh most."""

    category: str
    score: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """How many corpus sentences are honest and how many belong to each category (``sizes``), and
    per feature in how many of those it occurs (``counts``, in the order of ``COLUMNS``)."""

    sizes: dict[str, int]
    counts: dict[str, tuple[int, ...]]

    def weight(self, feature: str, category: str) -> float:
        """Log odds a feature adds for ``category`` against honest copy (Laplace-smoothed); 0 for
        a feature the corpus does not know."""
        counts = self.counts.get(feature)
        if counts is None:
            return 0.0
        inside, honest = counts[COLUMNS.index(category)], counts[0]
        n_in, n_honest = self.sizes[category], self.sizes[HONEST]
        return math.log((inside + 1) / (n_in + 2)) - math.log((honest + 1) / (n_honest + 2))

    def score(self, text: str, category: str) -> float:
        """Log odds that ``text`` is copy of ``category`` rather than honest copy (minus infinity
        when the corpus has no sentence of the category, or no honest one)."""
        return self._score(features(text), category)

    def _score(self, found: set[str], category: str) -> float:
        if not self.sizes[category] or not self.sizes[HONEST]:
            return -math.inf
        prior = math.log(self.sizes[category] / self.sizes[HONEST])
        return prior + sum(self.weight(f, category) for f in found)

    def verdicts(self, text: str, skip: Iterable[str] = ()) -> dict[str, Verdict]:
        """Every category ``text`` is clearly more like than like honest copy, by category; the
        words given in ``skip`` (the place's own name) are not named as reasons."""
        found = features(text)
        scores = {c: self._score(found, c) for c in CATEGORIES}
        return {c: Verdict(c, score, self.heaviest_words(text, c, skip=frozenset(skip)))
                for c, score in scores.items() if score > THRESHOLD}

    def verdict(self, text: str, skip: Iterable[str] = ()) -> Verdict | None:
        """The category ``text`` is most like, if any passes the threshold."""
        found = self.verdicts(text, skip)
        return max(found.values(), key=lambda v: v.score) if found else None

    def heaviest_words(self, text: str, category: str, n: int = 3, skip: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The words of ``text`` that add most to ``category``."""
        weighed = {w: self.weight(f"w:{w}", category) for w in words(text) if not w.isdigit() and w not in skip}
        ranked = sorted((w for w, value in weighed.items() if value > 0), key=lambda w: -weighed[w])
        return tuple(ranked[:n])

    def to_json(self) -> str:
        head = {"format": FORMAT, "columns": list(COLUMNS), "min_count": MIN_COUNT, "sizes": self.sizes}
        lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)]
        lines += [json.dumps([feature, *counts], ensure_ascii=False) for feature, counts in sorted(self.counts.items())]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Model":
        head, *rows = text.splitlines()
        meta = json.loads(head)
        if meta.get("format") != FORMAT or meta.get("columns") != list(COLUMNS):
            raise ValueError(f"not a {FORMAT} model with columns {', '.join(COLUMNS)}")
        counts = {row[0]: tuple(row[1:]) for row in map(json.loads, rows)}
        return cls(sizes=meta["sizes"], counts=counts)


def train(entries: Iterable[Entry]) -> Model:
    """Count, per feature, the honest sentences and those of each category it occurs in."""
    sizes = Counter({c: 0 for c in COLUMNS})
    seen: dict[str, Counter[str]] = {}
    for entry in entries:
        labels = [c for c in CATEGORIES if c in entry.expected] or ([HONEST] if not entry.expected else [])
        sizes.update(labels)
        for feature in features(entry.text):
            counter = seen.setdefault(feature, Counter())
            counter["*"] += 1
            counter.update(labels)
    counts = {f: tuple(c[k] for k in COLUMNS) for f, c in seen.items() if c["*"] >= MIN_COUNT}
    return Model(sizes=dict(sizes), counts=counts)


@lru_cache(maxsize=None)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The committed model; a missing or broken file is a :class:`RuleFileError` that says what to run."""
    try:
        return Model.from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise RuleFileError(path, [f"kan ikke lese modellen / cannot read the model ({exc}); "
                                   "kjør / run: python build.py train"]) from None
