"""Word copy in: a .docx converted to a page of Markdown copy, with its pictures.

Communication staff write in Word. :func:`import_docx` reads the document with pandoc (through
pypandoc-binary, so no system pandoc is needed) into pandoc's document tree, checks it, and
writes it as CommonMark: headings, lists, links, bold and italic kept; raw HTML dropped.

- Tracked changes and comments are refused: the page would publish whichever version pandoc
  picked, and a comment is not copy. The author accepts or rejects them in Word first.
- Every picture needs alt text (Word: right-click, "Edit Alt Text"); it is copied into the
  municipality's ``images/`` as ``<page>-<n>.<ext>`` (PNG, JPEG or GIF, checked by its first
  bytes like every published image: ``rettfram.images``) and linked as ``images/…``.
- The .docx is read like any input: a regular file, no symlink, at most ``MAX_DOCX_BYTES``;
  pandoc runs in its sandbox (it reads the one file and writes nothing); pictures are read from
  the document's own ``word/media/`` by name, each at most ``images.MAX_IMAGE_BYTES``.
- Nothing is written until everything is checked; an existing page or picture is replaced only
  with ``force`` (a symlink in its place is replaced, never followed); each file is written to a
  temporary name and renamed into place (``safe_write.replace_file``).
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rettfram import images, safe_read
from rettfram.console import UserError
from rettfram.safe_write import replace_file
from rettfram.text import Text, join_lines

MAX_DOCX_BYTES = 20 * 1024 * 1024
PICTURES = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "gif": "gif"}
TRACKED = {"insertion", "deletion", "paragraph-insertion", "paragraph-deletion"}
COMMENT = "comment-start"
_MEDIA = re.compile(r"^media/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class Picture:
    name: str  # in images/
    data: bytes


@dataclass(frozen=True)
class Converted:
    markdown: str
    pictures: list[Picture]


def import_docx(folder: Path, page: str, docx: Path, lang: str, force: bool = False) -> Path:
    """Convert ``docx`` to ``folder/copy/<lang>/<page>.md`` (and its pictures into
    ``folder/images/``); returns the page written. Raises UserError, having written nothing."""
    raw = _read_docx(docx)
    converted = convert(raw, page, str(docx))
    target = _plain_folder(folder, "copy", lang) / f"{page}.md"
    image_folder = _plain_folder(folder, "images")
    pictures = [(image_folder / picture.name, picture.data) for picture in converted.pictures]
    taken = [path for path in [target, *(path for path, _ in pictures)] if os.path.lexists(path)]
    if taken and not force:
        raise UserError(
            Text(
                f"{taken[0]} finnes fra før. Bruk --force for å erstatte den (den gamle er i Git-historikken).",
                f"{taken[0]} already exists. Use --force to replace it (the old one is in the Git history).",
                f"{taken[0]} finst frå før. Bruk --force for å erstatte henne (den gamle er i Git-historikken).",
            )
        )
    for path, data in [*pictures, (target, converted.markdown.encode("utf-8"))]:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
    return target


def convert(raw: bytes, page: str, display: str) -> Converted:
    """The document as Markdown copy, and the pictures it links to (nothing written)."""
    import pypandoc

    with tempfile.TemporaryDirectory(prefix="rettfram-docx-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(raw)
        try:
            tree = json.loads(
                pypandoc.convert_file(
                    str(source), "json", format="docx", extra_args=["--track-changes=all"], sandbox=True
                )
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise UserError(
                Text(
                    f"{display}: pandoc kunne ikke lese dokumentet ({str(exc)[:200]}). Lagre det på nytt som "
                    ".docx (Word-dokument) og prøv igjen.",
                    f"{display}: pandoc could not read the document ({str(exc)[:200]}). Save it again as .docx "
                    "(Word document) and try again.",
                )
            ) from None
    _refuse_revisions(tree, display)
    pictures = _pictures(tree, raw, page, display)
    _title_as_heading(tree)
    markdown = pypandoc.convert_text(
        json.dumps(tree), "commonmark-raw_html", format="json", extra_args=["--wrap=none"], sandbox=True
    )
    return Converted(markdown.strip() + "\n", pictures)


def _read_docx(path: Path) -> bytes:
    try:
        raw = safe_read.read_below(path, path.parent, MAX_DOCX_BYTES)
    except safe_read.Unsafe as exc:
        raise UserError(
            Text(f"{path}: ", f"{path}: ")
            + exc.reason
            + Text(
                f" Oppgi en vanlig .docx-fil under {MAX_DOCX_BYTES // (1024 * 1024)} MB.",
                f" Give a plain .docx file under {MAX_DOCX_BYTES // (1024 * 1024)} MB.",
            )
        ) from None
    if not raw.startswith(b"PK"):
        raise UserError(
            Text(
                f"{path}: er ikke en .docx-fil (Word-dokument). Lagre som .docx i Word og prøv igjen.",
                f"{path}: is not a .docx file (Word document). Save as .docx in Word and try again.",
            )
        )
    return raw


def _refuse_revisions(tree: Any, display: str) -> None:
    classes = [cls for content in _elements(tree, "Span") for cls in content[0][1]]
    changes = sum(cls in TRACKED for cls in classes)
    comments = classes.count(COMMENT)
    if changes or comments:
        raise UserError(
            Text(
                f"{display}: dokumentet har {changes} sporede endringer og {comments} kommentarer. Godta eller avvis "
                "endringene (Se gjennom → Godta alle endringer), slett kommentarene, lagre og importer på nytt.",
                f"{display}: the document has {changes} tracked changes and {comments} comments. Accept or reject "
                "the changes (Review → Accept All Changes), delete the comments, save and import again.",
                f"{display}: dokumentet har {changes} spora endringar og {comments} kommentarar. Godta eller avvis "
                "endringane (Sjå gjennom → Godta alle endringar), slett kommentarane, lagre og importer på nytt.",
            )
        )


def _pictures(tree: Any, raw: bytes, page: str, display: str) -> list[Picture]:
    """Each picture's alt text checked, its bytes taken from the document, its link rewritten."""
    found: list[Picture] = []
    problems: list[Text] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as document:
        for number, content in enumerate(_elements(tree, "Image"), start=1):
            alt, (target, _) = _plain(content[1]), content[2]
            extension = target.rsplit(".", 1)[-1].lower()
            data = _media(document, target)
            if not alt.strip():
                problems.append(
                    Text(
                        f"bilde {number} ({target}) mangler alternativ tekst: høyreklikk bildet i Word, velg «Rediger "
                        "alternativ tekst» og skriv hva bildet viser.",
                        f"picture {number} ({target}) has no alt text: right-click it in Word, choose 'Edit Alt "
                        "Text' and say what the picture shows.",
                    )
                )
            elif extension not in PICTURES or data is None or not images.is_image(data, PICTURES[extension]):
                problems.append(
                    Text(
                        f"bilde {number} ({target}) er ikke PNG, JPEG eller GIF (eller er større enn "
                        f"{images.MAX_IMAGE_BYTES // (1024 * 1024)} MB): lagre det som PNG eller JPEG og sett det "
                        "inn på nytt.",
                        f"picture {number} ({target}) is not PNG, JPEG or GIF (or is over "
                        f"{images.MAX_IMAGE_BYTES // (1024 * 1024)} MB): save it as PNG or JPEG and insert it again.",
                    )
                )
            else:
                name = f"{page}-{number}.{PICTURES[extension]}"
                found.append(Picture(name, data))
                content[2] = [f"images/{name}", ""]
    if problems:
        head = Text(f"{display}: ", f"{display}: ")
        raise UserError(head + join_lines(problems))
    return found


