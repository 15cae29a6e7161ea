"""What an editor and CI see from the command line, as real processes."""

from __future__ import annotations

import json

from tests.conftest import run_process


def test_help_lists_import_docx_and_export():
    run = run_process("--help")
    assert run.code == 0
    assert "import-docx" in run.out and "export" in run.out


def test_lint_annotates_for_github_and_writes_sarif_with_results(tmp_path):
    page = tmp_path / "municipalities" / "1234-test" / "copy" / "nb" / "home.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Hjem\n\nRedd bygda vår før det er for sent!\n\nHer får du fred og ro.\n", encoding="utf-8")
    github = run_process("lint", page, "--format", "github", cwd=tmp_path)
    lines = github.out.splitlines()
    assert github.code == 1
    shown = "municipalities/1234-test/copy/nb/home.md"  # relative to the working folder, as CI annotates it
    assert f"::error file={shown},line=3,col=1,title=sos.redd-oss::«Redd bygda» ber leseren redde stedet." in github.out
    assert any(line.startswith(f"::warning file={shown},line=5,col=12,title=cliche.fred-og-ro::") for line in lines)
    sarif = run_process("lint", page, "--format", "sarif", cwd=tmp_path)
    log = json.loads(sarif.out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    results = log["runs"][0]["results"]
    assert {(r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results} >= {("error", 3), ("warning", 5)}
