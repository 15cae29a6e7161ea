"""Findings: what check and lint report, one per problem, each with a position.

The JSON shape of a finding is a contract (ARCHITECTURE.md, "Lint output"): path, line, column,
rule, category, severity, message, suggestion. Lines and columns are 1-based. A finding of words
in copy also knows where they end (``end_line``, ``end_column``, exclusive): SARIF reports the
region, and every rule example asserts the exact words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from rettfram.messages import Message
from rettfram.text import EMPTY, Text


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(str, Enum):
    SOS = "sos"
    CLICHE = "cliche"
    TARGET = "target"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    SCHEMA = "schema"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    category: Category
    severity: Severity
    message: Text
    suggestion: Text = field(default=EMPTY)
    end_line: int | None = None  # where the matched words end (exclusive), when a rule matched words
    end_column: int | None = None

    @classmethod
    def of(
        cls,
        path: str,
        line: int,
        column: int,
        rule: str,
        message: Message,
        category: Category = Category.SCHEMA,
        severity: Severity = Severity.ERROR,
    ) -> Finding:
        """A finding whose message and suggestion come from a :class:`Message`."""
        return cls(path, line, column, rule, category, severity, message.text, message.fix)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self, lang: str) -> dict:
        """The contract shape, with message and suggestion in ``lang``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message.render(lang),
            "suggestion": self.suggestion.render(lang),
        }


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
