"""Sentence splitting and the named conditions ``conditional`` rules can use in ``unless``.

``concrete_fact``: the match's own clause carries something a reader can check: a number (any digit:
figures, years, times, distances, phone numbers), a month (a date), or a proper name: a word
with a capital letter that is not the first word of the sentence. Not counted as names: the
words of the match itself ("Norges vakreste"), vague place words ("Norge", "Vestlandet", see
VAGUE_NAMES) and landscape names (a lake, fjord, mountain or forest: "Storsjøen", "Finnskogen"),
the municipality's own names (``place_names`` from the lint context: "Fred og ro
i Lysvik" is still the cliché), and capitals in Title Case headings.

``fact_or_contrast``: a concrete fact, or the sentence turns after the match with "men", "but",
"likevel", "however" ("Det er sjelden kø, men veien over fjellet stenges noen dager hver
vinter"): a balanced statement, not a sell.

``source``: the sentence names where a statement comes from ("ifølge SSB", "kilde:", "according
to", a citation such as "(NIBR 2012)").
"""

from __future__ import annotations

import re
from pathlib import Path

import babel
from babel import Locale

from rettfram import disk_cache, i18n
from rettfram.lint.document import Span
from rettfram.register import municipalities

_ABBREVIATIONS = (
    "St",
    "Sr",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Jr",
    "ca",
    "kl",
    "nr",
    "tlf",
    "tel",
    "jf",
    "bl.a",
    "f.eks",
    "dvs",
    "ev",
    "evt",
)
# a full stop after an abbreviation ("St. Olavs hospital", "kl. 19") does not end a sentence
_CAPITAL = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻĀ-ĪĖĮŠŪŲŽА-ЯЁЄІЇҐ"  # Latin (with Polish and Lithuanian) and Cyrillic capitals
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
    + r"(?<![.!?…])[.!?…]+[\"»”')\]]*(?=\s+[«\"“„(]?["
    + _CAPITAL
    + "])"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_DIGIT = re.compile(r"\d")


def _month_names() -> list[str]:
    """Month names in every site language, from CLDR (Babel) for each catalogue's locale, in
    every form a date uses ("1. mars", "March 1", "1 marca"); English "may" stays out: it is an
    ordinary word too. Kept between runs (``disk_cache``): reading six locales' CLDR data is a
    sixth of ``lint``'s start-up."""
    langs = i18n.available()

    def read() -> list[str]:
        names = {
            str(name).lower()
            for lang in langs
            for context in ("format", "stand-alone")
            for name in Locale.parse(lang).months[context]["wide"].values()
        }  # the language's CLDR data; no catalogue read
        return sorted(names - {"may"}, key=len, reverse=True)

    return disk_cache.cached(
        "months", Path(babel.__file__).parent, [babel.__version__.encode(), " ".join(langs).encode()], read
    )


