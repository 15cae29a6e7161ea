"""Rule files (one per rule id, languages inside) are validated: an invalid file is a clear error
naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from rettfram.lint.pack import PACK_LANGS, RULES_DIR, RuleFileError, load_rule_file

VALID = """id: cliche.test
category: cliche
level: warning
kind: existence
message: {nb: a, nn: b, en: c}
suggestion: {nb: a, nn: b, en: c}
source: {seed: "002", passage: p, quote: q}
languages:
  nb:
    tokens: [fred og ro]
    examples: {fail: ["[[fred og ro]]"], pass: [ro]}
  en:
    tokens: [peace and quiet]
    examples: {fail: ["[[peace and quiet]]"], pass: [quiet]}
"""


def write(tmp_path: Path, text: str, name: str = "cliche.test.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_one_rule_per_language(tmp_path):
    rules = load_rule_file(write(tmp_path, VALID))
    assert [(r.id, r.lang, r.rule.tokens) for r in rules] == [("cliche.test", "nb", ["fred og ro"]), ("cliche.test", "en", ["peace and quiet"])]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("level: warning", "level: loud"), "level"),
        (("kind: existence", "kind: magic"), "kind"),
        (("tokens: [fred og ro]", "tokens: ['bygd{a|en']"), "languages.nb.tokens: Value error, token 'bygd{a|en'"),
        (("tokens: [fred og ro]", "tokens: []"), "languages.nb: Value error, kind 'existence' needs 'tokens'"),
        (("kind: existence", "kind: conditional"), "needs 'unless' or 'with'"),
        (("    tokens: [fred og ro]", "    tokens: [fred og ro]\n    with: [ro]"), "'with' belongs to kind 'conditional'"),
        (("category: cliche", "category: sos"), "must start with its category"),
        (("message: {nb: a, nn: b, en: c}", "message: {nb: a, en: c}"), "message.nn"),
        (('{fail: ["[[fred og ro]]"], pass: [ro]}', "{fail: [], pass: [ro]}"), "examples.fail"),
        (('{fail: ["[[fred og ro]]"], pass: [ro]}', "{fail: [fred og ro], pass: [ro]}"), "mark the reported words"),
        (('{fail: ["[[fred og ro]]"], pass: [ro]}', '{fail: ["[[fred og ro]]"], pass: ["[[ro]]"]}'), "'pass' examples have no [[marks]]"),
        (("source: {seed: \"002\", passage: p, quote: q}\n", ""), "'source' is required"),
        (("id: cliche.test", "id: cliche.test\ntypo: 1"), "typo"),
        (("  en:", "  xx:"), "no rule pack for xx"),
        (("id: cliche.test", "id: cliche.other"), "file name must be the id"),
        (("id: cliche.test", "id: [unclosed"), "cannot read"),
        (("kind: existence", "kind: meta"), "kind 'meta' has 'examples' at the top and no 'languages'"),
    ],
)
def test_invalid_rule_files_name_the_file_and_the_problem(tmp_path, change, problem):
    path = write(tmp_path, VALID.replace(*change))
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_one_file_per_rule_id_and_nothing_else(catalog):
    files = sorted(p.stem for p in RULES_DIR.glob("*.yaml"))
    assert files == catalog.ids()
    assert not [p for p in RULES_DIR.iterdir() if p.is_dir()], "no per-language folders: languages live inside each rule file"


def test_a_newcomer_finds_the_rule_for_uten_karrierejag_in_one_step():
    assert "uten karrierejag" in (RULES_DIR / "cliche.karrierejag.yaml").read_text("utf-8")


def test_every_text_rule_has_every_language(catalog):
    for rule_id in catalog.ids():
        versions = catalog.versions(rule_id)
        if not {"meta", "data"} & set(versions):
            similar = next(iter(versions.values())).rule.kind == "similar"  # the model is learned from nb, nn and en copy
            assert set(versions) == ({"nb", "nn", "en"} if similar else set(PACK_LANGS)), rule_id
