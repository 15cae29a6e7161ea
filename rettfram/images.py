"""A municipality's ``images/``: only real image files are published.

``images/`` is published on the site's own origin, so anything in it that a browser would run
(an HTML page, an SVG with script, a Markdown file MkDocs would make a page of) would run as the
site. :func:`scan_images` accepts a file only when it is a regular file inside the folder (no
symlinks, through ``rettfram.safe_read``), named with plain letters, digits, ``.``, ``_`` and
``-``, ending in ``.png``, ``.jpg``, ``.jpeg``, ``.gif`` or ``.webp``, starting with the bytes
that type starts with, and at most ``MAX_IMAGE_BYTES``. SVG is not published at all (it can
carry script). Anything else is a finding and is left out; a symlink or a FIFO is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rettfram import safe_read
from rettfram.discover import display_path
from rettfram.findings import Category, Finding, Severity
from rettfram.safe_read import Kind, Unsafe
from rettfram.text import Text

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGES = 200
MAX_DEPTH = 3
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),  # and "WEBP" at offset 8
}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass
class ImageScan:
    files: list[str] = field(default_factory=list)  # paths relative to images/, with "/"
    findings: list[Finding] = field(default_factory=list)


def is_image(data: bytes, extension: str) -> bool:
    """True when ``data`` starts with the bytes a file of type ``extension`` starts with."""
    if not any(data.startswith(signature) for signature in SIGNATURES[extension]):
        return False
    return extension != "webp" or data[8:12] == b"WEBP"


def scan_images(folder: Path) -> ImageScan:
    """What of ``folder/images/`` may be published, and findings for the rest."""
    scan = ImageScan()
    root = folder / "images"
    try:
        entries = {e.name: e for e in safe_read.list_below(folder, folder)}
    except Unsafe:
        return scan  # the copy reader reports a folder it cannot list
    entry = entries.get("images")
    if entry is None:
        return scan
    if entry.kind is not Kind.FOLDER:
        scan.findings.append(_refused(root, entry.kind))
        return scan
    _scan(folder, root, "", 0, scan)
    return scan


def _scan(folder: Path, directory: Path, prefix: str, depth: int, scan: ImageScan) -> None:
    for entry in safe_read.list_below(directory, folder):
        path = directory / entry.name
        relative = f"{prefix}{entry.name}"
        if entry.kind in (Kind.SYMLINK, Kind.OTHER):
            scan.findings.append(_refused(path, entry.kind))
        elif not _NAME.fullmatch(entry.name):
            scan.findings.append(_warning(path, "images.name", MESSAGES["name"]))
        elif entry.kind is Kind.FOLDER:
            if depth + 1 >= MAX_DEPTH:
                scan.findings.append(_warning(path, "images.not-image", MESSAGES["deep"]))
            else:
                _scan(folder, path, f"{relative}/", depth + 1, scan)
        else:
            _file(folder, path, relative, scan)


def _file(folder: Path, path: Path, relative: str, scan: ImageScan) -> None:
    extension = path.suffix.lower().lstrip(".")
    if extension not in SIGNATURES:
        key = "svg" if extension == "svg" else "not_image"
        scan.findings.append(_warning(path, "images.not-image", MESSAGES[key]))
        return
    if len(scan.files) >= MAX_IMAGES:
        scan.findings.append(_warning(path, "images.not-image", MESSAGES["too_many"]))
        return
    try:
        data = safe_read.read_below(path, folder, MAX_IMAGE_BYTES)
    except Unsafe as problem:
        scan.findings.append(safe_read.finding_for(display_path(path), path.name, problem))
        return
    if not is_image(data, extension):
        scan.findings.append(_warning(path, "images.not-image", MESSAGES["content"]))
        return
    scan.files.append(relative)


def copy_images(folder: Path, files: list[str], target: Path) -> None:
    """Write the accepted images (read again the same safe way) under ``target``."""
    for relative in files:
        source = folder / "images" / relative
        data = safe_read.read_below(source, folder, MAX_IMAGE_BYTES)
        if not is_image(data, source.suffix.lower().lstrip(".")):
            continue  # changed since the check: leave it out
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)


def _refused(path: Path, kind: Kind) -> Finding:
    rule, reason = ("file.symlink", "symlink") if kind is Kind.SYMLINK else ("file.not-regular", "not_file")
    return safe_read.finding_for(display_path(path), path.name, Unsafe(rule, safe_read.REASONS[reason]))


def _warning(path: Path, rule: str, message: tuple[Text, Text]) -> Finding:
    text, fix = message
    return Finding(display_path(path), 1, 1, rule, Category.SCHEMA, Severity.WARNING, text, fix)


_FIX = Text(
    "Legg bare bilder i images/: PNG, JPEG, GIF eller WebP, med navn av bokstaver, tall, «.», «_» og «-».",
    "Put only images in images/: PNG, JPEG, GIF or WebP, named with letters, digits, '.', '_' and '-'.",
    "Legg berre bilete i images/: PNG, JPEG, GIF eller WebP, med namn av bokstavar, tal, «.», «_» og «-».",
)
MESSAGES = {
    "not_image": (
        Text(
            "Filen er ikke et bilde og publiseres ikke.",
            "The file is not an image and is not published.",
            "Fila er ikkje eit bilete og blir ikkje publisert.",
        ),
        _FIX,
    ),
    "svg": (
        Text(
            "SVG publiseres ikke: en SVG kan inneholde skript.",
            "SVG is not published: an SVG can hold script.",
            "SVG blir ikkje publisert: ein SVG kan innehalde skript.",
        ),
        Text("Lagre bildet som PNG.", "Save the image as PNG.", "Lagre biletet som PNG."),
    ),
    "content": (
        Text(
            "Filen har bildenavn, men innholdet er ikke et bilde av den typen; den publiseres ikke.",
            "The file has an image name, but its content is not an image of that type; it is not published.",
            "Fila har biletnamn, men innhaldet er ikkje eit bilete av den typen; ho blir ikkje publisert.",
        ),
        _FIX,
    ),
    "name": (
        Text(
            "Navnet har tegn som ikke kan brukes i en nettadresse; filen publiseres ikke.",
            "The name has characters that cannot be used in a web address; the file is not published.",
            "Namnet har teikn som ikkje kan brukast i ei nettadresse; fila blir ikkje publisert.",
        ),
        _FIX,
    ),
    "deep": (
        Text(
            "Mapper så dypt i images/ leses ikke.",
            "Folders this deep in images/ are not read.",
            "Mapper så djupt i images/ blir ikkje lesne.",
        ),
        Text(
            "Flytt bildene høyere opp i images/.",
            "Move the images further up in images/.",
            "Flytt bileta høgare opp i images/.",
        ),
    ),
    "too_many": (
        Text(
            f"Mer enn {MAX_IMAGES} bilder; resten publiseres ikke.",
            f"More than {MAX_IMAGES} images; the rest are not published.",
            f"Meir enn {MAX_IMAGES} bilete; resten blir ikkje publisert.",
        ),
        Text(
            "Fjern bilder som ikke brukes.", "Remove images that are not used.", "Fjern bilete som ikkje blir brukte."
        ),
    ),
}
