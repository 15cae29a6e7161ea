"""Lint one text: the pack for its language, the config, and the suppressions.

The one entry every caller shares: ``lint`` (a file at a time), the municipality checks (its
copy and the profile's own strings) and ``build``. Copy is Markdown and is linted from the one
parse (:func:`lint_parsed`); a profile string is text, never Markdown (:func:`lint_plain`).
"""

from __future__ import annotations

from rettfram.copy_markdown import ParsedCopy, parse
from rettfram.findings import Finding, sorted_findings
from rettfram.lint.config import LintConfig
from rettfram.lint.document import Document
from rettfram.lint.engine import LintContext, lint_document
from rettfram.lint.markdown import document, plain_document
from rettfram.lint.pack import Catalog, RulePack
from rettfram.lint.suppress import apply_suppressions


def lint_parsed(
    path: str, parsed: ParsedCopy, lang: str, catalog: Catalog, config: LintConfig, context: LintContext | None = None
) -> list[Finding]:
    """Lint parsed copy with the pack for ``lang``, config and suppressions applied."""
    return _lint(document(path, parsed), lang, catalog, config, context)


def lint_text(
    path: str, text: str, lang: str, catalog: Catalog, config: LintConfig, context: LintContext | None = None
) -> list[Finding]:
    """Lint copy Markdown given as text (parsed here)."""
    return lint_parsed(path, parse(text), lang, catalog, config, context)


def lint_plain(
    path: str, text: str, lang: str, catalog: Catalog, config: LintConfig, context: LintContext | None = None
) -> list[Finding]:
    """Lint a profile string: plain text, one block, no suppressions (those belong to copy)."""
    return _lint(plain_document(path, text), lang, catalog, config, context)


def _lint(doc: Document, lang: str, catalog: Catalog, config: LintConfig, context: LintContext | None) -> list[Finding]:
    active = [r for r in catalog.packs[lang].rules if config.is_active(r)]
    meta = catalog.packs["meta"]
    active_meta = RulePack(meta.lang, tuple(r for r in meta.rules if config.is_active(r)))
    findings = lint_document(doc, active, context)
    findings = apply_suppressions(doc, findings, catalog.ids(), {r.id for r in active}, active_meta)
    return sorted_findings(f for f in findings if f.severity.rank >= config.min_level.rank)
