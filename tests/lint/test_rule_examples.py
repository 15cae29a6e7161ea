"""Every rule's own examples, generated from the YAML (sqlfluff-style): each ``fail`` example
yields at least one finding of that rule, each ``pass`` example none of it."""

from __future__ import annotations

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import META, load_catalog
from rettfram.lint.page import lint_text

CATALOG = load_catalog()
EVERYTHING_ON = LintConfig(enable=tuple(CATALOG.ids()))  # off-by-default rules must work too
CONTEXT = LintContext(place_names=("Fjordvik",))


def _cases(which: str):
    for lang, pack in sorted(CATALOG.packs.items()):
        for rule in pack.rules:
            if rule.rule.kind == "claim":
                continue  # claim rules need a profile: tests/lint/test_claims.py runs their examples
            examples = rule.rule.examples.fail if which == "fail" else rule.rule.examples.pass_
            for index, text in enumerate(examples):
                yield pytest.param(lang, rule.id, text, id=f"{lang}:{rule.id}:{which}{index}")


def _rules_found(lang: str, text: str) -> list[str]:
    pack_lang = "nb" if lang == META else lang
    return [f.rule for f in lint_text("example.md", text, pack_lang, CATALOG, EVERYTHING_ON, CONTEXT)]


@pytest.mark.parametrize(("lang", "rule_id", "text"), list(_cases("fail")))
def test_fail_example_is_caught(lang, rule_id, text):
    assert rule_id in _rules_found(lang, text)


@pytest.mark.parametrize(("lang", "rule_id", "text"), list(_cases("pass")))
def test_pass_example_is_not_caught(lang, rule_id, text):
    assert rule_id not in _rules_found(lang, text)


def test_rule_counts_are_in_the_planned_range():
    sizes = {lang: len(CATALOG.packs[lang].rules) for lang in ("nb", "nn", "en")}
    assert 90 <= sum(sizes.values()) <= 130, sizes
    assert all(size >= 15 for size in sizes.values()), sizes


@pytest.mark.parametrize("category", ["sos", "cliche", "target", "claim", "evidence"])
def test_every_pack_covers_every_category(category):
    for lang in ("nb", "nn", "en"):
        assert any(r.rule.category.value == category for r in CATALOG.packs[lang].rules), (lang, category)
