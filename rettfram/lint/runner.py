"""Lint paths: find the copy, pick the rule pack per language, apply config and suppressions.

What a PATH means:

- a Markdown file: linted with the pack of its language: the ``copy/<lang>/`` folder it sits
  in, else ``--lang``, else bokmål;
- a ``profile.yaml``: its municipality folder (below);
- a folder: every ``copy/<lang>/**/*.md`` below it, each with its language's pack. Copy in a
  language without a pack is skipped with a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rettfram import clock
from rettfram.discover import MUNICIPALITY_FOLDER, display_path
from rettfram.findings import Finding, Severity, sorted_findings
from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.municipality import checked_profile, context_for_folder, municipality_findings
from rettfram.lint.page import lint_text
from rettfram.lint.pack import PACK_LANGS, Catalog
from rettfram.text import Text



class TargetError(Exception):
    """A path that cannot be linted: the command cannot run (exit 2)."""

    def __init__(self, message: Text) -> None:
        self.text = message
        super().__init__(message.en)


@dataclass(frozen=True)
class Target:
    path: Path
    lang: str
    context: LintContext


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


def context_for(path: Path, today: dt.date) -> LintContext:
    """Place names from the municipality folder name (``5014-froya`` gives "froya"), and the
    folder's profile (for the claim rules) when it has one."""
    for folder in (path, *path.parents):
        if m := MUNICIPALITY_FOLDER.match(folder.name):
            return context_for_folder(folder, today, (m.group("slug").replace("-", " "),))
        if (folder / "profile.yaml").is_file():
            return context_for_folder(folder, today, ())
    return LintContext(today=today)


def collect_targets(paths: list[Path], lang: str | None, today: dt.date) -> tuple[list[Target], list[Text]]:
    targets: list[Target] = []
    notes: list[Text] = []
    for path in paths:
        if path.is_file() and path.name == "profile.yaml":
            path = path.parent
        if path.is_file():
            targets.append(Target(path, lang_from_path(path) or lang or "nb", context_for(path.resolve(), today)))
            continue
        if not path.is_dir():
            raise TargetError(Text(nb=f"Fant ikke {path}", en=f"{path} not found", nn=f"Fann ikkje {path}"))
        found = False
        for copy_dir in sorted(p for p in path.rglob("copy") if p.is_dir()):
            for lang_dir in sorted(p for p in copy_dir.iterdir() if p.is_dir()):
                files = sorted(lang_dir.rglob("*.md"))
                found = found or bool(files)
                if lang_dir.name not in PACK_LANGS:
                    if files:
                        notes.append(Text(nb=f"{display_path(lang_dir)}: ingen regelpakke for '{lang_dir.name}', hoppet over",
                                          en=f"{display_path(lang_dir)}: no rule pack for '{lang_dir.name}', skipped",
                                          nn=f"{display_path(lang_dir)}: ingen regelpakke for '{lang_dir.name}', hoppa over"))
                    continue
                targets += [Target(f, lang_dir.name, context_for(f.resolve(), today)) for f in files]
        if not found:
            notes.append(Text(nb=f"{display_path(path)}: fant ingen copy/<språk>/*.md", en=f"{display_path(path)}: found no copy/<lang>/*.md",
                              nn=f"{display_path(path)}: fann ingen copy/<språk>/*.md"))
    return targets, notes


def read_copy(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetError(Text(nb=f"Kan ikke lese {display_path(path)} (må være UTF-8): {exc}",
                               en=f"Cannot read {display_path(path)} (must be UTF-8): {exc}",
                               nn=f"Kan ikkje lese {display_path(path)} (må vere UTF-8): {exc}")) from None


def run(paths: list[Path], lang: str | None, catalog: Catalog, config: LintConfig, today: dt.date | None = None) -> LintRun:
    today = today or clock.today()
    checked_profile.cache_clear()  # each run reads the profiles as they are now on disk
    targets, notes = collect_targets(paths, lang, today)
    result = LintRun(notes=notes, files=len(targets))
    folders: set[Path] = set()
    for target in targets:
        if target.lang not in catalog.packs or target.lang == "meta":
            raise TargetError(Text(nb=f"Ukjent språk '{target.lang}' (nb, nn, en)", en=f"Unknown language '{target.lang}' (nb, nn, en)"))
        copy_root = next((p.parent for p in target.path.parents if p.name == "copy"), None)
        if copy_root is not None and copy_root not in folders:
            folders.add(copy_root)  # the profile, its data and its strings, once per municipality
            result.findings += municipality_findings(copy_root.resolve(), catalog, config, today)
        try:
            text = read_copy(target.path)
        except TargetError:
            if copy_root is None or not (copy_root / "profile.yaml").is_file():
                raise
            continue  # the municipality's check findings report it (copy.encoding)
        result.findings += lint_text(display_path(target.path), text, target.lang, catalog, config, target.context)
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
