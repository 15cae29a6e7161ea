"""A message with its suggestion, in every language, with ``{placeholders}``.

Catalogues of messages live beside the stage that uses them (``MESSAGES`` in ``load.py``,
``copy_pages.py`` and ``lint/profile_checks.py``; ``validate_messages.py``); this module is
only the type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rettfram.text import Text


@dataclass(frozen=True)
class Message:
    """What is wrong (``text``) and how to fix it (``fix``)."""

    text: Text
    fix: Text

    def format(self, **params: Any) -> Message:
        """Fill ``{name}`` placeholders; a :class:`Text` parameter is rendered per language."""
        return Message(self.text.format(**params), self.fix.format(**params))
