"""The on-disk cache of the compiled rules (rettfram/disk_cache.py): never stale, never unsafe."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from rettfram import disk_cache
from rettfram.lint.pack import RULES_DIR, load_catalog


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("RETTFRAM_CACHE_DIR", str(where))
    return where


class Builds:
    def __init__(self, value: object) -> None:
        self.value = value
        self.count = 0

    def __call__(self) -> object:
        self.count += 1
        return self.value


def test_a_second_run_reads_the_file_instead_of_building(folder):
    build = Builds({"rules": [1, 2, 3]})
    assert disk_cache.cached("thing", Path("/rules"), [b"a", b"b"], build) == {"rules": [1, 2, 3]}
    assert disk_cache.cached("thing", Path("/rules"), [b"a", b"b"], build) == {"rules": [1, 2, 3]}
    assert build.count == 1
    assert [p.name for p in folder.iterdir()] == [f"thing-{hashlib.sha256(b'/rules').hexdigest()[:16]}.pickle"]
    assert folder.stat().st_mode & 0o777 == 0o700


def test_other_inputs_build_again_and_replace_the_file(folder):
    first, second = Builds("old"), Builds("new")
    disk_cache.cached("thing", Path("/rules"), [b"rule v1"], first)
    assert disk_cache.cached("thing", Path("/rules"), [b"rule v2"], second) == "new"
    assert disk_cache.cached("thing", Path("/rules"), [b"rule v2"], second) == "new"
    assert (first.count, second.count) == (1, 1)
    assert disk_cache.cached("thing", Path("/rules"), [b"rule v1"], first) == "old"  # the key decides, never the file's age
    assert first.count == 2


def test_inputs_are_told_apart_by_their_boundaries(folder):
    assert disk_cache.key_of([b"ab", b"c"]) != disk_cache.key_of([b"a", b"bc"])


def test_a_broken_file_is_built_again(folder):
    disk_cache.cached("thing", Path("/rules"), [b"x"], Builds(list(range(1000))))
    (path,) = folder.glob("thing-*.pickle")
    path.write_bytes(path.read_bytes()[:40])  # the right key, half a pickle
    build = Builds(2)
    assert disk_cache.cached("thing", Path("/rules"), [b"x"], build) == 2
    assert build.count == 1


def test_an_error_in_the_build_is_raised_and_nothing_is_written(folder):
    def broken() -> object:
        raise ValueError("bad rule")

    with pytest.raises(ValueError, match="bad rule"):
        disk_cache.cached("thing", Path("/rules"), [b"x"], broken)
    assert list(folder.iterdir()) == []


def test_off_caches_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("RETTFRAM_CACHE_DIR", "off")
    build = Builds(1)
    disk_cache.cached("thing", Path("/rules"), [b"x"], build)
    disk_cache.cached("thing", Path("/rules"), [b"x"], build)
    assert build.count == 2


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_folder_others_can_write_is_not_used(folder, mode):
    """A pickle runs code when loaded: a file someone else could have written is never read."""
    folder.mkdir()
    folder.chmod(mode)
    _assert_nothing_cached(folder)


def test_a_symlinked_folder_is_not_used(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv("RETTFRAM_CACHE_DIR", str(tmp_path / "link"))
    _assert_nothing_cached(real)


def _assert_nothing_cached(folder: Path) -> None:
    """Two runs both build, and nothing is written to ``folder``."""
    build = Builds(1)
    disk_cache.cached("thing", Path("/rules"), [b"x"], build)
    disk_cache.cached("thing", Path("/rules"), [b"x"], build)
    assert build.count == 2
    assert list(folder.iterdir()) == []


def test_a_changed_rule_file_is_never_served_from_the_cache(folder, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    before = load_catalog(rules)
    assert before.first("cliche.karrierejag") is not None
    load_catalog.cache_clear()
    path = rules / "cliche.karrierejag.yaml"
    path.write_text(path.read_text("utf-8").replace("level: warning", "level: error", 1), "utf-8")
    after = load_catalog(rules)
    load_catalog.cache_clear()
    assert before.first("cliche.karrierejag").rule.level.value == "warning"
    assert after.first("cliche.karrierejag").rule.level.value == "error"


def test_the_cached_catalogue_lints_like_a_fresh_one(folder, tmp_path):
    from rettfram.lint.config import LintConfig
    from rettfram.lint.page import lint_text

    text = "# Velkommen\n\nHer bor du uten karrierejag, med fred og ro og naturen rett utenfor døra.\n"
    fresh = load_catalog(RULES_DIR)
    load_catalog.cache_clear()
    cached = load_catalog(RULES_DIR)  # read back from the file the first call wrote
    load_catalog.cache_clear()
    assert cached is not fresh
    found = [[(f.rule, f.line, f.column) for f in lint_text("side.md", text, "nb", c, LintConfig())] for c in (fresh, cached)]
    assert found[0] == found[1] and found[0]
    assert os.listdir(folder)
