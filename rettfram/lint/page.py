"""Lint one Markdown text: the pack for its language, the config, and the suppressions.

The one entry every caller shares: ``lint`` (a file at a time), the municipality checks (its
copy and the profile's own strings) and ``build``.
"""

from __future__ import annotations

from rettfram.findings import Finding, sorted_findings
from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext, lint_document
from rettfram.lint.markdown import read_markdown
from rettfram.lint.pack import Catalog, RulePack
from rettfram.lint.suppress import apply_suppressions


def lint_text(path: str, text: str, lang: str, catalog: Catalog, config: LintConfig,
              context: LintContext | None = None) -> list[Finding]:
    """Lint one Markdown text with the pack for ``lang``, config and suppressions applied."""
    doc = read_markdown(path, text.removeprefix("\ufeff"))  # editors do not count a BOM as a column
    active = [r for r in catalog.packs[lang].rules if config.is_active(r)]
    meta = catalog.packs["meta"]
    active_meta = RulePack(meta.lang, tuple(r for r in meta.rules if config.is_active(r)))
    findings = lint_document(doc, active, context)
    findings = apply_suppressions(doc, findings, catalog.ids(), {r.id for r in active}, active_meta)
    return sorted_findings(f for f in findings if f.severity.rank >= config.min_level.rank)
