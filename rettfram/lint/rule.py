"""The shape of a rule file: one file per rule id, ``rettfram/rules/<rule-id>.yaml``, with every
language inside it (Vale-style: one YAML file per rule; the loader in ``pack.py``).

A file holds what the rule is, once: ``id`` (``category.name``, the file name), ``category``
(sos, cliche, target, claim, evidence), ``level`` (error, warning, info), ``kind`` (below),
``enabled`` (false: off unless ``enable``d in rettfram.toml), ``unless`` when it is a named
condition, ``max``, ``scope``, ``needs``, ``check`` and ``fallback`` (below), ``message`` and
``suggestion`` (nb, nn and en; ``{match}`` is the words found), ``source`` (``seed``,
``passage``, ``quote``: where in the research the rule comes from); and under ``languages``,
per language code (nb, nn, en …), what is said differently in each: ``tokens`` (the words, in
the syntax of ``lint/tokens.py``), ``swap``, ``unless`` when it is a list of tokens, ``with``,
and ``examples`` (``fail`` and ``pass``, run as tests). In a ``fail`` example the words the rule
must report are marked ``[[like this]]``: the test asserts exactly those words, at exactly that
line and column, and no others. Rules of kind ``meta`` and ``data`` have no languages: their
``examples`` stand at the top.

Kinds:

- ``existence``: every match of ``tokens`` is a finding.
- ``substitution``: ``swap`` maps a wrong phrase (token syntax) to the right one; the message and
  suggestion may use ``{match}`` and ``{replacement}``.
- ``occurrence``: a finding when more than ``max`` matches of ``tokens`` fall in one ``scope``
  (sentence, block or file); reported at the first match past the limit.
- ``conditional``: like existence, ``unless`` the same sentence satisfies a condition: a named
  check (``concrete_fact``: a number, date or proper name; ``fact_or_contrast``: that, or a turn
  with "men"/"but" after the match; ``source``: a stated source, see ``lint/facts.py``) or a
  list of tokens; and, when ``with`` is given, only if one of those tokens also occurs in the
  same block, or the same sentence with ``scope: sentence`` (co-occurrence: an appeal "flytt
  hit!" in a paragraph about decline is the SOS message, either one alone is not).

``occurrence`` rules may use ``unless`` too (checked on the sentence of the reported match).
Any match directly negated (ikke, ikkje, not, never, aldri among the two words before it) is
not a finding: "Vi er ikke et sted for alle" is honest.
- ``claim``: the words make a promise ("ledige boliger", "jobb til to"); the rule ``needs`` a
  named data check in ``lint/backing.py`` that reads the profile. A finding when the profile's
  data do not back the promise; ``unless`` tokens in the same sentence (``ingen``, ``no``)
  mark an honest "nothing right now". Without a profile (a standalone Markdown file) claim
  rules do not run.
- ``similar``: no tokens; the last net. The model in ``lint/similar.py``, learned from the
  labelled corpus with ``python build.py train``, scores each sentence against honest copy per
  category; the ``similar`` rule of the category the sentence is most like reports it, if no
  rule of that category has, when the score passes ``THRESHOLD`` (``SURE`` when a rule of
  another category has flagged it), with the words that weigh most as ``{words}``.
- ``meta``: findings about the linting itself (suppression comments), raised by the engine.
- ``data``: a check of the profile's own data (freshness, sources, target groups): ``check``
  names the function in ``lint/profile_checks.py``; the message's ``{placeholders}`` are
  filled from the data. Its examples are changes to the reference profile
  (``tests/fixtures/example-profile.yaml``), dotted paths to values: ``fail`` changes make the
  check report, ``pass`` changes do not.

``fallback: true`` makes a rule a catch-all (word classes rather than phrases, such as
``cliche.tomt-skryt``): it runs after the other rules and reports only sentences that no other
rule of its category has flagged, so one cliché is not reported twice.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rettfram.findings import Category, Severity
from rettfram.lint.backing import CHECKS
from rettfram.lint.tokens import TokenError, compile_token
from rettfram.text import Text

Kind = Literal["existence", "substitution", "occurrence", "conditional", "claim", "similar", "meta", "data"]
NamedCondition = Literal["concrete_fact", "fact_or_contrast", "source"]
KINDS: tuple[str, ...] = ("existence", "substitution", "occurrence", "conditional", "claim", "similar", "meta", "data")
LANGUAGE_FIELDS = ("tokens", "swap", "unless", "with", "examples")  # what a language may say differently
_MARK = re.compile(r"\[\[([^\[\]]+)\]\]")  # no brackets inside: linear on a run of "["
RULE_ID = r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Texts(_Strict):
    """One user-facing text in bokmål, nynorsk and English."""

    nb: str = Field(min_length=1)
    nn: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def to_text(self) -> Text:
        return Text(nb=self.nb.strip(), nn=self.nn.strip(), en=self.en.strip())


class Source(_Strict):
    """Where the rule comes from: a seed report, the passage, a short quote."""

    seed: str | None = Field(default=None, description="seed file number, e.g. '002'")
    passage: str = Field(min_length=1)
    quote: str = Field(min_length=1)


def marked(example: str) -> tuple[str, list[tuple[int, int]]]:
    """A ``fail`` example without its ``[[…]]`` marks, and the spans (offsets) they marked."""
    plain, spans, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(example):
        plain.append(example[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group(1))))
        plain.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    plain.append(example[pos:])
    return "".join(plain), spans


class Examples(_Strict):
    fail: list[str] = Field(min_length=1)
    pass_: list[str] = Field(alias="pass", min_length=1)

    @field_validator("pass_")
    @classmethod
    def _pass_unmarked(cls, value):
        if any("[[" in item for item in value):
            raise ValueError("'pass' examples have no [[marks]]: nothing in them is reported")
        return value

    @property
    def failing(self) -> list[str]:
        """The ``fail`` examples as the linter reads them (marks removed)."""
        return [marked(item)[0] for item in self.fail]


class DataExamples(_Strict):
    """Changes to the reference profile: dotted path → value."""

    fail: list[dict[str, Any]] = Field(min_length=1)
    pass_: list[dict[str, Any]] = Field(alias="pass", min_length=1)


class _RuleHead(_Strict):
    """What a rule says once, whatever the language: both :class:`Rule` and :class:`RuleFile`."""

    id: str = Field(pattern=RULE_ID)
    category: Category
    level: Severity
    kind: Kind
    enabled: bool = True
    max: int | None = Field(default=None, ge=0)
    scope: Literal["sentence", "block", "file"] = "block"
    needs: str | None = Field(default=None, description="claim rules: the data check in lint/backing.py")
    check: str | None = Field(default=None, description="data rules: the check in lint/profile_checks.py")
    fallback: bool = Field(default=False, description="report only sentences no other rule of the category has flagged")
    message: Texts
    suggestion: Texts
    source: Source | None = None


class Rule(_RuleHead):
    """One rule in one language, as the engine runs it."""

    tokens: list[str] = Field(default_factory=list)
    swap: dict[str, str] = Field(default_factory=dict)
    unless: NamedCondition | list[str] | None = None
    with_: list[str] = Field(default_factory=list, alias="with")
    examples: Examples | DataExamples

    @field_validator("tokens", "swap")
    @classmethod
    def _tokens_compile(cls, value):
        for token in value:
            try:
                compile_token(token)
            except TokenError as exc:
                raise ValueError(f"token {token!r}: {exc}") from exc
        return value

    @field_validator("unless", "with_")
    @classmethod
    def _condition_compiles(cls, value):
        if isinstance(value, list):
            cls._tokens_compile(value)
        return value

    @model_validator(mode="after")
    def _kind_fields(self) -> Rule:
        problems = []
        needs_tokens = self.kind in ("existence", "occurrence", "conditional", "claim")
        if needs_tokens and not self.tokens:
            problems.append(f"kind '{self.kind}' needs 'tokens'")
        if self.kind != "substitution" and self.swap:
            problems.append("'swap' belongs to kind 'substitution'")
        if self.kind == "substitution" and (not self.swap or self.tokens):
            problems.append("kind 'substitution' needs 'swap' (wrong: right) and no 'tokens'")
        if self.kind == "conditional" and self.unless is None and not self.with_:
            problems.append("kind 'conditional' needs 'unless' or 'with'")
        if self.kind not in ("conditional", "occurrence", "claim") and self.unless is not None:
            problems.append("'unless' belongs to kinds 'conditional', 'occurrence' and 'claim'")
        if (self.kind == "claim") != (self.needs is not None):
            problems.append("'needs' is required for kind 'claim' and only allowed there")
        elif self.needs is not None and self.needs not in CHECKS:
            problems.append(f"'needs: {self.needs}' is not a check in lint/backing.py: {', '.join(sorted(CHECKS))}")
        if self.kind == "claim" and self.category is not Category.CLAIM:
            problems.append("kind 'claim' belongs to category 'claim'")
        if self.kind != "conditional" and self.with_:
            problems.append("'with' belongs to kind 'conditional'")
        if (self.kind == "occurrence") != (self.max is not None):
            problems.append("'max' is required for kind 'occurrence' and only allowed there")
        if self.kind == "similar" and (self.tokens or self.fallback or self.scope != "block"):
            problems.append("kind 'similar' has no 'tokens', 'fallback' or 'scope': it always runs last, per sentence")
        if self.kind in ("meta", "data") and (self.tokens or self.swap):
            problems.append(f"kind '{self.kind}' has no tokens: the engine raises it")
        if (self.kind == "data") != (self.check is not None):
            problems.append("'check' is required for kind 'data' and only allowed there")
        if (self.kind == "data") != isinstance(self.examples, DataExamples):
            problems.append(
                "kind 'data' has examples that change the profile (path: value); other kinds have text examples"
            )
        if isinstance(self.examples, Examples):
            unmarked = [item for item in self.examples.fail if not _MARK.search(item)]
            if unmarked:
                problems.append(f"mark the reported words in every fail example with [[…]]: {unmarked[0]!r}")
        if self.kind not in ("meta", "data") and self.id.split(".")[0] != self.category.value:
            problems.append(f"the id must start with its category: '{self.category.value}.'")
        if self.kind != "meta" and self.source is None:
            problems.append("'source' is required: which seed, which passage, a short quote")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class LanguagePart(_Strict):
    """What one language says in a rule file (``languages: {nb: …}``)."""

    tokens: list[str] = Field(default_factory=list)
    swap: dict[str, str] = Field(default_factory=dict)
    unless: list[str] | None = None
    with_: list[str] = Field(default_factory=list, alias="with")
    examples: Examples


class RuleFile(_RuleHead):
    """A rule file as written: the rule once, and per language what differs (``languages``)."""

    unless: NamedCondition | None = None
    languages: dict[str, LanguagePart] = Field(default_factory=dict)
    examples: Examples | DataExamples | None = None

    @model_validator(mode="after")
    def _languages_or_examples(self) -> RuleFile:
        if self.kind in ("meta", "data"):
            if self.languages or self.examples is None:
                raise ValueError(f"kind '{self.kind}' has 'examples' at the top and no 'languages'")
        elif not self.languages or self.examples is not None:
            raise ValueError("'languages' (nb, nn, en …) holds tokens and examples; no 'examples' at the top")
        return self

    def shared(self) -> dict[str, Any]:
        """The fields every language has in common, as a :class:`Rule` takes them."""
        data = self.model_dump(by_alias=True, exclude_none=True, exclude={"languages", "examples"})
        return data
