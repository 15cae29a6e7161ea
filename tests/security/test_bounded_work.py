"""Threat: input that makes a reader work for ever (a regular expression that backtracks, a
file without end), so one pull request blocks CI.

Every regular expression that sees input (the modules' own and every rule pack's) runs over
1 MB made of long runs of single characters, and the Markdown parse, the linter's reading and
the renderer over pathological pages at the size cap; all in a subprocess with a deadline. A
quadratic pattern needs hours on this; a linear one a few seconds. Readers have size caps.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

DEADLINE = 600  # seconds for everything together; linear work takes well under a minute here


@pytest.mark.slow
def test_every_pattern_and_reader_is_linear_on_long_runs():
    proc = subprocess.Popen([sys.executable, str(REPO / "tests" / "security" / "linear_probe.py")], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        raise AssertionError(f"not linear: the last line is {out.splitlines()[-1]!r}") from None
    assert proc.returncode == 0, out[-2000:]
    lines = out.splitlines()
    assert lines[-1] == "done"
    assert sum(line.startswith("pattern ") for line in lines) > 150, "the rule packs' patterns are in the run"


def test_readers_have_size_caps():
    from rettfram import charts, copy_pages, images, load
    from rettfram.lint import config

    assert copy_pages.MAX_PAGE_BYTES <= 256 * 1024
    assert load.MAX_BYTES <= 1024 * 1024
    assert images.MAX_IMAGE_BYTES <= 5 * 1024 * 1024
    assert config.MAX_CONFIG_BYTES <= 64 * 1024 and charts.MAX_SVG_BYTES <= 2 * 1024 * 1024


def test_a_huge_rettfram_toml_is_refused_not_read(scratch):
    with (scratch.root / "rettfram.toml").open("wb") as handle:
        handle.write(b"# " + b"x" * (1024 * 1024) + b"\n")
    run = scratch.run("lint", "municipalities", timeout=30)
    assert run.code == 2 and "larger than the limit" in run.err and "Traceback" not in run.err


def test_the_email_mask_is_linear_where_a_regex_was_quadratic():
    from rettfram.lint.markdown import email_spans

    assert email_spans("skriv til ola.nordmann@froya.kommune.no, eller ring") == [(10, 39)]
    assert email_spans("a" * 100_000 + "@" + "b" * 100_000) == []
    assert email_spans("@@x@y.no") == [(2, 8)]
