"""The ``similar`` model measured only on sentences it was not trained on, and the rules alone on
real-patterned copy.

Real-patterned copy (``corpus/real/``) comes in batches written by different people from
different sources. Each batch is left out in turn: the model is learned from the project's
corpus and the other batches (``similar_train.fit``, as ``python build.py train`` does), and
scores the batch left out, alone and behind the rules. The figures print on every run; the
thresholds guard against a model that learned its test set or lost its way. The first, blind
measures of each batch (before anything learned from it) are in ``corpus/real/README.md``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.corpus import CATEGORIES, CORPUS_DIR, REAL, load_corpus
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import load_catalog
from rettfram.lint.page import lint_text
from rettfram.lint.similar_train import fit

pytestmark = pytest.mark.slow

# guards: what the model alone and rules + model hold on batches they were not trained on
MODEL_ALONE = {"sos": 0.75, "cliche": 0.65, "target": 0.7}
RULES_AND_MODEL = {"sos": 0.85, "cliche": 0.85, "target": 0.85}
MAX_FALSE_ALARMS = 0.05
RULES_ALONE_ON_REAL = {"sos": 0.4, "cliche": 0.7, "target": 0.55}


def _batches() -> dict[str, list]:
    stems = {p.stem for p in (CORPUS_DIR / REAL).glob("*.yaml")}
    return {stem: load_corpus(CORPUS_DIR / REAL, without=frozenset(stems - {stem})) for stem in sorted(stems)}


def _count(counts: Counter, expected: frozenset[str], got: set[str], any_finding: bool) -> None:
    for category in CATEGORIES:
        counts[f"{category} tp"] += category in got and category in expected
        counts[f"{category} fn"] += category not in got and category in expected
        counts[f"{category} fp"] += category in got and category not in expected
    if not expected:
        counts["honest"] += 1
        counts["false alarms"] += any_finding


def recall(counts: Counter, category: str) -> float:
    return counts[f"{category} tp"] / max(1, counts[f"{category} tp"] + counts[f"{category} fn"])


def _line(name: str, counts: Counter) -> str:
    cells = "  ".join(f"{c} {recall(counts, c):.2f}" for c in CATEGORIES)
    return f"  {name:18} {cells}  false alarms {counts['false alarms']}/{counts['honest']}"


@pytest.fixture(scope="module")
def measured(request):
    catalog = load_catalog()
    net = tuple(rule_id for rule_id in catalog.ids() if rule_id.endswith(".ligner"))
    project = load_corpus(CORPUS_DIR)
    batches = _batches()
    totals = {name: Counter() for name in ("model alone", "rules + model", "rules alone")}
    for held, entries in batches.items():
        model, _ = fit(project + [e for name, es in batches.items() if name != held for e in es])
        for entry in entries:
            verdict = model.verdict(entry.text, skip=(entry.place.lower(),) if entry.place else ())
            _count(totals["model alone"], entry.expected, {verdict.category} if verdict else set(), verdict is not None)
            context = LintContext(place_names=(entry.place,) if entry.place else (), model=model)
            for name, config in (("rules + model", LintConfig()), ("rules alone", LintConfig(disable=net))):
                findings = lint_text("real.md", entry.text, entry.lang, catalog, config, context)
                _count(totals[name], entry.expected, {f.category.value for f in findings}, bool(findings))
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nreal-patterned copy, {len(batches)} batches, each scored by a model trained without it:")
        for name, counts in totals.items():
            print(_line(name, counts))
    return totals


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_model_alone_on_sentences_it_never_saw(measured, category):
    assert recall(measured["model alone"], category) >= MODEL_ALONE[category]


@pytest.mark.parametrize("category", CATEGORIES)
def test_rules_and_model_on_sentences_the_model_never_saw(measured, category):
    assert recall(measured["rules + model"], category) >= RULES_AND_MODEL[category]


def test_false_alarms_on_honest_real_copy(measured):
    counts = measured["rules + model"]
    assert counts["false alarms"] / counts["honest"] <= MAX_FALSE_ALARMS


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_rules_alone_on_real_copy(measured, category):
    assert recall(measured["rules alone"], category) >= RULES_ALONE_ON_REAL[category]
