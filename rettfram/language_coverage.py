"""What each site language lacks: texts without a translation, and text no rule pack checks.

A site is built in the municipality's own language and in every language with copy
(``copy/<lang>/``). ``check`` (and so ``lint`` and ``build``, which start from it) reports:

- ``profile.translation-missing`` (a note): a translatable text (``local_text.py``; the model
  marks it ``Translatable``) with no text in one of the site's languages. The page shows the
  municipality's text, marked ``lang``; allowed, but the editor should know.
- ``copy.unchecked-language`` (a warning): a copy page, or a profile text, in a language that
  has no rule pack (``rettfram/rules/``): it would be published without the honesty rules.
  ``fail_on = "warning"`` in rettfram.toml makes that stop the build.
"""

from __future__ import annotations

from dataclasses import dataclass

from rettfram.copy_pages import CopyPage
from rettfram.findings import Finding, Severity
from rettfram.load import Loc, SourceMap
from rettfram.local_text import LocalText
from rettfram.messages import Message
from rettfram.model import Profile, Translatable
from rettfram.model_walk import marked, prose_texts
from rettfram.text import Text

MISSING = Message(
    Text(
        "«{text}» har ingen tekst på {lang}; sidene på {lang} viser den på {own}.",
        "'{text}' has no text in {lang}; the {lang} pages show it in {own}.",
        "«{text}» har ingen tekst på {lang}; sidene på {lang} viser han på {own}.",
    ),
    Text(
        'Skriv teksten per språk: {{{own}: "…", {lang}: "…"}}.',
        'Give the text per language: {{{own}: "…", {lang}: "…"}}.',
        'Skriv teksten per språk: {{{own}: "…", {lang}: "…"}}.',
    ),
)


UNCHECKED = Message(
    Text(
        "{what} er ikke sjekket: Rettfram har ingen regler for språket «{lang}» ennå.",
        "{what} is not checked: Rettfram has no rules for the language '{lang}' yet.",
        "{what} er ikkje sjekka: Rettfram har ingen reglar for språket «{lang}» enno.",
    ),
    Text(
        'Få teksten lest av noen som kan språket, mot tallene i profilen. Med fail_on = "warning" i rettfram.toml '
        "stopper dette bygget.",
        'Have someone who reads the language check it against the profile\'s figures. With fail_on = "warning" in '
        "rettfram.toml this stops the build.",
        'Få teksten lesen av nokon som kan språket, mot tala i profilen. Med fail_on = "warning" i rettfram.toml '
        "stoppar dette bygget.",
    ),
)
THE_PAGE = Text("Siden", "The page", "Sida")
THE_TEXT = Text("Teksten «{text}»", "The text '{text}'", "Teksten «{text}»")


@dataclass(frozen=True)
class Missing:
    loc: Loc
    text: str  # the municipality's own text
    lang: str  # the site language without a text


def site_languages(profile: Profile, copy_langs: set[str]) -> list[str]:
    """The municipality's own language first, then every language it has copy in."""
    own = profile.municipality.language
    return [own, *sorted(copy_langs - {own})]


def missing(profile: Profile, langs: list[str]) -> list[Missing]:
    """Every translatable text and site language it has no text in, in the model's field order."""
    own = profile.municipality.language
    return [
        Missing(loc, str(value), lang)
        for loc, value, _ in marked(profile, Translatable)
        if isinstance(value, LocalText)
        for lang in value.missing(langs, own)
    ]


def missing_findings(profile: Profile, source: SourceMap, langs: list[str]) -> list[Finding]:
    own = profile.municipality.language
    findings = []
    for item in missing(profile, langs):
        pos = source.locate(item.loc)
        message = MISSING.format(text=_short(item.text), lang=item.lang, own=own)
        findings.append(
            Finding.of(
                source.path, pos.line, pos.column, "profile.translation-missing", message, severity=Severity.INFO
            )
        )
    return findings


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def unchecked_findings(
    profile: Profile | None, source: SourceMap | None, pages: list[CopyPage], checked: frozenset[str]
) -> list[Finding]:
    """Every copy page and profile text in a language outside ``checked`` (the rule packs)."""
    findings = [
        Finding.of(
            page.display,
            1,
            1,
            "copy.unchecked-language",
            UNCHECKED.format(what=THE_PAGE, lang=page.lang),
            severity=Severity.WARNING,
        )
        for page in pages
        if page.lang not in checked
    ]
    if profile is None or source is None:
        return findings
    for prose in prose_texts(profile, profile.municipality.language):
        if prose.lang not in checked:
            pos = source.locate(prose.loc)
            what = THE_TEXT.format(text=_short(prose.text))
            findings.append(
                Finding.of(
                    source.path,
                    pos.line,
                    pos.column,
                    "copy.unchecked-language",
                    UNCHECKED.format(what=what, lang=prose.lang),
                    severity=Severity.WARNING,
                )
            )
    return findings
