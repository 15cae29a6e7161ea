"""Unchanged sites are reused (rettfram/site_reuse.py) and sites are built on every core
(rettfram/workers.py), and neither changes a byte of the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rettfram.site_build import BuildOptions, BuildResult, build
from tests.conftest import REPO
from tests.sites.conftest import SITE_DAY, output_files

EXAMPLES = ("5014-froya", "5626-gamvik")


@pytest.fixture
def municipalities(tmp_path: Path) -> Path:
    for example in EXAMPLES:
        shutil.copytree(REPO / "municipalities" / example, tmp_path / "municipalities" / example)
    return tmp_path / "municipalities"


def run(municipalities: Path, out: Path, **options) -> BuildResult:
    return build(BuildOptions(paths=[str(municipalities)], today=SITE_DAY, out=out, cache=out.parent / "charts", **options))


def test_a_rebuild_with_no_change_reuses_every_site_and_the_bytes_are_those_of_a_build_without_any_cache(municipalities, tmp_path):
    first = run(municipalities, tmp_path / "site", jobs=2)
    again = run(municipalities, tmp_path / "site", jobs=2)
    plain = build(BuildOptions(paths=[str(municipalities)], today=SITE_DAY, out=tmp_path / "plain", cache=None, jobs=1, reuse=False))
    assert (first.reused, again.reused, plain.reused) == (0, 2, 0)
    assert [s.slug for s in again.sites] == ["froya", "gamvik"]
    assert again.findings == first.findings and again.notes == first.notes
    assert output_files(tmp_path / "site") == output_files(tmp_path / "plain")


def test_only_the_changed_municipality_is_built_again(municipalities, tmp_path):
    run(municipalities, tmp_path / "site")
    page = municipalities / "5626-gamvik" / "copy" / "nb" / "work.md"
    page.write_text(page.read_text("utf-8") + "\nBussen til Mehamn går klokka 07.15 på hverdager.\n", "utf-8")
    result = run(municipalities, tmp_path / "site")
    assert [(s.slug, s.reused) for s in result.sites] == [("froya", True), ("gamvik", False)]
    assert "Bussen til Mehamn går klokka 07.15" in (tmp_path / "site" / "gamvik" / "work.html").read_text("utf-8")


def test_an_output_file_changed_by_hand_makes_its_site_build_again(municipalities, tmp_path):
    run(municipalities, tmp_path / "site")
    page = tmp_path / "site" / "froya" / "work.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<script>alert(1)</script></body>"))
    result = run(municipalities, tmp_path / "site")
    assert [(s.slug, s.reused) for s in result.sites] == [("froya", False), ("gamvik", True)]
    assert page.read_bytes() == original


def test_with_the_cache_off_nothing_is_reused(municipalities, tmp_path, monkeypatch):
    run(municipalities, tmp_path / "site")
    monkeypatch.setenv("RETTFRAM_CACHE_DIR", "off")
    assert run(municipalities, tmp_path / "site").reused == 0


def test_another_day_builds_every_site_again(municipalities, tmp_path):
    """The day is part of every key: deadlines and the age of figures depend on it."""
    run(municipalities, tmp_path / "site")
    later = build(BuildOptions(paths=[str(municipalities)], today=SITE_DAY.replace(day=22), out=tmp_path / "site", cache=None))
    assert later.reused == 0
