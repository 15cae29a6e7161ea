"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

Escaping follows the runner: in the message ``%``, ``\\r`` and ``\\n``; in properties also
``:`` and ``,``. The suggestion goes on a second line of the annotation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rettfram.findings import Finding, Severity, sorted_findings

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(findings: Iterable[Finding], lang: str = "nb") -> str:
    lines = []
    for f in sorted_findings(findings):
        message = f.message.render(lang)
        suggestion = f.suggestion.render(lang)
        if suggestion:
            message += "\n" + suggestion
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (("file", f.path), ("line", f.line), ("col", f.column), ("title", f.rule))
        )
        lines.append(f"::{COMMAND[f.severity]} {props}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
