"""The engine: run compiled rules over a document and turn matches into findings.

One checker per rule kind, in the explicit ``CHECKERS`` table. Each checker gets the rule, the
document (blocks already split into sentences) and a :class:`LintContext`, and yields
:class:`Hit` objects; the engine turns hits into findings with exact positions.

Extension point: the ``claim`` kind (copy says more than the profile's data) will be one more
checker here, ``check_claim(rule, doc, context)``, reading ``context.profile``; the profile
checker builds the context. Nothing else in the engine needs to change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rettfram.findings import Finding
from rettfram.lint.backing import CHECKS, ClaimInput
from rettfram.lint.corpus import CATEGORIES
from rettfram.lint.document import Document, Span
from rettfram.lint.facts import CONDITIONS, discusses, split_sentences
from rettfram.lint.pack import CompiledRule
from rettfram.lint.similar import Model, Verdict, load_model, words
from rettfram.load import SourceMap
from rettfram.model import Profile
from rettfram.text import Text


@dataclass(frozen=True)
class LintContext:
    """What the engine may know besides the text itself.

    ``place_names``: the municipality's own names (from the folder name now, from the profile
    later); a cliché that only names the place itself is still a cliché.
    ``profile`` and ``today``: the municipality's profile and the date, for ``claim`` rules;
    without a profile (a standalone Markdown file) claim rules do not run.
    """

    place_names: tuple[str, ...] = ()
    profile: Profile | None = None
    today: dt.date | None = None
    source: SourceMap | None = None  # where the profile's values stand, to point a claim at its data
    model: Model | None = None  # the similar rules' model; None: the committed one (bench/ passes its own)


@dataclass(frozen=True)
class Hit:
    rule: CompiledRule
    start: int
    end: int
    replacement: str = ""
    data: Text | None = None  # claim rules: what the profile's data say
    words: str = ""  # similar rules: the words that weigh most


@dataclass
class Prepared:
    """A document with its sentences split once for all rules."""

    doc: Document
    sentences: dict[Span, list[Span]] = field(default_factory=dict)
    lowered: str = ""
    flagged: dict[Span, set[str]] = field(
        default_factory=dict
    )  # sentence -> categories reported in it by rules other than the similar ones
    verdicts: dict[Span, dict[str, Verdict]] = field(default_factory=dict)  # the similar model's, once per sentence

    def __post_init__(self) -> None:
        self.lowered = self.doc.masked.lower()
        for block in self.doc.blocks:
            self.sentences[block] = split_sentences(self.doc.masked, block)

    def sentence_at(self, pos: int) -> Span:
        """The sentence (or, outside any, the block) that holds ``pos``."""
        for block, sentences in self.sentences.items():
            if block.start <= pos < block.end:
                return _holding(sentences, pos, block)
        return Span(pos, pos)

    def matches(self, rule: CompiledRule) -> Iterator[tuple[Span, Span, int, int]]:
        """(block, sentence, start, end) of every match of the rule's tokens, negated ones left out.

        A question is answered by the sentence after it ("Vil du ha naturen tett på? Turstien er
        3,5 km …"), so for a question the sentence span reaches over the next sentence too: a
        concrete fact there counts for the question.
        """
        assert rule.pattern is not None
        text = self.doc.masked
        for block, sentences in self.sentences.items():
            for m in rule.pattern.finditer(text, block.start, block.end):
                sentence = _with_answer(text, sentences, _holding(sentences, m.start(), block))
                if not negated(text, sentence.start, m.start()):
                    yield block, sentence, m.start(), m.end()


def _holding(sentences: list[Span], pos: int, default: Span) -> Span:
    return next((s for s in sentences if s.start <= pos < s.end), default)


def _with_answer(text: str, sentences: list[Span], sentence: Span) -> Span:
    """A question together with the sentence after it, if there is one; any other sentence as it is."""
    if sentence in sentences and text[sentence.start : sentence.end].rstrip().endswith("?"):
        index = sentences.index(sentence)
        if index + 1 < len(sentences):
            return Span(sentence.start, sentences[index + 1].end)
    return sentence


NEGATIONS = frozenset({"ikke", "ikkje", "not", "never", "aldri", "isn't", "aren't", "don't", "doesn't", "nie", "nigdy"})
EXISTENTIAL = (["nie", "ma"], ["nie", "będzie"], ["nie", "było"])  # a negation that says something is absent
_WORDS = re.compile(r"[\w'’]+")


_CLAUSE_BREAK = re.compile(r"[,;:–—]")


def negated(text: str, sentence_start: int, start: int) -> bool:
    """True when one of the two words right before ``start``, in the same clause, negates the match
    ("Om du ikkje kjem, kven skal …": the "ikkje" belongs to the clause before the comma)."""
    window = text[max(sentence_start, start - 40) : start]
    before = [word.lower().replace("’", "'") for word in _WORDS.findall(_CLAUSE_BREAK.split(window)[-1])[-2:]]
    if before in EXISTENTIAL:
        return False  # Polish "nie ma X" is "there is no X": "U nas nie ma wyścigu szczurów" sells, it does not deny
    return any(word in NEGATIONS for word in before)


def satisfied(rule: CompiledRule, text: str, sentence: Span, start: int, end: int, context: LintContext) -> bool:
    """Does the sentence meet the rule's ``unless`` condition (so the match is not a finding)?"""
    if rule.rule.unless is None:
        return False
    if rule.unless is not None:
        return bool(rule.unless.search(text, sentence.start, sentence.end))
    return CONDITIONS[str(rule.rule.unless)](text, sentence, Span(start, end), context.place_names)


NET_CATEGORIES = frozenset(CATEGORIES)  # what the similar model knows: sos, cliche, target
Checker = Callable[[CompiledRule, Prepared, LintContext], Iterable[Hit]]


def check_existence(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    for _, _, start, end in prepared.matches(rule):
        yield Hit(rule, start, end)


def check_conditional(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    text = prepared.doc.masked

    def counts(m: re.Match[str], start: int, end: int) -> bool:
        """A co-occurring token counts if it is not the match itself and its own sentence does not
        meet the rule's named ``unless`` either: a decline reported with a source (SSB) is news,
        not the stake of an appeal in the next sentence."""
        if m.start() < end and start < m.end():
            return False
        if isinstance(rule.rule.unless, str):
            return not satisfied(rule, text, prepared.sentence_at(m.start()), m.start(), m.end(), context)
        return True

    for block, sentence, start, end in prepared.matches(rule):
        within = sentence if rule.rule.scope == "sentence" else block
        if rule.with_ is not None and not any(
            counts(m, start, end) for m in rule.with_.finditer(text, within.start, within.end)
        ):
            continue  # the co-occurring token must be somewhere else in the block (or sentence)
        if not satisfied(rule, text, sentence, start, end, context):
            yield Hit(rule, start, end)


def check_substitution(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    text = prepared.doc.masked
    for block in prepared.doc.blocks:
        for swap in rule.swaps:
            for m in swap.pattern.finditer(text, block.start, block.end):
                yield Hit(rule, m.start(), m.end(), swap.replacement)


def check_occurrence(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    limit = rule.rule.max or 0
    counts: dict[object, int] = {}
    text = prepared.doc.masked
    for block, sentence, start, end in prepared.matches(rule):
        scope = {"sentence": sentence, "block": block, "file": None}[rule.rule.scope]
        counts[scope] = counts.get(scope, 0) + 1
        if counts[scope] == limit + 1 and not satisfied(rule, text, sentence, start, end, context):
            yield Hit(rule, start, end)


def check_similar(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    """A sentence no rule of this category flagged that the corpus model finds clearly like it.

    Only the category the sentence is most like reports, past the model's ``threshold``; in a
    sentence a rule of another category flagged already (an SOS appeal that is also aimed only at
    returnees) it needs the model's ``sure``. Other ``similar`` rules do not count as flagging, so their order does not
    matter.
    """
    text = prepared.doc.masked
    model = context.model or load_model()
    own_names = {w for name in context.place_names for w in words(name)}
    category = rule.rule.category.value
    for sentences in prepared.sentences.values():
        for sentence in sentences:
            flagged = prepared.flagged.get(sentence, set())
            if category in flagged:
                continue  # a rule that can name its words has spoken
            chunk = text[sentence.start : sentence.end]
            if sentence not in prepared.verdicts:
                prepared.verdicts[sentence] = model.verdicts(chunk, skip=own_names)
            verdicts = prepared.verdicts[sentence]
            verdict = verdicts.get(category)
            if verdict is None:
                continue
            most_like = max(verdicts.values(), key=lambda v: v.score) is verdict
            if most_like and (verdict.score > model.sure or not flagged & NET_CATEGORIES):
                start = sentence.start + len(chunk) - len(chunk.lstrip())  # at the sentence's first word
                yield Hit(rule, start, sentence.end, words=", ".join(f"«{w}»" for w in verdict.words))


def check_claim(rule: CompiledRule, prepared: Prepared, context: LintContext) -> Iterator[Hit]:
    """A promise in the copy that the profile's data do not back (see ``lint/backing.py``)."""
    if context.profile is None or context.today is None:
        return
    text = prepared.doc.masked
    check = CHECKS[str(rule.rule.needs)]
    for _, sentence, start, end in prepared.matches(rule):
        if rule.unless is not None and rule.unless.search(text, sentence.start, sentence.end):
            continue  # "ingen ledige boliger akkurat nå" is honest, not a promise
        claim = ClaimInput(
            profile=context.profile,
            today=context.today,
            sentence=" ".join(text[sentence.start : sentence.end].split()),
            match=text[start:end],
            after=" ".join(text[end : sentence.end].split()),
        )
        verdict = check(claim)
        if not verdict.backed:
            data = verdict.data
            if context.source is not None:
                pos = context.source.locate(verdict.where, key=True)
                where = f" ({context.source.path}:{pos.line})"
                data = data + Text(where, where, where)
            yield Hit(rule, start, end, data=data)


CHECKERS: dict[str, Checker] = {
    "existence": check_existence,
    "conditional": check_conditional,
    "substitution": check_substitution,
    "occurrence": check_occurrence,
    "claim": check_claim,
    "similar": check_similar,
}


def fill(text: Text, /, **params: str | Text) -> Text:
    """Fill ``{name}`` placeholders without tripping over other braces; a Text fills per language."""

    def one(value: str | None, lang: str) -> str | None:
        if value is None:
            return None
        for key, param in params.items():
            value = value.replace("{" + key + "}", param.render(lang) if isinstance(param, Text) else param)
        return value

    return Text(nb=one(text.nb, "nb") or "", en=one(text.en, "en") or "", nn=one(text.nn, "nn"))


def finding(doc: Document, rule: CompiledRule, start: int, /, end: int | None = None, **params: str | Text) -> Finding:
    position = doc.position(start)
    stop = doc.position(end) if end is not None else None
    return Finding(
        path=doc.path,
        line=position.line,
        column=position.column,
        rule=rule.id,
        category=rule.rule.category,
        severity=rule.rule.level,
        message=fill(rule.rule.message.to_text(), **params),
        suggestion=fill(rule.rule.suggestion.to_text(), **params),
        end_line=stop.line if stop else None,
        end_column=stop.column if stop else None,
    )


def _catch_alls_last(rule: CompiledRule) -> tuple[bool, bool]:
    """Specific rules first, then ``fallback`` rules, then the ``similar`` rules (in their given order)."""
    return rule.rule.kind == "similar", rule.rule.fallback


def lint_document(doc: Document, rules: Iterable[CompiledRule], context: LintContext | None = None) -> list[Finding]:
    """Findings of ``rules`` in ``doc``, one per rule and position, unsorted."""
    context = context or LintContext()
    prepared = Prepared(doc)
    seen: set[tuple[str, int]] = set()
    findings = []
    for rule in sorted(rules, key=_catch_alls_last):
        checker = CHECKERS.get(rule.rule.kind)
        if checker is None or not rule.may_match(prepared.lowered):
            continue  # meta rules are raised by the suppression pass; most rules cannot match
        for hit in checker(rule, prepared, context):
            if (rule.id, hit.start) in seen:
                continue
            if (
                rule.rule.category.value in NET_CATEGORIES
                and rule.rule.kind != "substitution"
                and discusses(doc.masked, prepared.sentence_at(hit.start))
            ):
                continue  # research, statistics, a critic: talking about overselling is not overselling
            flagged = prepared.flagged.setdefault(prepared.sentence_at(hit.start), set())
            if rule.rule.fallback and rule.rule.category.value in flagged:
                continue  # a specific rule already reported this sentence
            seen.add((rule.id, hit.start))
            if rule.rule.kind != "similar":
                flagged.add(rule.rule.category.value)
            match = " ".join(doc.masked[hit.start : hit.end].split())
            end = hit.start + len(doc.masked[hit.start : hit.end].rstrip())
            findings.append(
                finding(
                    doc,
                    rule,
                    hit.start,
                    end,
                    match=match,
                    replacement=hit.replacement,
                    data=hit.data or "",
                    words=hit.words,
                )
            )
    return findings
