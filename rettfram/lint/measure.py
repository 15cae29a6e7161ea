"""Measuring the linter on labelled sentences: recall and precision per category, false alarms.

One way to count, shared by the corpus tests (``tests/lint/test_corpus.py``,
``test_model_heldout.py``) and the benches (``bench/real_copy.py``, ``bench/model_choice.py``):
a sentence's categories are those of its findings (sos, cliche, target); a false alarm is an
honest sentence (``expected: []``) with any finding at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rettfram.lint.config import LintConfig
from rettfram.lint.corpus import CATEGORIES, Entry
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import Catalog
from rettfram.lint.page import lint_text
from rettfram.lint.similar import Model


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
class Tally:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    honest: int = 0
    false_alarms: list[Entry] = field(default_factory=list)
    misses: list[tuple[Entry, frozenset[str]]] = field(default_factory=list)

    def add(self, entry: Entry, got: Iterable[str], any_finding: bool) -> None:
        found = frozenset(got) & set(CATEGORIES)
        for category, score in self.scores.items():
            if category in found and category in entry.expected:
                score.true_pos += 1
            elif category in found:
                score.false_pos += 1
            elif category in entry.expected:
                score.false_neg += 1
        if not entry.expected:
            self.honest += 1
            if any_finding:
                self.false_alarms.append(entry)
        elif entry.expected - found:
            self.misses.append((entry, found))

    def __iadd__(self, other: Tally) -> Tally:
        for category, score in other.scores.items():
            mine = self.scores[category]
            mine.true_pos, mine.false_pos, mine.false_neg = (
                mine.true_pos + score.true_pos,
                mine.false_pos + score.false_pos,
                mine.false_neg + score.false_neg,
            )
        self.honest += other.honest
        self.false_alarms += other.false_alarms
        self.misses += other.misses
        return self

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.honest if self.honest else 0.0

    def line(self) -> str:
        """Recall per category and false alarms, on one line."""
        cells = "  ".join(f"{c} {s.recall:.2f}" for c, s in self.scores.items())
        return f"{cells}  false alarms {len(self.false_alarms)}/{self.honest} = {self.false_alarm_rate:.1%}"

    def lines(self, details: bool = True) -> list[str]:
        out = [f"{self.honest} honest entries, false alarms {len(self.false_alarms)} = {self.false_alarm_rate:.1%}"]
        for category, score in self.scores.items():
            out.append(
                f"  {category:7} precision {score.precision:.2f}  recall {score.recall:.2f}  "
                f"(tp {score.true_pos}, fp {score.false_pos}, fn {score.false_neg})"
            )
        if details:
            out += [f"  false alarm [{e.lang}]: {e.text}" for e in self.false_alarms]
            out += [f"  miss {sorted(e.expected - got)} [{e.lang}]: {e.text}" for e, got in self.misses]
        return out


def lint_entries(entries: Iterable[Entry], catalog: Catalog, config: LintConfig, model: Model | None = None) -> Tally:
    """Lint every entry as copy in its language (its place's name known) and tally the result."""
    tally = Tally()
    for entry in entries:
        context = LintContext(place_names=(entry.place,) if entry.place else (), model=model)
        findings = lint_text("corpus.md", entry.text, entry.lang, catalog, config, context)
        tally.add(entry, (f.category.value for f in findings), bool(findings))
    return tally


def _kind(catalog: Catalog, rule_id: str) -> str | None:
    first = catalog.first(rule_id)
    return first.rule.kind if first is not None else None


def rules_alone(catalog: Catalog) -> LintConfig:
    """Every rule but the model's (the ``*.ligner`` rules)."""
    return LintConfig(disable=tuple(rule_id for rule_id in catalog.ids() if _kind(catalog, rule_id) == "similar"))
