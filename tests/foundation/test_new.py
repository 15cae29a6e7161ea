"""`new` scaffolds a valid profile for every municipality in the register."""

from __future__ import annotations

import datetime as dt

from rettfram import register
from rettfram.check import check_target
from rettfram.discover import Target
from rettfram.load import load_yaml
from rettfram.model import Profile
from rettfram.scaffold import scaffold


def test_every_register_number_scaffolds_a_profile_that_passes_check(tmp_path):
    today = dt.date(2026, 11, 21)
    numbers = sorted(register.municipalities())
    assert len(numbers) == 357
    failures = {}
    for number in numbers:
        made = scaffold(number, tmp_path, today)
        checked = check_target(Target(made.folder / "profile.yaml", made.folder), today)
        if checked.findings or checked.profile is None:
            failures[number] = [(f.line, f.rule, f.message.en) for f in checked.findings]
    assert failures == {}


def test_scaffold_carries_register_facts(tmp_path, cli):
    result = cli("new", "4622", "--into", tmp_path)
    assert result.code == 0, result.err
    folder = tmp_path / "4622-kvam"
    profile = Profile.model_validate(load_yaml(folder / "profile.yaml").document.data)
    assert profile.municipality.name == "Kvam"
    assert profile.municipality.county == "Vestland"
    assert profile.municipality.language == "nn"
    assert str(profile.municipality.website) == "https://www.kvam.kommune.no"
    assert profile.facts.population.series == {2025: 8496}
    assert (folder / "copy" / "nn" / "home.md").is_file()
    text = (folder / "profile.yaml").read_text("utf-8")
    assert "jobb til to" in text and "Tilflyttingskontakten" in text  # the why, in Norwegian
    assert "kvifor" in text.lower()  # nynorsk comments for a nynorsk municipality


def test_neutral_standard_gets_nb_and_a_comment(tmp_path, cli):
    assert cli("new", "5626", "--into", tmp_path).code == 0
    text = (tmp_path / "5626-gamvik" / "profile.yaml").read_text("utf-8")
    assert "language: nb" in text and "Nøytral" in text


def test_sami_official_name_keeps_the_norwegian_folder_name(tmp_path, cli):
    assert cli("new", "1875", "--into", tmp_path).code == 0
    assert (tmp_path / "1875-hamaroy" / "profile.yaml").is_file()


def test_new_refuses_unknown_number_and_existing_folder(tmp_path, cli):
    unknown = cli("new", "9999", "--into", tmp_path)
    assert unknown.code == 2 and "9999" in unknown.err
    assert cli("new", "5014", "--into", tmp_path).code == 0
    before = (tmp_path / "5014-froya" / "profile.yaml").read_bytes()
    again = cli("new", "5014", "--into", tmp_path)
    assert again.code == 2 and "finnes allerede" in again.err
    assert (tmp_path / "5014-froya" / "profile.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["5014-froya"]  # no staging folder left behind
