"""Profile text in the readers' languages: a plain string, or one text per language code.

A translatable field (``Prose`` and ``Label`` in ``rettfram/model.py``) takes either form::

    title: "Sykepleier, 100 % fast"                      # the municipality's own language
    title: {nb: "Sykepleier, 100 % fast", en: "Nurse, permanent, full time", pl: "…"}

Either way the value becomes a :class:`LocalText`: a ``str`` whose text is the municipality's
own language (so code that reads the profile as Norwegian text keeps working), with
:attr:`LocalText.languages` holding every language given. :meth:`LocalText.shown_in` picks the
text for a page's language, or the municipality's text with the language it is in (the page
marks it ``lang``). Validation takes the municipality's language from the validation context
(``validate.py`` passes it); ``validate.py`` also reports a mapping without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from markupsafe import Markup
from pydantic import AfterValidator, Discriminator, Field, Tag, ValidationInfo

from rettfram.escape import page_text

LANG_PATTERN = r"^[a-z]{2,3}$"
TEXT_TAG, LANGUAGES_TAG = "@text", "@languages"  # in pydantic's error locations; validate.py drops them
CONTEXT_KEY = "language"  # the validation context's key for the municipality's language


class LocalText(str):
    """Text in the municipality's own language (the string itself) and in every language given."""

    languages: dict[str, str]

    def __new__(cls, text: str, languages: dict[str, str] | None = None) -> LocalText:
        value = super().__new__(cls, text)
        value.languages = dict(languages or {})
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return LocalText, (str(self), self.languages)

    def shown_in(self, lang: str, own: str) -> Shown:
        """The text a page in ``lang`` shows: its own translation, else the municipality's text."""
        if lang in self.languages:
            return Shown(self.languages[lang], lang)
        return Shown(str(self), own)

    def missing(self, langs: list[str], own: str) -> list[str]:
        """The languages in ``langs`` this text has no text in (the municipality's own never)."""
        return [lang for lang in langs if lang != own and lang not in self.languages]

    def map(self, change: Any) -> LocalText:
        """The same text with ``change`` applied in every language (``capfirst`` in templates)."""
        return LocalText(change(str(self)), {lang: change(text) for lang, text in self.languages.items()})


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it, and the language it is in."""

    text: str
    lang: str

    def in_page(self, page_lang: str) -> str:
        """The text for a page in ``page_lang``: as it is, or, in another language, marked
        ``<span lang="nb">…</span>`` (its text escaped for the page) so screen readers pronounce it right."""
        if self.lang == page_lang:
            return self.text
        return Markup('<span lang="{}">{}</span>').format(self.lang, Markup(page_text(self.text)))


def shown(value: str, lang: str, own: str) -> Shown:
    """Any profile text on a page in ``lang``: a translatable one in ``lang`` when it has it,
    anything else (a name, an employer) as it is, in ``own``, the municipality's language."""
    return value.shown_in(lang, own) if isinstance(value, LocalText) else Shown(str(value), own)


def _discriminate(value: object) -> str | None:
    if isinstance(value, str):
        return TEXT_TAG
    if isinstance(value, dict):
        return LANGUAGES_TAG
    return None


def _local(value: str | dict[str, str], info: ValidationInfo) -> LocalText:
    if isinstance(value, str):
        return LocalText(value)
    own = (info.context or {}).get(CONTEXT_KEY)
    if own not in value:
        own = next((lang for lang in ("nb", "nn") if lang in value), next(iter(value)))
    return LocalText(value[own], value)


def local_text(max_length: int) -> Any:
    """The annotated type of a translatable field of at most ``max_length`` characters per language."""
    one = Annotated[str, Field(min_length=1, max_length=max_length)]
    lang = Annotated[str, Field(pattern=LANG_PATTERN)]
    languages = Annotated[
        dict[lang, one], Field(min_length=1, json_schema_extra={"additionalProperties": False}), Tag(LANGUAGES_TAG)
    ]
    return Annotated[Annotated[one, Tag(TEXT_TAG)] | languages, Discriminator(_discriminate), AfterValidator(_local)]
