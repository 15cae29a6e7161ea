"""Inline Markdown masking inside one block: keep prose, link text and image alt text.

Works on a list of characters (the document's masked copy) between two offsets, replacing
syntax with spaces and non-prose with ``BREAK``. Order matters: code spans first (nothing
inside them is Markdown), then comments, autolinks, link destinations, raw HTML, bare URLs.
"""

from __future__ import annotations

import re

from rettfram.lint.document import BREAK, Comment, Span

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_DESTINATION = re.compile(r"\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFERENCE = re.compile(r"\]\[[^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")»\]]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^}\n]*\}|\{:[^}\n]*\}")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~\n])")
_LINK_SYNTAX = re.compile(r"!\[|\[|\]")
_EMPHASIS = re.compile(r"\*+|~~|==|\^\^|(?<!\w)_+|_+(?!\w)")
_BACKTICKS = re.compile(r"`+")


def _fill(chars: list[str], start: int, end: int, char: str) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = char


def _mask_code_spans(chars: list[str], start: int, end: int) -> None:
    text = "".join(chars[start:end])
    pos = 0
    while True:
        opening = _BACKTICKS.search(text, pos)
        if not opening:
            return
        ticks = opening.group()
        closing = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(text, opening.end())
        if not closing:
            pos = opening.end()
            continue
        _fill(chars, start + opening.start(), start + closing.end(), BREAK)
        pos = closing.end()


def _mask(chars: list[str], start: int, end: int, pattern: re.Pattern[str], char: str) -> list[re.Match[str]]:
    text = "".join(chars[start:end])
    found = list(pattern.finditer(text))
    for m in found:
        _fill(chars, start + m.start(), start + m.end(), char)
    return found


def mask_inline(chars: list[str], original: str, block: Span, comments: list[Comment]) -> None:
    """Mask the syntax of one block in place; record inline HTML comments in ``comments``."""
    start, end = block.start, block.end
    _mask_code_spans(chars, start, end)
    for m in _mask(chars, start, end, _COMMENT, BREAK):
        span = Span(start + m.start(), start + m.end())
        comments.append(Comment(span=span, body=original[span.start + 4 : span.end - 3], own_line=False))
    _mask(chars, start, end, _AUTOLINK, BREAK)
    _mask(chars, start, end, _DESTINATION, BREAK)
    _mask(chars, start, end, _REFERENCE, BREAK)
    _mask(chars, start, end, _FOOTNOTE_REF, BREAK)
    _mask(chars, start, end, _HTML_TAG, " ")
    _mask(chars, start, end, _URL, BREAK)
    _mask(chars, start, end, _EMAIL, BREAK)
    _mask(chars, start, end, _ATTR_LIST, BREAK)
    _mask(chars, start, end, _ENTITY, " ")
    _mask(chars, start, end, _ESCAPE, " ")
    _mask(chars, start, end, _LINK_SYNTAX, " ")
    _mask(chars, start, end, _EMPHASIS, " ")
