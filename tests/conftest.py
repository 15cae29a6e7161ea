"""Shared fixtures: a pinned date, the repository root, a CLI runner and the one Chromium.

The browser is one session fixture here, not one per folder: Playwright's sync API cannot
start a second instance while the first is alive."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-21"
CHROMIUM = os.environ.get("RETTFRAM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """The tests keep the compiled rules (rettfram/disk_cache.py) in a folder of their own, not
    the user's cache: tests that compile rule folders of their own would fill it."""
    os.environ["RETTFRAM_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Every test sees the same 'today', so dates in fixtures never go stale."""
    monkeypatch.setenv("RETTFRAM_TODAY", TODAY)


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


@pytest.fixture
def cli():
    """Run the real CLI in-process: ``cli("check", path)``."""
    from rettfram.cli import main

    def run(*args: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
        return Run(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def cli_process():
    """Run ``python build.py ...`` as a real process (for exit codes and tracebacks)."""
    return run_process


def run_process(*args: str, cwd: Path = REPO, env: dict | None = None) -> Run:
    """``python build.py ARGS`` as a real process, dated like the tests."""
    full_env = {**os.environ, "RETTFRAM_TODAY": TODAY, **(env or {})}
    proc = subprocess.run(
        [sys.executable, str(REPO / "build.py"), *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def municipality_copy(tmp_path):
    """Copy an example municipality into tmp_path and return its folder."""

    def make(name: str = "5014-froya") -> Path:
        target = tmp_path / "municipalities" / name
        shutil.copytree(REPO / "municipalities" / name, target)
        return target

    return make


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM}: apt-get update && apt-get install -y chromium"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
