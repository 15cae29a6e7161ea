"""Every hostile profile exits 1 with `profile.yaml:LINE` and a fix, and never a traceback."""

from __future__ import annotations

import pytest

from tests.foundation.hostile_cases import CASES, Hostile


def _write(tmp_path, case: Hostile):
    folder = tmp_path / "5014-froya"
    folder.mkdir()
    path = folder / "profile.yaml"
    path.write_bytes(case.content)
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_profile_is_refused_with_position(tmp_path, cli, case):
    path = _write(tmp_path, case)
    result = cli("check", path, "--format", "json")
    assert result.code == 1, result.both
    import json

    findings = json.loads(result.out)["findings"]
    matching = [f for f in findings if f["rule"] == case.rule]
    assert matching, f"expected {case.rule}, got {[(f['rule'], f['line']) for f in findings]}"
    first = matching[0]
    assert first["path"].endswith("profile.yaml")
    assert first["severity"] == "error"
    assert first["category"] == "schema"
    if case.line is not None:
        assert first["line"] == case.line
    if case.column is not None:
        assert first["column"] == case.column
    assert first["line"] >= 1 and first["column"] >= 1
    assert first["suggestion"], "every finding says how to fix it"
    if case.mentions:
        assert case.mentions in first["message"] + first["suggestion"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_profile_in_text_format_names_the_line(tmp_path, cli, case):
    path = _write(tmp_path, case)
    result = cli("check", path)
    assert result.code == 1
    line = case.line if case.line is not None else ""
    assert f"profile.yaml:{line}" in result.out
    assert "Traceback" not in result.both


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("alias-bomb", "deep-nesting", "invalid-utf8", "unquoted-0301")], ids=lambda c: c.id)
def test_hostile_profile_as_a_real_process(tmp_path, cli_process, case):
    path = _write(tmp_path, case)
    result = cli_process("check", path)
    assert result.code == 1
    assert "profile.yaml:" in result.out
    assert "Traceback" not in result.both


def test_all_errors_in_a_file_come_in_one_pass(tmp_path, cli):
    folder = tmp_path / "5014-froya"
    folder.mkdir()
    (folder / "profile.yaml").write_text(
        'municipality:\n  number: "5014"\n  name: Frøya\n  language: nb\nupdated: 2026-02-30\n'
        "jobs:\n  vacancys: []\nhousing:\n  listings:\n    - kind: lease\n      title: Hus\n      price_nok: -5\n",
        encoding="utf-8",
    )
    import json

    result = cli("check", folder, "--format", "json")
    got = [(f["rule"], f["line"]) for f in json.loads(result.out)["findings"]]
    assert got == [
        ("schema.date-type", 5),
        ("schema.extra-forbidden", 7),
        ("schema.literal-error", 10),
        ("schema.greater-than-equal", 12),
    ]
