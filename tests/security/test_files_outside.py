"""Threat: a pull request publishes a file from outside its municipality folder, or the CI
job's environment (its secrets).

Symlinks are never followed (``rettfram.safe_read`` opens every path component with
``O_NOFOLLOW``): a link anywhere in a municipality folder is an error at its path, and nothing
is built. The chart cache, a folder a pull request could also fill, is read the same way and
used only when it holds inert SVG.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rettfram.site_build import BuildOptions, build
from tests.security.inert import all_text, problems
from tests.sites.conftest import SITE_DAY

SECRET = "rettfram-test-secret-4f1c9e"


def _findings(run) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(f["path"], f["rule"]) for f in json.loads(run.out)["findings"] if f["severity"] == "error"]


LINKS = {
    "image-to-passwd": ("images/p.png", "/etc/passwd"),
    "image-to-environ": ("images/env.txt", "/proc/self/environ"),
    "copy-page-to-passwd": ("copy/nb/community.md", "/etc/passwd"),
    "image-folder-to-usr": ("images/all", "/usr"),
    "copy-language-folder": ("copy/lt", "/etc"),
    "profile": ("profile.yaml", "{outside}/profile.yaml"),
}


@pytest.mark.parametrize(("link", "target"), LINKS.values(), ids=LINKS.keys())
def test_a_symlink_in_a_municipality_is_an_error_and_nothing_is_built(scratch, link, target, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "profile.yaml").write_bytes((scratch.froya / "profile.yaml").read_bytes())
    path = scratch.froya / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.symlink(target.format(outside=outside), path)
    check = scratch.run("check", "municipalities", "--format", "json", env={"RETTFRAM_SECRET": SECRET}, timeout=20)
    assert check.code == 1, check.both
    assert (f"municipalities/5014-froya/{link}", "file.symlink") in _findings(check)
    run = scratch.run("build", "--lang", "en", env={"RETTFRAM_SECRET": SECRET}, timeout=60)
    assert run.code == 1 and "file.symlink" in run.out and "Nothing in build/site was changed" in run.err
    assert not (scratch.root / "build" / "site").exists()
    assert SECRET not in run.both and "root:x:0:0" not in run.both


def test_a_symlinked_municipality_folder_is_an_error(scratch, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "9999-elsewhere"
    elsewhere.parent.mkdir()
    os.rename(scratch.froya, elsewhere)
    os.symlink(elsewhere, scratch.froya)
    check = scratch.run("check", "municipalities", "--format", "json", timeout=20)
    assert check.code == 1
    assert ("municipalities/5014-froya/profile.yaml", "file.symlink") in _findings(check)


def test_a_link_in_copy_to_a_local_file_is_only_a_link(build_folders):
    def link(folder: Path) -> None:
        (folder / "copy" / "nb" / "community.md").write_text("Se [passord](/etc/passwd) og [fil](file:///etc/passwd).\n", encoding="utf-8")

    out = build_folders("local-links", link)
    text = all_text(out)
    assert "root:x:0:0" not in text
    assert 'href="/etc/passwd"' in (out / "froya" / "community.html").read_text("utf-8")
    assert 'href="#"' in (out / "froya" / "community.html").read_text("utf-8"), "file: is not a link target"


def test_a_poisoned_chart_cache_is_not_published(tmp_path, monkeypatch):
    """A pull request can commit files under build/cache/ (git add -f): a cached chart with script,
    or a link from a chart's cache name to /proc/self/environ, must never reach a page."""
    monkeypatch.setenv("RETTFRAM_SECRET", SECRET)
    from tests.conftest import REPO

    cache = tmp_path / "cache"
    first = build(BuildOptions(paths=[str(REPO / "municipalities" / "5626-gamvik")], today=SITE_DAY, out=tmp_path / "one", cache=cache))
    assert first.chart_misses > 0
    cached = sorted(cache.rglob("*.svg"))
    for index, path in enumerate(cached):
        path.unlink()
        if index % 2:
            os.symlink("/proc/self/environ", path)
        else:
            path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    again = build(BuildOptions(paths=[str(REPO / "municipalities" / "5626-gamvik")], today=SITE_DAY, out=tmp_path / "two", cache=cache))
    assert again.chart_hits == 0 and again.chart_misses == first.chart_misses, "every poisoned entry is drawn anew"
    assert problems(tmp_path / "two") == []
    assert SECRET not in all_text(tmp_path / "two")
    assert (tmp_path / "one" / "gamvik" / "index.html").read_bytes() == (tmp_path / "two" / "gamvik" / "index.html").read_bytes()
