"""Profile text per language (rettfram/local_text.py): both forms validate, mistakes are reported
where they stand, and ``check`` lists the texts a site language lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rettfram.load import load_yaml
from rettfram.local_text import LocalText
from rettfram.model import Profile
from tests.conftest import REPO

REFERENCE = REPO / "tests" / "fixtures" / "example-profile.yaml"
NURSE = "    - title: Sykepleier, 100 % fast"


def _profile_with(tmp_path: Path, old: str, new: str) -> Path:
    text = REFERENCE.read_text("utf-8")
    assert old in text
    path = tmp_path / "reference.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def test_a_text_per_language_is_the_municipality_text_with_its_translations(tmp_path):
    path = _profile_with(tmp_path, NURSE, '    - title: {en: "Nurse, permanent", nb: "Sykepleier, 100 % fast", pl: "Pielęgniarka, etat stały"}')
    from rettfram.validate import validate
    import datetime as dt

    profile = validate(load_yaml(path).document, dt.date(2026, 11, 21)).profile
    title = profile.jobs.vacancies[0].title
    assert isinstance(title, LocalText) and title == "Sykepleier, 100 % fast"  # the municipality's own, wherever it stands
    assert title.languages == {"en": "Nurse, permanent", "nb": "Sykepleier, 100 % fast", "pl": "Pielęgniarka, etat stały"}
    assert title.shown_in("pl", "nb").text == "Pielęgniarka, etat stały"
    assert (title.shown_in("uk", "nb").text, title.shown_in("uk", "nb").lang) == ("Sykepleier, 100 % fast", "nb")


def test_a_plain_string_is_still_a_plain_string():
    profile = Profile.model_validate(load_yaml(REFERENCE).document.data)
    assert profile.jobs.vacancies[0].title == "Sykepleier, 100 % fast"
    assert profile.jobs.vacancies[0].title.languages == {}


@pytest.mark.parametrize(("new", "expected"), [
    ('    - title: {en: "Nurse", pl: "Pielęgniarka"}',
     ":67:14: error schema.own-language-missing: «jobs.vacancies[0].title» har tekst på en, pl, men ikke på kommunens språk (nb)."),
    ('    - title: {nb: "Sykepleier", EN: "Nurse"}',
     ":67:33: error schema.string-pattern-mismatch: «EN» har feil form for «jobs.vacancies[0].title.EN»."),
    ('    - title: {nb: "Sykepleier", en: ""}',
     ":67:37: error schema.string-too-short: «jobs.vacancies[0].title.en» er tom."),
    ("    - title: {}",
     ":67:14: error schema.local-text-empty: «jobs.vacancies[0].title» har ingen tekst."),
    ("    - title: [Sykepleier]",
     ":67:14: error schema.local-text-type: «jobs.vacancies[0].title» skal være tekst, eller tekst per språk, men fikk en liste."),
])
def test_mistakes_in_a_text_per_language_are_reported_where_they_stand(tmp_path, cli, new, expected):
    path = _profile_with(tmp_path, NURSE, new)
    result = cli("check", path)
    assert result.code == 1
    assert result.out.splitlines()[0] == f"{path}{expected}"
    assert len(result.out.splitlines()) == 3  # the finding, its suggestion, the summary


def test_a_language_key_gets_a_hint_about_language_codes(tmp_path, cli):
    path = _profile_with(tmp_path, NURSE, '    - title: {nb: "Sykepleier", EN: "Nurse"}')
    assert "språkkoder etter ISO 639" in cli("check", path).out
    assert "ISO 639 language codes" in cli("check", path, "--lang", "en").out


def test_check_lists_each_text_a_site_language_lacks(tmp_path, cli):
    """Frøya gives its texts in nb, en and pl; with copy in Ukrainian too, each text lacks uk."""
    folder = tmp_path / "5014-froya"
    shutil.copytree(REPO / "municipalities" / "5014-froya", folder)
    (folder / "copy" / "uk").mkdir()
    (folder / "copy" / "uk" / "home.md").write_text("# Фрея\n\nУ комуні Фрея 5 453 мешканці.\n", "utf-8")
    text = (folder / "profile.yaml").read_text("utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "title:" in line and "Sykepleier" in line]
    result = cli("check", folder, "--lang", "en")
    notes = [line for line in result.out.splitlines() if "has no text in uk" in line]
    assert result.code == 0
    assert notes and not [line for line in result.out.splitlines() if "has no text in en" in line or "has no text in pl" in line]
    assert all(": info profile.translation-missing: " in line and line.endswith("has no text in uk; the uk pages show it in nb.") for line in notes)
    assert any(f"profile.yaml:{lines[0]}:" in line for line in notes)
    assert f"{folder}/copy/uk/home.md:1:1: warning copy.unchecked-language: The page is not checked: Rettfram has no rules for the language 'uk' yet." in result.out
