"""What each rule is, in words: for ``explain``, SARIF rule help and the rule reference page.

``render_reference`` writes ``docs/rules.md`` ("Slik sjekker vi teksten / How we check the
copy"), grouped by category, from the rule files alone; ``tests/lint/test_reference.py`` fails
when the committed page is out of date (regenerate with ``python build.py rules-doc``).
"""

from __future__ import annotations

import re

from rettfram.findings import Category, Severity
from rettfram.lint.engine import fill
from rettfram.lint.pack import DATA, META, PACK_LANGS, Catalog, CompiledRule
from rettfram.lint.rule import DataExamples, marked
from rettfram.report.sarif import RuleHelp
from rettfram.text import Text

CATEGORY_TITLES = {
    Category.SOS: Text(nb="Krise og redningsrop", nn="Krise og redningsrop", en="Crisis and rescue framing"),
    Category.CLICHE: Text(
        nb="Klisjeer og tomme slagord", nn="Klisjear og tomme slagord", en="Clichés and empty slogans"
    ),
    Category.TARGET: Text(
        nb="Målgruppe og ord om folk", nn="Målgruppe og ord om folk", en="Audience and words about people"
    ),
    Category.CLAIM: Text(nb="Påstander mot data", nn="Påstandar mot data", en="Claims against the data"),
    Category.EVIDENCE: Text(nb="Belegg og kilder", nn="Belegg og kjelder", en="Evidence and sources"),
    Category.SCHEMA: Text(nb="Unntak i teksten", nn="Unntak i teksten", en="Suppressions in the copy"),
}
LEVELS = {
    Severity.ERROR: Text(nb="feil", nn="feil", en="error"),
    Severity.WARNING: Text(nb="advarsel", nn="åtvaring", en="warning"),
    Severity.INFO: Text(nb="merknad", nn="merknad", en="note"),
}
LANG_NAMES = {
    "nb": "Bokmål (nb)",
    "nn": "Nynorsk (nn)",
    "en": "English (en)",
    "pl": "Polski (pl)",
    META: "Markdown",
    DATA: "profile.yaml",
}
PLACEHOLDERS = {"rule": "REGEL/RULE"}
_VALUE = re.compile(r"\{\w+\}")
UNLESS = {
    "concrete_fact": Text(
        nb="Ikke når samme setning har et konkret faktum: et tall, en dato eller et egennavn (utenom stedets eget "
        "navn).",
        nn="Ikkje når same setning har eit konkret faktum: eit tal, ein dato eller eit eigennamn (utanom namnet på "
        "staden sjølv).",
        en="Not when the same sentence carries a concrete fact: a number, a date or a proper name (other than the "
        "place's own name).",
    ),
    "fact_or_contrast": Text(
        nb="Ikke når samme setning har et konkret faktum, eller snur etter ordet med «men» («Det er sjelden kø, men "
        "veien stenges om vinteren»).",
        nn="Ikkje når same setning har eit konkret faktum, eller snur etter ordet med «men» («Det er sjeldan kø, men "
        "vegen blir stengd om vinteren»).",
        en="Not when the same sentence carries a concrete fact, or turns after the words with “but” (“There are "
        "rarely queues, but the road closes in winter”).",
    ),
    "source": Text(
        nb="Ikke når samme setning oppgir kilde («ifølge», «kilde:», «kåret av», «(SSB 2024)»).",
        nn="Ikkje når same setning oppgjev kjelde («ifølgje», «kjelde:», «kåra av», «(SSB 2024)»).",
        en="Not when the same sentence names a source (“according to”, “source:”, “named by”, “(SSB 2024)”).",
    ),
}
TOGETHER = Text(
    nb="Bare når avsnittet også har",
    nn="Berre når avsnittet òg har",
    en="Only when the block also has",
)
TOGETHER_SENTENCE = Text(
    nb="Bare når setningen også har",
    nn="Berre når setninga òg har",
    en="Only when the sentence also has",
)


def together(rule: CompiledRule) -> Text:
    """The heading for a conditional rule's ``with`` tokens: the block, or the sentence."""
    return TOGETHER_SENTENCE if rule.rule.scope == "sentence" else TOGETHER


