"""Inline suppression: scope, required reason, unknown ids, unused suppressions."""

from __future__ import annotations

import pytest

from rettfram.lint.config import LintConfig


def rules(findings) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings]


def test_suppression_covers_the_next_block(lint):
    text = '<!-- rettfram: allow cliche.fred-og-ro "Sitat fra innbygger" -->\nHer er det fred og ro.\nOg fred og ro her.\n'
    assert rules(lint(text)) == []


def test_blank_lines_between_comment_and_block_are_allowed(lint):
    text = '<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\n\n\nHer er det fred og ro.\n'
    assert rules(lint(text)) == []


def test_suppression_stops_at_the_next_blank_line(lint):
    text = '<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\nHer er det fred og ro.\n\nOg fred og ro her.\n'
    assert rules(lint(text)) == [("cliche.fred-og-ro", 4, 4)]


def test_suppression_only_covers_the_listed_rules(lint):
    text = '<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\nFred og ro, uten karrierejag.\n'
    assert rules(lint(text)) == [("cliche.karrierejag", 2, 18)]


def test_several_rules_in_one_comment_and_other_quotes(lint):
    text = '<!-- rettfram: allow cliche.fred-og-ro cliche.karrierejag «Sitat fra Ola» -->\nFred og ro, uten karrierejag.\n'
    assert rules(lint(text)) == []


@pytest.mark.parametrize("comment", ["<!-- rettfram: allow cliche.fred-og-ro -->", '<!-- rettfram: allow cliche.fred-og-ro "  " -->'])
def test_a_suppression_without_reason_is_a_finding_and_does_not_apply(lint, comment):
    found = rules(lint(f"{comment}\nHer er det fred og ro.\n"))
    assert found == [("lint.suppression-reason", 1, 1), ("cliche.fred-og-ro", 2, 12)]


def test_unused_suppression_is_reported_at_the_rule_id(lint):
    found = lint('Tekst.\n\n<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\nSkolen har 84 elever.\n')
    assert rules(found) == [("lint.unused-suppression", 3, 22)]
    assert found[0].severity.value == "warning"


def test_unknown_rule_gets_did_you_mean(lint):
    found = lint('<!-- rettfram: allow cliche.fred-og-roo "sitat" -->\nHer er det fred og ro.\n')
    assert rules(found) == [("lint.unknown-rule", 1, 22), ("cliche.fred-og-ro", 2, 12)]
    assert "cliche.fred-og-ro" in found[0].suggestion.render("nb")


@pytest.mark.parametrize(
    "text",
    [
        '<!-- rettfram: ignore cliche.fred-og-ro "sitat" -->\nFred og ro.\n',
        '<!-- rettfram: allow "sitat" -->\nFred og ro.\n',
        'Fred og ro. <!-- rettfram: allow cliche.fred-og-ro "sitat" -->\n',
    ],
    ids=["wrong-verb", "no-rule", "not-own-line"],
)
def test_malformed_suppressions_are_findings(lint, text):
    assert "lint.bad-suppression" in [f.rule for f in lint(text)]


def test_suppression_inside_code_is_ignored(lint):
    text = '```\n<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\n```\nFred og ro.\n'
    assert rules(lint(text)) == [("cliche.fred-og-ro", 4, 1)]


def test_suppressing_a_disabled_rule_is_not_reported_as_unused(lint):
    config = LintConfig(disable=("cliche.fred-og-ro", "cliche.ligner"))  # the net would catch «Fred og ro.» otherwise
    assert rules(lint('<!-- rettfram: allow cliche.fred-og-ro "sitat" -->\nFred og ro.\n', config=config)) == []


def test_other_html_comments_are_ignored(lint):
    assert rules(lint("<!-- TODO: skriv mer -->\nSkolen har 84 elever.\n")) == []
