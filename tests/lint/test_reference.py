"""The generated rule reference (docs/rules.md) must match the rule files."""

from __future__ import annotations

from pathlib import Path

from rettfram.lint.reference import render_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_committed_rule_reference_is_up_to_date(catalog):
    assert DOC.read_text(encoding="utf-8") == render_reference(catalog), "run: python build.py rules-doc"


def test_reference_has_every_rule_and_bilingual_headings(catalog):
    page = render_reference(catalog)
    assert page.startswith("# Slik sjekker vi teksten / How we check the copy\n")
    for heading in ("## Krise og redningsrop / Crisis and rescue framing (`sos`)", "## Klisjeer og tomme slagord / Clichés and empty slogans (`cliche`)",
                    "## Målgruppe og ord om folk / Audience and words about people (`target`)"):
        assert heading in page
    for rule_id in catalog.ids():
        assert f"### `{rule_id}`" in page