_MONTH = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _month_names())) + r")(?!\w)", re.IGNORECASE)
_SOURCE = re.compile(
    r"(?<!\w)(?:kilde|kjelde|ifølge|i følge|ifølgje|i følgje|etter tal frå|tall fra|tal frå|kåret|kåra|"
    r"source|sources|according to|data from|figures from|rated|named|ranked|voted|SSB|Statistisk sentralbyrå|"
    r"Statistics Norway|według|źródło|źródła|dane z|dane GUS)(?!\w)|\([^()]*\d{4}[^()]*\)",
    re.IGNORECASE,
)
_AFTER_BREAK = re.compile(
    r"(?:[:–—!?]|[\U0001F300-\U0001FAFF\u2600-\u27BF])\s*$"
)  # a break, or an emoji, before the capital
VAGUE_NAMES = frozenset(
    {
        "norge",
        "noreg",
        "norway",
        "norwegian",
        "norsk",
        "skandinavia",
        "scandinavia",
        "europa",
        "europe",
        "nord-norge",
        "sør-norge",
        "vestlandet",
        "østlandet",
        "sørlandet",
        "trøndelag",
        "i",
        "the",
        # regions and landscapes: naming one is not a checkable fact ("naturen i Lofoten")
        "finnmark",
        "troms",
        "nordland",
        "helgeland",
        "lofoten",
        "vesterålen",
        "namdalen",
        "fosen",
        "nordmøre",
        "romsdal",
        "sunnmøre",
        "fjordane",
        "sogn",
        "hardanger",
        "sunnhordland",
        "ryfylke",
        "jæren",
        "agder",
        "telemark",
        "hallingdal",
        "valdres",
        "gudbrandsdalen",
        "østerdalen",
        "setesdal",
        "innlandet",
        "fjord-norge",
        "arctic",
        "lapland",
        "solør",
        "salten",
        "ofoten",
        "senja",
        "nordfjord",
        "sunnfjord",
        "dalane",
        "numedal",
        "inntrøndelag",
        "hedmarken",
        "toten",
        "hadeland",
        "ringerike",
        "nordhordland",
        "midt-telemark",
        "vest-telemark",
        "nord-troms",
        "sør-troms",
        "øst-finnmark",
        "vest-finnmark",
        "kysten",
        "midt-norge",
        "vest-norge",
        "øst-norge",
        # English compass and landscape words capitalised in names ("Western Norway", "the Northern Lights")
        "western",
        "northern",
        "southern",
        "eastern",
        "central",
        "lights",
        "light",
        "alps",
        # Polish forms of the same ("w Norwegii", "na północy Norwegii")
        "norwegia",
        "norwegii",
        "norwegię",
        "norwegią",
        "skandynawia",
        "skandynawii",
        "europy",
        "europie",
        "w",
        "na",
    }
    # every municipality and county in the register: naming one is not a checkable fact either
    | {name.lower() for m in municipalities().values() for name in (m.name, m.name_official, m.county)}
)


def split_sentences(text: str, block: Span) -> list[Span]:
    """Sentence spans inside one block of masked text."""
    spans = []
    start = block.start
    for m in _SENTENCE_END.finditer(text, block.start, block.end):
        spans.append(Span(start, m.end()))
        start = m.end()
    spans.append(Span(start, block.end))
    return [s for s in spans if text[s.start : s.end].strip()]


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "’": "'"})


def _base(word: str) -> str:
    """Lower case, ASCII-folded (folder slugs have no æøå), without a genitive s."""
    word = word.lower().translate(_FOLD)
    for suffix in ("'s", "s"):
        if word.endswith(suffix) and len(word) > 3:
            return word[: -len(suffix)]
    return word


_VAGUE = frozenset(_base(v) for v in VAGUE_NAMES)


# A named lake, fjord, mountain or forest ("Idyllisk oppvekst ved Storsjøen", "the magic of
# Finnskogen") locates the scenery; it does not make a selling point checkable.
_LANDSCAPE = re.compile(
    r"(?:sjø|sjøen|vatn|vatnet|vann|vannet|fjord|fjorden|fjell|fjellet|marka|skog|skogen|dal|dalen|"
    r"øya|elva|breen|tind|tinden|heia|vidda)$"
)


