"""A cache on disk for what every command would otherwise rebuild at start-up.

``lint`` of one municipality spent most of its time loading and compiling the rule files and
reading the 3 MB ``similar`` model, the same work on every start. :func:`cached` keeps the
result of such a build in one file per thing cached, with the sha256 of every input the build
reads (the rule files' bytes, the model's bytes, Rettfram's and Python's version) as its key:
a file whose key differs is rebuilt and replaced, so the cache can never be stale, only cold.

The cache holds pickles, which run code when loaded, so it is only used in a folder that
cannot have been written by anyone else (the same test Jinja2's bytecode cache makes): the
folder is created with mode 0700, must be owned by the user running Rettfram, must not be a
symlink, and must not be writable by group or others; otherwise nothing is cached. What is
pickled is always Rettfram's own objects (the compiled rules, the model, and what a build learnt
about each site: ``rettfram.site_reuse``), never a file from a profile's folder. Files are
written to a temporary name and renamed into place, so a reader never sees half a file.

The folder is ``$RETTFRAM_CACHE_DIR``, else ``$XDG_CACHE_HOME/rettfram``, else
``~/.cache/rettfram``; ``RETTFRAM_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

import jinja2

from rettfram import __version__, environment

T = TypeVar("T")
ENV = "RETTFRAM_CACHE_DIR"
OFF = "off"
_KEY_BYTES = 32  # a sha256 digest heads every cache file


def cache_dir() -> Path | None:
    """The cache folder, created if missing; None when caching is off or the folder is not safe."""
    raw = str(environment.value(ENV) or "")
    if raw == OFF:
        return None
    if raw:
        folder = Path(raw)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "rettfram"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    return folder if _safe(info) else None


def _safe(info: os.stat_result) -> bool:
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def key_of(inputs: Iterable[bytes]) -> bytes:
    """The sha256 of every input, each length-prefixed, with Rettfram's and Python's version."""
    digest = hashlib.sha256(f"rettfram {__version__} python {sys.version}".encode())
    for part in inputs:
        add_part(digest, part)
    return digest.digest()


def add_part(digest: hashlib._Hash, part: bytes) -> None:
    """One input into a key, length first, so no two lists of inputs give the same bytes."""
    digest.update(len(part).to_bytes(8, "big"))
    digest.update(part)


def cached(kind: str, source: Path, inputs: Iterable[bytes], build: Callable[[], T]) -> T:
    """``build()``, or its result as cached for exactly these ``inputs``.

    One file per ``kind`` (``catalog``, ``similar``) and ``source`` (the folder or file it is
    built from, so a copy of the rules elsewhere has a file of its own). An error in ``build`` is
    raised as it is and nothing is written; a cache file that cannot be read or written is
    ignored (the result is built instead)."""
    key = key_of(inputs)
    found = read(kind, source, key)
    if found is not None:
        return cast(T, found)  # written by ``build`` for this very key
    value = build()
    write(kind, source, key, value)
    return value


def _path(folder: Path, kind: str, source: Path) -> Path:
    return folder / f"{kind}-{hashlib.sha256(str(source).encode()).hexdigest()[:16]}.pickle"


def read(kind: str, source: Path, key: bytes) -> object | None:
    """What :func:`write` kept for ``kind`` and ``source`` under exactly ``key``; else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = _path(folder, kind, source).read_bytes()
        if data[:_KEY_BYTES] == key:
            return pickle.loads(data[_KEY_BYTES:])  # noqa: S301 - our own file in our own 0700 folder (see above)
    except Exception:  # a missing, truncated or foreign file: as if nothing was kept
        pass
    return None


def write(kind: str, source: Path, key: bytes, value: object) -> None:
    """Keep ``value`` for ``kind`` and ``source`` under ``key`` (nothing when caching is off)."""
    folder = cache_dir()
    if folder is not None:
        _write(folder, _path(folder, kind, source), key + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _write(folder: Path, path: Path, data: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only or full disk: the next start builds again


class TemplateCode(jinja2.BytecodeCache):
    """A Jinja2 bytecode cache: compiled templates kept in memory for the process and, when the
    cache folder is usable, on disk between runs (one file per template, named by Jinja2's key
    for the template's name and file; Jinja2 checks the source's checksum when it loads one). A
    build's workers then start without compiling mkdocs-material's templates again. The files
    hold code, like the pickles: the same folder, with the same checks. ``kind`` names the Jinja2
    environment (its settings change the code a template compiles to)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.codes: dict[str, bytes] = {}

    def _file(self, folder: Path, bucket: jinja2.bccache.Bucket) -> Path:
        return folder / f"jinja-{self.kind}-{bucket.key}.code"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.codes.get(bucket.key)
        folder = cache_dir() if data is None else None
        if folder is not None:
            try:
                data = self._file(folder, bucket).read_bytes()
            except OSError:
                data = None
        if data is not None:
            bucket.bytecode_from_string(data)
            self.codes[bucket.key] = data

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.codes[bucket.key] = data
        folder = cache_dir()
        if folder is not None:
            _write(folder, self._file(folder, bucket), data)
