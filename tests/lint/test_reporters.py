"""Reporters: exact output for text, the JSON contract, GitHub annotations and SARIF 2.1.0."""

from __future__ import annotations

import json

import pytest

from rettfram.findings import Category, Finding, Severity
from rettfram.report import REPORTERS, github, sarif, text
from rettfram.report import json as json_report
from rettfram.report.sarif import RuleHelp
from rettfram.text import Text

ERROR = Finding(
    path="municipalities/5014-froya/copy/nb/home.md", line=3, column=7, rule="sos.sos", category=Category.SOS,
    severity=Severity.ERROR, message=Text(nb="«SOS» er et nødrop.", en="“SOS” is a distress call.", nn="«SOS» er eit naudrop."),
    suggestion=Text(nb="Skriv hva stedet trenger.", en="Say what the place needs."),
)
WARNING = Finding(
    path="a,b:c.md", line=1, column=1, rule="cliche.natur", category=Category.CLICHE, severity=Severity.WARNING,
    message=Text(nb="100% natur,\nlinje to", en="100% nature,\nline two"),
)
INFO = Finding(path="x.md", line=2, column=5, rule="evidence.tall-uten-kilde", category=Category.EVIDENCE,
               severity=Severity.INFO, message=Text(nb="Tall uten kilde.", en="Figure without source."))


def test_text_lines_and_suggestion():
    out = text.render([ERROR, WARNING], "nb")
    assert out.splitlines() == [
        "a,b:c.md:1:1: warning cliche.natur: 100% natur,\\nlinje to",  # a line break in a message cannot start a line
        "municipalities/5014-froya/copy/nb/home.md:3:7: error sos.sos: «SOS» er et nødrop.",
        "    forslag: Skriv hva stedet trenger.",
        "1 feil, 1 advarsler, 0 merknader",
    ]


@pytest.mark.parametrize(("lang", "message"), [("nb", "«SOS» er et nødrop."), ("nn", "«SOS» er eit naudrop."), ("en", "“SOS” is a distress call.")])
def test_language_follows_lang(lang, message):
    assert message in text.render([ERROR], lang)


def test_text_without_findings_says_so():
    assert text.render([], "en") == "No findings.\n"


def test_json_is_exactly_the_contract():
    payload = json.loads(json_report.render([ERROR, INFO], "en"))
    assert payload == {"findings": [
        {"path": "municipalities/5014-froya/copy/nb/home.md", "line": 3, "column": 7, "rule": "sos.sos", "category": "sos",
         "severity": "error", "message": "“SOS” is a distress call.", "suggestion": "Say what the place needs."},
        {"path": "x.md", "line": 2, "column": 5, "rule": "evidence.tall-uten-kilde", "category": "evidence",
         "severity": "info", "message": "Figure without source.", "suggestion": ""},
    ]}


def test_json_empty():
    assert json.loads(json_report.render([], "nb")) == {"findings": []}


def test_github_commands_and_escaping():
    lines = github.render([ERROR, WARNING, INFO], "en").splitlines()
    assert lines == [
        "::warning file=a%2Cb%3Ac.md,line=1,col=1,title=cliche.natur::100%25 nature,%0Aline two",
        "::error file=municipalities/5014-froya/copy/nb/home.md,line=3,col=7,title=sos.sos::“SOS” is a distress call.%0ASay what the place needs.",
        "::notice file=x.md,line=2,col=5,title=evidence.tall-uten-kilde::Figure without source.",
    ]


def test_github_escapes_carriage_returns():
    assert github.escape_data("a\r\nb%") == "a%0D%0Ab%25"
    assert github.escape_property("a:b,c") == "a%3Ab%2Cc"


def test_sarif_structure_and_exact_values():
    help_ = {"sos.sos": RuleHelp(short=Text(nb="Nødrop.", en="Distress call."), help=Text(nb="Skriv behov.", en="Say needs."))}
    log = json.loads(sarif.render([ERROR, WARNING, INFO], "en", rules=help_))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "rettfram"
    assert [r["id"] for r in driver["rules"]] == ["cliche.natur", "sos.sos", "evidence.tall-uten-kilde"]
    sos = driver["rules"][1]
    assert sos["shortDescription"] == {"text": "Distress call."}
    assert sos["help"] == {"text": "Say needs.", "markdown": "Say needs."}
    assert sos["defaultConfiguration"] == {"level": "error"}
    assert sos["properties"]["category"] == "sos"
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("cliche.natur", 0, "warning"), ("sos.sos", 1, "error"), ("evidence.tall-uten-kilde", 2, "note")]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "municipalities/5014-froya/copy/nb/home.md"},
                        "region": {"startLine": 3, "startColumn": 7}}
    assert results[1]["message"]["text"] == "“SOS” is a distress call. Say what the place needs."


def test_sarif_without_rule_help_uses_the_finding():
    log = json.loads(sarif.render([INFO], "nb"))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"]["text"] == "Tall uten kilde."


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_reporter_takes_findings_and_lang(name):
    assert isinstance(REPORTERS[name].render([ERROR], "nn"), str)
