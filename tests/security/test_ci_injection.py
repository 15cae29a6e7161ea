"""Threat: input starts a GitHub Actions workflow command (``::error``, ``::add-mask::``,
``::set-output``) in the plain-text output CI prints.

The runner reads any output line that starts with ``::`` as a command. A file name or a profile
value with a line break in it could start such a line. Every plain-text line is escaped
(``escape.terminal_line``): line breaks and control characters become visible ``\\n``-style
escapes, and a line never starts with ``::``. SARIF paths are percent-encoded URI references.
"""

from __future__ import annotations

import json

INJECTION = "\n::error file=x::pwned\n::add-mask::secret\n"


def _no_command_lines(text: str) -> None:
    assert not [line for line in text.splitlines() if line.startswith("::")], text


def test_a_file_name_with_a_line_break_cannot_start_a_line(scratch):
    page = scratch.froya / "copy" / "nb" / f"home{INJECTION}.md"
    page.write_text("SOS – bygda dør!\n", encoding="utf-8")
    for command in ("check", "lint", "build"):
        run = scratch.run(command, "municipalities")
        _no_command_lines(run.out)
        _no_command_lines(run.err)
        assert "Traceback" not in run.err
    lint = scratch.run("lint", "municipalities")
    assert "home\\n::error file=x::pwned\\n::add-mask::secret\\n.md:1:1: error sos.sos" in lint.out


def test_a_profile_key_with_a_line_break_cannot_start_a_line(scratch):
    profile = scratch.froya / "profile.yaml"
    text = profile.read_text("utf-8").replace("\njobs:\n", '\n"typo\\n::add-mask::secret\\r\\n::error::x": 1\njobs:\n', 1)
    profile.write_text(text, encoding="utf-8")
    for command in ("check", "lint", "build"):
        run = scratch.run(command, "municipalities")
        assert run.code == 1, run.both
        _no_command_lines(run.out)
        _no_command_lines(run.err)
        assert "typo\\n::add-mask::secret\\r\\n::error::x" in run.out
    github = scratch.run("check", "municipalities", "--format", "github")
    assert "typo%0A::add-mask::secret%0D%0A::error::x" in github.out
    _no_command_lines("\n".join(line for line in github.out.splitlines() if not line.startswith(("::error file=", "::warning file="))))


def test_a_path_that_starts_with_two_colons_is_not_a_command(scratch):
    (scratch.root / "::error::x.md").write_text("SOS!\n", encoding="utf-8")
    run = scratch.run("lint", "::error::x.md")
    assert run.code == 1
    _no_command_lines(run.out)
    assert " ::error::x.md:1:1: error sos.sos" in run.out


def test_sarif_paths_are_percent_encoded(scratch):
    name = "a b#1%?.md"
    (scratch.froya / "copy" / "nb" / name).write_text("SOS!\n", encoding="utf-8")
    log = json.loads(scratch.run("lint", "municipalities", "--format", "sarif").out)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "municipalities/5014-froya/copy/nb/a%20b%231%25%3F.md" in uris
