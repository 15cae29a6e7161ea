"""Reporters: findings to text, JSON, GitHub annotations or SARIF.

Every reporter is ``render(findings, lang) -> str`` (SARIF also takes optional rule help),
generic over :class:`rettfram.findings.Finding`, so check and lint share them.
"""

from __future__ import annotations

from rettfram.report import github, json, sarif, text

REPORTERS = {"text": text, "json": json, "github": github, "sarif": sarif}
FORMATS = tuple(REPORTERS)
