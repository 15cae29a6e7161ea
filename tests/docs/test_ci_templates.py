"""The CI templates a repository of profiles copies (docs/ci/*.yml) and the pre-commit hooks
(.pre-commit-hooks.yaml): every command they run exists with those options, and none of them
lets a pull request run code or reach a command line."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from rettfram.cli import build_parser
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / "docs" / "ci").glob("*.yml"))
README = (REPO / "README.md").read_text("utf-8")


def _load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def _steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def _rettfram_arguments(command_line: str) -> list[str]:
    """The arguments after ``build.py`` in a shell line, without redirections and ``||`` tails."""
    words = shlex.split(command_line.split("||")[0].split(">")[0])
    return words[next(i for i, word in enumerate(words) if word.endswith("build.py")) + 1:]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_rettfram_command_in_a_workflow_parses(path):
    lines = [step["run"] for _, step in _steps(_load(path)) if "build.py" in step.get("run", "")]
    assert lines
    for line in lines:
        arguments = _rettfram_arguments(re.sub(r"\$\{\{ matrix\.shard \}\}", "1", line))
        build_parser().parse_args(arguments)  # exits 2 (fails the test) on an unknown command or option


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_text_reaches_a_command_line(path):
    for _, step in _steps(_load(path)):
        for expression in re.findall(r"\$\{\{(.*?)\}\}", step.get("run", "")):
            assert expression.strip().startswith("matrix."), f"{path.name}: {expression} in a run line"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_rettfram_is_checked_out_apart_from_the_profiles(path):
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        checkouts = [step for step in job.get("steps", []) if step.get("uses", "").startswith("actions/checkout@")]
        assert all(step["with"]["persist-credentials"] is False for step in checkouts), name
        if len(checkouts) == 2:  # Rettfram first, into its own folder; the profiles beside it
            assert checkouts[0]["with"]["repository"].endswith("/rettfram") and checkouts[0]["with"]["path"] == "rettfram"
            assert checkouts[1]["with"]["path"] != "rettfram" and "repository" not in checkouts[1]["with"]
        if "pages" in job.get("permissions", {}):
            assert job["if"] == "github.event_name == 'push'", f"{name} publishes from a pull request"


def test_the_profiles_workflow_checks_lints_uploads_sarif_builds_and_publishes():
    workflow = _load(REPO / "docs" / "ci" / "rettfram.yml")
    runs = [step.get("run", "") for _, step in _steps(workflow)]
    uses = [step.get("uses", "") for _, step in _steps(workflow)]
    assert any(" check municipalities --format github" in run for run in runs)
    assert any(" lint municipalities --format github" in run for run in runs)
    assert any(" lint municipalities --format sarif > " in run for run in runs)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any(" build municipalities " in run for run in runs)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_pre_commit_hooks_are_a_valid_manifest_of_real_commands():
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert [hook["id"] for hook in hooks] == ["rettfram-check", "rettfram-lint"]
    for hook in hooks:
        program, *arguments = hook["entry"].split()
        assert program in scripts and hook["language"] == "python"
        build_parser().parse_args([*arguments, *hook["args"]])


def test_the_lint_hook_runs_on_the_files_it_is_given(tmp_path):
    """What pre-commit runs for ``rettfram-lint``: the installed ``rettfram`` script on changed
    copy files; the hook's ``files`` pattern picks copy and nothing else."""
    from pre_commit.clientlib import load_manifest

    hook = next(h for h in load_manifest(str(REPO / ".pre-commit-hooks.yaml")) if h["id"] == "rettfram-lint")
    pattern = re.compile(hook["files"])
    assert pattern.search("municipalities/5014-froya/copy/nb/home.md")
    assert not pattern.search("municipalities/5014-froya/profile.yaml") and not pattern.search("README.md")
    page = tmp_path / "municipalities" / "1234-test" / "copy" / "nb" / "home.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Velkommen\n\nRedd bygda vår: flytt hit før det er for sent!\n", encoding="utf-8")
    script = Path(sys.executable).with_name("rettfram")
    run = subprocess.run([str(script), *hook["entry"].split()[1:], "municipalities/1234-test/copy/nb/home.md"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert "municipalities/1234-test/copy/nb/home.md:3:" in run.stdout


def test_the_readme_shows_how_to_use_the_templates():
    for name in (".pre-commit-hooks.yaml", "docs/ci/pre-commit-config.yaml", "docs/ci/rettfram.yml", "pre-commit install"):
        assert name in README, name
