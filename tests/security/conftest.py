"""A scratch repository of profiles to attack, as a pull request from a stranger would.

``scratch()`` copies an example municipality into a fresh folder laid out like a profiles
repository (``municipalities/``, a ``.git`` stand-in, a file of the user's own) and returns it;
commands run there as real processes (``run``), so the working folder is the repository's.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, Run
from tests.sites.conftest import build_folders  # noqa: F401 (fixtures these tests share)


@dataclass
class Scratch:
    root: Path

    @property
    def froya(self) -> Path:
        return self.root / "municipalities" / "5014-froya"

    def run(self, *args: object, env: dict | None = None, timeout: float = 120, preexec=None) -> Run:  # noqa: ANN001
        full_env = {**os.environ, "RETTFRAM_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        proc = subprocess.run([sys.executable, str(REPO / "build.py"), *map(str, args)], cwd=self.root, env=full_env,
                              capture_output=True, text=True, timeout=timeout, preexec_fn=preexec)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    def snapshot(self) -> dict[str, str]:
        """Every file below the root (symlinks as their target), to show nothing was lost."""
        found = {}
        for path in sorted(self.root.rglob("*")):
            key = str(path.relative_to(self.root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        return found


@pytest.fixture
def scratch(tmp_path) -> Scratch:
    root = tmp_path / "profiles"
    shutil.copytree(REPO / "municipalities" / "5014-froya", root / "municipalities" / "5014-froya")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "notes.txt").write_text("the user's own file\n", encoding="utf-8")
    return Scratch(root)
