"""``python build.py explain RULE``: what a rule catches, why (with the source), and examples.

RULE may also be a category (``cliche``) to list its rules. Unknown rule: exit 2 with the
closest ids ("did you mean").
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Sequence

from rettfram.console import EXIT_OK, UserError, say
from rettfram.findings import Category
from rettfram.lint.pack import DATA, META, PACK_LANGS, Catalog, load_catalog
from rettfram.lint.reference import (
    CATEGORY_TITLES,
    LANG_NAMES,
    LEVELS,
    OFF_BY_DEFAULT,
    advise,
    catch_all,
    describe,
    exception_text,
    profile_change,
    source_line,
    together,
)
from rettfram.lint.rule import DataExamples
from rettfram.text import Text

HEADINGS = {
    "what": Text(nb="Hva den fanger", nn="Kva han fangar", en="What it catches"),
    "why": Text(nb="Hvorfor (kilde)", nn="Kvifor (kjelde)", en="Why (source)"),
    "instead": Text(nb="Skriv heller", nn="Skriv heller", en="Write instead"),
    "exception": Text(nb="Unntak", nn="Unntak", en="Exception"),
    "tokens": Text(nb="Ord og uttrykk", nn="Ord og uttrykk", en="Words and phrases"),
    "bad": Text(nb="Dårlig", nn="Dårleg", en="Bad"),
    "good": Text(nb="Bra", nn="Bra", en="Good"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="forklar en regel / explain a rule",
        description="Hva en regel fanger, hvorfor, og hva du skriver i stedet. / What a rule catches, why, and what "
        "to write instead.",
    )
    parser.add_argument(
        "rule", metavar="RULE", help="regel-id eller kategori, f.eks. cliche.natur / rule id or category"
    )
    parser.add_argument("--lang", choices=PACK_LANGS, default="nb", help="språk / language")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    if args.rule in {c.value for c in Category}:
        say(explain_category(catalog, Category(args.rule), args.lang).removesuffix("\n"))
        return EXIT_OK
    if not catalog.versions(args.rule):
        close = difflib.get_close_matches(args.rule, catalog.ids(), n=3, cutoff=0.4)
        hint = ", ".join(close) if close else "-"
        raise UserError(
            Text(
                nb=f"Ukjent regel «{args.rule}». Mente du: {hint}?",
                en=f"Unknown rule “{args.rule}”. Did you mean: {hint}?",
            )
        )
    say(explain_rule(catalog, args.rule, args.lang).removesuffix("\n"))
    return EXIT_OK


def _heading(key: str, lang: str) -> str:
    text = HEADINGS[key]
    return text.render(lang) if lang == "en" else f"{text.render(lang)} / {text.en}"


def explain_rule(catalog: Catalog, rule_id: str, lang: str) -> str:
    versions = catalog.versions(rule_id)
    first = next(iter(versions.values()))
    rule = first.rule
    category = CATEGORY_TITLES[rule.category]
    out = [
        f"{rule_id} — {category.render(lang)} ({rule.category.value}); {LEVELS[rule.level].render(lang)}, {rule.kind}",
        "",
    ]
    if rule.kind == "data":
        out += [f"  {PROFILE_DATA.render(lang)}", ""]
    out += [f"{_heading('what', lang)}:", f"  {describe(first).render(lang)}", ""]
    if why := source_line(first):
        out += [f"{_heading('why', lang)}:", f"  {why}", ""]
    out += [f"{_heading('instead', lang)}:", f"  {advise(first).render(lang)}", ""]
    if (exception := exception_text(first)) is not None:
        out += [f"{_heading('exception', lang)}:", f"  {exception.render(lang)}", ""]
    if (net := catch_all(first)) is not None:
        out += [f"  {net.render(lang)}", ""]
    if not rule.enabled:
        out += [f"  {OFF_BY_DEFAULT.render(lang)}", ""]
    for pack_lang, version in versions.items():
        out.append(f"{LANG_NAMES[pack_lang]}:")
        tokens = version.rule.tokens or [f"{wrong} → {right}" for wrong, right in version.rule.swap.items()]
        if tokens and pack_lang not in (META, DATA):
            out.append(f"  {_heading('tokens', lang)}:")
            out += [f"    {token}" for token in tokens]
        if version.rule.with_:
            out.append(f"  {together(version).render(lang)}:")
            out += [f"    {token}" for token in version.rule.with_]
        examples = version.rule.examples
        pairs: tuple[Sequence[object], Sequence[object]] = (
            (examples.fail, examples.pass_)
            if isinstance(examples, DataExamples)
            else (examples.failing, examples.pass_)
        )
        for key, items in zip(("bad", "good"), pairs, strict=True):
            out.append(f"  {_heading(key, lang)}:")
            for item in items:
                if isinstance(item, dict):
                    out.append(f"    - {profile_change(item)}")
                    continue
                lines = str(item).rstrip("\n").split("\n")
                out.append(f"    - {lines[0]}")
                out += [f"      {line}" for line in lines[1:]]
        out.append("")
    return "\n".join(out)


PROFILE_DATA = Text(
    nb="Sjekker dataene i profile.yaml (ikke teksten), og peker på linjen der de står.",
    nn="Sjekkar dataa i profile.yaml (ikkje teksten), og peikar på linja der dei står.",
    en="Checks the data in profile.yaml (not the copy), and points at the line where they stand.",
)


def explain_category(catalog: Catalog, category: Category, lang: str) -> str:
    out = [f"{CATEGORY_TITLES[category].render(lang)} ({category.value}):"]
    for rule_id in catalog.ids():
        first = catalog.first(rule_id)
        if first is not None and first.rule.category is category:
            out.append(f"  {rule_id:28} {describe(first).render(lang)}")
    return "\n".join(out) + "\n"
