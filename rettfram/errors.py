"""The exit codes, and the one error a user can fix.

Anything in Rettfram that meets input it cannot use raises a :class:`UserError` (or a subclass:
``DiscoveryError``, ``RuleFileError``, ``MergeError`` …) carrying its text in bokmål, English and
nynorsk. ``cli.main`` prints it once, in the ``--lang`` asked for (else bokmål and English),
and exits with its ``code``; a command never prints its own errors. Anything else that escapes
a command is a bug: ``cli.main`` says so in one line, without a traceback.
"""

from __future__ import annotations

from rettfram.text import Text

EXIT_OK = 0  # no errors
EXIT_FINDINGS = 1  # errors found in the input (findings at or above fail_on)
EXIT_USAGE = 2  # the command could not run: bad path, bad option, broken file


class UserError(Exception):
    """Something the user can fix, said in their language, and the exit code it ends with."""

    def __init__(self, text: Text, code: int = EXIT_USAGE) -> None:
        super().__init__(text.en)
        self.text = text
        self.code = code

    @property
    def message(self) -> Text:
        return self.text
