"""The rules on the labelled corpus written for the project (corpus/*.yaml), with the model
switched off: precision and recall per category and false alarms on honest copy, for the whole
corpus and per batch. Prints the figures on every run; fails below the thresholds.

The model (the ``*.ligner`` rules) is off here because it has learned this corpus: with it on,
the test would stay green with every word rule gone. The model is measured only on sentences
it was not trained on (``test_model_heldout.py``). Every batch has also been used to improve
the rules, so these thresholds guard against regressions; corpus/README.md records how each
batch scored before the rules saw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.corpus import CATEGORIES, Entry, load_corpus
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import load_catalog
from rettfram.lint.page import lint_text

MIN_RECALL = {"sos": 0.93, "cliche": 0.96, "target": 0.92}  # the rules alone, having learned this corpus: a regression guard
MIN_PRECISION = 0.95
MAX_FALSE_ALARMS = 0.01


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    honest: int = 0
    false_alarms: list[Entry] = field(default_factory=list)
    misses: list[tuple[Entry, frozenset[str]]] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.honest if self.honest else 0.0

    def lines(self) -> list[str]:
        out = [f"corpus: {self.honest} honest entries, false alarms {len(self.false_alarms)} = {self.false_alarm_rate:.1%}"]
        for category, score in self.scores.items():
            out.append(f"  {category:7} precision {score.precision:.2f}  recall {score.recall:.2f}  "
                       f"(tp {score.true_pos}, fp {score.false_pos}, fn {score.false_neg})")
        out += [f"  false alarm [{e.lang}]: {e.text}" for e in self.false_alarms]
        out += [f"  miss {sorted(e.expected - got)} [{e.lang}]: {e.text}" for e, got in self.misses]
        return out


def rules_alone(catalog) -> LintConfig:  # noqa: ANN001
    """Every rule but the model's (``*.ligner``)."""
    return LintConfig(disable=tuple(rule_id for rule_id in catalog.ids() if rule_id.endswith(".ligner")))


def evaluate(entries: list[Entry], config: LintConfig | None = None) -> Report:
    catalog = load_catalog()
    config = config or rules_alone(catalog)
    report = Report()
    for entry in entries:
        context = LintContext(place_names=(entry.place,) if entry.place else ())
        findings = lint_text("corpus.md", entry.text, entry.lang, catalog, config, context)
        got = frozenset(f.category.value for f in findings) & set(CATEGORIES)
        for category, score in report.scores.items():
            if category in got and category in entry.expected:
                score.true_pos += 1
            elif category in got:
                score.false_pos += 1
            elif category in entry.expected:
                score.false_neg += 1
        if not entry.expected:
            report.honest += 1
            if findings:
                report.false_alarms.append(entry)
        elif entry.expected - got:
            report.misses.append((entry, got))
    return report


@pytest.fixture(scope="module")
def report(request):
    entries = load_corpus()
    result = evaluate(entries)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\nwhole " + "\n".join(result.lines()))
        for batch in sorted({e.batch for e in entries}):
            lines = evaluate([e for e in entries if e.batch == batch]).lines()
            print(f"batch {batch} " + "\n".join(lines[:4]))
    return result


def test_corpus_is_large_and_mostly_honest():
    entries = load_corpus()
    assert len(entries) >= 200
    assert sum(1 for e in entries if e.batch == "2") >= 50
    assert sum(1 for e in entries if e.batch.startswith("heldout")) >= 500
    assert sum(1 for e in entries if not e.expected) * 2 >= len(entries)
    assert {e.lang for e in entries} == {"nb", "nn", "en"}


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall(report, category):
    assert report.scores[category].recall >= MIN_RECALL[category], "\n".join(report.lines())


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision(report, category):
    assert report.scores[category].precision >= MIN_PRECISION, "\n".join(report.lines())


def test_false_alarms_on_honest_copy(report):
    assert report.false_alarm_rate <= MAX_FALSE_ALARMS, "\n".join(report.lines())
