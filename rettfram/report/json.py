"""The JSON contract: exactly ``{"findings": [{path, line, column, rule, category, severity,
message, suggestion}, …]}`` (ARCHITECTURE.md, "Lint output")."""

from __future__ import annotations

import json as _json
from collections.abc import Iterable

from rettfram.findings import Finding, sorted_findings


def render(findings: Iterable[Finding], lang: str = "nb") -> str:
    payload = {"findings": [f.as_dict(lang) for f in sorted_findings(findings)]}
    return _json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
