"""``export``: a fact sheet from the profile, after the site's checks, as .docx, .odt or .html."""

from __future__ import annotations

import re
import zipfile

import pypandoc

from tests.sites.htmlscan import find, parse


def _text(path) -> str:
    return pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none"])


def test_export_writes_a_valid_docx_with_the_name_and_current_figures(municipality_copy, cli, tmp_path):
    folder = municipality_copy()
    out = tmp_path / "froya.docx"
    run = cli("export", folder, "--format", "docx", "--out", out)
    assert run.code == 0, run.err
    with zipfile.ZipFile(out) as document:
        assert document.testzip() is None and "word/document.xml" in document.namelist()
    text = _text(out)
    assert text.startswith("Frøya: fakta for deg som vurderer å flytte hit")
    assert "Innbyggere: 5\u00a0453 (per 1. januar 2025, SSB tabell 07459)" in text
    assert "Ledige stillinger med åpen søknadsfrist: 2 (oppdatert 1. november 2026)" in text  # dated 2026-11-21
    assert "Sykepleier, 100 % fast, Frøya kommune. Søknadsfrist 15. desember 2026." in text
    assert "Ledige barnehageplasser: 6 (per 1. november 2026), løpende opptak hele året" in text
    assert "Tilflytterdag, 11. september 2027" in text and "Kari Nordvik" in text


def test_the_sheet_is_in_the_language_asked_for(municipality_copy, cli, tmp_path):
    out = tmp_path / "froya-en.odt"
    assert cli("export", municipality_copy(), "--format", "odt", "--lang", "en", "--out", out).code == 0
    text = _text(out)
    assert text.startswith("Frøya: facts for anyone thinking of moving here")
    assert "Residents: 5,453 (as of 1 January 2025, SSB tabell 07459)" in text


def test_the_html_sheet_requests_nothing_and_runs_nothing(municipality_copy, cli, tmp_path):
    folder = municipality_copy()
    profile = folder / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("employer: Frøya kommune", 'employer: "<script>alert(1)</script> *x* [y](javascript:z)"', 1), "utf-8")
    out = tmp_path / "froya.html"
    run = cli("export", folder, "--format", "html", "--out", out)
    assert run.code == 0, run.out + run.err
    html = out.read_text("utf-8")
    document = parse(html)
    assert not find(document, "script") and not find(document, "link") and not find(document, "img")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *x* [y](javascript:z)" in html
    assert not re.search(r'href="javascript', html)


def test_a_profile_that_fails_check_gets_no_sheet(municipality_copy, cli, tmp_path):
    folder = municipality_copy()
    profile = folder / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("vacancies:", "vacancys:", 1), "utf-8")
    out = tmp_path / "froya.docx"
    run = cli("export", folder, "--out", out)
    assert run.code == 1 and "schema.extra-forbidden" in run.out and "ingen faktaark" in run.err
    assert not out.exists()


def test_copy_that_stops_the_build_stops_the_sheet(municipality_copy, cli, tmp_path):
    folder = municipality_copy()
    (folder / "copy" / "nb" / "home.md").write_text("# Hjem\n\nRedd bygda vår før det er for sent!\n", "utf-8")
    out = tmp_path / "froya.docx"
    assert cli("export", folder, "--out", out).code == 1 and not out.exists()