def _media(document: zipfile.ZipFile, target: str) -> bytes | None:
    if not _MEDIA.match(target):
        return None
    try:
        info = document.getinfo(f"word/{target}")
    except KeyError:
        return None
    if info.file_size > images.MAX_IMAGE_BYTES:
        return None
    with document.open(info) as member:
        return member.read(images.MAX_IMAGE_BYTES + 1)[: images.MAX_IMAGE_BYTES]


def _title_as_heading(tree: dict[str, Any]) -> None:
    """Word's Title style becomes the page's level-1 heading when the body has none."""
    title = tree.get("meta", {}).get("title")
    has_heading = any(block.get("t") == "Header" and block["c"][0] == 1 for block in tree["blocks"])
    if title and title.get("t") == "MetaInlines" and not has_heading:
        tree["blocks"].insert(0, {"t": "Header", "c": [1, ["", [], []], title["c"]]})


def _elements(node: Any, kind: str) -> list[Any]:
    """The content of every element of pandoc type ``kind`` in the tree, in document order."""
    found: list[Any] = []
    stack = [node]
    while stack:  # depth first without recursion: a stranger's document may nest deeply
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("t") == kind:
                found.append(item["c"])
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def _plain(inlines: list[Any]) -> str:
    """The text of a list of pandoc inlines (alt text)."""
    parts: list[str] = []
    for inline in inlines:
        kind = inline.get("t")
        if kind == "Str":
            parts.append(inline["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif isinstance(inline.get("c"), list):
            parts.append(_plain([c for c in inline["c"] if isinstance(c, dict)]))
    return "".join(parts)


def _plain_folder(folder: Path, *parts: str) -> Path:
    """``folder/parts…``, which may not exist yet; refused when any part is a symlink or not a
    folder (checked before anything is written; the folders are made when writing)."""
    path = folder
    for part in parts:
        path = path / part
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            raise UserError(
                Text(
                    f"{path} er ikke en vanlig mappe; Rettfram skriver ikke gjennom snarveier.",
                    f"{path} is not a plain folder; Rettfram does not write through links.",
                )
            )
    return path
