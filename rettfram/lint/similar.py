"""The ``similar`` model: which category a sentence resembles most, learned from the labelled corpus.

Rules built from words catch the ways of overselling someone has written down; every new writer
brings new ones ("er det kroken på døra for Sørvær"). The ``similar`` rules (``sos.ligner``,
``cliche.ligner``, ``target.ligner``) are the last net: for a sentence no rule of their category
has flagged, this model says whether it is clearly like that category, and which words weigh most.

**The model** is logistic regression, one per category (the category against every other
sentence), over tf-idf features of two kinds: words and word pairs (``w``), and character
3–5-grams inside words (``c``: they carry inflections and the two written standards: «bygda»,
«bygdene», «bygdi» share «bygd»). ``lint/similar_train.py`` learns it with scikit-learn
(``python build.py train``); this module applies it with no dependency: the same features, the
same tf-idf weighting (1 + ln count, times idf, each kind scaled to unit length), and a sum of
weights. A sentence is like a category when the model's probability for it passes the
model's ``threshold``; only the category it is most like is reported, and in a sentence a rule
of another category has already flagged, only past ``sure``.

**Why this model** (measured, ``bench/model_choice.py``, leaving out one real-copy batch at a
time): the earlier naive Bayes over words and word pairs found sos 0.79, cliche 0.74, target
0.62 of the real-patterned copy it had not seen (with 5.0 % false alarms); this model 0.88 /
0.79 / 0.80 (4.7 %). Character n-grams generalise over inflection and spelling; a
discriminative model does not count the same evidence many times over.

``rettfram/rules/similar.json`` holds the model, one JSON list (read in one go): a header
(format, categories, thresholds, intercepts, the sha256 of the corpus it was learned from), then
one feature per line with its idf and one weight per category, sorted, so a change is a
readable diff. A test fails when the
file was not learned from the corpus as it is.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from rettfram.disk_cache import cached
from rettfram.lint.corpus import CATEGORIES
from rettfram.lint.pack import RuleFileError

MODEL_PATH = Path(__file__).resolve().parent.parent / "rules" / "similar.json"
FORMAT = "rettfram-similar/2"
KINDS = ("w", "c")  # words and word pairs; character 3-5-grams inside words
CHAR_SIZES = (3, 5)
MIN_WORDS = 3  # the net judges a sentence of at least this many words
SHORT_WORDS = 4  # up to this many words, a sentence needs the model's ``short`` threshold
_WORD = re.compile(r"[\w']+")
_SPACE = re.compile(r"\s\s+")


def normalise(text: str) -> str:
    return text.lower().replace("’", "'")


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def word_terms(text: str) -> list[str]:
    """Words and word pairs, as scikit-learn's word 1–2-grams name them."""
    found = words(text)
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]


def char_terms(text: str) -> list[str]:
    """Character 3–5-grams of each word padded with a space, as scikit-learn's ``char_wb``."""
    out: list[str] = []
    for word in _SPACE.sub(" ", normalise(text)).split():
        out += _word_grams(word)
    return out


@lru_cache(maxsize=1 << 16)
def _word_grams(word: str) -> tuple[str, ...]:
    """One word's character n-grams (kept: a text repeats its words, a site its sentences)."""
    out = []
    padded = f" {word} "
    for size in range(CHAR_SIZES[0], CHAR_SIZES[1] + 1):
        out.append(padded[:size])
        offset = 0
        while offset + size < len(padded):
            offset += 1
            out.append(padded[offset : offset + size])
        if offset == 0:
            break
    return tuple(out)


TERMS = {"w": word_terms, "c": char_terms}


@dataclass(frozen=True)
class Features:
    """A text's tf-idf features, in term order (words and pairs, then character n-grams), as
    columns: each term's kind, the term, its value and its weights (one per category)."""

    kinds: list[str]
    terms: list[str]
    values: list[float]
    weights: list[tuple[float, ...]]


