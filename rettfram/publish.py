"""Staging and swapping: a build writes to a hidden folder beside the output and swaps it in.

``with staged(out) as stage:`` gives an empty folder ``.<name>.staging-<pid>-<random>`` next to
``out``. When the block ends normally the stage replaces ``out`` in one step (Linux
``renameat2(RENAME_EXCHANGE)``; elsewhere two renames). When it fails or is interrupted, the
stage is removed and ``out`` is untouched. A build killed outright (SIGKILL, power cut) can
leave a hidden stage behind, never anything inside ``out``; the next build removes it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|old)-(?P<pid>\d+)-")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent))
    os.chmod(stage, 0o777 & ~_umask())
    try:
        yield stage
        swap_in(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


@contextlib.contextmanager
def scratch(out: Path) -> Iterator[Path]:
    """A hidden working folder beside ``out`` (removed after; a killed build's is removed by
    the next build, like its stage)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.staging-{os.getpid()}-work-", dir=out.parent) as work:
        yield Path(work)


def swap_in(stage: Path, out: Path) -> None:
    """Put ``stage`` where ``out`` is; the old ``out`` ends up at ``stage`` (or is removed)."""
    if not out.exists():
        os.rename(stage, out)
        return
    if _exchange(stage, out):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    os.rename(out, old / out.name)
    os.rename(stage, out)
    shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(out: Path) -> list[Path]:
    """Hidden stages of ``out`` whose build is no longer running."""
    removed = []
    if not out.parent.is_dir():
        return removed
    for entry in out.parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if match and match.group("name") == out.name and not _running(int(match.group("pid"))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


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
