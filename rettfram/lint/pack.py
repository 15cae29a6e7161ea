"""Rule packs: every ``rettfram/rules/<rule-id>.yaml``, validated, split into one pack per language.

A rule file holds one rule in every language (``rule.RuleFile``); the loader checks each file,
that its file name is its id, and builds from it one :class:`Rule` per language (the shared
fields plus that language's tokens and examples), compiling the tokens once. Packs are what
the engine runs: ``nb``, ``nn``, ``en``, ``meta`` (suppressions) and ``data`` (the profile's
own data). A broken rule file stops loading with a :class:`RuleFileError` that names the file
and every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from rettfram.disk_cache import cached
from rettfram.errors import UserError
from rettfram.lint.rule import LanguagePart, Rule, RuleFile
from rettfram.lint.tokens import Pattern, compile_token, compile_tokens, needles
from rettfram.text import Text

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
PACK_LANGS: tuple[str, ...] = ("nb", "nn", "en", "pl")  # languages with a rule pack
META = "meta"  # rules about the linting itself (suppression comments)
DATA = "data"  # rules about the profile's own data (lint/profile_checks.py)


class RuleFileError(UserError):
    """A rule file that cannot be used; the message names the file."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(Text(f"Ugyldig regelfil: {path}\n{lines}", f"Invalid rule file: {path}\n{lines}"))


@dataclass(frozen=True)
class Swap:
    pattern: Pattern
    replacement: str


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    lang: str  # the pack: nb, nn, en, meta or data
    path: Path
    pattern: Pattern | None  # compiled when first used
    swaps: tuple[Swap, ...]
    unless: Pattern | None
    with_: Pattern | None = None
    needles: tuple[str, ...] | None = None  # a literal pre-check: skip the regex when none occurs

    def may_match(self, lowered: str) -> bool:
        return self.needles is None or any(n in lowered for n in self.needles)

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass(frozen=True)
class RulePack:
    lang: str
    rules: tuple[CompiledRule, ...]

    def get(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _problems(exc: ValidationError, within: tuple[str, ...] = ()) -> list[str]:
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in (*within, *error["loc"])) or "(fila / the file)"
        out.append(f"{where}: {error['msg']}")
    return out


def compile_rule(rule: Rule, lang: str, path: Path) -> CompiledRule:
    return CompiledRule(
        rule=rule,
        lang=lang,
        path=path,
        pattern=compile_tokens(rule.tokens) if rule.tokens else None,
        swaps=tuple(Swap(Pattern.raw_source(compile_token(w)), r) for w, r in rule.swap.items()),
        unless=compile_tokens(rule.unless) if isinstance(rule.unless, list) else None,
        with_=compile_tokens(rule.with_) if rule.with_ else None,
        needles=needles(rule.tokens or list(rule.swap)) if (rule.tokens or rule.swap) else None,
    )


def _rule_for(file: RuleFile, lang: str, part: LanguagePart | None, path: Path) -> Rule:
    data = file.shared()
    if part is not None:
        data |= part.model_dump(by_alias=True, exclude_none=True)
        if part.unless is not None and file.unless is not None:
            raise RuleFileError(
                path,
                [
                    f"languages.{lang}.unless: 'unless' is either a named condition at the top or token lists per "
                    f"language"
                ],
            )
    elif file.examples is not None:
        data["examples"] = file.examples.model_dump(by_alias=True)
    try:
        return Rule.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(path, _problems(exc, ("languages", lang) if part is not None else ())) from None


def load_rule_file(path: Path) -> list[CompiledRule]:
    """One rule file: the rule compiled once per language it has (or for ``meta``/``data``)."""
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))  # libyaml: our own files, read at every start
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise RuleFileError(path, [f"kan ikke lese / cannot read: {exc}"]) from None
    if not isinstance(data, dict):
        raise RuleFileError(path, ["forventet en mapping / expected a mapping (id, category, ...)"])
    try:
        file = RuleFile.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(path, _problems(exc)) from None
    if file.id != path.stem:
        raise RuleFileError(path, [f"filnavnet må være id-en / the file name must be the id: {file.id}.yaml"])
    unknown = sorted(set(file.languages) - set(PACK_LANGS))
    if unknown:
        raise RuleFileError(
            path, [f"languages: no rule pack for {', '.join(unknown)} (known: {', '.join(PACK_LANGS)})"]
        )
    if file.kind in (META, DATA):
        return [compile_rule(_rule_for(file, file.kind, None, path), file.kind, path)]
    return [compile_rule(_rule_for(file, lang, part, path), lang, path) for lang, part in file.languages.items()]


@dataclass(frozen=True)
class Catalog:
    """Every pack, and every rule id with its versions per language."""

    packs: dict[str, RulePack]

    def versions(self, rule_id: str) -> dict[str, CompiledRule]:
        return {lang: rule for lang, pack in self.packs.items() if (rule := pack.get(rule_id))}

    def ids(self) -> list[str]:
        return sorted({r.id for pack in self.packs.values() for r in pack.rules})

    def first(self, rule_id: str) -> CompiledRule | None:
        versions = self.versions(rule_id)
        return next(iter(versions.values()), None)


# The code that turns rule files into a catalogue: a change to it changes the cache key too.
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = (*sorted((_PACKAGE / "lint").glob("*.py")), _PACKAGE / "findings.py", _PACKAGE / "text.py")


@cache
def load_catalog(rules_dir: Path = RULES_DIR) -> Catalog:
    """Every rule file in ``rules_dir``, checked and compiled; kept on disk between runs
    (``rettfram/disk_cache.py``), keyed by the bytes of every rule file and of the code that
    compiles them, so ``lint`` does not compile 133 files at every start."""
    paths = sorted(rules_dir.glob("*.yaml"))
    try:
        inputs = [str(rules_dir).encode(), *(p.name.encode() + b"\0" + p.read_bytes() for p in (*paths, *_CODE))]
    except OSError as exc:
        raise RuleFileError(rules_dir, [f"kan ikke lese / cannot read: {exc}"]) from None
    catalog = cached("catalog", rules_dir, inputs, lambda: _compile_catalog(paths))
    _check_catalog(catalog)
    return catalog


def _compile_catalog(paths: list[Path]) -> Catalog:
    by_lang: dict[str, list[CompiledRule]] = {lang: [] for lang in (*PACK_LANGS, META, DATA)}
    for path in paths:
        for rule in load_rule_file(path):
            by_lang[rule.lang].append(rule)
    packs = {lang: RulePack(lang, tuple(sorted(rules, key=lambda r: r.id))) for lang, rules in by_lang.items()}
    return Catalog(packs=packs)


def _check_catalog(catalog: Catalog) -> None:
    """What the catalogue needs from outside the rule files: the data checks it names, and the model."""
    packs = catalog.packs
    from rettfram.lint.profile_checks import CHECKS  # it imports this module: imported here, not at the top

    for rule in packs[DATA].rules:
        if rule.rule.check not in CHECKS:
            raise RuleFileError(
                rule.path,
                [f"'check: {rule.rule.check}' is not a check in lint/profile_checks.py: {', '.join(sorted(CHECKS))}"],
            )
    if any(r.rule.kind == "similar" for pack in packs.values() for r in pack.rules):
        from rettfram.lint.similar import load_model  # similar.py raises RuleFileError: imported here, not at the top

        load_model()  # loaded with the rules, so a missing or broken model stops every command the same way