def has_proper_name(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    places = {_base(p) for name in place_names for p in [name, *name.split()]}
    words = [m for m in _WORD.finditer(text, sentence.start, sentence.end)]
    later = words[1:]
    capitals = [m for m in later if m.group()[0].isupper()]
    if len(later) >= 3 and len(capitals) * 2 > len(later):
        return False  # Title Case: capitals say nothing
    for m in capitals:
        if skip.start <= m.start() < skip.end:
            continue
        if _AFTER_BREAK.search(text, sentence.start, m.start()):
            continue
        base = _base(m.group())
        if base in _VAGUE or base in places or _LANDSCAPE.search(m.group().lower()):
            continue
        return True
    return False


def clause(text: str, sentence: Span, skip: Span) -> Span:
    """The clause of ``sentence`` that holds ``skip`` (the match): bounded by «;» and by the
    words that join clauses («og», «and», «samt», «mens», «while») outside the match; a colon
    after the match opens an explanation that runs to the end. A fact must stand there to be
    about the thing praised: in «Vi har 14 ledige stillinger og naturen rett utenfor døra» the
    figure is about the jobs, not the nature."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_JOIN.finditer(text, sentence.start, skip.start):
        start = m.end()
    following = _CLAUSE_JOIN.search(text, skip.end, sentence.end)
    if following and ":" not in text[skip.end : following.start()]:  # «Ingen kø: bussen går …» explains to the end
        end = following.start()
    return Span(start, end)


_CLAUSE_JOIN = re.compile(r";|(?<!\w)(?:og|and|samt|mens|while)(?!\w)", re.IGNORECASE)


def has_concrete_fact(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    """A number, a month or a proper name in the match's own clause (see :func:`clause`)."""
    own = clause(text, sentence, skip)
    before, after = text[own.start : skip.start], text[skip.end : own.end]
    outside = before + " " + after
    if _DIGIT.search(outside) or _MONTH.search(outside):
        return True
    return has_proper_name(text, own, skip, place_names)


_CONTRAST = re.compile(
    r"(?<!\w)(?:men|but|however|likevel|though|although|ale|jednak|choć|chociaż)(?!\w)", re.IGNORECASE
)


def has_fact_or_contrast(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    if _CONTRAST.search(text, skip.end, sentence.end):
        return True
    return has_concrete_fact(text, sentence, skip, place_names)


def has_source(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    return bool(_SOURCE.search(text, sentence.start, sentence.end))


CONDITIONS = {"concrete_fact": has_concrete_fact, "fact_or_contrast": has_fact_or_contrast, "source": has_source}


# A sentence that discusses the phenomenon rather than doing it: a researcher or a study, a
# critic or a newcomer quoted, municipalities or campaigns in general as the subject, a share
# of movers as a statistic, a research institute named, a verdict on what campaigns achieve
# ("dødfødt", "hjelper lite", "liten effekt"). "Færre enn éin av fem som flytta ut, har kome tilbake" reports on
# returnees; "Mange kommunar lokkar med flott natur, seier rådgjevaren" criticises clichés.
_DISCUSSION = re.compile(
    r"(?<!\w)(?:forskar(?:en|ane|ar)?|forsker(?:en|ne|e)?|researchers?|studien|studia\s+(?:viser|viste|syner|"
    r"synte|fann|finn|frå|om)|the study|rapporten|the report|"
    r"undersøking(?:a|ar)?|undersøkelsen|undersøkelser|a survey|bygdeforskar\w*|bygdeforsker\w*|bygdesosiolog\w*|"
    r"(?:mange|alle|dei fleste|de "
    r"fleste|fleire|flere|many|most|other|andre)\s+(?:små)?(?:kommunar|kommuner|distriktskommun\w*|municipalities|"
    r"councils|bygdekommun\w*)|kommunane|kommunene|the municipalities|kampanjane|kampanjene|the campaigns|"
    r"(?:éin|én|ein|en|one|to|two|tre|three|fire|four)\s+av\s+(?:fem|ti|tre|fire|five|ten|three|four)|(?:one|"
    r"two|three) in (?:five|ten|three|four)|"
    r"langt\s+(?:frå|fra)\s+alle|far\s+from\s+all|\w*kampanj(?:er|ar|ene|ane)|"
    r"ifølge|ifølgje|according\s+to|\w*(?:framskriving|fremskriving)\w*|(?:population\s+)?projections|"
    r"\d+\s*(?:prosent|%|per cent|percent)\s+(?:av|of)|"
    r"distriktssenteret|telemarksforsking|nordlandsforskning|østlandsforskning|vestlandsforsking|norce|nibr|"
    r"statistisk\s+sentralbyrå|statistics\s+norway|andelen|the\s+(?:share|proportion)\s+of|"
    r"dødfødt\w*|(?:hjelper|hjelp|nyttar|nytter)\s+(?:det\s+)?lite|(?:gir|gjev|gir\s+det)\s+(?:bedre|betre|lite|"
    r"liten|lita)\s+uttelling|"
    r"(?:liten|lita)\s+effekt|little\s+effect|lite\s+som\s+tyder\s+på|"
    r"(?:seier|sier|meiner|mener|skriv|skriver|says|writes|argues)\s+(?:\w*forskar\w*|\w*forsker\w*|professor\w*|the "
    r"professor|rådgje\w*|rådgiv\w*|"
    r"redaktør\w*|kritik\w*|tilflyttar\w*|tilflytter\w*|paret|the researcher|a researcher|critics?|the editor))(?!\w)",
    re.IGNORECASE,
)


def discusses(text: str, sentence: Span) -> bool:
    """True when the sentence discusses campaigns, movers or municipalities rather than selling."""
    return bool(_DISCUSSION.search(text, sentence.start, sentence.end))
