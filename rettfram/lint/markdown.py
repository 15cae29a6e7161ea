"""Copy to lintable prose, from the one Markdown parse (``rettfram.copy_markdown``).

The linter reads exactly what is published: every text token of the parse, where it stands in
the file. Paragraphs, headings, list items, block quotes, table cells, link text and image alt
text are prose; so is text that looks like HTML, because it is published as text (the tags
themselves are masked, the words between them are linted). Code, link targets, autolinks,
bare URLs and e-mail addresses, HTML comments and front matter are not prose.

A block is one inline run of the parse: a paragraph, a heading, one table cell. The masked copy
keeps every offset (see ``document.py``): syntax inside a block becomes spaces, non-prose
becomes ``BREAK``.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from rettfram.copy_markdown import SRC, InlineRun, ParsedCopy, inline_runs, parse, walk
from rettfram.lint.document import BREAK, Comment, Document, Span

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")»\]]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?/?>")
_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_SPACE_FILL = frozenset(
    {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close", "softbreak", "hardbreak"}
)


class _Masker:
    def __init__(self, text: str):
        self.text = text
        self.chars = [c if c == "\n" else BREAK for c in text]
        self.blocks: list[Span] = []
        self.comments: list[Comment] = []

    def fill(self, start: int, end: int, char: str) -> None:
        for i in range(max(start, 0), min(end, len(self.chars))):
            if self.chars[i] != "\n":
                self.chars[i] = char

    def inline(self, run: InlineRun) -> None:
        placed = [m for m in run.offsets if m >= 0]
        if not placed:
            return
        span = Span(min(placed), max(placed) + 1)
        self.fill(span.start, span.end, " ")
        for token, base in walk(run.token.children or []):
            self.child(token, run.at(token, base))
        self.blocks.append(span)

    def child(self, token: Token, where: list[int]) -> None:
        if not where:
            return
        first, last = where[0], where[-1] + 1
        kind = token.type
        if kind == "text":
            self.prose(where, token.content)
        elif kind == "text_special":  # an escape (\\*) or an entity (&amp;): the character it stands for
            self.fill(first, last, " ")
            self.chars[where[-1] if token.info == "escape" else first] = token.content[:1] or " "
        elif kind in _SPACE_FILL:
            self.fill(first, last, " ")
        elif kind == "link_open" and token.markup != "autolink":
            self.fill(first, last, BREAK)  # the target; the link text (its children) comes next
            self.fill(first, first + 1, " ")
        elif kind == "image":
            self.fill(first, last, BREAK)
            self.fill(first, min(first + 2, last), " ")
        elif kind == "rf_comment":
            self.fill(first, last, BREAK)
            self.comments.append(Comment(Span(first, last), token.content[4:-3], own_line=False))
        elif kind != "link_close":
            self.fill(first, last, BREAK)  # code spans, autolinks: not prose

    def prose(self, where: list[int], content: str) -> None:
        """A text token: its characters as they stand, with tags, URLs and e-mail addresses masked."""
        if len(where) != len(content):
            return
        for offset in where:
            self.chars[offset] = self.text[offset]
        for m in _TAG.finditer(content):
            self.fill(where[m.start()], where[m.end() - 1] + 1, " ")
        for m in _URL.finditer(content):
            self.fill(where[m.start()], where[m.end() - 1] + 1, BREAK)
        for start, end in email_spans(content):
            self.fill(where[start], where[end - 1] + 1, BREAK)

    def block_comment(self, token: Token) -> None:
        start, end = token.meta[SRC]
        self.fill(start, end, BREAK)
        self.comments.append(Comment(Span(start, end), token.content[4:-3], own_line=True))


def email_spans(text: str) -> list[tuple[int, int]]:
    """``name@host.tld`` spans, found from each ``@`` outwards (linear on any input)."""
    spans: list[tuple[int, int]] = []
    at = text.find("@")
    floor = 0
    while at != -1:
        start = at
        while start > floor and text[start - 1] in _LOCAL and text[start - 1] != "@":
            start -= 1
        end = at + 1
        while end < len(text) and (text[end].isalnum() or text[end] in "-."):
            end += 1
        while end > at + 1 and text[end - 1] in ".-":
            end -= 1
        if start < at and "." in text[at + 1 : end]:
            spans.append((start, end))
            floor = end
        at = text.find("@", max(at + 1, floor))
    return spans


def document(path: str, parsed: ParsedCopy) -> Document:
    """The lintable view of parsed copy."""
    masker = _Masker(parsed.text)
    for run in inline_runs(parsed):
        masker.inline(run)
    for token in parsed.tokens:
        if token.type == "rf_comment":
            masker.block_comment(token)
    masker.blocks.sort(key=lambda b: b.start)
    masker.comments.sort(key=lambda c: c.span.start)
    return Document(
        path=path, text=parsed.text, masked="".join(masker.chars), blocks=masker.blocks, comments=masker.comments
    )


def read_markdown(path: str, text: str) -> Document:
    """Parse ``text`` (copy Markdown) and return what the linter reads."""
    return document(path, parse(text))


def plain_document(path: str, text: str) -> Document:
    """Text that is never Markdown (a profile string): one block, as it stands."""
    masker = _Masker(text)
    where = list(range(len(text)))
    if text:
        masker.fill(0, len(text), " ")
        masker.prose(where, text)
        masker.blocks.append(Span(0, len(text)))
    return Document(path=path, text=text, masked="".join(masker.chars), blocks=masker.blocks)
