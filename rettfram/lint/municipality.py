"""Lint what belongs to a municipality besides its copy: the profile, its data and its strings.

- the profile is loaded and validated once per folder (``check``'s :class:`CheckedProfile`);
  its schema findings come along, so ``lint`` reports everything ``check`` does;
- the copy rules run over the profile's own prose (strengths, weaknesses, needs, notes,
  titles) at their YAML positions, as plain text (a profile string is never Markdown), with
  the claim rules in the same context;
- ``profile_checks`` adds freshness, unsourced strengths and missing target groups.

The claim rules get the profile through :func:`context_for_folder`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from rettfram.check import CheckedProfile, check_target
from rettfram.discover import PROFILE_NAME, Target
from rettfram.findings import Finding
from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import DATA, PACK_LANGS, Catalog
from rettfram.lint.page import lint_parsed, lint_plain
from rettfram.lint.profile_checks import Limits, profile_findings
from rettfram.model_walk import prose_texts


@lru_cache(maxsize=512)
def checked_profile(folder: Path, today: dt.date) -> CheckedProfile | None:
    """The folder's profile after load and validate, or None when it has no profile.yaml.
    Cached within one lint run (``runner.run`` clears it first), so every copy file of a
    municipality shares one load."""
    path = folder / PROFILE_NAME
    if not path.is_file():
        return None
    return check_target(Target(path, folder), today)


def context_for_folder(folder: Path, today: dt.date, place_names: tuple[str, ...]) -> LintContext:
    return context_for_checked(checked_profile(folder, today), today, place_names)


def context_for_checked(checked: CheckedProfile | None, today: dt.date, place_names: tuple[str, ...]) -> LintContext:
    if checked is None or checked.profile is None:
        return LintContext(place_names=place_names, today=today)
    names = (*place_names, checked.profile.municipality.name)
    return LintContext(place_names=names, profile=checked.profile, today=today, source=checked.source)


def municipality_findings(folder: Path, catalog: Catalog, config: LintConfig, today: dt.date) -> list[Finding]:
    """Everything ``check`` finds in the folder, its data findings and its profile strings."""
    checked = checked_profile(folder, today)
    if checked is None:
        return []
    return checked.findings + profile_lint(checked, catalog, config, today)


def lint_checked(checked: CheckedProfile, catalog: Catalog, config: LintConfig, today: dt.date) -> list[Finding]:
    """The copy rules (claims included) over a checked municipality's pages, plus
    :func:`profile_lint`; not its schema findings (the caller has those). For ``build``."""
    if checked.profile is None:
        return []
    context = context_for_checked(checked, today, ())
    findings = []
    for page in checked.pages:
        if page.lang in PACK_LANGS:  # a page in another language is reported by check (language_coverage.py)
            findings += lint_parsed(page.display, page.parsed, page.lang, catalog, config, context)
    return findings + profile_lint(checked, catalog, config, today)


def profile_lint(checked: CheckedProfile, catalog: Catalog, config: LintConfig, today: dt.date) -> list[Finding]:
    """The profile's data findings, and the copy rules over its own strings at YAML positions."""
    if checked.profile is None or checked.source is None:
        return []
    data_rules = [rule for rule in catalog.packs[DATA].rules if config.is_active(rule)]
    findings = profile_findings(checked.profile, checked.source, Limits(today, config.strength_max_age), data_rules)
    context = context_for_checked(checked, today, ())
    for prose in prose_texts(checked.profile, checked.profile.municipality.language):
        if prose.lang not in PACK_LANGS:
            continue  # no rule pack for the language: check reports it as not checked (language_coverage.py)
        pos = checked.source.locate(prose.loc)
        scalar = checked.source.scalars.get(prose.loc)
        offset = 1 if scalar is not None and scalar.quoted else 0
        for f in lint_plain(checked.source.path, prose.text, prose.lang, catalog, config, context):
            column = pos.column + offset + f.column - 1 if f.line == 1 else f.column
            findings.append(replace(f, line=pos.line + f.line - 1, column=column))
    return findings
