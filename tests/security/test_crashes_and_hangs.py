"""Threat: an odd file, port or environment value crashes or hangs a command (in CI: every
municipality blocked, or a job that runs until it is killed).

Each gives a Norwegian message (English with ``--lang en``) and exit 2, or a finding at the
file's path: never a traceback, never "Intern feil", never a hang (each run has a timeout).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.conftest import REPO, TODAY
from tests.sites.test_serve import _lines, _wait_for


def _clean(run) -> None:  # noqa: ANN001
    assert "Traceback" not in run.both and "Intern feil" not in run.both and "Internal error" not in run.both, run.both


@pytest.mark.parametrize("port", ["70000", "-1", "http", "８０"])
def test_serve_on_a_port_that_cannot_be(scratch, port):
    run = scratch.run("serve", "5014", "--port", port, "--root", "municipalities")
    assert run.code == 2 and "invalid port" in run.err
    _clean(run)


def test_the_preview_server_answers_a_nul_in_the_path_with_400(scratch):
    env = {**os.environ, "RETTFRAM_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "5014", "--port", "0"], cwd=scratch.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = _lines(proc)
        url = _wait_for(lines, "http://127.0.0.1:").split()[1]
        root = url.split("/froya/")[0]
        for path in ("/%00", "/froya/%00.html", "/%2e%2e/%2e%2e/etc/passwd", "/froya/\x7f"):
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(root + path.replace("\x7f", "%7f"), timeout=10)
            assert error.value.code in (400, 404)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200, "the server is still up"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert "Traceback" not in out + err


@pytest.mark.parametrize(("name", "value"), [
    ("SOURCE_DATE_EPOCH", "99999999999999999999"), ("SOURCE_DATE_EPOCH", "yesterday"), ("SOURCE_DATE_EPOCH", "-1"),
    ("RETTFRAM_TODAY", "garbage"), ("RETTFRAM_TODAY", "2026-02-30"), ("RETTFRAM_BUILD_PAUSE", "soon"), ("RETTFRAM_BUILD_PAUSE", "1e9"),
])
@pytest.mark.parametrize("command", ["check", "build"])
def test_an_environment_value_that_does_not_parse_stops_the_command(scratch, name, value, command):
    run = scratch.run(command, env={name: value})
    assert run.code == 2
    assert f"Miljøvariabelen {name}=" in run.err and "kan ikke brukes" in run.err
    assert f"The environment variable {name}=" in run.err
    _clean(run)
    assert not (scratch.root / "build" / "site").exists()


def test_a_fifo_in_copy_does_not_hang_check(scratch):
    os.mkfifo(scratch.froya / "copy" / "nb" / "extra.md")
    run = scratch.run("check", "municipalities", timeout=20)
    assert run.code == 1 and "extra.md:1:1: error file.not-regular" in run.out
    _clean(run)


def test_a_copy_file_linked_to_dev_zero_is_refused_at_once(scratch):
    page = scratch.froya / "copy" / "nb" / "home.md"
    page.unlink()
    os.symlink("/dev/zero", page)
    for command in ("check", "lint"):
        run = scratch.run(command, "municipalities", timeout=20)
        assert run.code == 1 and "home.md:1:1: error file.symlink" in run.out
        _clean(run)


def test_a_folder_named_like_a_copy_page(scratch):
    (scratch.froya / "copy" / "nb" / "notes.md").mkdir()
    for command in ("check", "lint", "build"):
        run = scratch.run(command, "municipalities", timeout=60)
        assert run.code == 1 and "notes.md:1:1: error file.not-regular" in run.out, run.both
        _clean(run)


def test_lint_and_build_read_the_same_copy_files(scratch):
    """A sub-folder of copy/nb/ is neither published nor linted: both say so, the same way."""
    (scratch.froya / "copy" / "nb" / "drafts").mkdir()
    (scratch.froya / "copy" / "nb" / "drafts" / "old.md").write_text("SOS – bygda dør!\n", encoding="utf-8")
    lint = scratch.run("lint", "municipalities")
    build = scratch.run("build")
    for run in (lint, build):
        assert "copy/nb/drafts:1:1: warning copy.subfolder" in run.out, run.both
        assert "sos." not in run.out
    assert lint.code == 0 and build.code == 0


def test_lint_of_a_huge_file_is_refused_at_once(scratch):
    big = scratch.root / "big.md"
    with big.open("wb") as handle:
        handle.write(b"fred og ro " * (2 * 1024 * 1024))
    run = scratch.run("lint", "big.md", timeout=20)
    assert run.code == 2 and "større enn grensen på 262144 byte" in run.err
    _clean(run)


def _small_files_only() -> None:
    """Writes over 64 KB fail with EFBIG, as on a full disk (SIGXFSZ ignored, so write() fails)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_write_that_fails_keeps_the_last_site_and_leaves_nothing_behind(scratch):
    assert scratch.run("build").code == 0
    before = sorted(p.name for p in (scratch.root / "build").iterdir())
    index = (scratch.root / "build" / "site" / "froya" / "index.html").read_bytes()
    (scratch.froya / "copy" / "nb" / "home.md").write_text("Ny tekst.\n", encoding="utf-8")
    run = scratch.run("build", "--cache", "fresh-cache", preexec=_small_files_only)
    assert run.code == 2 and "Kan ikke skrive" in run.err and "None" not in run.err, run.both
    _clean(run)
    assert (scratch.root / "build" / "site" / "froya" / "index.html").read_bytes() == index
    assert sorted(p.name for p in (scratch.root / "build").iterdir()) == before, "no hidden stage is left"
