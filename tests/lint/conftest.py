"""Fixtures for the copy linter tests: the rule catalog and a one-call lint helper."""

from __future__ import annotations

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.engine import LintContext
from rettfram.lint.pack import load_catalog
from rettfram.lint.page import lint_text

@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def lint(catalog):
    """``lint(text, lang="nb", place=None, config=None)`` → findings, config and suppressions applied."""

    def run(text: str, lang: str = "nb", place: str | None = None, config: LintConfig | None = None, path: str = "copy.md"):
        context = LintContext(place_names=(place,) if place else ())
        return lint_text(path, text, lang, catalog, config or LintConfig(), context)

    return run
