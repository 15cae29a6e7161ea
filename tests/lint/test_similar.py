"""The last net: the ``similar`` model learned from the labelled corpus and its three rules
(``sos.ligner``, ``cliche.ligner``, ``target.ligner``)."""

from __future__ import annotations

import json
import random

import pytest

from rettfram.lint.corpus import CATEGORIES, Entry, load_training
from rettfram.lint.pack import RuleFileError
from rettfram.lint.similar import FORMAT, MODEL_PATH, Model, char_terms, load_model, word_terms
from rettfram.lint.similar_train import corpus_hash, fit

SOS = "Held det fram slik, står berre tomme hus att langs fjorden om ti år."  # no word rule knows this one


def test_the_committed_model_was_learned_from_the_corpus_as_it_is():
    assert load_model().corpus == corpus_hash(load_training()), "run: python build.py train"


def test_features_are_words_word_pairs_and_character_ngrams_inside_words():
    assert word_terms("Kom heim, Kari!") == ["kom", "heim", "kari", "kom heim", "heim kari"]
    assert char_terms("Bygd") == [" by", "byg", "ygd", "gd ", " byg", "bygd", "ygd ", " bygd", "bygd "]
    assert char_terms("å") == [" å "], "a word shorter than the n-gram counts once"


@pytest.mark.slow
def test_the_model_computes_what_scikit_learn_computes():
    """``similar.Model`` applies the weights with no dependency; it must agree with scikit-learn."""
    entries = load_training()
    random.Random(20261206).shuffle(entries)
    model, sklearn_probabilities = fit(entries[:2500])
    for entry in entries[2500:2700]:
        ours = model.probabilities(entry.text)
        theirs = dict(zip(CATEGORIES, sklearn_probabilities(entry.text)))
        assert all(abs(ours[c] - theirs[c]) < 1e-9 for c in CATEGORIES), entry.text


def test_the_model_file_round_trips_and_names_its_format():
    model = load_model()
    assert Model.from_json(model.to_json()) == model
    head = json.loads(MODEL_PATH.read_text(encoding="utf-8"))[0]
    assert head["format"] == FORMAT and head["categories"] == list(CATEGORIES)
    with pytest.raises(ValueError, match=FORMAT):
        Model.from_json('[{"format": "something-else"}]\n')


def test_a_verdict_names_the_category_and_the_heaviest_words():
    verdict = load_model().verdict(SOS)
    assert verdict is not None and verdict.category == "sos" and verdict.score > load_model().threshold
    assert len(verdict.words) == 3 and all(w in SOS.lower() for w in verdict.words)


@pytest.mark.parametrize("text", ["Les meir her.", "Skulen har 43 elevar.", "Du har flyttet hit, eller skal gjøre det snart."])
def test_ordinary_lines_are_not_judged_on_a_word_or_two(text):
    assert load_model().verdict(text) is None


SLOGAN = "Kom og finn ditt eget Lofoten i sommar!"  # no word rule knows this one either


def test_words_to_skip_are_never_given_as_reasons():
    """The engine skips the place's own names: «Lofoten» in a Lofoten slogan is no reason."""
    assert "lofoten" in load_model().verdict(SLOGAN).words
    assert "lofoten" not in load_model().verdict(SLOGAN, skip={"lofoten"}).words


def test_the_engine_skips_the_place_names(lint):
    expected = ", ".join(f"«{w}»" for w in load_model().verdict(SLOGAN, skip={"lofoten"}).words)
    findings = lint(SLOGAN, lang="nb", place="Lofoten")
    assert f"Ordene som teller mest: {expected}." in findings[0].message.render("nb")


def _found(findings):
    return [(f.rule, f.line, f.column) for f in findings]


def test_the_net_reports_the_sentence_at_its_start_with_its_words(lint):
    findings = lint(f"# Om bygda\n\nVelkomen til møtet. {SOS}\n", lang="nn")
    assert _found(findings) == [("sos.ligner", 3, 21)]
    words = load_model().verdict(SOS).words
    assert len(words) == 3 and all(w in SOS.lower() for w in words)
    assert findings[0].message.render("en").endswith("The words that weigh most: " + ", ".join(f"«{w}»" for w in words) + ".")


def test_the_net_leaves_a_sentence_another_rule_has_flagged(lint):
    findings = lint("Bygda døyr om ingen flyttar hit.\n", lang="nn")
    assert "sos.ligner" not in {f.rule for f in findings}
    assert {f.rule for f in findings} >= {"sos.bygda-dor"}


def test_only_the_category_the_sentence_is_most_like_reports(lint):
    text = "Ein betre stad å vakne opp finst ikkje!\n"
    assert _found(lint(text, lang="nn")) == [("cliche.ligner", 1, 1)]


def test_the_net_can_be_allowed_with_a_reason(lint):
    text = f'<!-- rettfram: allow sos.ligner "eit sitat frå 1970" -->\n{SOS}\n'
    assert _found(lint(text, lang="nn")) == []


@pytest.mark.slow
def test_train_check_and_write(cli, tmp_path):
    assert cli("train", "--check").code == 0
    target = tmp_path / "model.json"
    assert cli("train", "--check", "--output", target).code == 1
    assert cli("train", "--output", target).code == 0
    assert cli("train", "--check", "--output", target).code == 0
    assert Model.from_json(target.read_text(encoding="utf-8")).corpus == load_model().corpus


@pytest.mark.parametrize(("content", "says"), [
    ("- {lang: nb, expected: [], text: ok}\n- {lang: nb, text: x}\n", "a.yaml:2:1: expected må være en liste"),
    ("- {lang: nb, expected: [sos], text: \"x}\n", "a.yaml:2:1: ikke gyldig YAML"),
    (None, "Fant ingen"),
])
def test_train_on_a_broken_corpus_says_so_without_a_traceback(cli, tmp_path, content, says):
    folder = tmp_path / "corpus"
    folder.mkdir()
    if content is not None:
        (folder / "a.yaml").write_text(content, encoding="utf-8")
    run = cli("train", "--corpus", folder, "--output", tmp_path / "model.json")
    assert run.code == 2 and says in run.err and "Traceback" not in run.err
    assert not (tmp_path / "model.json").exists()


def test_a_sentence_another_category_flagged_needs_the_model_to_be_sure(lint):
    """cliche.idyll flags the dream of country life; the model is sure the sentence is also
    narrow targeting (young, with children), so target.ligner reports it as well."""
    text = "Vi søker deg som er ung, har barn og drømmer om et rolig liv på landet.\n"
    verdicts = load_model().verdicts(text)
    assert max(verdicts.values(), key=lambda v: v.score).category == "target" and verdicts["target"].score > load_model().sure
    assert sorted(f.rule for f in lint(text)) == ["cliche.idyll", "target.ligner"]


@pytest.mark.parametrize("content", [None, '[{"format": "something-else"}]\n', "not json\n"])
def test_a_missing_or_broken_model_names_the_file_and_the_command(tmp_path, content):
    path = tmp_path / "similar.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_model(path)
    assert str(path) in str(caught.value) and "python build.py train" in str(caught.value)


def test_lint_never_imports_scikit_learn(tmp_path):
    """Only training needs scikit-learn; lint applies the weights with the standard library."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys; from rettfram.cli import main; main(['lint', 'municipalities']); "
            "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120).stdout
    assert out.strip().endswith("[]"), out
