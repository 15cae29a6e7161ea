"""Plain text for people: ``path:line:col: severity rule: message`` and an indented suggestion.

Paths and messages can hold input (file names, profile values), so every line is escaped
(``escape.terminal_line``): no input can break a line or start one with ``::``, which GitHub
Actions would run as a workflow command."""

from __future__ import annotations

from collections.abc import Iterable

from rettfram.escape import terminal_line
from rettfram.findings import Finding, Severity, sorted_findings
from rettfram.text import Text

SUGGESTION = Text(nb="forslag", nn="forslag", en="suggestion")
SUMMARY = Text(
    nb="{errors} feil, {warnings} advarsler, {infos} merknader",
    nn="{errors} feil, {warnings} åtvaringar, {infos} merknader",
    en="{errors} errors, {warnings} warnings, {infos} notes",
)
CLEAN = Text(nb="Ingen funn.", nn="Ingen funn.", en="No findings.")


def render(findings: Iterable[Finding], lang: str = "nb", summary: bool = True) -> str:
    findings = sorted_findings(findings)
    lines = []
    for f in findings:
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule}: {f.message.render(lang)}")
        suggestion = f.suggestion.render(lang)
        if suggestion:
            lines.append(f"    {SUGGESTION.render(lang)}: {suggestion}")
    if summary:
        if findings:
            counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
            lines.append(
                SUMMARY.format(
                    errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO]
                ).render(lang)
            )
        else:
            lines.append(CLEAN.render(lang))
    return "".join(terminal_line(line) + "\n" for line in lines)
