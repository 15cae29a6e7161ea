"""The editor's guide (docs/redaktorveiledning.md) names only commands, options and rules that exist."""

from __future__ import annotations

import re
import shlex

import pytest

from rettfram.cli import build_parser
from rettfram.findings import Category
from rettfram.lint.pack import load_catalog
from tests.conftest import REPO

GUIDE = (REPO / "docs" / "redaktorveiledning.md").read_text("utf-8")


@pytest.mark.parametrize("line", sorted(set(re.findall(r"python build\.py [^`\n]+", GUIDE))))
def test_every_command_in_the_guide_parses(line):
    build_parser().parse_args(shlex.split(line)[2:])


def test_every_rule_the_guide_names_exists():
    ids = set(load_catalog().ids())
    named = set(re.findall(r"\b((?:sos|cliche|target|claim|evidence)\.[a-z][a-z-]*)\b", GUIDE))
    assert named and named <= ids, named - ids


def test_the_guide_explains_every_category():
    table = re.findall(r"^\| `(\w+)` \(", GUIDE, flags=re.M)
    assert sorted(table) == sorted(c.value for c in Category if c is not Category.SCHEMA)  # schema: check's own
