"""The token syntax rule files use to describe words and phrases, compiled to regular expressions.

Norwegian inflects, in two written standards, so a rule names a word once with an inflection
marker instead of listing every form or writing a regular expression. The syntax:

=================  =====================================================================
``fjord``          the word itself, whole word only (``fjord`` does not match ``fjorden``)
``fjord~n``        noun endings, bokmål and nynorsk: fjord, fjorden, fjorda, fjorder,
                   fjordar, fjordene, fjordane, fjords, fjordens ... (see NOUN_ENDINGS)
                   (a noun in -e takes -n and -r too: ``skole~n`` matches skolen, skoler;
                   nynorsk plurals drop the -e, so write ``skul~n`` for skular, skulane)
``synk~v``         verb endings: synk, synke, synker, synka, synket, synkende ...
``vakker~a``       adjective endings: vakker, vakkert, vakkere, vakkest, vakkeste ...
``{heim|hjem}``    alternatives; one word may also end in alternatives: ``bygd{|a|en}``;
                   alternatives may be phrases: ``{blir borte|dør ut}``
``*idyll``         any letters before (compounds): bondeidyll, oppvekstidyll (at most 60)
``idyll*``         any letters after: idyllisk, idylliske, idyllen (at most 60)
``vi?``            an optional word: ``redd vi? bygda`` matches "redd bygda" too
``_``              any one word
``re:<regex>``     escape hatch: the whole token is a raw regular expression (say why in
                   the rule; prefer the syntax above)
=================  =====================================================================

Between two words the text may also have a comma: ``fjell~n fjord~n`` matches "fjell, fjord".

Markers combine: ``*idyll~n``, ``{heim|hjem}~n``, and a word that is only alternatives may
give each its own marker: ``{idyll~n|livsstil~n|*paradis}``. Words in a phrase are
separated by one space in the rule; in the text any run of whitespace, including a line break,
matches it (after an optional comma). Matching ignores case, and ``'`` matches both ' and ’.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache

# Endings per marker. Bokmål and nynorsk together: a rule in either pack accepts both, since
# copy mixes them (and bokmål allows many "nynorsk-like" forms such as bygda, heim).
NOUN_ENDINGS = (
    "",
    "e",
    "a",
    "en",
    "et",
    "er",
    "ar",
    "ane",
    "ene",
    "ne",
    "s",
    "as",
    "ens",
    "ets",
    "enes",
    "anes",
    "ers",
    "n",
    "r",
    "ns",
    "rs",
)
VERB_ENDINGS = (
    "",
    "e",
    "a",
    "er",
    "ar",
    "r",
    "et",
    "te",
    "de",
    "t",
    "es",
    "ast",
    "est",
    "ende",
    "ande",
    "ing",
    "inga",
    "ingen",
)
ADJ_ENDINGS = ("", "e", "t", "ere", "are", "est", "ast", "este", "aste")
ENDINGS = {"n": NOUN_ENDINGS, "v": VERB_ENDINGS, "a": ADJ_ENDINGS}

WORD_CHARS = r"[\w\-]"  # letters and digits (Unicode: æøå), and hyphens inside compounds
# A wildcard part of a word (``*idyll``, ``idyll*``, ``_``) is at most this many characters, so a
# pattern can never scan a long run of letters from every position: matching stays linear in
# the length of the text (tests/security/test_bounded_work.py runs every pattern on 1 MB).
WILD = WORD_CHARS + "{0,60}"
LEFT = r"(?<![\w])"
RIGHT = r"(?![\w])"
GAP = r",?\s+"  # words are separated by whitespace, optionally after a comma ("fjell, fjord")
_BRACES = re.compile(r"\{([^{}]*)\}")
_MARKER = re.compile(r"~([nva])$")


class TokenError(ValueError):
    """A token that does not follow the syntax above."""


def _literal(text: str) -> str:
    return "".join("['’]" if char in "'’" else re.escape(char) for char in text)


def _body(body: str) -> str:
    """Literal text with ``{a|b}`` alternatives."""
    parts: list[str] = []
    pos = 0
    for m in _BRACES.finditer(body):
        parts.append(_literal(body[pos : m.start()]))
        options = m.group(1).split("|")
        if "_" in options:
            raise TokenError(f"'_' (any one word) stands alone, not in braces: write _ or _? in {body!r}")
        parts.append("(?:" + "|".join(_literal(o) for o in options) + ")")
        pos = m.end()
    rest = body[pos:]
    if "{" in rest or "}" in rest:
        raise TokenError(f"unbalanced braces in {body!r}")
    parts.append(_literal(rest))
    return "".join(parts)


@cache
def split_words(phrase: str) -> tuple[str, ...]:
    """Words of a phrase; spaces inside ``{…}`` do not split (alternatives may be phrases)."""
    words, current, depth = [], "", 0
    for char in phrase:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char.isspace() and depth == 0:
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    if depth != 0:
        raise TokenError(f"unbalanced braces in {phrase!r}")
    return tuple(words)


def compile_word(word: str) -> tuple[str, bool]:
    """One word of a phrase as a regex fragment, and whether the word is optional."""
    optional = word.endswith("?") and len(word) > 1
    if optional:
        word = word[:-1]
    if word == "_":
        return r"[\w]" + WILD, optional
    if word.startswith("{") and word.endswith("}") and word.count("{") == 1 and any(c in word for c in "*~ "):
        alternatives = [_phrase(alt) for alt in word[1:-1].split("|")]
        return "(?:" + "|".join(alternatives) + ")", optional
    prefix = suffix = ""
    if word.startswith("*"):
        prefix, word = r"(?<![\w\-])" + WILD, word[1:]  # from the start of the compound only
    marker = _MARKER.search(word)
    endings: tuple[str, ...] = ("",)
    if marker:
        endings = ENDINGS[marker.group(1)]
        word = word[: marker.start()]
    if word.endswith("*"):
        suffix, word = WILD, word[:-1]
    if not word or any(c in word for c in "*~?"):
        raise TokenError(f"cannot read the word {word!r}: markers are *word, word*, word~n|v|a, word?")
    ending = (
        ""
        if endings == ("",)
        else "(?:" + "|".join(sorted((re.escape(e) for e in endings), key=len, reverse=True)) + ")"
    )
    return prefix + _body(word) + ending + suffix, optional


@cache
def _phrase(phrase: str) -> str:
    words = split_words(phrase)
    if not words:
        raise TokenError("empty phrase")
    pattern = ""
    for index, word in enumerate(words):
        fragment, optional = compile_word(word)
        if index == 0:
            if optional or re.fullmatch(r"\{(?:[^{}]*\|)?\}|\{\|[^{}]*\}|\{[^{}]*\|\|[^{}]*\}", word):
                raise TokenError(f"the first word of {phrase!r} cannot be optional or empty: write it as its own token")
            pattern = f"(?:{fragment})"
        elif optional:
            pattern += f"(?:{GAP}{fragment})?"
        else:
            pattern += f"{GAP}{fragment}"
    return pattern


@cache
def compile_token(token: str) -> str:
    """A token (phrase) as a regex source, anchored on word boundaries."""
    token = token.strip()
    if not token:
        raise TokenError("empty token")
    if token.startswith("re:"):
        source = token[3:]
        try:
            re.compile(f"x|(?:{source})")  # as it will stand among other tokens: no global flags such as (?i)
        except re.error as exc:
            raise TokenError(f"invalid regular expression {source!r}: {exc}") from exc
        return source
    return LEFT + _phrase(token) + RIGHT


def compile_tokens(tokens: list[str]) -> Pattern:
    """All tokens of a rule as one case-insensitive pattern.

    For speed the word-start check is done once for all plain tokens, followed by a look-ahead
    on the letters a match can start with, instead of once per token at every position.
    """
    plain = [t.strip() for t in tokens if not t.strip().startswith("re:")]
    raw = [compile_token(t) for t in tokens if t.strip().startswith("re:")]
    prefix = ""
    if plain:
        first = needles(plain)
        ahead = ""
        open_start = any(re.match(r"\{?[^\s]*?(?:^|\|)\*", split_words(t)[0]) for t in plain)
        if first and not open_start and all(n[0].isalpha() for n in first):
            letters = sorted({n[0] for n in first} | {n[0].upper() for n in first})
            ahead = "(?=[" + "".join(re.escape(c) for c in letters) + "])"
        elif all(_starts_with_word(t) for t in plain):
            ahead = r"(?=\w)"  # no token can start on a space or punctuation: skip those positions at once
        prefix = LEFT + ahead
    return Pattern(prefix, tuple((token_needles(t), _phrase(t)) for t in plain), tuple(raw))


class Pattern:
    """A rule's tokens: one regular expression in meaning, searched token by token.

    Compiling a rule's whole alternation took most of ``lint``'s time: a rule has dozens of
    tokens, each inflected, and most cannot match a given page because a word they need does
    not occur in it. So each plain token keeps its ``needles`` (for every word it needs, literal
    text one of which occurs wherever it matches, lower case; :func:`token_needles`), is compiled
    on its own the first time a page contains a needle of every word (once per process), and
    :meth:`finditer` merges the tokens' matches the way the alternation would: the leftmost
    match, and at the same position the token listed first. ``pattern`` is the alternation itself (for tests).
    """

    __slots__ = ("prefix", "plain", "raw", "_sources", "_compiled", "_last")

    def __init__(
        self, prefix: str, plain: tuple[tuple[tuple[tuple[str, ...], ...], str], ...] = (), raw: tuple[str, ...] = ()
    ):
        self.prefix = prefix  # the word-start check (and look-ahead) before every plain token
        self.plain = plain  # (needles of each word it needs, regex source) per plain token
        self.raw = raw  # ``re:`` tokens: always searched
        self._sources = [prefix + "(?:" + src + ")" + RIGHT for _, src in plain] + [f"(?:{s})" for s in raw]
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)
        self._last: tuple[str, list[re.Pattern[str]]] = ("", [])  # the parts for the last text asked about

    def __getstate__(self) -> tuple[str, tuple[tuple[tuple[tuple[str, ...], ...], str], ...], tuple[str, ...]]:
        return self.prefix, self.plain, self.raw  # pickled (rettfram/disk_cache.py) without what this process compiled

    def __setstate__(
        self, state: tuple[str, tuple[tuple[tuple[tuple[str, ...], ...], str], ...], tuple[str, ...]]
    ) -> None:
        Pattern.__init__(self, *state)  # unpickled: built anew from the token sources

    @classmethod
    def raw_source(cls, source: str) -> Pattern:
        return cls("", (), (source,))

    @property
    def pattern(self) -> str:
        """The whole alternation as one regex source."""
        sources = [self.prefix + "(?:" + "|".join(src for _, src in self.plain) + ")" + RIGHT] if self.plain else []
        return "|".join(sources + [f"(?:{s})" for s in self.raw])

    @property
    def compiled(self) -> re.Pattern[str]:
        """The whole alternation, compiled (tests/security/linear_probe.py runs it on 1 MB)."""
        return _compile(self.pattern or r"(?!)")

    def _parts(self, text: str) -> list[re.Pattern[str]]:
        """The compiled tokens that can match somewhere in ``text``, in rule order (plain tokens
        first, as in ``pattern``); kept for the last text (compared by identity)."""
        last = self._last
        if last[0] is text:
            return last[1]
        lowered = _lowered(text)
        chosen: list[int] = []
        for index, (groups, _) in enumerate(self.plain):  # loops, not all(any(…)): this runs for every rule and text
            for group in groups:
                for needle in group:
                    if needle in lowered:
                        break
                else:
                    break  # no needle of this word occurs: the token cannot match
            else:
                chosen.append(index)
        chosen += range(len(self.plain), len(self._sources))
        parts = []
        for index in chosen:
            compiled = self._compiled[index]
            if compiled is None:
                compiled = self._compiled[index] = _compile(self._sources[index])
            parts.append(compiled)
        self._last = (text, parts)
        return parts

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        parts = self._parts(text)
        ahead: list[re.Match[str] | None] = [part.search(text, pos, endpos) for part in parts]
        while True:
            best: re.Match[str] | None = None
            for index, found in enumerate(ahead):
                if found is not None and found.start() < pos:  # overlapped by the last match: look again after it
                    found = ahead[index] = parts[index].search(text, pos, endpos)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
            if best is None:
                return
            yield best
            pos = best.end() if best.end() > best.start() else best.start() + 1

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


@cache
def _compile(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


_last_lowered: tuple[str, str] = ("", "")


def _lowered(text: str) -> str:
    """``text.lower()``, computed once for the document every rule searches in turn (the last
    text asked for is kept, compared by identity; one tuple, read and replaced whole)."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    _last_lowered = (text, text.lower())
    return _last_lowered[1]


