"""`new` scaffolds a valid profile for every municipality in the register."""

from __future__ import annotations

import datetime as dt
import re
import typing

import pytest
from pydantic import BaseModel

from rettfram import register
from rettfram.check import check_target
from rettfram.discover import Target
from rettfram.load import load_yaml
from rettfram.model import Profile
from rettfram.scaffold import scaffold
from tests.conftest import REPO


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


def _field_names(model, seen=None) -> set[str]:  # noqa: ANN001
    """Every key a profile may have, at any depth (aliases as written in YAML)."""
    seen = set() if seen is None else seen
    names = set()
    for name, field in model.model_fields.items():
        names.add(field.alias or name)
        for outer in (field.annotation, *typing.get_args(field.annotation)):
            for inner in (outer, *typing.get_args(outer)):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                    seen.add(inner)
                    names |= _field_names(inner, seen)
    return names


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_scaffold_names_every_key_of_the_model(lang):
    """A new profile shows staff every key they may fill in, as a key or in a comment."""
    text = (REPO / "templates" / "scaffold" / f"profile.{lang}.yaml.j2").read_text("utf-8")
    missing = sorted(name for name in _field_names(Profile) if not re.search(rf"(?<![\w.]){re.escape(name)}\b", text))
    assert missing == []
