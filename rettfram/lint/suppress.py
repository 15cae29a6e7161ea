"""Inline suppression: ``<!-- rettfram: allow RULE [RULE…] "reason" -->``.

Scope: the comment stands on its own line(s) and covers the next block of text: from the
first non-blank line after the comment down to the next blank line (a paragraph, a heading
with the text right under it, a whole tight list). Blank lines between the comment and the
block are allowed. A finding is suppressed when its rule is listed and its line is in that
range.

The reason is required, in "double quotes", «guillemets» or “curly quotes”. Problems with a
suppression are findings of the ``lint.*`` meta rules (``rettfram/rules/lint.*.yaml``):

- ``lint.suppression-reason``: no reason given (the suppression is ignored);
- ``lint.unknown-rule``: a rule id that does not exist (with a "did you mean");
- ``lint.bad-suppression``: not ``allow``, no rule id, or not on its own line;
- ``lint.unused-suppression``: it suppressed nothing (the copy changed, or the id is wrong).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from rettfram.findings import Finding
from rettfram.lint.document import Comment, Document
from rettfram.lint.engine import finding
from rettfram.lint.pack import RulePack

_DIRECTIVE = re.compile(r"^\s*rettfram\s*:\s*(\S*)\s*(.*)", re.IGNORECASE | re.DOTALL)
_REASON = re.compile(r"\"([^\"]*)\"|«([^»]*)»|“([^”]*)”")


@dataclass
class Suppression:
    comment: Comment
    rule_ids: tuple[str, ...]
    first_line: int
    last_line: int
    used: set[str] = field(default_factory=set)

    def covers(self, f: Finding) -> bool:
        return f.rule in self.rule_ids and self.first_line <= f.line <= self.last_line


def _target_lines(doc: Document, comment: Comment) -> tuple[int, int]:
    lines = doc.text.split("\n")
    index = doc.line_of(comment.span.end - 1)  # 1-based line of the comment's end = 0-based next
    while index < len(lines) and not lines[index].strip():
        index += 1
    first = index
    while index < len(lines) and lines[index].strip():
        index += 1
    return first + 1, index  # 1-based, inclusive; first > last when nothing follows


def _did_you_mean(rule_id: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(rule_id, sorted(known), n=3, cutoff=0.5)
    return ", ".join(close) if close else "-"


def parse_suppressions(
    doc: Document, known_ids: Collection[str], meta: RulePack
) -> tuple[list[Suppression], list[Finding]]:
    suppressions, problems = [], []

    def problem(rule_id: str, offset: int, end: int, **params: str) -> None:
        rule = meta.get(rule_id)
        if rule is not None:
            problems.append(finding(doc, rule, offset, end, **params))

    for comment in doc.comments:
        m = _DIRECTIVE.match(comment.body)
        if not m:
            continue
        start, end = comment.span.start, comment.span.end
        verb, rest = m.group(1).lower(), m.group(2)
        reason_match = _REASON.search(rest)
        id_text = rest[: reason_match.start()] if reason_match else rest
        ids = tuple(id_text.split())
        if verb != "allow" or not ids:
            problem("lint.bad-suppression", start, end, rule=" ".join(ids) or "-")
            continue
        if not comment.own_line:
            problem("lint.bad-suppression", start, end, rule=" ".join(ids))
            continue
        reason = next((g for g in reason_match.groups() if g is not None), "") if reason_match else ""
        if not reason.strip():
            problem("lint.suppression-reason", start, end, rule=" ".join(ids))
            continue
        valid = []
        for rule_id in ids:
            if rule_id in known_ids:
                valid.append(rule_id)
            else:
                offset = doc.text.find(rule_id, start, comment.span.end)
                problem(
                    "lint.unknown-rule",
                    offset,
                    offset + len(rule_id),
                    rule=rule_id,
                    candidates=_did_you_mean(rule_id, known_ids),
                )
        if valid:
            first, last = _target_lines(doc, comment)
            suppressions.append(Suppression(comment, tuple(valid), first, last))
    return suppressions, problems


def apply_suppressions(
    doc: Document,
    findings: list[Finding],
    known_ids: Collection[str],
    active_ids: Collection[str],
    meta: RulePack,
) -> list[Finding]:
    """The findings no suppression covers, plus findings about the suppressions themselves."""
    suppressions, problems = parse_suppressions(doc, known_ids, meta)
    kept = []
    for f in findings:
        covering = [s for s in suppressions if s.covers(f)]
        for s in covering:
            s.used.add(f.rule)
        if not covering:
            kept.append(f)
    for s in suppressions:
        for rule_id in s.rule_ids:
            if rule_id in active_ids and rule_id not in s.used:
                offset = doc.text.find(rule_id, s.comment.span.start, s.comment.span.end)
                problem_rule = meta.get("lint.unused-suppression")
                if problem_rule is not None:
                    problems.append(finding(doc, problem_rule, offset, offset + len(rule_id), rule=rule_id))
    return kept + problems
