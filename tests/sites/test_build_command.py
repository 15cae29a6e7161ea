"""``python build.py build``: exit codes and messages, never a traceback."""

from __future__ import annotations

import shutil

from tests.conftest import REPO


def test_build_stops_with_exit_1_and_the_finding_when_check_fails(tmp_path, cli_process):
    folder = tmp_path / "municipalities" / "5014-froya"
    shutil.copytree(REPO / "municipalities" / "5014-froya", folder)
    profile = folder / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("  language: nb ", "  language: xx "), encoding="utf-8")
    out = tmp_path / "site"
    result = cli_process("build", folder.parent, "--out", out, "--cache", tmp_path / "cache")
    assert result.code == 1, result.both
    assert "profile.yaml:9:13: error schema.literal-error" in result.out
    assert "Ingenting er endret" in result.err
    assert "Traceback" not in result.both
    assert not out.exists()


def test_build_of_a_missing_folder_exits_2_in_english(tmp_path, cli_process):
    result = cli_process("build", tmp_path / "nowhere", "--lang", "en", "--out", tmp_path / "site")
    assert result.code == 2
    assert "does not exist" in result.err and "previous" in result.err
    assert "Traceback" not in result.both


def test_build_one_folder_with_out(tmp_path, cli_process):
    out = tmp_path / "elsewhere"
    result = cli_process("build", REPO / "municipalities" / "5626-gamvik", "--out", out, "--cache", tmp_path / "cache")
    assert result.code == 0, result.both
    assert sorted(p.name for p in out.iterdir()) == [".rettfram-build", ".rettfram-portal.json", "assets", "gamvik", "index.html", "rules.html"]
    assert (out / "gamvik" / "en" / "housing.html").is_file()
    assert "  [1/1] gamvik: nb, en (" in result.err  # a log (not a terminal): one plain progress line a site
    assert "Bygget sidene for 1 kommune(r)" in result.out


def test_copy_warnings_are_printed_but_do_not_stop_the_build(tmp_path, cli):
    folder = tmp_path / "municipalities" / "5626-gamvik"
    shutil.copytree(REPO / "municipalities" / "5626-gamvik", folder)
    (folder / "copy" / "nb" / "work.md").write_text("# Jobb\n\nSe <b>her</b>.\n", encoding="utf-8")
    result = cli("build", folder, "--out", tmp_path / "site", "--cache", tmp_path / "cache")
    assert result.code == 0, result.both
    assert "work.md:3:4: warning copy.raw-html" in result.out
    assert "Se &lt;b&gt;her&lt;/b&gt;." in (tmp_path / "site" / "gamvik" / "work.html").read_text("utf-8")


def test_build_stops_with_exit_1_when_copy_oversells(tmp_path, cli, cli_process):
    """Gamvik lists no homes; copy that promises homes for rent is an error and stops the build."""
    folder = tmp_path / "municipalities" / "5626-gamvik"
    shutil.copytree(REPO / "municipalities" / "5626-gamvik", folder)
    page = folder / "copy" / "nb" / "housing.md"
    page.write_text("# Bolig\n\nVi har mange leiligheter til leie i Mehamn.\n", encoding="utf-8")
    out = tmp_path / "site"
    result = cli_process("build", folder, "--out", out, "--cache", tmp_path / "cache")
    assert result.code == 1, result.both
    assert "housing.md:3:14: error claim.leiebolig: «leiligheter til leie» lover noe profilen ikke viser: housing.listings har ingen boliger til leie." in result.out
    assert "Traceback" not in result.both
    assert not out.exists()
    # the same sentence builds once the data back it
    profile = folder / "profile.yaml"
    text = profile.read_text("utf-8").replace(
        "  listings: []",
        "  listings:\n    - kind: rent\n      title: Leilighet, 2 rom, Mehamn\n      price_nok: 7500",
    )
    profile.write_text(text, encoding="utf-8")
    assert cli("build", folder, "--out", out, "--cache", tmp_path / "cache").code == 0
    assert (out / "gamvik" / "housing.html").is_file()


def test_a_profile_with_copy_claims_fails_lint_and_check_stays_schema_only(tmp_path, cli):
    folder = tmp_path / "municipalities" / "5626-gamvik"
    shutil.copytree(REPO / "municipalities" / "5626-gamvik", folder)
    (folder / "copy" / "nb" / "housing.md").write_text("# Bolig\n\nVi har ledige tomter.\n", encoding="utf-8")
    assert cli("check", folder).code == 0
    linted = cli("lint", folder)
    assert linted.code == 1 and "claim.tomter" in linted.out
