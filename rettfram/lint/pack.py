"""Rule packs: every ``*.yaml`` in ``rettfram/rules/<lang>/`` (and ``rules/meta/``), validated.

Rule files are data: the loader reads all YAML files in a pack folder, checks each one against
``rule.Rule`` and that its file name is its id, and compiles its tokens once. A broken rule
file stops loading with a :class:`RuleFileError` that names the file and every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from rettfram.lint.rule import Rule
from rettfram.lint.tokens import compile_token, compile_tokens, needles

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
PACK_LANGS: tuple[str, ...] = ("nb", "nn", "en")
META = "meta"


class RuleFileError(Exception):
    """A rule file that cannot be used; the message names the file."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Ugyldig regelfil / invalid rule file: {path}\n{lines}")


@dataclass(frozen=True)
class Swap:
    pattern: re.Pattern[str]
    replacement: str


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    lang: str  # the pack: nb, nn, en or meta
    path: Path
    pattern: re.Pattern[str] | None
    swaps: tuple[Swap, ...]
    unless: re.Pattern[str] | None
    with_: re.Pattern[str] | None = None
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


def _problems(exc: ValidationError) -> list[str]:
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "(fila / the file)"
        out.append(f"{where}: {error['msg']}")
    return out


def compile_rule(rule: Rule, lang: str, path: Path) -> CompiledRule:
    flags = re.IGNORECASE
    return CompiledRule(
        rule=rule,
        lang=lang,
        path=path,
        pattern=compile_tokens(rule.tokens) if rule.tokens else None,
        swaps=tuple(Swap(re.compile(compile_token(w), flags), r) for w, r in rule.swap.items()),
        unless=compile_tokens(rule.unless) if isinstance(rule.unless, list) else None,
        with_=compile_tokens(rule.with_) if rule.with_ else None,
        needles=needles(rule.tokens or list(rule.swap)) if (rule.tokens or rule.swap) else None,
    )


def load_rule_file(path: Path, lang: str) -> CompiledRule:
    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise RuleFileError(path, [f"kan ikke lese / cannot read: {exc}"]) from None
    if not isinstance(data, dict):
        raise RuleFileError(path, ["forventet en mapping / expected a mapping (id, category, ...)"])
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(path, _problems(exc)) from None
    if rule.id != path.stem:
        raise RuleFileError(path, [f"filnavnet må være id-en / the file name must be the id: {rule.id}.yaml"])
    if (lang == META) != (rule.kind == "meta"):
        raise RuleFileError(path, ["kind 'meta' hører hjemme i / belongs in rules/meta/ (and only there)"])
    return compile_rule(rule, lang, path)


@lru_cache(maxsize=None)
def load_pack(lang: str, rules_dir: Path = RULES_DIR) -> RulePack:
    folder = rules_dir / lang
    rules = [load_rule_file(p, lang) for p in sorted(folder.glob("*.yaml"))]
    return RulePack(lang=lang, rules=tuple(sorted(rules, key=lambda r: r.id)))


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


@lru_cache(maxsize=None)
def load_catalog(rules_dir: Path = RULES_DIR) -> Catalog:
    packs = {lang: load_pack(lang, rules_dir) for lang in (*PACK_LANGS, META)}
    catalog = Catalog(packs=packs)
    for rule_id in catalog.ids():
        versions = list(catalog.versions(rule_id).values())
        first = versions[0]
        for other in versions[1:]:
            if (other.rule.category, other.rule.level) != (first.rule.category, first.rule.level):
                raise RuleFileError(
                    other.path, [f"{rule_id}: category/level must match {first.path} (same id, same idea)"]
                )
    if any(r.rule.kind == "similar" for pack in packs.values() for r in pack.rules):
        from rettfram.lint.similar import load_model  # similar.py raises RuleFileError: imported here, not at the top

        load_model()  # loaded with the rules, so a missing or broken model stops every command the same way
    return catalog
