"""One error path: a UserError raised anywhere is printed once, by cli.main, in the --lang asked
for; anything else is one line, never a traceback; exit codes are named in rettfram.errors."""

from __future__ import annotations

import ast

import pytest

from rettfram import errors
from rettfram.cli import COMMANDS
from tests.conftest import REPO


def test_a_user_error_is_printed_once_in_the_language_asked_for(cli, tmp_path):
    missing = tmp_path / "finnes-ikke"
    nb = cli("check", missing)
    en = cli("check", missing, "--lang", "en")
    assert (nb.code, en.code) == (errors.EXIT_USAGE, errors.EXIT_USAGE)
    assert nb.err == f"rettfram: «{missing}» finnes ikke.\n"
    assert en.err == f"rettfram: '{missing}' does not exist.\n"


def test_a_bug_is_one_line_without_a_traceback(cli, monkeypatch):
    from rettfram.commands import explain

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(explain, "explain_rule", broken)
    run = cli("explain", "cliche.natur")
    assert run.code == errors.EXIT_USAGE
    assert "Traceback" not in run.err and "RuntimeError: a bug" in run.err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_commands_return_named_exit_codes(command):
    """No ``return 0``/``1``/``2`` in a command: the codes are rettfram.errors' names."""
    tree = ast.parse((REPO / "rettfram" / "commands" / f"{command.__name__.rsplit('.', 1)[-1]}.py").read_text("utf-8"))
    literal = [node.lineno for node in ast.walk(tree)
               if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and node.value.value in (0, 1, 2)]
    assert literal == []