FALLBACK = Text(
    nb="Oppsamlingsregel: melder bare setninger ingen annen regel i kategorien har meldt.",
    nn="Oppsamlingsregel: melder berre setningar ingen annan regel i kategorien har meldt.",
    en="Catch-all: reports only sentences no other rule of its category has reported.",
)
SIMILAR = Text(
    nb="Siste nett: en modell lært fra det merkede korpuset (corpus/, python build.py train) melder en setning som "
    "ingen "
    "annen regel i kategorien har meldt, når setningen ligner mest på denne kategorien og tydelig mer enn på ærlig "
    "tekst "
    "(svært tydelig, når en regel i en annen kategori har meldt den). Den kan ta feil; er setningen ærlig, skriv en "
    "unntakskommentar med grunn.",
    nn="Siste nett: ein modell lært frå det merkte korpuset (corpus/, python build.py train) melder ei setning som "
    "ingen "
    "annan regel i kategorien har meldt, når setninga liknar mest på denne kategorien og tydeleg meir enn på ærleg "
    "tekst "
    "(svært tydeleg, når ein regel i ein annan kategori har meldt ho). Han kan ta feil; er setninga ærleg, skriv ein "
    "unntakskommentar med grunn.",
    en="Last net: a model learned from the labelled corpus (corpus/, python build.py train) reports a sentence no "
    "other "
    "rule of its category has reported, when the sentence is most like this category and clearly more than like "
    "honest copy "
    "(very clearly, when a rule of another category has reported it). It can be wrong; if the sentence is honest, "
    "add an allow comment with a reason.",
)


def catch_all(rule: CompiledRule) -> Text | None:
    """What a catch-all rule reports (``similar`` rules and ``fallback: true``), or None."""
    if rule.rule.kind == "similar":
        return SIMILAR
    return FALLBACK if rule.rule.fallback else None


OFF_BY_DEFAULT = Text(
    nb="Av som standard; slå på med enable i rettfram.toml.",
    nn="Av som standard; slå på med enable i rettfram.toml.",
    en="Off by default; switch on with enable in rettfram.toml.",
)


SEEDS = {  # the research in shared/seeds/, by file number
    "000": "Distriktssenteret, notat til Demografiutvalget om tilflyttingsarbeid (2020)",
    "001": "Distriktssenteret, foredrag «Hva slags folk er vi ute etter?»",
    "002": "Distriktssenteret, temahefte «Drømmen om å bli flere»",
    "003": "Distriktssenteret, artikkelsamling om samfunnsutvikling i Distrikts-Norge",
    "004": "Distriktssenteret, foredrag «Planlegg for mangfold»",
}


def _placeholders(text: Text) -> Text:
    """A message as a description: ``{rule}`` named, every other value ``…`` (``{match}``, a data
    check's ``{date}``)."""
    named = fill(text, **PLACEHOLDERS)
    return Text(
        nb=_VALUE.sub("…", named.nb), en=_VALUE.sub("…", named.en), nn=_VALUE.sub("…", named.nn) if named.nn else None
    )


def describe(rule: CompiledRule) -> Text:
    return _placeholders(rule.rule.message.to_text())


def advise(rule: CompiledRule) -> Text:
    return _placeholders(rule.rule.suggestion.to_text())


def source_line(rule: CompiledRule) -> str:
    source = rule.rule.source
    if source is None:
        return ""
    where = (
        f"{SEEDS.get(source.seed, 'seed')} (seed {source.seed}), {source.passage}" if source.seed else source.passage
    )
    return f"{where}: «{source.quote}»"


def exception_text(rule: CompiledRule) -> Text | None:
    unless = rule.rule.unless
    if isinstance(unless, str):
        return UNLESS[unless]
    if isinstance(unless, list):
        listed = ", ".join(unless)
        return Text(
            nb=f"Ikke når samme setning har: {listed}",
            nn=f"Ikkje når same setning har: {listed}",
            en=f"Not when the same sentence has: {listed}",
        )
    return None


def rule_help(catalog: Catalog) -> dict[str, RuleHelp]:
    """SARIF help per rule id: what it catches; what to write instead, and the source."""
    out = {}
    for rule_id in catalog.ids():
        rule = catalog.first(rule_id)
        assert rule is not None
        why = source_line(rule)
        extra = Text(nb=f" Kilde: {why}", nn=f" Kjelde: {why}", en=f" Source: {why}") if why else Text("", "", "")
        out[rule_id] = RuleHelp(short=describe(rule), help=advise(rule) + extra)
    return out


def profile_change(change: dict) -> str:
    """A data rule's example: the change to the reference profile, as ``path: value``."""
    return ", ".join(f"{path}: {value!r}" for path, value in change.items()) or "(uendret / unchanged)"


def highlighted(example: str) -> str:
    """A fail example for Markdown: the reported words in bold instead of ``[[…]]``."""
    plain, spans = marked(example)
    for start, end in reversed(spans):
        plain = f"{plain[:start]}**{plain[start:end]}**{plain[end:]}"
    return plain


