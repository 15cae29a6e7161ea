"""Every rule's own examples, generated from its file (sqlfluff-style): each ``fail`` example is
reported by that rule at exactly the words marked ``[[…]]`` (line, column and end), and nowhere
else; each ``pass`` example not at all. Claim rules run against a profile without the data (and
``tests/lint/test_claims.py`` runs them against one with the data); ``data`` rules change the
reference profile as their examples say."""

from __future__ import annotations

import datetime as dt

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import DATA, META, PACK_LANGS, load_catalog
from rettfram.lint.page import lint_text
from rettfram.lint.profile_checks import Limits, profile_findings
from rettfram.lint.rule import DataExamples, marked
from rettfram.load import load_yaml
from rettfram.model import Profile
from tests.conftest import REPO

CATALOG = load_catalog()
EVERYTHING_ON = LintConfig(enable=tuple(CATALOG.ids()))  # off-by-default rules must work too
TODAY = dt.date(2026, 11, 21)
CLAIMS = REPO / "tests" / "fixtures" / "claims"
REFERENCE = REPO / "tests" / "fixtures" / "example-profile.yaml"


def _context(kind: str) -> LintContext:
    if kind == "claim":
        return LintContext(profile=Profile.model_validate(load_yaml(CLAIMS / "empty.yaml").document.data), today=TODAY)
    return LintContext(place_names=("Fjordvik",))


def _text_cases(which: str):
    for lang, pack in sorted(CATALOG.packs.items()):
        for rule in pack.rules:
            if isinstance(rule.rule.examples, DataExamples):
                continue
            examples = rule.rule.examples.fail if which == "fail" else rule.rule.examples.pass_
            for index, text in enumerate(examples):
                yield pytest.param(lang, rule.id, rule.rule.kind, text, id=f"{lang}:{rule.id}:{which}{index}")


def _spans(text: str, lang: str, rule_id: str, kind: str) -> list[tuple[int, int]]:
    """Where the rule reports in ``text``: offsets from each finding's line, column and end."""
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    findings = lint_text("example.md", text, "nb" if lang == META else lang, CATALOG, EVERYTHING_ON, _context(kind))
    return sorted((starts[f.line - 1] + f.column - 1, starts[f.end_line - 1] + f.end_column - 1)
                  for f in findings if f.rule == rule_id)


@pytest.mark.parametrize(("lang", "rule_id", "kind", "example"), list(_text_cases("fail")))
def test_fail_example_is_reported_at_exactly_the_marked_words(lang, rule_id, kind, example):
    text, expected = marked(example)
    assert _spans(text, lang, rule_id, kind) == expected


@pytest.mark.parametrize(("lang", "rule_id", "kind", "text"), list(_text_cases("pass")))
def test_pass_example_is_not_reported(lang, rule_id, kind, text):
    assert _spans(text, lang, rule_id, kind) == []


def _changed_reference(change: dict) -> Profile:
    data = load_yaml(REFERENCE).document.data
    for dotted, value in change.items():
        node = data
        *parents, last = dotted.split(".")
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        elif value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return Profile.model_validate(data)


def _data_cases(which: str):
    for rule in CATALOG.packs[DATA].rules:
        examples = rule.rule.examples.fail if which == "fail" else rule.rule.examples.pass_
        for index, change in enumerate(examples):
            yield pytest.param(rule, change, id=f"{rule.id}:{which}{index}")


def _data_rules_reporting(rule, change) -> list[str]:  # noqa: ANN001
    source = load_yaml(REFERENCE).document.source
    return [f.rule for f in profile_findings(_changed_reference(change), source, Limits(TODAY), [rule])]


@pytest.mark.parametrize(("rule", "change"), list(_data_cases("fail")))
def test_data_rule_reports_its_fail_change(rule, change):
    assert _data_rules_reporting(rule, change) == [rule.id]


@pytest.mark.parametrize(("rule", "change"), list(_data_cases("pass")))
def test_data_rule_passes_its_pass_change(rule, change):
    assert _data_rules_reporting(rule, change) == []


def test_rule_counts_are_in_the_planned_range():
    sizes = {lang: len(CATALOG.packs[lang].rules) for lang in ("nb", "nn", "en")}
    assert 90 <= sum(sizes.values()) <= 240, sizes
    assert all(size >= 15 for size in sizes.values()), sizes


@pytest.mark.parametrize("category", ["sos", "cliche", "target", "claim"])
def test_every_pack_covers_every_category(category):
    for lang in PACK_LANGS:
        assert any(r.rule.category.value == category for r in CATALOG.packs[lang].rules), (lang, category)
