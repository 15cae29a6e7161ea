"""Builds are reproducible and never leave a half-written site where readers look."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rettfram import publish
from rettfram.site_build import BuildOptions, build
from tests.conftest import REPO
from tests.sites.conftest import SITE_DAY


def tree(root: Path) -> dict[str, str]:
    """Every file under root: relative path → sha256 of its bytes."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site, examples_build, tmp_path):
    """The second build reuses the warm chart cache; the first one drew every chart."""
    assert examples_build.chart_misses > 0
    again = build(BuildOptions(paths=[str(REPO / "municipalities")], today=SITE_DAY, out=tmp_path / "site",
                               cache=examples_build.out.parent / "cache"))
    assert again.chart_misses == 0 and again.chart_hits == examples_build.chart_misses
    first, second = tree(site), tree(tmp_path / "site")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, different[:10]
    assert "SOURCE_DATE_EPOCH" not in os.environ, "the build restores the environment"


def test_staged_swaps_in_only_on_success(tmp_path):
    out = tmp_path / "site"
    with publish.staged(out) as stage:
        (stage / "index.html").write_text("one")
    assert (out / "index.html").read_text() == "one"
    with pytest.raises(RuntimeError):
        with publish.staged(out) as stage:
            (stage / "index.html").write_text("two")
            raise RuntimeError("half-way")
    assert (out / "index.html").read_text() == "one"
    with publish.staged(out) as stage:
        (stage / "index.html").write_text("three")
    assert (out / "index.html").read_text() == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no stage or old copy is left"
    assert oct(out.stat().st_mode & 0o777) != oct(0o700), "the site is readable by a web server"


def test_leftovers_of_dead_builds_are_removed(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    dead = tmp_path / ".site.staging-999999999-abc"
    dead.mkdir()
    publish.mark(dead)
    alive = tmp_path / f".site.staging-{os.getppid()}-abc"
    alive.mkdir()
    publish.mark(alive)
    not_ours = tmp_path / ".site.staging-999999998-abc"  # looks like a stage, but has no marker
    not_ours.mkdir()
    publish.remove_leftovers(out)
    assert not dead.exists() and alive.exists() and out.exists() and not_ours.exists()


def _start_build(out: Path, cache: Path, jobs: int) -> subprocess.Popen:
    env = {**os.environ, "RETTFRAM_TODAY": SITE_DAY.isoformat(), "RETTFRAM_BUILD_PAUSE": "60", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "build", str(REPO / "municipalities"), "--out", str(out), "--cache", str(cache),
         "--jobs", str(jobs)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for_first_site(proc: subprocess.Popen, timeout: float = 120) -> str:
    """Read stderr until the build reports its first municipality (then it pauses)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if ": " in line and "(" in line:
            return line
        if proc.poll() is not None:
            pytest.fail(f"the build ended early: {proc.returncode} {proc.stderr.read()}")
    pytest.fail("the build never reported a municipality")


@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGKILL, 1), (signal.SIGTERM, 2)], ids=["SIGKILL", "SIGTERM"])
def test_an_interrupted_build_leaves_the_previous_site_intact(site, examples_build, tmp_path, sig, jobs):
    """SIGTERM stops the workers, then removes the stage; after SIGKILL (one process: a killed
    build's workers stop when their server sees it gone, a moment later) the next build does."""
    out = tmp_path / "site"
    build(BuildOptions(paths=[str(REPO / "municipalities" / "5014-froya")], today=SITE_DAY, out=out,
                       cache=examples_build.out.parent / "cache"))
    before = tree(out)
    assert list(before) and all(not name.startswith(("kvam", "gamvik")) for name in before)
    proc = _start_build(out, examples_build.out.parent / "cache", jobs)
    try:
        first = _wait_for_first_site(proc).split("] ")[-1].split(":")[0].strip()  # "[1/4] froya: nb, en, pl (=)"
        stages = [p for p in tmp_path.iterdir() if ".staging-" in p.name and "-work-" not in p.name]
        assert stages and (stages[0] / first / "index.html").is_file(), "the first site went to the stage"
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    assert tree(out) == before, "the previous output is intact"
    assert not [p for p in out.rglob("*") if ".staging-" in p.name], "nothing half-built inside the output"
    leftovers = [p for p in tmp_path.iterdir() if p.name != "site"]
    if sig == signal.SIGTERM:
        assert proc.returncode == 2
        assert not leftovers, "a stopped build removes its stage"
    else:
        publish.remove_leftovers(out)  # what the next build does first
        assert not [p for p in tmp_path.iterdir() if p.name != "site"]
