"""Lint paths: find the copy, pick the rule pack per language, apply config and suppressions.

What a PATH means:

- a Markdown file: linted with the pack of its language: the ``copy/<lang>/`` folder it sits
  in, else ``--lang``, else bokmål (read like copy: a regular file, no symlink, size-capped);
- a ``profile.yaml``: its municipality folder (below);
- a municipality folder (one with ``profile.yaml`` or ``copy/``), or a folder of them: the same
  copy files ``check`` and ``build`` read (``copy_pages.load_copy``: ``copy/<lang>/*.md``),
  each with its language's pack. Copy in a language without a pack is skipped with a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rettfram import clock, safe_read
from rettfram.check import CheckedProfile
from rettfram.copy_markdown import ParsedCopy, parse
from rettfram.copy_pages import MAX_PAGE_BYTES, decode_copy, load_copy
from rettfram.discover import MUNICIPALITY_FOLDER, display_path
from rettfram.errors import UserError
from rettfram.findings import Finding, Severity, sorted_findings
from rettfram.language_coverage import unchecked_findings
from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.municipality import checked_profile, context_for_checked, context_for_folder, municipality_findings
from rettfram.lint.pack import PACK_LANGS, Catalog
from rettfram.lint.page import lint_parsed
from rettfram.sanitize import copy_findings
from rettfram.text import Text


class TargetError(UserError):
    """A path that cannot be linted: the command cannot run (exit 2)."""


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    files: int = 0


def lang_from_path(path: Path) -> str | None:
    parts = path.parts
    for index, part in enumerate(parts[:-1]):
        if part == "copy" and index + 1 < len(parts) - 1:
            return parts[index + 1]
    return None


def context_for(path: Path, today: dt.date, checked: CheckedProfile | None = None) -> LintContext:
    """Place names from the municipality folder name (``5014-froya`` gives "froya"), and the
    folder's profile (for the claim rules) when it has one (``checked``, when already loaded)."""
    for folder in (path, *path.parents):
        if m := MUNICIPALITY_FOLDER.match(folder.name):
            names = (m.group("slug").replace("-", " "),)
            return context_for_checked(checked, today, names) if checked else context_for_folder(folder, today, names)
        if (folder / "profile.yaml").is_file():
            return context_for_checked(checked, today, ()) if checked else context_for_folder(folder, today, ())
    return LintContext(today=today)


def _is_municipality(folder: Path) -> bool:
    return (folder / "profile.yaml").exists() or (folder / "copy").exists()


def municipality_folders(path: Path) -> list[Path]:
    """The folder itself when it is a municipality folder, else the ones right inside it
    (symlinked folders are never followed)."""
    if _is_municipality(path):
        return [path]
    entries = safe_read.list_below(path, path)
    return [path / e.name for e in entries if e.kind is safe_read.Kind.FOLDER and _is_municipality(path / e.name)]


def read_copy(path: Path) -> ParsedCopy:
    """A standalone Markdown file, read like copy: a regular file, no symlink, size-capped."""
    shown = display_path(path)
    try:
        raw = safe_read.read_below(path, path.parent, MAX_PAGE_BYTES)
    except safe_read.Unsafe as problem:
        raise TargetError(safe_read.NOT_READ.format(name=shown, reason=problem.reason)) from None
    text, problems = decode_copy(raw, shown)
    if text is None:
        raise TargetError(
            Text(
                nb=f"Kan ikke lese {shown} (må være UTF-8).",
                en=f"Cannot read {shown} (must be UTF-8).",
                nn=f"Kan ikkje lese {shown} (må vere UTF-8).",
            )
        )
    return parse(text)


def _folder(folder: Path, catalog: Catalog, config: LintConfig, today: dt.date, result: LintRun) -> None:
    """A municipality folder: its check findings, its data and strings, then each copy page."""
    checked = checked_profile(folder, today)
    if checked is not None:
        result.findings += municipality_findings(folder, catalog, config, today)
        pages = checked.pages
    else:
        copy = load_copy(folder)
        result.findings += copy.findings + [f for page in copy.pages for f in copy_findings(page.display, page.parsed)]
        result.findings += unchecked_findings(None, None, copy.pages, frozenset(PACK_LANGS))
        pages = copy.pages
    if not pages:
        result.notes.append(
            Text(
                nb=f"{display_path(folder)}: fant ingen copy/<språk>/*.md",
                en=f"{display_path(folder)}: found no copy/<lang>/*.md",
                nn=f"{display_path(folder)}: fann ingen copy/<språk>/*.md",
            )
        )
    context = context_for(folder.resolve(), today, checked)
    for page in pages:
        if (
            page.lang in PACK_LANGS
        ):  # a page in another language is a copy.unchecked-language warning (language_coverage.py)
            result.files += 1
            result.findings += lint_parsed(page.display, page.parsed, page.lang, catalog, config, context)


def run(
    paths: list[Path], lang: str | None, catalog: Catalog, config: LintConfig, today: dt.date | None = None
) -> LintRun:
    today = today or clock.today()
    checked_profile.cache_clear()  # each run reads the profiles as they are now on disk
    result = LintRun()
    for path in paths:
        if path.is_file() and path.name == "profile.yaml":
            path = path.parent
        if path.is_dir():
            folders = municipality_folders(path)
            if not folders:
                result.notes.append(
                    Text(
                        nb=f"{display_path(path)}: fant ingen copy/<språk>/*.md",
                        en=f"{display_path(path)}: found no copy/<lang>/*.md",
                        nn=f"{display_path(path)}: fann ingen copy/<språk>/*.md",
                    )
                )
            for folder in folders:
                _folder(folder, catalog, config, today, result)
            continue
        if not path.exists() and not path.is_symlink():
            raise TargetError(
                Text(
                    nb=f"Fant ikke {display_path(path)}",
                    en=f"{display_path(path)} not found",
                    nn=f"Fann ikkje {display_path(path)}",
                )
            )
        file_lang = lang_from_path(path) or lang or "nb"
        if file_lang not in catalog.packs or file_lang == "meta":
            raise TargetError(
                Text(nb=f"Ukjent språk '{file_lang}' (nb, nn, en)", en=f"Unknown language '{file_lang}' (nb, nn, en)")
            )
        parsed = read_copy(path)
        result.files += 1
        result.findings += lint_parsed(
            display_path(path), parsed, file_lang, catalog, config, context_for(path.resolve(), today)
        )
    result.findings = sorted_findings(result.findings)
    return result


def exit_code(findings: list[Finding], config: LintConfig) -> int:
    """0 when nothing reaches ``fail_on`` (and warnings are within ``max_warnings``), else 1."""
    if any(f.severity.rank >= config.fail_on.rank for f in findings):
        return 1
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    if config.max_warnings is not None and warnings > config.max_warnings:
        return 1
    return 0
