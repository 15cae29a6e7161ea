"""Copy pages: the Markdown a municipality writes, in ``copy/<lang>/<page>.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rettfram.discover import display_path
from rettfram.findings import Finding
from rettfram.messages import Message
from rettfram.text import Text

LANG_FOLDER = re.compile(r"^[a-z]{2,3}$")
MAX_PAGE_BYTES = 512 * 1024


@dataclass(frozen=True)
class CopyPage:
    lang: str
    name: str  # the file name without .md: home, work, housing …
    path: Path
    text: str

    @property
    def display(self) -> str:
        return display_path(self.path)


@dataclass
class CopyPages:
    pages: list[CopyPage]
    findings: list[Finding]

    def languages(self) -> list[str]:
        return sorted({p.lang for p in self.pages})


def load_copy(folder: Path) -> CopyPages:
    pages: list[CopyPage] = []
    findings: list[Finding] = []
    copy_root = folder / "copy"
    if not copy_root.is_dir():
        return CopyPages(pages, findings)
    for lang_dir in sorted(p for p in copy_root.iterdir() if p.is_dir()):
        if not LANG_FOLDER.match(lang_dir.name):
            findings.append(_problem(lang_dir, 1, 1, "copy.language-folder", MESSAGES["language_folder"].format(name=lang_dir.name)))
            continue
        for md in sorted(lang_dir.glob("*.md")):
            raw = md.read_bytes()
            if len(raw) > MAX_PAGE_BYTES:
                findings.append(_problem(md, 1, 1, "copy.too-large", MESSAGES["too_large"].format(size=len(raw), limit=MAX_PAGE_BYTES)))
                continue
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                findings.append(_problem(md, line, 1, "copy.encoding", MESSAGES["encoding"]))
                continue
            pages.append(CopyPage(lang_dir.name, md.stem, md, text.replace("\r\n", "\n")))
    return CopyPages(pages, findings)


def _problem(path: Path, line: int, column: int, rule: str, message: Message) -> Finding:
    return Finding.of(display_path(path), line, column, rule, message)


MESSAGES = {
    "language_folder": Message(
        Text("Mappen copy/{name} er ikke en språkkode.", "The folder copy/{name} is not a language code.", "Mappa copy/{name} er ikkje ei språkkode."),
        Text("Bruk copy/nb, copy/nn, copy/en (eller en annen kode på to–tre bokstaver).", "Use copy/nb, copy/nn, copy/en (or another two- or three-letter code).", "Bruk copy/nb, copy/nn, copy/en (eller ei anna kode på to–tre bokstavar)."),
    ),
    "too_large": Message(
        Text("Siden er {size} byte; grensen er {limit}.", "The page is {size} bytes; the limit is {limit}.", "Sida er {size} byte; grensa er {limit}."),
        Text("Del teksten i flere sider.", "Split the text into several pages.", "Del teksten i fleire sider."),
    ),
    "encoding": Message(
        Text("Filen er ikke gyldig UTF-8.", "The file is not valid UTF-8.", "Fila er ikkje gyldig UTF-8."),
        Text("Lagre filen som UTF-8 i redigeringsprogrammet.", "Save the file as UTF-8 in your editor.", "Lagre fila som UTF-8 i redigeringsprogrammet."),
    ),
}
