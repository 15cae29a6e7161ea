"""The conditions behind exceptions: concrete facts, sources, negation, co-occurrence, sentences."""

from __future__ import annotations

import pytest

from rettfram.lint.document import Span
from rettfram.lint.facts import has_concrete_fact, has_source, split_sentences


def fact(sentence: str, match: str, places: tuple[str, ...] = ()) -> bool:
    start = sentence.index(match)
    return has_concrete_fact(sentence, Span(0, len(sentence)), Span(start, start + len(match)), places)


@pytest.mark.parametrize(
    ("sentence", "match", "places", "expected"),
    [
        ("Fred og ro: 40 hytter og ingen vei.", "Fred og ro", (), True),  # a number
        ("Fred og ro fra august til mai.", "Fred og ro", (), True),  # a month
        ("Fred og ro ved Heimly pensjonat.", "Fred og ro", (), True),  # a proper name
        ("Fred og ro ved Storheia.", "Fred og ro", (), False),  # a landscape name only locates the scenery
        ("Idyllisk oppvekst ved Storsjøen.", "Idyllisk oppvekst", (), False),
        ("Her finner du fred og ro.", "fred og ro", (), False),
        ("Fred og ro i Lysvik.", "Fred og ro", ("lysvik",), False),  # the place's own name is no fact
        ("Fred og ro på Frøya.", "Fred og ro", ("froya",), False),  # folder slugs have no æøå
        ("Velkommen til Norges vakreste kommune.", "Norges vakreste", (), False),  # inside the match
        ("Naturen i Lofoten er vakker.", "Naturen", (), False),  # a region is vague
        ("Peace And Quiet On Your Doorstep", "Peace And Quiet", (), False),  # Title Case
        ("Slapp av: Svømmehallen er åpen.", "Slapp av", (), False),  # capital after a colon
    ],
)
def test_concrete_fact(sentence, match, places, expected):
    assert fact(sentence, match, places) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norges beste skolekommune, ifølge Udir.", True),
        ("Kåret til landets beste i 2023.", True),
        ("Best in Norway (NIBR 2012).", True),
        ("Norges vakreste kommune!", False),
    ],
)
def test_source(sentence, expected):
    assert has_source(sentence, Span(0, len(sentence)), Span(0, 0)) is expected


def test_sentences_split_on_end_punctuation_before_a_capital():
    text = "Vi har 3. klasse. Det er kl. 8 i dag! Hva så? ja"
    spans = split_sentences(text, Span(0, len(text)))
    assert [text[s.start : s.end].strip() for s in spans] == ["Vi har 3. klasse.", "Det er kl. 8 i dag!", "Hva så? ja"]


def test_a_full_stop_after_an_abbreviation_does_not_end_a_sentence():
    text = "Nærmeste sykehus er St. Olavs hospital, ca. 2 timer unna. Ring Dr. Berg bl.a. Om kvelden. Kom heim no. Vi ventar."
    spans = split_sentences(text, Span(0, len(text)))
    assert [text[s.start : s.end].strip() for s in spans] == [
        "Nærmeste sykehus er St. Olavs hospital, ca. 2 timer unna.", "Ring Dr. Berg bl.a. Om kvelden.", "Kom heim no.", "Vi ventar."]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kommunen er et sted for alle.", True),
        ("Kommunen er ikke et sted for alle.", False),
        ("This is not a place for everyone.", False),
        ("Vi vil ikke være en døende bygd.", True),  # the negation is three words away
    ],
)
def test_a_negated_match_is_not_a_finding(lint, text, found):
    rules = {f.rule for f in lint(text, lang="en" if text.startswith("This") else "nb")}
    assert bool(rules & {"target.alle", "sos.bygda-dor"}) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ungdommen flytter ut. Flytt hit!", True),  # appeal + decline in the same block
        ("Flytt hit!", False),  # an appeal alone
        ("Ungdommen flytter ut.", False),  # decline alone
        ("Ungdommen flytter ut.\n\nFlytt hit!", False),  # different blocks
    ],
)
def test_appeal_needs_decline_in_the_same_block(lint, text, found):
    assert ("sos.appell" in {f.rule for f in lint(text)}) is found


