"""rettfram.toml [lint]: defaults, activation, and a full list of errors with expected vs received."""

from __future__ import annotations

from pathlib import Path

import pytest

from rettfram.findings import Severity
from rettfram.lint.config import LintConfig, find_config, load_config, parse_config

REPO = Path(__file__).resolve().parents[2]


def test_the_committed_config_is_valid(catalog):
    config, errors = load_config(REPO / "rettfram.toml", catalog.ids())
    assert errors == []
    assert config.fail_on is Severity.ERROR


def test_all_errors_are_collected_with_expected_and_received(catalog):
    data = {"min_level": "loud", "fail_on": "info", "max_warnings": -3, "disable": ["cliche.natr"], "enable": "cliche",
            "fial_on": "error"}
    _, errors = parse_config(data, catalog.ids())
    got = {(e.key, e.received) for e in errors}
    assert got == {
        ("fial_on", "ukjent nøkkel / unknown key"),
        ("min_level", "'loud'"),
        ("fail_on", "'info'"),
        ("max_warnings", "-3"),
        ("disable", "'cliche.natr'"),
        ("enable", "'cliche'"),
    }
    by_key = {e.key: e for e in errors}
    assert by_key["fail_on"].expected == "'error' | 'warning'"
    assert "did you mean 'fail_on'" in by_key["fial_on"].expected
    assert "did you mean 'cliche.natur'" in by_key["disable"].expected
    assert "expected 'error' | 'warning', received 'info'" in by_key["fail_on"].message().en
    assert "forventet 'error' | 'warning', fikk 'info'" in by_key["fail_on"].message().nb


@pytest.mark.parametrize("value", [True, "5", 2.5])
def test_max_warnings_must_be_a_whole_number(catalog, value):
    _, errors = parse_config({"max_warnings": value}, catalog.ids())
    assert [e.key for e in errors] == ["max_warnings"]


def test_bad_toml_is_one_error_naming_the_file(tmp_path, catalog):
    path = tmp_path / "rettfram.toml"
    path.write_text("[lint\nfail_on = ", encoding="utf-8")
    _, errors = load_config(path, catalog.ids())
    assert len(errors) == 1 and errors[0].path == str(path) and errors[0].expected == "gyldig TOML / valid TOML"


def test_missing_section_means_defaults(tmp_path, catalog):
    path = tmp_path / "rettfram.toml"
    path.write_text("[build]\nfoo = 1\n", encoding="utf-8")
    config, errors = load_config(path, catalog.ids())
    assert errors == [] and config.min_level is Severity.INFO and config.max_warnings is None


def test_config_is_found_in_a_parent_folder(tmp_path):
    (tmp_path / "rettfram.toml").write_text("[lint]\n", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "rettfram.toml"


@pytest.mark.parametrize(
    ("config", "rule_id", "active"),
    [
        (LintConfig(), "cliche.natur", True),
        (LintConfig(), "evidence.tall-uten-kilde", False),  # off by default
        (LintConfig(enable=("evidence",)), "evidence.tall-uten-kilde", True),
        (LintConfig(disable=("cliche",)), "cliche.natur", False),
        (LintConfig(disable=("cliche",), enable=("cliche.natur",)), "cliche.natur", True),  # id beats category
        (LintConfig(disable=("cliche.natur",), enable=("cliche.natur",)), "cliche.natur", False),  # disable wins a tie
    ],
)
def test_rule_activation(catalog, config, rule_id, active):
    assert config.is_active(catalog.packs["nb"].get(rule_id)) is active


def test_min_level_drops_lower_findings(lint):
    text = "SOS! Her er det fred og ro."
    assert {f.rule for f in lint(text)} == {"sos.sos", "cliche.fred-og-ro"}
    assert {f.rule for f in lint(text, config=LintConfig(min_level=Severity.ERROR))} == {"sos.sos"}
