"""``python build.py serve NUMBER``: a live preview that rebuilds on save and keeps the last good
build when a save introduces an error."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

from tests.conftest import REPO, TODAY


def _lines(proc: subprocess.Popen) -> "queue.Queue[str]":
    lines: queue.Queue[str] = queue.Queue()

    def pump(stream):
        for line in stream:
            lines.put(line)

    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=pump, args=(stream,), daemon=True).start()
    return lines


def _wait_for(lines: "queue.Queue[str]", *needles: str, seconds: float = 60) -> str:
    """Read lines until every needle has been seen, in any order: stdout and stderr are read by
    two threads, so lines from the two streams may arrive in either order. Returns the line with
    the first needle."""
    deadline = time.monotonic() + seconds
    seen: list[str] = []
    found: dict[str, str] = {}
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        found.update({needle: line for needle in needles if needle in line and needle not in found})
        if len(found) == len(needles):
            return found[needles[0]]
    missing = [needle for needle in needles if needle not in found]
    raise AssertionError(f"no {missing!r} in {seen}")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_on_save_and_keeps_the_last_good_build(tmp_path):
    root = tmp_path / "municipalities"
    shutil.copytree(REPO / "municipalities" / "5626-gamvik", root / "5626-gamvik")
    env = {**os.environ, "RETTFRAM_TODAY": TODAY}
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "serve", "5626", "--port", "0", "--root", str(root)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        lines = _lines(proc)
        url = _wait_for(lines, "http://127.0.0.1:").split()[1]
        assert url.endswith("/gamvik/")
        work = url + "work.html"
        assert "Ny setning fra redaksjonen" not in _get(work)

        page = root / "5626-gamvik" / "copy" / "nb" / "work.md"
        page.write_text(page.read_text("utf-8") + "\nNy setning fra redaksjonen.\n", encoding="utf-8")
        _wait_for(lines, "Bygget på")
        assert "Ny setning fra redaksjonen" in _get(work)

        page.write_text(page.read_text("utf-8") + "\nVi har mange leiligheter til leie.\n", encoding="utf-8")
        _wait_for(lines, "claim.leiebolig", "Forrige versjon vises fortsatt")
        assert "Ny setning fra redaksjonen" in _get(work)  # the last good build is still served
        assert "leiligheter til leie" not in _get(work)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert not (tmp_path / "build" / "preview" / ".staging").exists()


def test_serve_an_unknown_number_exits_2(tmp_path, cli):
    result = cli("serve", "9999", "--root", tmp_path)
    assert result.code == 2 and "9999" in result.err
