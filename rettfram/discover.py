"""Which profiles a command works on: municipality folders, a folder of them, or single files.

A municipality folder is ``<number>-<slug>/`` with ``profile.yaml`` and ``copy/<lang>/*.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from rettfram.errors import UserError
from rettfram.text import Text

PROFILE_NAME = "profile.yaml"
MUNICIPALITY_FOLDER = re.compile(r"^(?P<number>\d{4})-(?P<slug>[a-z0-9-]+)$")  # 5014-froya
DEFAULT_ROOT = Path("municipalities")


@dataclass(frozen=True)
class Target:
    profile_path: Path
    folder: Path | None  # the municipality folder, when the profile is <folder>/profile.yaml

    @property
    def display(self) -> str:
        return display_path(self.profile_path)


class DiscoveryError(UserError):
    """A path the user gave cannot be used (exit 2)."""


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it.
    Bytes that are not UTF-8 in a file name are shown as ``\\xNN`` (they cannot be printed)."""
    try:
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        shown = str(path)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover(paths: list[str]) -> list[Target]:
    if not paths:
        paths = [str(DEFAULT_ROOT)]
    targets: list[Target] = []
    for raw in paths:
        targets += _targets_for(Path(raw))
    return targets


def _targets_for(path: Path) -> list[Target]:
    if path.is_file():
        return [Target(path, path.parent if path.name == PROFILE_NAME else None)]
    if path.is_dir():
        # lexists, not is_file: a profile.yaml that is a symlink or a FIFO is a target, and
        # loading it (rettfram.safe_read) says what is wrong with it
        if os.path.lexists(path / PROFILE_NAME):
            return [Target(path / PROFILE_NAME, path)]
        folders = sorted(p for p in path.iterdir() if os.path.lexists(p / PROFILE_NAME))
        if folders:
            return [Target(p / PROFILE_NAME, p) for p in folders]
        raise DiscoveryError(
            Text(
                f"Fant ingen profile.yaml i «{path}» eller mappene rett under.",
                f"Found no profile.yaml in '{path}' or the folders right below it.",
                f"Fann ingen profile.yaml i «{path}» eller mappene rett under.",
            )
        )
    if path.exists():
        raise DiscoveryError(
            Text(
                f"«{path}» er verken en fil eller en mappe.",
                f"'{path}' is neither a file nor a folder.",
                f"«{path}» er verken ei fil eller ei mappe.",
            )
        )
    raise DiscoveryError(Text(f"«{path}» finnes ikke.", f"'{path}' does not exist.", f"«{path}» finst ikkje."))
