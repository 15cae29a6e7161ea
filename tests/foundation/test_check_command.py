"""`check` on the examples, the reference profile, paths, languages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rettfram.load import load_yaml
from rettfram.model import Profile
from tests.conftest import REPO

SHARED_REFERENCE = REPO.parent / "shared" / "design" / "example-profile.yaml"
EXAMPLES = ["4622-kvam", "4640-sogndal", "5014-froya", "5626-gamvik"]


def test_examples_pass_check(cli):
    result = cli("check", REPO / "municipalities")
    assert result.code == 0, result.out
    assert result.out == "Ingen funn.\n"


@pytest.mark.parametrize("folder", EXAMPLES)
def test_each_example_is_complete(folder):
    """Register facts, sample-data flag, copy in the written standard and English."""
    root = REPO / "municipalities" / folder
    profile = Profile.model_validate(load_yaml(root / "profile.yaml").document.data)
    assert profile.municipality.sample_data is True
    assert folder.startswith(profile.municipality.number + "-")
    for lang in (profile.municipality.language, "en"):
        pages = sorted(p.stem for p in (root / "copy" / lang).glob("*.md"))
        assert pages == ["community", "home", "housing", "new-here", "services", "work"]
    first_line = (root / "profile.yaml").read_text("utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../schema/profile.schema.json"


def test_reference_profile_passes(cli):
    result = cli("check", REPO / "tests" / "fixtures" / "example-profile.yaml")
    assert result.code == 0, result.out


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="shared/ is not beside this checkout")
def test_committed_reference_is_the_shared_one(cli):
    assert (REPO / "tests" / "fixtures" / "example-profile.yaml").read_bytes() == SHARED_REFERENCE.read_bytes()
    assert cli("check", SHARED_REFERENCE).code == 0


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "NO"])
def test_norway_problem_string_stays_string(tmp_path, cli, word):
    text = (REPO / "tests" / "fixtures" / "example-profile.yaml").read_text("utf-8")
    text = text.replace("  role: Tilflyttingskontakt", f"  role: {word}")
    path = tmp_path / f"role-{word}.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("check", path).code == 0
    profile = Profile.model_validate(load_yaml(path).document.data)
    assert profile.contact.role == word


def test_boolean_field_reads_yes_and_no(tmp_path):
    text = (REPO / "tests" / "fixtures" / "example-profile.yaml").read_text("utf-8")
    text = text.replace("    offered: true", "    offered: no").replace("start_loan: true", "start_loan: yes")
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    profile = Profile.model_validate(load_yaml(path).document.data)
    assert profile.jobs.partner_help.offered is False and profile.housing.start_loan is True


@pytest.mark.parametrize("value", ["true", "false"])
def test_partner_help_as_a_plain_boolean_still_works(tmp_path, value):
    """The older form ``partner_help: true`` means ``partner_help: {offered: true}``."""
    text = (REPO / "tests" / "fixtures" / "example-profile.yaml").read_text("utf-8")
    start = text.index("  partner_help:")
    end = text.index("  qualifications:")
    path = tmp_path / "profile.yaml"
    path.write_text(text[:start] + f"  partner_help: {value}\n" + text[end:], encoding="utf-8")
    profile = Profile.model_validate(load_yaml(path).document.data)
    assert profile.jobs.partner_help.offered is (value == "true") and profile.jobs.partner_help.includes is None


def test_unknown_key_suggests_the_right_one_in_english(tmp_path, cli):
    text = (REPO / "tests" / "fixtures" / "example-profile.yaml").read_text("utf-8").replace("  vacancies:", "  vacancys:")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "vacancys" in l)
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("check", path, "--lang", "en")
    assert result.code == 1
    assert f"profile.yaml:{line}:3: error schema.extra-forbidden: Unknown key 'vacancys'." in result.out
    assert "Did you mean 'vacancies'?" in result.out
    norwegian = cli("check", path)
    assert "Ukjent nøkkel «vacancys»." in norwegian.out and "Mente du «vacancies»?" in norwegian.out


def test_folder_must_match_number(tmp_path, cli):
    folder = tmp_path / "5015-froya"
    folder.mkdir()
    (folder / "profile.yaml").write_bytes((REPO / "tests" / "fixtures" / "example-profile.yaml").read_bytes())
    result = cli("check", folder, "--format", "json")
    findings = json.loads(result.out)["findings"]
    assert result.code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("schema.folder-mismatch", 13, 11)]
    assert "5014-froya" in findings[0]["suggestion"]


@pytest.mark.parametrize("args", [("check", "does-not-exist"), ("check", "--format", "yaml"), ("nonsense",), ()])
def test_unusable_arguments_exit_2_without_traceback(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.both


def test_folder_without_profiles_exits_2(tmp_path, cli):
    result = cli("check", tmp_path)
    assert result.code == 2
    assert "Fant ingen profile.yaml" in result.err


def test_copy_page_with_bad_encoding_is_a_finding(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    (folder / "copy" / "nb" / "broken.md").write_bytes(b"# Tittel\n\nFr\xf8ya\n")
    result = cli("check", folder, "--format", "json")
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    assert [(Path(f["path"]).name, f["line"], f["rule"]) for f in findings] == [("broken.md", 3, "copy.encoding")]


def test_text_output_shape(tmp_path, cli):
    path = tmp_path / "profile.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    out = cli("check", path).out.splitlines()
    assert out[0].endswith("profile.yaml:1:1: error schema.root: Øverste nivå er en liste, men må være nøkler og verdier (municipality:, jobs: …).")
    assert out[1] == "    forslag: Fjern bindestreken foran de øverste nøklene, eller start fra «python build.py new»."
    assert out[2] == "1 feil, 0 advarsler, 0 merknader"


def test_github_and_sarif_output(tmp_path, cli):
    """check shares lint's reporters, so schema errors show up as CI annotations too."""
    folder = tmp_path / "5015-froya"
    folder.mkdir()
    (folder / "profile.yaml").write_bytes((REPO / "tests" / "fixtures" / "example-profile.yaml").read_bytes())
    github = cli("check", folder, "--format", "github")
    assert github.code == 1
    assert github.out.startswith(f"::error file={folder / 'profile.yaml'},line=13,col=11,title=schema.folder-mismatch::")
    sarif = json.loads(cli("check", folder, "--format", "sarif").out)
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "schema.folder-mismatch"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 13, "startColumn": 11}
