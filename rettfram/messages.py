"""A message with its suggestion, in every language, with ``{placeholders}``.

Catalogues of messages live beside the stage that uses them (``load_messages.py``,
``validate_messages.py``); this module is only the type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rettfram.text import Text


def _fill(template: Text, params: dict[str, Any]) -> Text:
    def values(lang: str) -> dict[str, Any]:
        return {k: (v.render(lang) if isinstance(v, Text) else v) for k, v in params.items()}

    return Text(
        nb=template.nb.format(**values("nb")),
        en=template.en.format(**values("en")),
        nn=None if template.nn is None else template.nn.format(**values("nn")),
    )


@dataclass(frozen=True)
class Message:
    """What is wrong (``text``) and how to fix it (``fix``)."""

    text: Text
    fix: Text

    def format(self, **params: Any) -> "Message":
        """Fill ``{name}`` placeholders; a :class:`Text` parameter is rendered per language."""
        return Message(_fill(self.text, params), _fill(self.fix, params))
