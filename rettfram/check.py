"""The check pipeline for one profile: load → validate, plus its copy pages and images.

This is the library behind ``rettfram check``; ``lint`` and ``build`` start from its result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rettfram.copy_pages import CopyPage, load_copy
from rettfram.discover import Target, discover
from rettfram.findings import Finding, sorted_findings
from rettfram.images import scan_images
from rettfram.language_coverage import missing_findings, site_languages, unchecked_findings
from rettfram.lint.pack import PACK_LANGS
from rettfram.load import LoadResult, SourceMap, load_yaml
from rettfram.model import Profile
from rettfram.sanitize import copy_findings
from rettfram.validate import validate


@dataclass
class CheckedProfile:
    """One profile after load and validate: the model (when valid), positions, copy, findings."""

    target: Target
    profile: Profile | None
    source: SourceMap | None
    pages: list[CopyPage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # what images/ may publish (``rettfram.images``)


@dataclass
class ValidatedProfile:
    """A loaded profile after validate: the model (when valid), positions, and the findings of both."""

    profile: Profile | None
    source: SourceMap | None
    findings: list[Finding]


def validated(loaded: LoadResult, today: dt.date) -> ValidatedProfile:
    """Load's findings plus validate's, for a profile read from a file or from bytes."""
    if loaded.document is None:
        return ValidatedProfile(None, None, list(loaded.findings))
    result = validate(loaded.document, today)
    return ValidatedProfile(result.profile, loaded.document.source, [*loaded.findings, *result.findings])


def check_target(target: Target, today: dt.date) -> CheckedProfile:
    checked = validated(load_yaml(target.profile_path, target.display), today)
    profile, source, findings = checked.profile, checked.source, checked.findings
    pages: list[CopyPage] = []
    images: list[str] = []
    if target.folder is not None:
        copy = load_copy(target.folder)
        pages = copy.pages
        findings += copy.findings
        findings += [f for page in pages for f in copy_findings(page.display, page.parsed)]
        scan = scan_images(target.folder)
        images = scan.files
        findings += scan.findings
        if profile is not None and source is not None:
            findings += missing_findings(profile, source, site_languages(profile, {page.lang for page in pages}))
        findings += unchecked_findings(profile, source, pages, frozenset(PACK_LANGS))
    return CheckedProfile(target, profile, source, pages, sorted_findings(findings), images)


def check_paths(paths: list[str], today: dt.date) -> list[CheckedProfile]:
    """Check every profile the paths name; raises DiscoveryError for a path that cannot be used."""
    return [check_target(target, today) for target in discover(paths)]
