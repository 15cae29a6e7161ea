"""SARIF 2.1.0 for code scanning: rules in ``tool.driver.rules`` with help, one result per finding.

Columns count Unicode code points (``columnKind``), like every Rettfram position. Paths are
URI references, percent-encoded (``escape.uri_reference``). Rule help
comes from ``rules`` (id → :class:`RuleHelp`) when the caller has it, else from the finding.
"""

from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rettfram import __version__
from rettfram.escape import uri_reference
from rettfram.findings import Finding, Severity, sorted_findings
from rettfram.text import Text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@dataclass(frozen=True)
class RuleHelp:
    short: Text  # what the rule catches
    help: Text  # why, and what to write instead


def _rule(f: Finding, lang: str, rules: Mapping[str, RuleHelp]) -> dict:
    info = rules.get(f.rule)
    short = (info.short if info else f.message).render(lang)
    helptext = (info.help if info else f.suggestion).render(lang) or short
    return {
        "id": f.rule,
        "name": f.rule,
        "shortDescription": {"text": short},
        "fullDescription": {"text": short},
        "help": {"text": helptext, "markdown": helptext},
        "defaultConfiguration": {"level": LEVEL[f.severity]},
        "properties": {"category": f.category.value, "tags": [f.category.value]},
    }


def render(findings: Iterable[Finding], lang: str = "nb", rules: Mapping[str, RuleHelp] | None = None) -> str:
    findings = sorted_findings(findings)
    rules = rules or {}
    descriptors: list[dict] = []
    index: dict[str, int] = {}
    for f in findings:
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append(_rule(f, lang, rules))
    results = []
    for f in findings:
        text = f.message.render(lang)
        suggestion = f.suggestion.render(lang)
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity],
                "message": {"text": f"{text} {suggestion}".strip()},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri_reference(f.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                **({"endLine": f.end_line, "endColumn": f.end_column} if f.end_line else {}),
                            },
                        }
                    }
                ],
                "properties": {"category": f.category.value},
            }
        )
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rettfram",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return _json.dumps(log, ensure_ascii=False, indent=2) + "\n"
