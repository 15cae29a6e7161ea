"""A site whose inputs have not changed is not checked or built again: its previous output is
reused, so a rebuild with no change is a hash check.

**The key.** A site's key is the sha256 of everything its output can depend on:

- every entry of the municipality's folder (name, kind, and the bytes of each file; a symlink by
  its target, never followed), or the profile file alone;
- what is the same for every site (:func:`common_key`): Rettfram's own files (package, rule
  packs, catalogues, templates, style sheet, ``mkdocs.yml``, the register), the name and version
  of every installed distribution (MkDocs, the theme, Altair …), Python's version, the day the
  build runs for, ``SOURCE_DATE_EPOCH``, the working folder (findings name paths relative to it)
  and the ``rettfram.toml`` in force.

**The record.** After a build has replaced the output folder, :func:`save` keeps, per site, the
key and what the build learnt (slug, languages, findings, notes, the portal's figures) and the
signature of every file of the site as it now is in the output folder: device, inode, size,
modification and change time. A later build reuses a site only when the key is the same *and*
every recorded file still has that signature. Writing to a file changes its times, replacing it
changes its inode, and the change time cannot be set back by anyone (``touch`` sets only the
others), so a site edited, damaged or replaced by hand is built again; the files are
hard-linked into the new stage, so the swap and the byte-for-byte promise hold as before.

Records are kept in Rettfram's own cache folder (``rettfram.disk_cache``: owned by the user,
mode 0700), never in the output folder: an output folder that came with a pull request cannot
make a build publish what it did not build. With the cache off, every site is built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rettfram import disk_cache, publish, register
from rettfram.discover import Target
from rettfram.findings import Finding
from rettfram.portal import PortalEntry
from rettfram.text import Text

ROOT = Path(__file__).resolve().parent.parent
OWN_FILES = ("rettfram", "templates", "site_src", "mkdocs.yml", "docs/rules.md")  # under ROOT
KIND = "sites"


@dataclass(frozen=True)
class SiteRecord:
    """What a build learnt about one site, and the files it published."""

    key: bytes
    slug: str
    languages: tuple[str, ...]
    findings: tuple[Finding, ...]
    notes: tuple[Text, ...]
    entry: PortalEntry
    files: dict[str, tuple[int, ...]] = field(default_factory=dict)  # path under the site → :func:`signature`
    theme_files: dict[str, str] = field(default_factory=dict)  # what its pages link to in the shared assets/


def common_key(today: dt.date, config: Path | None) -> bytes:
    """The part of every site's key that is the same for all of them."""
    digest = hashlib.sha256()
    for part in (str(today), os.environ.get("SOURCE_DATE_EPOCH", ""), os.getcwd(), sys.version):
        disk_cache.add_part(digest, part.encode("utf-8", "surrogateescape"))
    for name in OWN_FILES:
        _add_tree(digest, ROOT / name, ROOT)
    _add_tree(digest, register.REGISTER_DIR, register.REGISTER_DIR)
    disk_cache.add_part(digest, str(config).encode("utf-8", "surrogateescape") if config else b"")
    if config is not None:
        _add_tree(digest, config, config.parent)
    for name, version in sorted({(d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()}):
        disk_cache.add_part(digest, f"{name}=={version}".encode())
    return digest.digest()


def site_key(target: Target, common: bytes) -> bytes:
    """The key of one site: the common part, where the profile is, and everything in its folder."""
    digest = hashlib.sha256(common)
    disk_cache.add_part(digest, target.display.encode("utf-8", "surrogateescape"))
    if target.folder is not None:
        _add_tree(digest, target.folder, target.folder)
    else:
        _add_tree(digest, target.profile_path, target.profile_path.parent)
    return digest.digest()


def load(out: Path) -> dict[str, SiteRecord]:
    """The records of the last build into ``out``, by the profile's path as shown to the user."""
    found = disk_cache.read(KIND, out.resolve(), disk_cache.key_of([]))
    return found if isinstance(found, dict) else {}


def save(out: Path, records: dict[str, SiteRecord]) -> None:
    """Keep ``records``, each with the signatures of its site's files as they are now in ``out``
    (after the swap: linking and removing the old output changed their change times)."""
    signed = {shown: replace(record, files=signatures(out / record.slug)) for shown, record in records.items()}
    disk_cache.write(KIND, out.resolve(), disk_cache.key_of([]), signed)


def intact(record: SiteRecord, out: Path) -> bool:
    """Every file the record lists is in ``out/<slug>/`` with the signature it had when recorded."""
    site = os.fspath(out / record.slug)
    return bool(record.files) and all(
        signature(os.path.join(site, relative)) == mark for relative, mark in record.files.items()
    )


def link_into(record: SiteRecord, out: Path, stage: Path) -> None:
    """The recorded files of ``out/<slug>/`` into ``stage/<slug>/`` (hard links; a copy where the
    file system has none)."""
    source, target = os.fspath(out / record.slug), os.fspath(stage / record.slug)
    folders = {""}
    for relative in record.files:
        folder = os.path.dirname(relative)
        while folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    for folder in sorted(folders):  # each once, parents first (``os.makedirs`` checks every parent again)
        os.mkdir(os.path.join(target, folder) if folder else target)
    for relative in sorted(record.files):
        publish.link_or_copy(os.path.join(source, relative), os.path.join(target, relative))


def signatures(site: Path) -> dict[str, tuple[int, ...]]:
    """Path under ``site`` → :func:`signature`, for every regular file there."""
    found: dict[str, tuple[int, ...]] = {}
    for relative, entry in _entries(os.fspath(site)):
        mark = _mark(entry.stat(follow_symlinks=False))
        if mark:
            found[relative] = mark
    return found


def signature(path: str) -> tuple[int, ...]:
    """A regular file's device, inode, size, modification and change time (ns); () for anything
    else (missing, a symlink, a folder)."""
    try:
        return _mark(os.lstat(path))
    except OSError:
        return ()


def _mark(info: os.stat_result) -> tuple[int, ...]:
    """:func:`signature` of a file already stat'ed (not following a symlink)."""
    if not stat.S_ISREG(info.st_mode):
        return ()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _file_digest(path: str) -> bytes | None:
    """sha256 of a regular file's bytes; None for anything else (missing, a symlink, a folder)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
        return digest.digest()
    finally:
        os.close(handle)


def _entries(top: str, prefix: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry under the folder ``top`` as (its path under ``top`` with ``/``, the entry), in
    a fixed order: a folder's entries by name, each folder's own entries after it. Symlinks are
    never followed; ``__pycache__`` folders are left out."""
    try:
        with os.scandir(top) as scan:
            listed = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in listed:
        if entry.name == "__pycache__":
            continue
        relative = prefix + entry.name
        yield relative, entry
        if entry.is_dir(follow_symlinks=False):
            yield from _entries(entry.path, relative + "/")


def _add_tree(digest: hashlib._Hash, top: Path, base: Path) -> None:
    """Every entry under ``top`` (or ``top`` itself, a file): its path under ``base``, its kind,
    and a regular file's bytes or a symlink's target. Symlinks are never followed; a special file
    (a pipe, a device) is named, never read."""
    name = os.fsencode(top.relative_to(base)) if top != base else b"."
    try:
        info = top.lstat()
    except OSError:
        info = None
    _add_entry(digest, name, os.fspath(top), info)
    if info is not None and stat.S_ISDIR(info.st_mode):
        lead = name + b"/" if top != base else b""
        for relative, entry in _entries(os.fspath(top)):
            try:
                found: os.stat_result | None = entry.stat(follow_symlinks=False)
            except OSError:
                found = None
            _add_entry(digest, lead + os.fsencode(relative), entry.path, found)


def _add_entry(digest: hashlib._Hash, name: bytes, path: str, info: os.stat_result | None) -> None:
    disk_cache.add_part(digest, name)
    if info is None:
        disk_cache.add_part(digest, b"missing")
    elif stat.S_ISLNK(info.st_mode):
        disk_cache.add_part(digest, b"link " + os.fsencode(os.readlink(path)))
    elif stat.S_ISREG(info.st_mode):
        disk_cache.add_part(digest, b"file " + (_file_digest(path) or b"changed"))
    elif stat.S_ISDIR(info.st_mode):
        disk_cache.add_part(digest, b"folder")
    else:
        disk_cache.add_part(digest, b"other")
