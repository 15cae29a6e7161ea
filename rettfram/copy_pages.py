"""Copy pages: the Markdown a municipality writes, in ``copy/<lang>/<page>.md``.

The one list of copy files that ``check``, ``lint`` and ``build`` all use: the ``*.md`` files
right inside ``copy/<lang>/``, each a regular file inside the municipality folder (no symlinks,
no FIFOs or devices, at most ``MAX_PAGE_BYTES``), read through ``rettfram.safe_read`` and
parsed once (``rettfram.copy_markdown``). Anything else there is a finding, not a surprise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rettfram import safe_read
from rettfram.copy_markdown import ParsedCopy, parse
from rettfram.discover import display_path
from rettfram.findings import Finding, Severity
from rettfram.messages import Message
from rettfram.safe_read import Kind, Unsafe
from rettfram.text import Text

LANG_FOLDER = re.compile(r"^[a-z]{2,3}$")
MAX_PAGE_BYTES = 256 * 1024  # a page of copy is a few KB; this is about a hundred pages of text


@dataclass(frozen=True)
class CopyPage:
    lang: str
    name: str  # the file name without .md: home, work, housing …
    path: Path
    parsed: ParsedCopy

    @property
    def text(self) -> str:
        """The copy as every reader sees it (line endings normalised)."""
        return self.parsed.text

    @property
    def display(self) -> str:
        return display_path(self.path)


@dataclass
class CopyPages:
    pages: list[CopyPage]
    findings: list[Finding]

    def languages(self) -> list[str]:
        return sorted({p.lang for p in self.pages})


def decode_copy(raw: bytes, display: str) -> tuple[str | None, list[Finding]]:
    """UTF-8 text (a BOM allowed), or a ``copy.encoding`` finding at the first bad byte's line."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = len(re.split(rb"\r\n|\r|\n", raw[: exc.start]))
        return None, [Finding.of(display, line, 1, "copy.encoding", MESSAGES["encoding"])]


def load_copy(folder: Path) -> CopyPages:
    """Every copy page of the municipality ``folder``, and findings for what cannot be one."""
    pages: list[CopyPage] = []
    findings: list[Finding] = []
    copy_root = folder / "copy"
    try:
        top = {entry.name: entry for entry in safe_read.list_below(folder, folder)}
    except Unsafe as problem:
        return CopyPages(pages, [safe_read.finding_for(display_path(folder), folder.name, problem)])
    entry = top.get("copy")
    if entry is None:
        return CopyPages(pages, findings)
    if entry.kind is not Kind.FOLDER:
        return CopyPages(pages, [_refused(copy_root, entry.kind)])
    for lang_entry in safe_read.list_below(copy_root, folder):
        lang_dir = copy_root / lang_entry.name
        if lang_entry.kind is Kind.FILE:
            continue  # a README beside the language folders is fine
        if lang_entry.kind is not Kind.FOLDER:
            findings.append(_refused(lang_dir, lang_entry.kind))
        elif not LANG_FOLDER.match(lang_entry.name):
            findings.append(
                _problem(
                    lang_dir, "copy.language-folder", MESSAGES["language_folder"].format(name=display_path(lang_dir))
                )
            )
        else:
            found, problems = _language(folder, lang_dir)
            pages += found
            findings += problems
    return CopyPages(pages, findings)


def _language(folder: Path, lang_dir: Path) -> tuple[list[CopyPage], list[Finding]]:
    pages, findings = [], []
    for entry in safe_read.list_below(lang_dir, folder):
        path = lang_dir / entry.name
        if not entry.name.endswith(".md"):
            if entry.kind is Kind.FOLDER:
                findings.append(
                    _problem(
                        path, "copy.subfolder", MESSAGES["subfolder"].format(name=display_path(path)), Severity.WARNING
                    )
                )
            continue
        if entry.kind is not Kind.FILE:
            findings.append(_refused(path, entry.kind))
            continue
        try:
            raw = safe_read.read_below(path, folder, MAX_PAGE_BYTES)
        except Unsafe as problem:
            findings.append(safe_read.finding_for(display_path(path), entry.name, problem))
            continue
        text, problems = decode_copy(raw, display_path(path))
        findings += problems
        if text is not None:
            pages.append(CopyPage(lang_dir.name, entry.name[:-3], path, parse(text)))
    return pages, findings


def _refused(path: Path, kind: Kind) -> Finding:
    rule = "file.symlink" if kind is Kind.SYMLINK else "file.not-regular"
    reason = safe_read.REASONS[
        "symlink" if kind is Kind.SYMLINK else "not_folder" if path.suffix != ".md" else "not_file"
    ]
    return safe_read.finding_for(display_path(path), path.name, Unsafe(rule, reason))


def _problem(path: Path, rule: str, message: Message, severity: Severity = Severity.ERROR) -> Finding:
    return Finding.of(display_path(path), 1, 1, rule, message, severity=severity)


MESSAGES = {
    "language_folder": Message(
        Text(
            "Mappen {name} er ikke en språkkode.",
            "The folder {name} is not a language code.",
            "Mappa {name} er ikkje ei språkkode.",
        ),
        Text(
            "Bruk copy/nb, copy/nn, copy/en (eller en annen kode på to–tre bokstaver).",
            "Use copy/nb, copy/nn, copy/en (or another two- or three-letter code).",
            "Bruk copy/nb, copy/nn, copy/en (eller ei anna kode på to–tre bokstavar).",
        ),
    ),
    "subfolder": Message(
        Text(
            "Mappen {name} blir ikke lest: bare *.md rett i språkmappen er sider.",
            "The folder {name} is not read: only *.md right inside the language folder are pages.",
            "Mappa {name} blir ikkje lesen: berre *.md rett i språkmappa er sider.",
        ),
        Text(
            "Flytt filene opp i språkmappen, eller fjern mappen.",
            "Move the files up into the language folder, or remove the folder.",
            "Flytt filene opp i språkmappa, eller fjern mappa.",
        ),
    ),
    "encoding": Message(
        Text("Filen er ikke gyldig UTF-8.", "The file is not valid UTF-8.", "Fila er ikkje gyldig UTF-8."),
        Text(
            "Lagre filen som UTF-8 i redigeringsprogrammet.",
            "Save the file as UTF-8 in your editor.",
            "Lagre fila som UTF-8 i redigeringsprogrammet.",
        ),
    ),
}
