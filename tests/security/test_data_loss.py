"""Threat: a build deletes or replaces what Rettfram did not make.

``--out`` comes from a script (an empty variable), a typo or a stranger's CI configuration; a
build replaces the whole folder it names. Each case runs ``build`` in a scratch repository and
checks that every file is still there, byte for byte, and that the message says why.
"""

from __future__ import annotations

import os

import pytest

from rettfram.publish import MARKER


@pytest.mark.parametrize("out", ["", " "], ids=["empty", "blank"])
def test_an_empty_out_is_refused_not_read_as_the_working_folder(scratch, out):
    before = scratch.snapshot()
    run = scratch.run("build", "--out", out)
    assert run.code == 2 and "empty value" in run.err and "Traceback" not in run.err
    assert scratch.snapshot() == before


@pytest.mark.parametrize("out", [".", "./", "..", "{root}", "/"], ids=["dot", "dot-slash", "parent", "absolute-cwd", "filesystem-root"])
def test_the_working_folder_and_its_parents_are_refused(scratch, out):
    before = scratch.snapshot()
    run = scratch.run("build", "--out", out.format(root=scratch.root), "--lang", "en")
    assert run.code == 2, run.both
    assert "is the working folder or a folder above it" in run.err
    assert scratch.snapshot() == before


@pytest.mark.parametrize("out", ["municipalities", "municipalities/5014-froya", "municipalities/5014-froya/copy",
                                 "municipalities/5014-froya/site"],
                         ids=["all-sources", "a-municipality", "its-copy", "inside-a-municipality"])
def test_folders_holding_or_inside_the_sources_are_refused(scratch, out):
    before = scratch.snapshot()
    run = scratch.run("build", "municipalities", "--out", out, "--lang", "en")
    assert run.code == 2 and "holds or lies inside the sources" in run.err, run.both
    assert scratch.snapshot() == before


def test_an_existing_file_is_refused(scratch):
    before = scratch.snapshot()
    run = scratch.run("build", "--out", "notes.txt", "--lang", "en")
    assert run.code == 2 and "is a file, not a folder" in run.err
    assert scratch.snapshot() == before


def test_a_folder_of_the_users_own_files_is_refused(scratch):
    (scratch.root / "photos").mkdir()
    (scratch.root / "photos" / "summer.jpg").write_bytes(b"\xff\xd8\xff holiday")
    before = scratch.snapshot()
    run = scratch.run("build", "--out", "photos", "--lang", "en")
    assert run.code == 2 and f"was not made by Rettfram (it has no {MARKER})" in run.err
    assert scratch.snapshot() == before


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-folder", "dangling"])
def test_a_symlink_as_out_is_refused(scratch, dangling):
    target = scratch.root / "elsewhere"
    if not dangling:
        target.mkdir()
        (target / "keep.txt").write_text("keep\n", encoding="utf-8")
    os.symlink(target, scratch.root / "site")
    before = scratch.snapshot()
    run = scratch.run("build", "--out", "site", "--lang", "en")
    assert run.code == 2 and "is a symbolic link" in run.err and "None" not in run.err
    assert scratch.snapshot() == before


def test_a_folder_rettfram_made_is_replaced_and_so_is_a_new_or_empty_one(scratch):
    (scratch.root / "empty").mkdir()
    assert scratch.run("build", "--out", "empty").code == 0
    assert (scratch.root / "empty" / MARKER).is_file()
    (scratch.root / "empty" / "froya" / "stale.html").write_text("old\n", encoding="utf-8")
    again = scratch.run("build", "--out", "empty")
    assert again.code == 0, again.both
    assert not (scratch.root / "empty" / "froya" / "stale.html").exists(), "the whole folder is the new build"
    assert scratch.run("build", "--out", "new/site").code == 0
    assert sorted(p.name for p in scratch.root.iterdir()) == [".git", "build", "empty", "municipalities", "new", "notes.txt"], "no hidden stage is left"


def test_a_hidden_folder_that_only_looks_like_a_stage_is_not_removed(scratch):
    lookalike = scratch.root / ".site.staging-999999999-mine"
    lookalike.mkdir()
    (lookalike / "draft.txt").write_text("mine\n", encoding="utf-8")
    assert scratch.run("build", "--out", "site").code == 0
    assert (lookalike / "draft.txt").read_text(encoding="utf-8") == "mine\n"
