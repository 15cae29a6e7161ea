"""The output folder: what a build may replace, and the swap that puts a finished build in place.

**What may be replaced.** ``--out`` comes from a script or a person, and a build replaces the
whole folder. :func:`check_out` refuses, before anything is written: an empty path, the
working folder or any folder above it, a folder that holds or sits inside the sources (a
municipality folder, the folders the command was given, Rettfram's own files), an existing file
or symlink, and a non-empty folder that Rettfram did not make. Every folder a build makes holds
the marker file ``.rettfram-build``; an empty folder is fine.

**The swap.** ``with staged(out) as stage:`` gives an empty folder ``.<name>.staging-<pid>-<random>``
next to ``out`` (with the marker). When the block ends normally the stage replaces ``out`` in
one step (Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, undone if the second
fails). When it fails or is interrupted, the stage is removed and ``out`` is untouched. A build
killed outright (SIGKILL, power cut) can leave a hidden stage behind, never anything inside
``out``; the next build removes it (only folders with the marker, whose build has ended).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rettfram.text import Text

MARKER = ".rettfram-build"
MARKER_TEXT = "Made by Rettfram (python build.py build). The next build replaces this whole folder.\n"
ROOT = Path(__file__).resolve().parent.parent  # Rettfram's own files: never an output folder
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|old)-(?P<pid>\d+)-")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutRefused(Exception):
    """``--out`` names a place a build must not replace; ``message`` says why and what to do."""

    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


REFUSALS = {
    "cwd": Text(
        "«{out}» er arbeidsmappen eller en mappe over den; et bygg ville slette den. Bruk en egen mappe, for eksempel "
        "build/site.",
        "'{out}' is the working folder or a folder above it; a build would delete it. Use a folder of its own, such "
        "as build/site.",
        "«{out}» er arbeidsmappa eller ei mappe over henne; eit bygg ville slette henne. Bruk ei eiga mappe, til "
        "dømes build/site.",
    ),
    "sources": Text(
        "«{out}» inneholder eller ligger i kildene («{source}»); et bygg ville erstatte dem. Bruk en mappe utenfor, "
        "for eksempel build/site.",
        "'{out}' holds or lies inside the sources ('{source}'); a build would replace them. Use a folder outside "
        "them, such as build/site.",
        "«{out}» inneheld eller ligg i kjeldene («{source}»); eit bygg ville erstatte dei. Bruk ei mappe utanfor, til "
        "dømes build/site.",
    ),
    "file": Text(
        "«{out}» er en fil, ikke en mappe; den erstattes ikke. Velg et annet navn.",
        "'{out}' is a file, not a folder; it is not replaced. Choose another name.",
        "«{out}» er ei fil, ikkje ei mappe; ho blir ikkje erstatta. Vel eit anna namn.",
    ),
    "symlink": Text(
        "«{out}» er en symbolsk lenke; den følges ikke. Oppgi mappen selv.",
        "'{out}' is a symbolic link; it is not followed. Give the folder itself.",
        "«{out}» er ei symbolsk lenkje; ho blir ikkje følgd. Oppgi mappa sjølv.",
    ),
    "foreign": Text(
        "«{out}» er ikke tom og ble ikke laget av Rettfram (den mangler {marker}); den erstattes ikke. Velg en ny "
        "eller tom mappe.",
        "'{out}' is not empty and was not made by Rettfram (it has no {marker}); it is not replaced. Choose a new or "
        "empty folder.",
        "«{out}» er ikkje tom og vart ikkje laga av Rettfram (ho manglar {marker}); ho blir ikkje erstatta. Vel ei ny "
        "eller tom mappe.",
    ),
}


def _refuse(key: str, out: Path | str, **params: object) -> OutRefused:
    return OutRefused(REFUSALS[key].format(out=out, marker=MARKER, **params))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out(out: Path, sources: list[Path], *, must_be_ours: bool = True) -> Path:
    """``out`` resolved, when a build may replace it; raises :class:`OutRefused`.
    ``must_be_ours=False`` (the chart cache, which is only added to) skips the marker rule."""
    if out.is_symlink():
        raise _refuse("symlink", out)
    resolved = out.resolve()
    if _inside(Path.cwd().resolve(), resolved):
        raise _refuse("cwd", out)
    for source in sources:
        source = source.resolve()
        if _inside(source, resolved) or _inside(resolved, source):
            raise _refuse("sources", out, source=source)
    if _inside(ROOT, resolved):
        raise _refuse("sources", out, source=ROOT)
    if resolved.exists() and not resolved.is_dir():
        raise _refuse("file", out)
    if must_be_ours and resolved.is_dir() and not (resolved / MARKER).is_file() and any(resolved.iterdir()):
        raise _refuse("foreign", out)
    return resolved


def mark(folder: Path) -> None:
    """Mark ``folder`` as made by Rettfram (a later build may replace it)."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent))
    try:
        os.chmod(stage, 0o777 & ~_umask())
        mark(stage)
        yield stage
        swap_in(stage, out)
    finally:
        remove_tree(stage)


@contextlib.contextmanager
def scratch(out: Path) -> Iterator[Path]:
    """A hidden working folder beside ``out`` (removed after; a killed build's is removed by
    the next build, like its stage)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.staging-{os.getpid()}-work-", dir=out.parent) as work:
        mark(Path(work))
        yield Path(work)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """``target`` as a hard link to the file ``source`` (never following a symlink), or a copy
    where the file system has no hard links: a build's reused sites and ``merge``'s parts."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copyfile(source, target, follow_symlinks=False)


def remove_tree(folder: Path) -> None:
    """``shutil.rmtree(folder)``, errors ignored: a leftover is reported (:func:`leftovers`) and
    removed by the next build. (One thread: spreading the old output of a national build over
    eight threads made it take twice as long here, bench/build_bench.py.)"""
    shutil.rmtree(folder, ignore_errors=True)


def swap_in(stage: Path, out: Path) -> None:
    """Put ``stage`` where ``out`` is; the old ``out`` ends up at ``stage`` (or is removed)."""
    if not out.exists():
        os.rename(stage, out)
        return
    if _exchange(stage, out):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    mark(old)
    os.rename(out, old / out.name)
    try:
        os.rename(stage, out)
    except OSError:
        os.rename(old / out.name, out)  # put the previous site back
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(out: Path) -> list[Path]:
    """Hidden stages of ``out`` that a build made (they hold the marker) and whose build has ended."""
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for entry in out.parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if (
            match
            and match.group("name") == out.name
            and not entry.is_symlink()
            and (entry / MARKER).is_file()
            and not _running(int(match.group("pid")))
        ):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def leftovers(out: Path) -> list[Path]:
    """Hidden stages of ``out`` still on disk (a removal that failed), to tell the user."""
    out = out.resolve()
    if not out.parent.is_dir():
        return []
    return sorted(
        e
        for e in out.parent.iterdir()
        if (m := _LEFTOVER.match(e.name)) and m.group("name") == out.name and int(m.group("pid")) == os.getpid()
    )


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
