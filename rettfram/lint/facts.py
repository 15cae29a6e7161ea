"""Sentence splitting and the named conditions ``conditional`` rules can use in ``unless``.

``concrete_fact``: the sentence carries something a reader can check: a number (any digit:
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

from rettfram.lint.document import Span
from rettfram.register import municipalities

_ABBREVIATIONS = ("St", "Sr", "Dr", "Mr", "Mrs", "Ms", "Jr", "ca", "kl", "nr", "tlf", "tel", "jf", "bl.a", "f.eks", "dvs", "ev", "evt")
# a full stop after an abbreviation ("St. Olavs hospital", "kl. 19") does not end a sentence
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS) + r"(?<![.!?…])[.!?…]+[\"»”')\]]*(?=\s+[«\"“(]?[A-ZÆØÅ])"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_DIGIT = re.compile(r"\d")
_MONTH = re.compile(
    r"(?<!\w)(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    r"january|february|march|june|july|october|december)(?!\w)",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"(?<!\w)(?:kilde|kjelde|ifølge|i følge|ifølgje|i følgje|etter tal frå|tall fra|tal frå|kåret|kåra|"
    r"source|sources|according to|data from|figures from|rated|named|ranked|voted|SSB|Statistisk sentralbyrå|"
    r"Statistics Norway)(?!\w)|\([^()]*\d{4}[^()]*\)",
    re.IGNORECASE,
)
_AFTER_BREAK = re.compile(r"(?:[:–—!?]|[\U0001F300-\U0001FAFF\u2600-\u27BF])\s*$")  # a break, or an emoji, before the capital
VAGUE_NAMES = frozenset(
    {
        "norge", "noreg", "norway", "norwegian", "norsk", "skandinavia", "scandinavia", "europa", "europe",
        "nord-norge", "sør-norge", "vestlandet", "østlandet", "sørlandet", "trøndelag", "i", "the",
        # regions and landscapes: naming one is not a checkable fact ("naturen i Lofoten")
        "finnmark", "troms", "nordland", "helgeland", "lofoten", "vesterålen", "namdalen", "fosen",
        "nordmøre", "romsdal", "sunnmøre", "fjordane", "sogn", "hardanger", "sunnhordland", "ryfylke",
        "jæren", "agder", "telemark", "hallingdal", "valdres", "gudbrandsdalen", "østerdalen",
        "setesdal", "innlandet", "fjord-norge", "arctic", "lapland",
        "solør", "salten", "ofoten", "senja", "nordfjord", "sunnfjord", "dalane", "numedal",
        "inntrøndelag", "hedmarken", "toten", "hadeland", "ringerike", "nordhordland", "midt-telemark",
        "vest-telemark", "nord-troms", "sør-troms", "øst-finnmark", "vest-finnmark", "kysten",
        "midt-norge", "vest-norge", "øst-norge", "nord-norge",
        # English compass and landscape words capitalised in names ("Western Norway", "the Northern Lights")
        "western", "northern", "southern", "eastern", "central", "lights", "light", "alps",
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
_LANDSCAPE = re.compile(r"(?:sjø|sjøen|vatn|vatnet|vann|vannet|fjord|fjorden|fjell|fjellet|marka|skog|skogen|dal|dalen|"
                        r"øya|elva|breen|tind|tinden|heia|vidda)$")


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


def has_concrete_fact(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    before, after = text[sentence.start : skip.start], text[skip.end : sentence.end]
    outside = before + " " + after
    if _DIGIT.search(outside) or _MONTH.search(outside):
        return True
    return has_proper_name(text, sentence, skip, place_names)


_CONTRAST = re.compile(r"(?<!\w)(?:men|but|however|likevel|though|although)(?!\w)", re.IGNORECASE)


def has_fact_or_contrast(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    if _CONTRAST.search(text, skip.end, sentence.end):
        return True
    return has_concrete_fact(text, sentence, skip, place_names)


def has_source(text: str, sentence: Span, skip: Span, place_names: tuple[str, ...] = ()) -> bool:
    return bool(_SOURCE.search(text, sentence.start, sentence.end))


CONDITIONS = {"concrete_fact": has_concrete_fact, "fact_or_contrast": has_fact_or_contrast, "source": has_source}
