"""Rule files are validated: an invalid file is a clear error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rettfram.lint.pack import RuleFileError, load_rule_file

VALID = """id: cliche.test
category: cliche
level: warning
kind: existence
tokens: [fred og ro]
message: {nb: a, nn: b, en: c}
suggestion: {nb: a, nn: b, en: c}
source: {seed: "002", passage: p, quote: q}
examples: {fail: [fred og ro], pass: [ro]}
"""


def write(tmp_path: Path, text: str, name: str = "cliche.test.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path):
    assert load_rule_file(write(tmp_path, VALID), "nb").id == "cliche.test"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("level: warning", "level: loud"), "level"),
        (("kind: existence", "kind: magic"), "kind"),
        (("tokens: [fred og ro]", "tokens: ['bygd{a|en']"), "unbalanced braces"),
        (("tokens: [fred og ro]", "tokens: []"), "needs 'tokens'"),
        (("kind: existence", "kind: conditional"), "needs 'unless' or 'with'"),
        (("kind: existence", "kind: existence\nwith: [ro]"), "'with' belongs to kind 'conditional'"),
        (("category: cliche", "category: sos"), "must start with its category"),
        (("message: {nb: a, nn: b, en: c}", "message: {nb: a, en: c}"), "message.nn"),
        (("examples: {fail: [fred og ro], pass: [ro]}", "examples: {fail: [], pass: [ro]}"), "examples.fail"),
        (("source: {seed: \"002\", passage: p, quote: q}\n", ""), "'source' is required"),
        (("id: cliche.test", "id: cliche.test\ntypo: 1"), "typo"),
        (("id: cliche.test", "id: cliche.other"), "file name must be the id"),
        (("id: cliche.test", "id: [unclosed"), "cannot read"),
    ],
)
def test_invalid_rule_files_name_the_file_and_the_problem(tmp_path, change, problem):
    path = write(tmp_path, VALID.replace(*change))
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path, "nb")
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_meta_rules_only_in_the_meta_folder(tmp_path):
    with pytest.raises(RuleFileError, match="rules/meta"):
        load_rule_file(write(tmp_path, VALID), "meta")


def test_every_rule_id_has_the_same_category_and_level_in_every_language(catalog):
    for rule_id in catalog.ids():
        versions = catalog.versions(rule_id).values()
        assert len({(v.rule.category, v.rule.level, v.rule.kind) for v in versions}) == 1, rule_id