def _starts_with_word(token: str) -> bool:
    """True when every way the token can start is a letter or digit (not ``%``, not ``«``)."""
    first = split_words(token)[0]
    options = first[1 : first.index("}")].split("|") if first.startswith("{") else [first]
    return all(option.lstrip("*")[:1].isalnum() or option.lstrip("*")[:1] == "_" for option in options)


def _word_needles(word: str) -> list[str] | None:
    """Literal text one of which must occur (lower case) wherever ``word`` matches; None: unknown."""
    word = word.rstrip("?").lstrip("*")
    word = _MARKER.sub("", word).rstrip("*")
    if word.startswith("{") and word.endswith("}") and word.count("{") == 1:
        needles: list[str] = []
        for alt in word[1:-1].split("|"):
            first = split_words(alt)[0] if alt.strip() else ""
            found = _word_needles(first) if first else None
            if not found:
                return None
            needles += found
        return needles
    literal = re.split(r"[{'’*~]", word)[0].lower()
    return [literal] if literal else None


def needles(tokens: list[str]) -> tuple[str, ...] | None:
    """A cheap pre-check for a rule: if none of these strings occurs in the lower-cased text,
    no token can match and the rule's regex need not run. None means "always run" (a token
    starts with ``re:``, ``_`` or an optional word)."""
    out: list[str] = []
    for token in tokens:
        if token.strip().startswith("re:"):
            return None
        words = split_words(token.strip())
        first = words[0] if words else "_"
        found = None if first == "_" or first.endswith("?") else _word_needles(first)
        if not found:
            return None
        out += found
    return tuple(sorted(set(out)))


@cache
def token_needles(token: str) -> tuple[tuple[str, ...], ...]:
    """For each word of the plain ``token`` that must be there (not ``_``, not optional), the
    literal text one of which occurs (lower case) wherever the word matches: the token can only
    match a text that has one needle of every word. In "vi {trenger|treng} deg" that is ("vi",),
    ("trenger", "treng") and ("deg",). A word whose needles are unknown adds nothing."""
    groups = []
    for word in split_words(token.strip()):
        if word == "_" or (word.endswith("?") and len(word) > 1):
            continue
        found = _word_needles(word)
        if found:
            groups.append(tuple(sorted(set(found))))
    return tuple(groups)
