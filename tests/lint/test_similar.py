"""The last net: the ``similar`` model learned from the labelled corpus and its three rules
(``sos.ligner``, ``cliche.ligner``, ``target.ligner``)."""

from __future__ import annotations

import json

import pytest

from rettfram.lint.corpus import Entry, load_corpus
from rettfram.lint.pack import RuleFileError
from rettfram.lint.similar import MODEL_PATH, SURE, THRESHOLD, Model, features, load_model, train

SOS = "Om ti år kan det vere mørkt i kvart hus langs fjorden."  # no word rule knows this one


def test_the_committed_model_is_what_the_corpus_gives():
    assert MODEL_PATH.read_text(encoding="utf-8") == train(load_corpus()).to_json(), "run: python build.py train"


def test_features_are_words_and_word_pairs():
    assert features("Kom heim, Kari!") == {"w:kom", "w:heim", "w:kari", "b:kom_heim", "b:heim_kari"}


def test_training_counts_honest_and_category_sentences():
    entries = [Entry("redd skulen", "nn", frozenset({"sos"})), Entry("redd skulen no", "nn", frozenset({"sos"})),
               Entry("skulen har 40 elevar", "nn", frozenset()), Entry("redd skulen", "nn", frozenset({"sos", "target"}))]
    model = train(entries)
    assert model.sizes == {"honest": 1, "sos": 3, "cliche": 0, "target": 1}
    assert model.counts["w:skulen"] == (1, 3, 0, 1)
    assert model.counts["b:redd_skulen"] == (0, 3, 0, 1)
    assert "w:no" not in model.counts  # seen once: below MIN_COUNT


def test_the_model_file_round_trips_and_names_its_format(tmp_path):
    model = load_model()
    assert Model.from_json(model.to_json()) == model
    head = json.loads(MODEL_PATH.read_text(encoding="utf-8").splitlines()[0])
    assert head["format"] == "rettfram-similar/1" and head["columns"] == ["honest", "sos", "cliche", "target"]
    with pytest.raises(ValueError, match="rettfram-similar/1"):
        Model.from_json('{"format": "something-else"}\n')


SMALL = [Entry("redd skulen no", "nn", frozenset({"sos"}))] * 200 + [Entry("skulen har plass no", "nn", frozenset())] * 200


def test_a_verdict_names_the_category_and_the_heaviest_words():
    """Words only in SOS copy weigh most; words in both weigh nothing; the place's name is skipped."""
    model = train(SMALL)
    verdict = model.verdict("redd skulen no")
    assert verdict is not None and verdict.category == "sos" and verdict.words == ("redd",)
    assert load_model().verdict(SOS).category == "sos" and load_model().verdict(SOS).score > THRESHOLD


@pytest.mark.parametrize("text", ["Les meir her.", "Skulen har 43 elevar.", "Du har flyttet hit, eller skal gjøre det snart."])
def test_ordinary_lines_are_not_judged_on_a_word_or_two(text):
    assert load_model().verdict(text) is None


def test_words_to_skip_are_never_given_as_reasons():
    """The engine skips the place's own names: «Fjorden» in Fjorden kommune is no reason."""
    words = load_model().verdict(SOS).words
    assert "fjorden" in words and "fjorden" not in load_model().verdict(SOS, skip={"fjorden"}).words


def test_the_engine_skips_the_place_names(lint):
    expected = ", ".join(f"«{w}»" for w in load_model().verdict(SOS, skip={"fjorden"}).words)
    findings = lint(SOS, lang="nn", place="Fjorden")
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


def test_train_check_and_write(cli, tmp_path):
    assert cli("train", "--check").code == 0
    target = tmp_path / "model.json"
    assert cli("train", "--check", "--output", target).code == 1
    assert cli("train", "--output", target).code == 0
    assert target.read_text(encoding="utf-8") == MODEL_PATH.read_text(encoding="utf-8")


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
    assert max(verdicts.values(), key=lambda v: v.score).category == "target" and verdicts["target"].score > SURE
    assert sorted(f.rule for f in lint(text)) == ["cliche.idyll", "target.ligner"]


@pytest.mark.parametrize("content", [None, '{"format": "something-else"}\n', "not json\n"])
def test_a_missing_or_broken_model_names_the_file_and_the_command(tmp_path, content):
    path = tmp_path / "similar.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_model(path)
    assert str(path) in str(caught.value) and "python build.py train" in str(caught.value)