def test_occurrence_counts_per_sentence_and_reports_the_first_extra(lint):
    text = "Fantastisk kultur. Unik kultur og magisk lys og herlig mat."
    findings = [f for f in lint(text) if f.rule == "cliche.hypeord"]
    assert [(f.line, f.column) for f in findings] == [(1, text.index("magisk") + 1)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Her er himmelen høyere.", True),  # praise and scenery in one sentence
        ("Her går bussen. Prisene er høyere enn i fjor.", False),  # scope: sentence, so not across sentences
        ("Her er himmelen høyere: Fonnfjellet er 1 031 moh.", False),  # a concrete fact in the sentence
        ("Her er himmelen høyere, men vinteren er lang og mørk.", False),  # a turn with "men": balanced
    ],
)
def test_with_in_the_same_sentence_when_the_rule_says_so(lint, text, found):
    assert ("cliche.tomt-skryt" in {f.rule for f in lint(text)}) is found


def test_a_fallback_rule_reports_only_sentences_no_other_rule_of_its_category_flagged(lint):
    text = "Vakre fjorder og fred og ro. Her er himmelen høyere."
    found = [(f.rule, f.column) for f in lint(text) if f.category.value == "cliche"]
    assert found == [("cliche.natur", 1), ("cliche.fred-og-ro", 18), ("cliche.tomt-skryt", text.index("høyere") + 1)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vil du ha naturen tett på? Turstien til Fonnfjellet er 3,5 km.", False),  # the answer has the facts
        ("Vil du ha naturen tett på? Her har du den.", True),  # the answer has none
        ("Naturen er tett på. Turstien til Fonnfjellet er 3,5 km.", True),  # not a question: its own sentence
    ],
)
def test_a_question_takes_the_facts_of_its_answer(lint, text, found):
    assert ("cliche.hypeord" in {f.rule for f in lint(text)}) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ungdommen flytter ut. Kom og bli med!", True),  # decline + appeal: the SOS message
        ("Ungdommen flytter ut: 40 færre unge fra 2014 til 2024 (SSB). Kom og bli med!", False),  # the decline is reported with a source
    ],
)
def test_a_co_occurring_token_in_a_sentence_that_meets_unless_does_not_count(lint, text, found):
    assert ("sos.appell" in {f.rule for f in lint(text)}) is found


def test_a_negation_does_not_reach_across_a_comma(lint):
    """'ikkje' belongs to the condition before the comma, not to the loss after it."""
    assert "sos.trussel" in {f.rule for f in lint("Om du ikkje kjem, kven skal då ta vare på dei eldre?", lang="nn")}
    assert "target.alle" not in {f.rule for f in lint("Kommunen er ikke et sted for alle.")}


@pytest.mark.parametrize(("text", "reported"), [
    ("Vi har 14 ledige stillinger og naturen rett utenfor døra.", True),  # the figure is about the jobs
    ("Naturen rett utenfor døra: turstien til Storheia er 3,5 km og starter ved skolen.", False),  # the colon explains
    ("Naturen rett utenfor døra, med lysløype på 3,5 km fra skolen.", False),  # the same clause
])
def test_a_fact_excuses_a_cliche_only_in_its_own_clause(lint, text, reported):
    assert ("cliche.natur" in {f.rule for f in lint(text)}) is reported


@pytest.mark.parametrize(("text", "discusses"), [
    ("Færre enn éin av fem som flytta ut av kommunen, har kome tilbake.", True),
    ("Mange kommunar lokkar med flott natur, seier rådgjevaren.", True),
    ("Forskarane meiner kampanjane har liten effekt.", True),
    ("Distriktssenteret mener det lønner seg mer å få innvandrerne til å bli.", True),
    ("Uten jobber er hjemflytting gjerne dødfødt.", True),
    ("Dei flyttar sjeldnare heim att, seier seniorforskaren.", True),
    ("Kom heim att, du som saknar fjorden!", False),
    ("Vi vil ha deg hjem, sier ordføreren.", False),
])
def test_a_sentence_that_discusses_the_phenomenon_is_not_the_phenomenon(text, discusses):
    from rettfram.lint.document import Span
    from rettfram.lint.facts import discusses as discussing

    assert discussing(text, Span(0, len(text))) is discusses
