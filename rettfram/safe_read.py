"""Reading files a stranger wrote: inside the folder, regular files only, no symlinks, capped.

A pull request can put anything in a municipality folder: a symlink to ``/etc/passwd`` or to
``/proc/self/environ`` (the CI job's environment: its secrets), a FIFO that blocks a reader
forever, a device that never ends, a folder named like a file, a file of gigabytes. Every reader
of a municipality's files goes through here:

- :func:`read_below` opens a file one path component at a time from the folder, each with
  ``O_NOFOLLOW`` (a symlink anywhere, the folder itself included, is refused, and nothing can
  be swapped in between a check and the open), opens the file without blocking, accepts only a
  regular file, and reads at most ``limit`` bytes;
- :func:`list_below` lists a folder the same way, saying what each entry is without following it.

Problems are :class:`Unsafe` with a reason in Norwegian and English; callers turn them into
findings at the file's path.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from rettfram.findings import Category, Finding, Severity
from rettfram.text import Text

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class Kind(str, Enum):
    FILE = "file"
    FOLDER = "folder"
    SYMLINK = "symlink"
    OTHER = "other"  # FIFO, socket, device


@dataclass(frozen=True)
class Entry:
    name: str
    kind: Kind
    size: int


class Unsafe(Exception):
    """A file that is not read: ``reason`` says why (a symlink, not a regular file, too large …)."""

    def __init__(self, rule: str, reason: Text):
        super().__init__(reason.en)
        self.rule = rule
        self.reason = reason

    def __reduce__(self):  # noqa: ANN204 - raised in a build worker, read in the parent (rettfram.workers)
        return (Unsafe, (self.rule, self.reason))


REASONS = {
    "symlink": Text(
        "er en symbolsk lenke; lenker følges ikke (de kan peke ut av kommunemappen)",
        "is a symbolic link; links are not followed (they can point out of the municipality folder)",
        "er ei symbolsk lenkje; lenkjer blir ikkje følgde (dei kan peike ut av kommunemappa)",
    ),
    "not_file": Text(
        "er ikke en vanlig fil (en mappe, en FIFO eller en enhet)",
        "is not a regular file (a folder, a FIFO or a device)",
        "er ikkje ei vanleg fil (ei mappe, ein FIFO eller ei eining)",
    ),
    "not_folder": Text("er ikke en mappe", "is not a folder", "er ikkje ei mappe"),
    "too_large": Text(
        "er større enn grensen på {limit} byte",
        "is larger than the limit of {limit} bytes",
        "er større enn grensa på {limit} byte",
    ),
    "unreadable": Text("kan ikke leses ({detail})", "cannot be read ({detail})", "kan ikkje lesast ({detail})"),
}


def _refusal(exc: OSError, folder: Path | None = None, parts: tuple[str, ...] = ()) -> Unsafe:
    """Why an open failed. ``O_NOFOLLOW`` gives ELOOP for a linked file but ENOTDIR for a linked
    folder, so the path is looked at (without following) to name a symlink as one."""
    if exc.errno == errno.ELOOP or (folder is not None and _has_symlink(folder, parts)):
        return Unsafe("file.symlink", REASONS["symlink"])
    if exc.errno in (errno.ENOTDIR, errno.ENXIO, errno.EISDIR):
        return Unsafe("file.not-regular", REASONS["not_file"])
    return Unsafe("file.unreadable", REASONS["unreadable"].format(detail=exc.strerror or type(exc).__name__))


def _has_symlink(folder: Path, parts: tuple[str, ...]) -> bool:
    path = folder
    for part in ("", *parts):
        path = path / part if part else path
        if path.is_symlink():
            return True
    return False


def _open_folder(folder: Path, parts: tuple[str, ...]) -> int:
    """A descriptor of ``folder/parts…``, every step opened without following a symlink."""
    fd = os.open(folder, _DIR_FLAGS)
    try:
        for part in parts:
            inner = os.open(part, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


def _parts(path: Path, folder: Path) -> tuple[str, ...]:
    parts = path.relative_to(folder).parts
    if any(part in ("..", ".") for part in parts):
        raise ValueError(f"{path} is not inside {folder}")
    return parts


def read_below(path: Path, folder: Path, limit: int) -> bytes:
    """The bytes of ``path`` (inside ``folder``), read safely; raises :class:`Unsafe`."""
    parts = _parts(path, folder)
    if not parts:
        raise Unsafe("file.not-regular", REASONS["not_file"])
    try:
        parent = _open_folder(folder, parts[:-1])
        try:
            fd = os.open(parts[-1], _FILE_FLAGS, dir_fd=parent)
        finally:
            os.close(parent)
    except OSError as exc:
        raise _refusal(exc, folder, parts) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unsafe("file.not-regular", REASONS["not_file"])
        if info.st_size > limit:
            raise Unsafe("file.too-large", REASONS["too_large"].format(limit=limit))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unsafe("file.too-large", REASONS["too_large"].format(limit=limit))
        return b"".join(chunks)
    except OSError as exc:
        raise _refusal(exc) from None
    finally:
        os.close(fd)


def list_below(path: Path, folder: Path) -> list[Entry]:
    """The entries of the folder ``path`` (``folder`` itself or inside it), sorted by name,
    each with what it is; symlinks are reported as such, never followed. Raises :class:`Unsafe`."""
    parts = _parts(path, folder)
    try:
        fd = _open_folder(folder, parts)
    except OSError as exc:
        raise _refusal(exc, folder, parts) from None
    try:
        entries = []
        with os.scandir(fd) as scan:
            for item in scan:
                info = item.stat(follow_symlinks=False)
                mode = info.st_mode
                kind = (
                    Kind.SYMLINK
                    if stat.S_ISLNK(mode)
                    else Kind.FOLDER
                    if stat.S_ISDIR(mode)
                    else Kind.FILE
                    if stat.S_ISREG(mode)
                    else Kind.OTHER
                )
                entries.append(Entry(item.name, kind, info.st_size))
        return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        raise _refusal(exc) from None
    finally:
        os.close(fd)


def is_folder_below(path: Path, folder: Path) -> bool:
    """True when ``path`` is a real folder inside ``folder`` (no symlink on the way)."""
    try:
        os.close(_open_folder(folder, _parts(path, folder)))
    except (OSError, ValueError):
        return False
    return True


FIXES = {
    "file.symlink": Text(
        "Legg inn selve filen i kommunemappen i stedet for en lenke.",
        "Put the file itself in the municipality folder instead of a link.",
        "Legg inn sjølve fila i kommunemappa i staden for ei lenkje.",
    ),
    "file.not-regular": Text(
        "Bruk en vanlig fil med dette navnet, eller fjern det som står der.",
        "Use a regular file by this name, or remove what is there.",
        "Bruk ei vanleg fil med dette namnet, eller fjern det som står der.",
    ),
    "file.too-large": Text("Gjør filen mindre.", "Make the file smaller.", "Gjer fila mindre."),
    "file.unreadable": Text(
        "Sjekk at filen finnes og at du har lesetilgang.",
        "Check that the file exists and is readable.",
        "Sjekk at fila finst og at du har lesetilgang.",
    ),
}
NOT_READ = Text(
    "«{name}» {reason}; den er ikke lest.",
    "'{name}' {reason}; it was not read.",
    "«{name}» {reason}; ho er ikkje lesen.",
)


def finding_for(display: str, name: str, problem: Unsafe) -> Finding:
    """The finding for a file that was refused, at ``display`` line 1, column 1."""
    return Finding(
        display,
        1,
        1,
        problem.rule,
        Category.SCHEMA,
        Severity.ERROR,
        NOT_READ.format(name=name, reason=problem.reason),
        FIXES[problem.rule],
    )
