"""Claim rules: the same sentence is an error when the profile's data are missing and passes
when they are there. Every claim rule's examples run against two fixture profiles:
``tests/fixtures/claims/empty.yaml`` (no data) and ``full.yaml`` (data for every claim)."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import load_catalog
from rettfram.lint.page import lint_text
from rettfram.load import load_yaml
from rettfram.model import Profile
from tests.conftest import REPO

CATALOG = load_catalog()
TODAY = dt.date(2026, 11, 21)
FIXTURES = REPO / "tests" / "fixtures" / "claims"


def _profile(name: str, **changes) -> Profile:
    data = load_yaml(FIXTURES / f"{name}.yaml").document.data
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split(".")
        for key in parents:
            node = node[key]
        node[last] = value
    return Profile.model_validate(data)


def _claims(text: str, profile: Profile, lang: str = "nb", today: dt.date = TODAY):
    context = LintContext(profile=profile, today=today)
    return [f for f in lint_text("copy.md", text, lang, CATALOG, LintConfig(), context) if f.category.value == "claim"]


def _examples(which: str):
    for lang in ("nb", "nn", "en"):
        for rule in CATALOG.packs[lang].rules:
            if rule.rule.kind != "claim":
                continue
            examples = rule.rule.examples.failing if which == "fail" else rule.rule.examples.pass_
            for i, text in enumerate(examples):
                yield pytest.param(lang, rule.id, text, id=f"{lang}:{rule.id}:{which}{i}")


@pytest.mark.parametrize(("lang", "rule_id", "text"), list(_examples("fail")))
def test_claim_is_an_error_without_data_and_passes_with_data(lang, rule_id, text):
    without = _claims(text, _profile("empty"), lang)
    assert rule_id in [f.rule for f in without]
    assert all(f.severity.value == "error" for f in without)
    with_data = _claims(text, _profile("full"), lang)
    assert rule_id not in [f.rule for f in with_data], [f.message.en for f in with_data]


@pytest.mark.parametrize(("lang", "rule_id", "text"), list(_examples("pass")))
def test_honest_sentence_passes_even_without_data(lang, rule_id, text):
    assert rule_id not in [f.rule for f in _claims(text, _profile("empty"), lang)]


def test_every_data_check_has_a_rule_in_every_language():
    from rettfram.lint.backing import CHECKS

    for lang in ("nb", "nn", "en"):
        needs = {r.rule.needs for r in CATALOG.packs[lang].rules if r.rule.kind == "claim"}
        assert needs == set(CHECKS), lang


def test_claim_rules_do_not_run_without_a_profile():
    assert lint_text("copy.md", "Vi har ledige boliger.", "nb", CATALOG, LintConfig(), LintContext()) == []


def test_message_names_the_sentence_data_and_position():
    text = "# Bolig\n\nVelkommen til Frøya.\nVi har ledige boliger til alle.\n"
    (finding,) = _claims(text, _profile("empty"))
    assert (finding.line, finding.column, finding.rule) == (4, 8, "claim.ledige-boliger")
    assert finding.message.nb == "«ledige boliger» lover noe profilen ikke viser: housing.listings har ingen boliger."
    assert finding.message.en == "“ledige boliger” promises something the profile does not show: housing.listings has no homes."
    assert "housing.listings" in finding.suggestion.nb


@pytest.mark.parametrize(
    ("text", "changes", "rule", "data"),
    [
        ("Vi har ledige stillinger.", {"jobs.vacancies": [{"title": "Lærer", "employer": "Skolen", "deadline": "2026-11-01"}]},
         "claim.ledige-jobber", "jobs.vacancies har ingen åpne stillinger i dag (1 med passert frist)."),
        ("Vi har ledige boliger.", {"housing.updated": "2026-07-01"},
         "claim.ledige-boliger", "Boligoversikten ble sist sjekket 2026-07-01, mer enn 90 dager siden."),
        ("Vi har fiber til alle.", {"services.broadband": {"fiber_share": 0.5, "as_of": "2025-12-31"}},
         "claim.fiber", "services.broadband.fiber_share er 50 % (per 2025-12-31), teksten sier 100 %."),
        ("Hele 95 % av husstandene har fiber.", {"services.broadband": {"fiber_share": 0.92, "as_of": "2025-12-31"}},
         "claim.fiber", "services.broadband.fiber_share er 92 % (per 2025-12-31), teksten sier 95 %."),
        ("Det er kort vei til Trondheim.", {"travel": [{"to": "Trondheim", "minutes": 100, "mode": "car"}]},
         "claim.kort-vei", "Reisetiden til Trondheim er 100 minutter (travel), over 30."),
        ("Folketallet øker.", {"facts.population.series": {2015: 1158, 2020: 1119, 2025: 1070}},
         "claim.vekst", "Folketallet gikk fra 1119 (2020) til 1070 (2025); 1158 i 2015."),
        ("Vi har ledige barnehageplasser.", {"services.kindergarten": {"available_places": 0, "as_of": "2026-11-01"}},
         "claim.barnehageplass", "services.kindergarten.available_places er 0 (per 2026-11-01)."),
        ("Vi tilbyr jobb til to.", {"jobs.partner_help": False}, "claim.jobb-til-to", "jobs.partner_help.offered er ikke true."),
    ],
    ids=["past-deadlines", "stale-housing", "fiber-everyone", "fiber-percent", "travel-minutes", "falling-population", "no-kindergarten", "no-partner-help"],
)
def test_data_that_do_not_back_the_claim(text, changes, rule, data):
    findings = _claims(text, _profile("full", **changes))
    assert [f.rule for f in findings] == [rule]
    assert findings[0].message.nb.endswith(data)


def test_lint_a_municipality_folder_checks_copy_against_its_profile(tmp_path, cli):
    folder = tmp_path / "5014-froya"
    shutil.copytree(REPO / "municipalities" / "5014-froya", folder)
    page = folder / "copy" / "nb" / "housing.md"
    page.write_text(page.read_text("utf-8") + "\nVi har flere eneboliger til salgs.\n", encoding="utf-8")
    line = page.read_text("utf-8").count("\n")
    result = cli("lint", folder, "--format", "json")
    assert result.code == 1
    findings = [f for f in json.loads(result.out)["findings"] if f["rule"] != "evidence.strength-old"]  # Frøya's 2016 and 2018 strengths
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("claim.boliger-til-salgs", line, 14)]
    assert "housing.listings har ingen boliger til salgs" in findings[0]["message"]
    listings_line = next(i for i, l in enumerate((folder / "profile.yaml").read_text("utf-8").splitlines(), 1) if l.strip() == "listings:")
    assert findings[0]["message"].endswith(f"profile.yaml:{listings_line})")  # where to update the data


def test_profile_strings_and_data_are_linted_at_their_yaml_positions(tmp_path, cli):
    folder = tmp_path / "5014-froya"
    shutil.copytree(REPO / "municipalities" / "5014-froya", folder)
    profile = folder / "profile.yaml"
    text = profile.read_text("utf-8")
    text = text.replace("    deadline: 2026-12-15", "    deadline: 2026-11-15")
    text = text.replace('      nb: "Leiemarkedet er lite og prisene ligger nær Trondheims."', '      nb: "Her finner du fred og ro."')
    text = text.replace('      en: "The rental market is small, and rents are close to those in Trondheim."', '      en: "Here you find peace and quiet."')
    profile.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    deadline_line = next(i for i, l in enumerate(lines, 1) if "deadline: 2026-11-15" in l)
    nb_line = next(i for i, l in enumerate(lines, 1) if "fred og ro" in l)
    en_line = next(i for i, l in enumerate(lines, 1) if "peace and quiet" in l)
    result = cli("lint", folder, "--format", "json")
    got = [(f["rule"], f["line"], f["column"], f["severity"]) for f in json.loads(result.out)["findings"]]
    assert ("evidence.deadline-passed", deadline_line, 17, "warning") in got
    assert ("cliche.fred-og-ro", nb_line, lines[nb_line - 1].index("fred og ro") + 1, "warning") in got  # the bokmål text, by the nb pack
    assert ("cliche.fred-og-ro", en_line, lines[en_line - 1].index("peace and quiet") + 1, "warning") in got  # the English, by the en pack
    assert result.code == 0  # warnings only; fail_on = "error"


def test_a_second_lint_run_reads_the_edited_profile(tmp_path, cli):
    folder = tmp_path / "5626-gamvik"
    shutil.copytree(REPO / "municipalities" / "5626-gamvik", folder)
    (folder / "copy" / "nb" / "housing.md").write_text("# Bolig\n\nVi har ledige tomter.\n", encoding="utf-8")
    assert cli("lint", folder).code == 1
    profile = folder / "profile.yaml"
    profile.write_text(
        profile.read_text("utf-8").replace("  listings: []", "  listings:\n    - kind: plot\n      title: Tomt, Mehamn\n"),
        encoding="utf-8",
    )
    assert cli("lint", folder).code == 0  # same process: the edited profile is read again
