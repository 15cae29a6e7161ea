"""``import-docx``: Word copy in, Markdown copy out, linted at once; nothing written when refused."""

from __future__ import annotations

import re
import zipfile

from rettfram.images import scan_images

CLICHE = """---
title: Jobb på Frøya
---

Frøya har **to ledige stillinger** innen *havbruk* og helse, se [nav.no](https://www.nav.no).

## Bo her

Her får du fred og ro, langt fra karrierejaget.

- Sykehjemmet har en ledig stilling
- Skolen har en ledig stilling
"""


def test_a_docx_with_a_cliche_becomes_copy_that_lint_flags(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    run = cli("import-docx", folder, "work", make_docx(CLICHE), "--force")
    page = folder / "copy" / "nb" / "work.md"
    assert page.read_text("utf-8") == (
        "# Jobb på Frøya\n\n"
        "Frøya har **to ledige stillinger** innen *havbruk* og helse, se [nav.no](https://www.nav.no).\n\n"
        "## Bo her\n\n"
        "Her får du fred og ro, langt fra karrierejaget.\n\n"
        "- Sykehjemmet har en ledig stilling\n"
        "- Skolen har en ledig stilling\n"
    )
    assert f"{page}:7:12: warning cliche.fred-og-ro:" in run.out
    assert f"{page}:7:34: warning cliche.karrierejag:" in run.out
    assert run.code == 0  # warnings: the page builds
    again = cli("lint", page)
    assert ":7:12: warning cliche.fred-og-ro:" in again.out and ":7:34: warning cliche.karrierejag:" in again.out


def test_an_sos_page_fails_at_once(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    run = cli("import-docx", folder, "home", make_docx("Redd bygda vår før det er for sent!\n"), "--force")
    assert run.code == 1 and ":1:1: error sos." in run.out


def test_tracked_changes_are_refused_and_nothing_is_written(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    before = (folder / "copy" / "nb" / "work.md").read_bytes()
    docx = make_docx('Vi har [to]{.insertion author="Kari" date="2026-11-01T10:00:00Z"} ledige stillinger.\n')
    run = cli("import-docx", folder, "work", docx, "--force")
    assert run.code == 2
    assert "dokumentet har 1 sporede endringer og 0 kommentarer" in run.err
    assert "the document has 1 tracked changes and 0 comments" in run.err
    assert (folder / "copy" / "nb" / "work.md").read_bytes() == before


def test_comments_are_refused(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    docx = make_docx(
        'Vi har [Sjekk tallet]{.comment-start id="0" author="Kari" date="2026-11-01T10:00:00Z"}to[]{.comment-end id="0"}'
        " ledige stillinger.\n"
    )
    run = cli("import-docx", folder, "work", docx, "--force", "--lang", "nb")
    assert run.code == 2 and "0 sporede endringer og 1 kommentarer" in run.err


def test_a_picture_with_alt_text_is_copied_into_images(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    run = cli("import-docx", folder, "community", make_docx("Møt oss her:\n\n![Frivilligsentralen en vårdag](pic.png)\n"), "--force")
    assert run.code == 0, run.err
    assert "![Frivilligsentralen en vårdag](images/community-1.png)" in (folder / "copy" / "nb" / "community.md").read_text("utf-8")
    assert (folder / "images" / "community-1.png").read_bytes().startswith(b"\x89PNG")
    assert "community-1.png" in scan_images(folder).files  # the build publishes it


def test_a_picture_without_alt_text_is_refused(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    run = cli("import-docx", folder, "community", make_docx("Møt oss her:\n\n![](pic.png)\n"), "--force")
    assert run.code == 2
    assert re.search(r"bilde 1 \(media/\w+\.png\) mangler alternativ tekst: høyreklikk bildet i Word, velg «Rediger", run.err)
    assert not (folder / "images").exists()


def test_an_existing_page_is_kept_without_force(make_docx, municipality_copy, cli):
    folder = municipality_copy()
    before = (folder / "copy" / "nb" / "work.md").read_bytes()
    run = cli("import-docx", folder, "work", make_docx("Ny tekst.\n"))
    assert run.code == 2 and "finnes fra før. Bruk --force" in run.err
    assert (folder / "copy" / "nb" / "work.md").read_bytes() == before


def test_a_file_that_is_not_a_docx_is_refused(tmp_path, municipality_copy, cli):
    folder = municipality_copy()
    fake = tmp_path / "page.docx"
    fake.write_text("<html>not word</html>", encoding="utf-8")
    run = cli("import-docx", folder, "work", fake, "--force", "--lang", "en")
    assert run.code == 2 and run.err.startswith("rettfram: ") and "is not a .docx file" in run.err
    assert "Traceback" not in run.err


def test_a_symlinked_docx_is_not_followed(tmp_path, make_docx, municipality_copy, cli):
    folder = municipality_copy()
    link = tmp_path / "link.docx"
    link.symlink_to(make_docx("Tekst.\n"))
    run = cli("import-docx", folder, "work", link, "--force")
    assert run.code == 2 and "Traceback" not in run.err


def test_the_docx_is_a_real_word_document(make_docx):
    with zipfile.ZipFile(make_docx("Tekst.\n")) as document:
        assert "word/document.xml" in document.namelist()
