"""A document prepared for linting: the original text, a masked copy, its blocks and comments.

The masked copy has exactly the same length as the original, character for character: prose
stays as it is, Markdown syntax (list markers, emphasis, link brackets) becomes spaces, and
everything that is not prose (code, URLs, raw HTML, comments, front matter) becomes ``BREAK``.
So an offset found in the masked text is the offset in the original file, and every finding
gets its exact line and column without any mapping tables. A phrase never matches across a
``BREAK`` (it is neither a letter nor whitespace).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rettfram.load import Pos as Position  # 1-based line and column, the same type the YAML loader uses

BREAK = "\x00"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    """An HTML comment; ``own_line`` when nothing but whitespace shares its lines."""

    span: Span
    body: str
    own_line: bool


@dataclass
class Document:
    path: str
    text: str
    masked: str
    blocks: list[Span]
    comments: list[Comment] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.masked) != len(self.text):
            raise ValueError("the masked text must keep every offset")
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> Position:
        line = bisect_right(self._line_starts, offset)
        return Position(line=line, column=offset - self._line_starts[line - 1] + 1)

    def line_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset)

    def block_texts(self) -> list[str]:
        """The prose of each block (masked), for tests and debugging."""
        return [self.masked[b.start : b.end] for b in self.blocks]
