"""``build --shard K/N`` and ``merge``: a country built in parts gives the same output as one
build (rettfram/merge.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rettfram import register
from rettfram.discover import Target
from rettfram.site_build import in_shard
from tests.conftest import REPO, run_process
from tests.sites.conftest import output_files

EXAMPLES = ("5014-froya", "5626-gamvik")


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shards")
    for example in EXAMPLES:
        shutil.copytree(REPO / "municipalities" / example, root / "municipalities" / example)
    for part in ("1", "2"):
        result = run_process("build", root / "municipalities", "--shard", f"{part}/2", "--out", root / "parts" / part,
                             "--cache", root / "charts")
        assert result.code == 0, result.both
    result = run_process("build", root / "municipalities", "--out", root / "whole", "--cache", root / "charts")
    assert result.code == 0, result.both
    return root


def test_every_municipality_is_in_exactly_one_part():
    folders = [Target(Path(entry.folder_name) / "profile.yaml", Path(entry.folder_name)) for entry in register.municipalities().values()]
    counts = [sum(in_shard(target, part, 4) for target in folders) for part in (1, 2, 3, 4)]
    assert sum(counts) == 357 and min(counts) > 60
    assert all(sum(in_shard(target, part, 4) for part in (1, 2, 3, 4)) == 1 for target in folders)


def test_the_parts_merged_are_the_whole_build_byte_for_byte(parts, cli_process):
    assert sorted(p.name for p in (parts / "parts").iterdir()) == ["1", "2"]
    assert {"froya", "gamvik"} == {p.name for part in ("1", "2") for p in (parts / "parts" / part).iterdir()} - {
        ".rettfram-build", ".rettfram-portal.json", "assets", "index.html", "rules.html"}
    result = cli_process("merge", parts / "merged", parts / "parts" / "1", parts / "parts" / "2")
    assert result.code == 0, result.both
    assert "Satte sammen 2 deler med 2 kommune(r)" in result.out
    assert output_files(parts / "merged") == output_files(parts / "whole")


def test_merge_refuses_parts_that_overlap(parts, cli_process):
    result = cli_process("merge", parts / "twice", parts / "parts" / "1", parts / "parts" / "1", "--lang", "en")
    assert result.code == 2
    assert "is in both" in result.err and "one shard only" in result.err and "Traceback" not in result.both
    assert not (parts / "twice").exists()


def test_merge_refuses_a_folder_a_build_did_not_make(parts, cli_process, tmp_path):
    (tmp_path / "loose").mkdir()
    result = cli_process("merge", parts / "loose-out", parts / "parts" / "1", tmp_path / "loose")
    assert result.code == 2 and "er ikke en mappe som «build» har laget" in result.err


def test_merge_takes_no_symlink_from_a_part(parts, cli_process, tmp_path):
    part = tmp_path / "part"
    shutil.copytree(parts / "parts" / "1", part)
    site = next(p for p in part.iterdir() if p.name in ("froya", "gamvik"))
    (site / "secret.html").symlink_to("/etc/passwd")
    result = cli_process("merge", tmp_path / "out", part, "--lang", "en")
    assert result.code == 2 and "is not a regular file" in result.err
    assert not (tmp_path / "out").exists()


def test_merge_refuses_a_portal_file_that_names_a_folder_outside(parts, cli_process, tmp_path):
    part = tmp_path / "part"
    shutil.copytree(parts / "parts" / "1", part)
    manifest = part / ".rettfram-portal.json"
    manifest.write_text(manifest.read_text("utf-8").replace('"slug": "', '"slug": "../', 1), "utf-8")
    result = cli_process("merge", tmp_path / "out", part, "--lang", "en")
    assert result.code == 2 and "not a site's folder name" in result.err and "Traceback" not in result.both
