"""Everything a user can set is documented (datasette-style): commands, settings, variables."""

from __future__ import annotations

import dataclasses
import re

import pytest

from rettfram.cli import COMMANDS, build_parser
from rettfram.lint import rule as rule_module
from rettfram.lint.config import LintConfig
from rettfram.lint.rule import LanguagePart, Rule, RuleFile
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
TOML = (REPO / "rettfram.toml").read_text("utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_module_registers_a_command():
    assert len(_commands()) == len(COMMANDS)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command):
    assert f"python build.py {command}" in README


def _options() -> list[tuple[str, str]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted({(name, option) for name, command in sub.choices.items() for action in command._actions
                   for option in action.option_strings if option.startswith("--") and option != "--help"})


@pytest.mark.parametrize(("command", "option"), _options())
def test_every_command_option_is_in_the_readme(command, option):
    if option == "--lang":  # said once for all
        assert "`--lang` on every command" in README
        return
    line = next((row for row in README.splitlines() if row.startswith(f"| `python build.py {command}")), "")
    assert option in line, f"{command} {option} is not in the README's table of commands"


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(LintConfig) if f.name != "path"])
def test_every_lint_setting_is_documented(field):
    assert f"`{field}" in README or f"{field} =" in README
    assert re.search(rf"^#? ?{field} =", TOML, re.MULTILINE), f"{field} has no line in rettfram.toml"


def _variables() -> list[str]:
    found = set()
    for path in [*(REPO / "rettfram").rglob("*.py"), REPO / "Makefile"]:
        found |= set(re.findall(r"RETTFRAM_[A-Z_]+", path.read_text("utf-8")))
    return sorted(found)


@pytest.mark.parametrize("variable", _variables())
def test_every_environment_variable_is_in_the_readme(variable):
    assert f"`{variable}" in README


@pytest.mark.parametrize("field", sorted({f.alias or name for model in (Rule, RuleFile, LanguagePart) for name, f in model.model_fields.items()}))
def test_every_rule_file_field_is_documented(field):
    """A rule author reads the rule file format in rettfram/lint/rule.py."""
    assert f"``{field}``" in (rule_module.__doc__ or "")