def _examples(lines: list[str], rule: CompiledRule) -> None:
    examples = rule.rule.examples
    if isinstance(examples, DataExamples):
        lines += [f"- ✗ `{profile_change(change)}`" for change in examples.fail]
        lines += [f"- ✓ `{profile_change(change)}`" for change in examples.pass_]
        return
    if rule.lang == META:
        for mark, items in (("✗", examples.failing), ("✓", examples.pass_)):
            for item in items:
                lines += [f"{mark}", "", "```markdown", item.rstrip("\n"), "```", ""]
        return
    lines.append(f"- {LANG_NAMES[rule.lang]}:")
    lines += [f"    - ✗ {highlighted(item)}" for item in examples.fail]
    lines += [f"    - ✓ {item}" for item in examples.pass_]


def _rule_section(catalog: Catalog, rule_id: str) -> list[str]:
    versions = catalog.versions(rule_id)
    rule = next(iter(versions.values()))
    langs = ", ".join(lang for lang in versions if lang not in (META, DATA)) or (
        "profile.yaml" if DATA in versions else "alle / all"
    )
    level = LEVELS[rule.rule.level]
    lines = [
        f"### `{rule_id}`",
        "",
        f"Nivå / level: **{level.nb} / {level.en}** · type / kind: `{rule.rule.kind}` · språk / languages: {langs}",
        "",
    ]
    what, advice = describe(rule), advise(rule)
    lines += [f"**Hva den fanger / What it catches:** {what.nb}", "", f"*{what.en}*", ""]
    lines += [f"**Skriv heller / Write instead:** {advice.nb}", "", f"*{advice.en}*", ""]
    if why := source_line(rule):
        lines += [f"**Kilde / Source:** {why}", ""]
    if rule.rule.with_:
        lines += [
            f"**{together(rule).nb} / {together(rule).en}:** "
            + ", ".join(f"`{t}`" for t in rule.rule.with_)
            + f" ({rule.lang})",
            "",
        ]
    if (exception := exception_text(rule)) is not None:
        lines += [f"**Unntak / Exception:** {exception.nb} *{exception.en}*", ""]
    if (net := catch_all(rule)) is not None:
        lines += [f"**{net.nb}** *{net.en}*", ""]
    if not rule.rule.enabled:
        lines += [f"**{OFF_BY_DEFAULT.nb}** *{OFF_BY_DEFAULT.en}*", ""]
    lines += ["**Eksempler / Examples** (✗ feiler / fails, ✓ går gjennom / passes):", ""]
    for version in versions.values():
        _examples(lines, version)
    if lines[-1] != "":
        lines.append("")
    return lines


def render_reference(catalog: Catalog) -> str:
    lines = [
        "# Slik sjekker vi teksten / How we check the copy",
        "",
        "Rettfram leser all tekst på nettstedet før den publiseres, og stopper tekst som selger mer enn "
        "stedet kan levere. Reglene bygger på forskning og erfaring fra Distriktssenteret om hva som får "
        "folk til å flytte og bli. Hver regel sier hva den fanger, hvorfor, og hva vi skriver i stedet.",
        "",
        "*Rettfram reads every text on the site before it is published and stops copy that sells more than the "
        "place can deliver. The rules build on research and experience collected by Distriktssenteret on what "
        "makes people move and stay. Each rule says what it catches, why, and what we write instead.*",
        "",
        "Generert fra `rettfram/rules/` (én fil per regel) med `python build.py rules-doc`; ikke rediger for hånd. "
        "*Generated from `rettfram/rules/` (one file per rule) by `python build.py rules-doc`; do not edit by hand.*",
        "",
    ]
    counts = ", ".join(f"{lang}: {len(catalog.packs[lang].rules)}" for lang in PACK_LANGS)
    lines += [
        f"Regler per språk / rules per language: {counts}; for profilens data / on the profile's data: "
        f"{len(catalog.packs[DATA].rules)}; for unntak / on suppressions: {len(catalog.packs[META].rules)}.",
        "",
    ]
    by_category: dict[Category, list[str]] = {}
    for rule_id in catalog.ids():
        first = catalog.first(rule_id)
        assert first is not None
        by_category.setdefault(first.rule.category, []).append(rule_id)
    for category in Category:
        if category not in by_category:
            continue
        title = CATEGORY_TITLES[category]
        lines += [f"## {title.nb} / {title.en} (`{category.value}`)", ""]
        for rule_id in by_category[category]:
            lines += _rule_section(catalog, rule_id)
    return "\n".join(lines).rstrip("\n") + "\n"
