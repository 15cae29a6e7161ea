"""The token syntax: inflection markers, alternatives, wildcards, optional words."""

from __future__ import annotations

import re

import pytest

from rettfram.lint.tokens import TokenError, compile_token, compile_tokens, needles


def matches(token: str, text: str) -> bool:
    return re.search(compile_token(token), text, re.IGNORECASE) is not None


@pytest.mark.parametrize(
    ("token", "text"),
    [
        # nouns, bokmål and nynorsk forms
        ("natur~n", "natur"), ("natur~n", "naturen"),
        ("bygd~n", "bygd"), ("bygd~n", "bygda"), ("bygd~n", "bygden"), ("bygd~n", "bygder"),
        ("bygd~n", "bygdene"), ("bygd~n", "bygdar"), ("bygd~n", "bygdane"), ("bygd~n", "bygdas"),
        ("fjord~n", "fjord"), ("fjord~n", "fjorden"), ("fjord~n", "fjorder"), ("fjord~n", "fjordar"),
        ("fjord~n", "fjordene"), ("fjord~n", "fjordane"),
        ("{heim|hjem}", "heim"), ("{heim|hjem}", "hjem"), ("kom {heim|hjem}", "Kom heim"),
        ("kom {heim|hjem}", "kom\n hjem"),
        # verbs and adjectives
        ("synk~v", "synker"), ("synk~v", "synke"), ("synk~v", "synkende"), ("synk~v", "synka"),
        ("vakker~a", "vakkert"), ("flott~a", "flotteste"), ("flott~a", "flottaste"),
        # compounds and continuations
        ("*idyll", "bondeidyll"), ("*idyll~n", "småbruksidyllen"), ("idyll*", "idylliske"),
        ("*idyll*", "oppvekstidyllisk"), ("*karrierejag~n", "karrierejaget"),
        # alternatives with their own markers
        ("{idyll~n|*paradis}", "friluftsparadis"), ("{idyll~n|*paradis}", "idyllen"),
        # optional and any word
        ("Norges aller? vakreste", "Norges vakreste"), ("Norges aller? vakreste", "Norges aller vakreste"),
        ("redd _ bygda", "redd hele bygda"),
        # apostrophes, straight and curly
        ("before it's too late", "before it’s too late"), ("Norway's most", "Norway's most"),
        # escape hatch
        ("re:\\d+ ?%", "12 %"),
    ],
)
def test_token_matches(token, text):
    assert matches(token, text)


@pytest.mark.parametrize(
    ("token", "text"),
    [
        ("fjord", "fjorden"),  # a bare word is the word only
        ("natur~n", "naturlig"),  # noun endings do not open every continuation
        ("natur~n", "overnatur"),  # no prefix without *
        ("bygd~n", "bygdeutvikling"),
        ("kom {heim|hjem}", "kommer hjem"),
        ("idyll*", "bondeidyll"),
        ("fred og ro", "fred\x00og ro"),  # masked content breaks a phrase
        ("Norges aller? vakreste", "Norges mest vakreste"),
    ],
)
def test_token_does_not_match(token, text):
    assert not matches(token, text)


@pytest.mark.parametrize("token", ["", "bygd{a|en", "ny? bygd", "~n", "re:(unclosed", "bygd~n*x", "legges {_}? ned", "re:(?i)sos"])
def test_bad_tokens_are_rejected(token):
    with pytest.raises(TokenError):
        compile_token(token)


@pytest.mark.parametrize(
    ("tokens", "text", "found"),
    [
        (["*idyll", "fred og ro"], "en bondeidyll", True),  # a wildcard start disables the first-letter look-ahead
        (["{ro|*idyll}", "fred"], "småbruksidyll", True),
        (["fred og ro", "{heim|hjem}"], "Fred og ro", True),
        (["fred og ro", "{heim|hjem}"], "en bondeidyll", False),
        (["re:\\d+ ?%", "natur~n"], "hele 85 % og naturen", True),
    ],
)
def test_compiled_rule_patterns(tokens, text, found):
    assert (compile_tokens(tokens).search(text) is not None) is found


def test_needles_are_a_safe_pre_check():
    assert needles(["kom {heim|hjem}", "*idyll~n"]) == ("idyll", "kom")
    assert needles(["_ bygda"]) is None
    assert needles(["re:x"]) is None
