"""User-facing text in several languages.

Every message a user can see is a :class:`Text`: Norwegian bokmål (the default), optionally
nynorsk, and English. Code builds a ``Text`` and decides nothing about language; the reporter
renders it in the language the user asked for (``--lang``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["nb", "nn", "en"]
LANGS: tuple[Lang, ...] = ("nb", "nn", "en")
DEFAULT_LANG: Lang = "nb"


@dataclass(frozen=True)
class Text:
    """One message in bokmål, English and (when it differs) nynorsk."""

    nb: str
    en: str
    nn: str | None = None

    def render(self, lang: str = DEFAULT_LANG) -> str:
        if lang == "en":
            return self.en
        if lang == "nn" and self.nn is not None:
            return self.nn
        return self.nb

    def format(self, **params: object) -> Text:
        """The same message with ``{name}`` placeholders filled in every language; a ``Text``
        parameter is filled in the matching language."""

        def values(lang: str) -> dict[str, object]:
            return {k: (v.render(lang) if isinstance(v, Text) else v) for k, v in params.items()}

        return Text(
            nb=self.nb.format(**values("nb")),
            en=self.en.format(**values("en")),
            nn=None if self.nn is None else self.nn.format(**values("nn")),
        )

    def __add__(self, other: Text) -> Text:
        return Text(
            nb=self.nb + other.nb,
            en=self.en + other.en,
            nn=None if self.nn is None and other.nn is None else (self.nn or self.nb) + (other.nn or other.nb),
        )


EMPTY = Text("", "")


def join_lines(texts: list[Text]) -> Text:
    """Several messages as one, a line each, in every language."""
    result = texts[0] if texts else EMPTY
    for text in texts[1:]:
        result = result + Text("\n", "\n") + text
    return result