@dataclass(frozen=True)
class Verdict:
    """How much a sentence is like one category: the model's probability, and the words that weigh most."""

    category: str
    score: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Per feature (kind, term): its idf and one weight per category; the intercepts; the thresholds."""

    idf: dict[tuple[str, str], float]
    weights: dict[tuple[str, str], tuple[float, ...]]
    intercepts: tuple[float, ...]
    threshold: float
    sure: float
    short: float  # the threshold for a sentence of at most SHORT_WORDS words
    corpus: str  # sha256 of the corpus it was learned from

    @cached_property
    def _tables(self) -> dict[str, tuple[dict[str, float], dict[str, tuple[float, ...]]]]:
        """Per kind, term → idf and term → weights: a text's terms are looked up without making a
        key for each (``lint`` scores every sentence of every page; built once a process)."""
        tables: dict[str, tuple[dict[str, float], dict[str, tuple[float, ...]]]] = {kind: ({}, {}) for kind in KINDS}
        for key, idf in self.idf.items():
            idfs, weights = tables[key[0]]
            idfs[key[1]] = idf
            weights[key[1]] = self.weights[key]
        return tables

    def _vector(self, text: str) -> Features:
        """The tf-idf features of ``text``: a term's value is (1 + ln count) × idf, each kind
        scaled to unit length. Every step is a ``map`` over the terms (``lint`` scores every
        sentence of a build), with the same arithmetic in the same order as a loop would do."""
        kinds: list[str] = []
        terms: list[str] = []
        values: list[float] = []
        weights: list[tuple[float, ...]] = []
        for kind in KINDS:
            idfs, weights_of = self._tables[kind]
            counts = Counter(filter(idfs.__contains__, TERMS[kind](text)))
            tf = map(operator.add, [1.0] * len(counts), map(math.log, counts.values()))  # 1 + ln count
            raw = list(map(operator.mul, tf, map(idfs.__getitem__, counts)))  # × idf
            length = math.sqrt(sum(map(operator.mul, raw, raw))) or 1.0
            kinds += [kind] * len(counts)
            terms += counts
            values += map(operator.truediv, raw, [length] * len(raw))
            weights += map(weights_of.__getitem__, counts)
        return Features(kinds, terms, values, weights)

    def probabilities(self, text: str, vector: Features | None = None) -> dict[str, float]:
        vector = self._vector(text) if vector is None else vector
        columns = list(zip(*vector.weights, strict=True)) or [()] * len(CATEGORIES)
        out = {}
        for index, category in enumerate(CATEGORIES):
            # the same products summed in the same order as a loop over the features, but in C
            z = self.intercepts[index] + sum(map(operator.mul, vector.values, columns[index]))
            out[category] = 1 / (1 + math.exp(-max(-500.0, min(500.0, z))))
        return out

    def verdicts(self, text: str, skip: Iterable[str] = ()) -> dict[str, Verdict]:
        """Every category ``text`` is like past the threshold; the words given in ``skip`` (the
        place's own name) are not named as reasons. A line of one or two words («Om bygda», «Bo
        her») is not judged, and one of three or four («Skolen har 43 elever») only past the
        ``short`` threshold: on so few words the model is sure for little reason."""
        count = len(words(text))
        if count < MIN_WORDS:
            return {}
        threshold = self.short if count <= SHORT_WORDS else self.threshold
        vector = self._vector(text)
        found = {}
        for category, score in self.probabilities(text, vector).items():
            if score > threshold:
                found[category] = Verdict(category, score, self._heaviest(vector, category, frozenset(skip)))
        return found

    def verdict(self, text: str, skip: Iterable[str] = ()) -> Verdict | None:
        """The category ``text`` is most like, if any passes the threshold."""
        found = self.verdicts(text, skip)
        return max(found.values(), key=lambda v: v.score) if found else None

    def _heaviest(self, vector: Features, category: str, skip: frozenset[str], n: int = 3) -> tuple[str, ...]:
        """The single words of the sentence that add most to ``category``."""
        index = CATEGORIES.index(category)
        weighed = {
            term: value * weights[index]
            for kind, term, value, weights in zip(
                vector.kinds, vector.terms, vector.values, vector.weights, strict=True
            )
            if kind == "w" and " " not in term and not term.isdigit() and term not in skip
        }
        ranked = sorted((t for t, w in weighed.items() if w > 0), key=lambda t: -weighed[t])
        return tuple(ranked[:n])

    def to_json(self) -> str:
        """One JSON list, one line per item: the header, then every feature, sorted."""
        head = {
            "format": FORMAT,
            "categories": list(CATEGORIES),
            "threshold": self.threshold,
            "sure": self.sure,
            "short": self.short,
            "intercepts": [_round(v) for v in self.intercepts],
            "corpus_sha256": self.corpus,
        }
        rows = [json.dumps(head, ensure_ascii=False, sort_keys=True)]
        for key in sorted(self.idf):
            rows.append(
                json.dumps([*key, _round(self.idf[key]), *(_round(w) for w in self.weights[key])], ensure_ascii=False)
            )
        return "[\n" + ",\n".join(rows) + "\n]\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        head, *rows = json.loads(text)
        if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("categories") != list(CATEGORIES):
            raise ValueError(f"not a {FORMAT} model for {', '.join(CATEGORIES)}")
        idf = {(row[0], row[1]): row[2] for row in rows}
        weights = {(row[0], row[1]): tuple(row[3:]) for row in rows}
        return cls(
            idf,
            weights,
            tuple(head["intercepts"]),
            head["threshold"],
            head["sure"],
            head["short"],
            head["corpus_sha256"],
        )


def _round(value: float) -> float:
    return float(f"{value:.6g}")


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """The committed model; a missing or broken file is a :class:`RuleFileError` that says what to run."""
    try:
        data = path.read_bytes()
        return cached(
            "similar", path, [data, Path(__file__).read_bytes()], lambda: Model.from_json(data.decode("utf-8"))
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise RuleFileError(
            path, [f"kan ikke lese modellen / cannot read the model ({exc}); kjør / run: python build.py train"]
        ) from None
