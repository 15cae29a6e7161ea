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

import pytest

from rettfram.lint.corpus import CATEGORIES, Entry, load_corpus
from rettfram.lint.measure import Tally, lint_entries, rules_alone
from rettfram.lint.pack import load_catalog

MIN_RECALL = {"sos": 0.93, "cliche": 0.96, "target": 0.92}  # the rules alone, having learned this corpus: a regression guard
MIN_PRECISION = 0.95
MAX_FALSE_ALARMS = 0.01


def evaluate(entries: list[Entry]) -> Tally:
    catalog = load_catalog()
    return lint_entries(entries, catalog, rules_alone(catalog))


@pytest.fixture(scope="module")
def report(request):
    entries = load_corpus()
    result = evaluate(entries)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\nwhole corpus, rules alone: " + "\n".join(result.lines()))
        for batch in sorted({e.batch for e in entries}):
            print(f"batch {batch}: " + "\n".join(evaluate([e for e in entries if e.batch == batch]).lines(details=False)))
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
