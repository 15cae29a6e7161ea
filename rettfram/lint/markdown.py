"""Markdown to lintable prose, keeping every offset (see ``document.py`` for the masking idea).

Linted: paragraphs, headings (ATX and setext), list items, block quotes, table cells, footnote
and admonition text (MkDocs ``!!! note "Title"`` and its indented body), link text, image alt
text. Skipped: YAML front matter, fenced and indented code, raw HTML blocks, HTML comments,
link reference definitions, inline code, URLs, e-mail addresses, attribute lists.

A block is one unit of prose: a paragraph, a heading, one list item, one table row. This is a
small line-based reader for the Markdown that copy editors write, not a full CommonMark parser;
``tests/lint/test_markdown.py`` pins what it does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rettfram.lint.document import BREAK, Comment, Document, Span
from rettfram.lint.inline import mask_inline

_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)")
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?|===!?)[ \t]+(?:[\w-]+(?:[ \t]+[\w-]+)*)?[ \t]*(?=\"|$)")
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]]+\]:[ \t]*")
_LINK_DEF = re.compile(r"\[[^\]^][^\]]*\]:[ \t]*\S")
_ABBREVIATION = re.compile(r"\*\[[^\]]+\]:")
_DEFINITION = re.compile(r":[ \t]+")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|\|[ \t]*:?-+:?[ \t]*\|[ \t]*$")
_HTML_RAW = re.compile(r"<(script|pre|style|textarea)(?:\s|>|$)", re.IGNORECASE)
_HTML_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer|"
    r"form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|"
    r"center|caption|col|colgroup|menu|noscript|source|video|audio|picture|svg)(?:\s|/?>|$)",
    re.IGNORECASE,
)
_HTML_ANY = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>[ \t]*$")


def _indent(text: str) -> int:
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


@dataclass
class _Reader:
    text: str
    chars: list[str]
    blocks: list[Span] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    open_block: int | None = None  # start offset of the block being read
    block_end: int = 0
    containers: list[int] = field(default_factory=list)  # content indents of list items / admonitions
    fence: str | None = None
    html_end: str | None = None  # "-->", "</pre>"... or "" (ends at a blank line)
    html_start: int = 0
    prev_blank: bool = True

    def mask(self, start: int, end: int, char: str) -> None:
        for i in range(start, end):
            if self.chars[i] != "\n":
                self.chars[i] = char

    def close(self) -> None:
        if self.open_block is not None and self.block_end > self.open_block:
            self.blocks.append(Span(self.open_block, self.block_end))
        self.open_block = None

    def extend(self, start: int, end: int) -> None:
        if self.open_block is None:
            self.open_block = start
        self.block_end = end

    def single(self, start: int, end: int) -> None:
        self.close()
        self.extend(start, end)
        self.close()

    def base_indent(self) -> int:
        return self.containers[-1] if self.containers else 0


def _front_matter_end(lines: list[tuple[int, str]]) -> int:
    """Index of the first line after YAML front matter (0 when there is none)."""
    if not lines or lines[0][1].rstrip("\r\n") != "---":
        return 0
    for index, (_, line) in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return index + 1
    return 0


def _html_block(reader: _Reader, start: int, line: str, content: str, body: int, end: int) -> bool:
    """Start (and maybe finish) a raw HTML block or block-level comment; True if it did."""
    stripped = content.lstrip()
    lead = body + (len(content) - len(stripped))
    if stripped.startswith("<!--"):
        reader.close()
        reader.html_end, reader.html_start = "-->", lead
    elif m := _HTML_RAW.match(stripped):
        reader.close()
        reader.html_end, reader.html_start = f"</{m.group(1).lower()}>", lead
    elif _HTML_BLOCK.match(stripped) or (reader.open_block is None and _HTML_ANY.match(stripped)):
        reader.close()
        reader.html_end, reader.html_start = "", lead
    else:
        return False
    _continue_html(reader, start, line, end)
    return True


def _continue_html(reader: _Reader, start: int, line: str, end: int) -> None:
    reader.mask(start, end, BREAK)
    if reader.html_end == "" and line.strip() == "":
        reader.html_end = None
        return
    if reader.html_end and reader.html_end in line.lower():
        if reader.html_end == "-->":
            close = reader.text.index("-->", max(reader.html_start, start)) + 3
            body = reader.text[reader.html_start + 4 : close - 3]
            own = reader.text[close:end].strip() == ""
            reader.comments.append(Comment(Span(reader.html_start, close), body, own))
        reader.html_end = None


def _line(reader: _Reader, start: int, line: str) -> None:
    end = start + len(line.rstrip("\r\n"))
    body = start
    while m := _QUOTE.match(reader.text, body, end):  # block quote markers
        reader.mask(body, m.end(), " ")
        body = m.end()
    content = reader.text[body:end]
    if reader.fence is not None:
        reader.mask(start, end, BREAK)
        stripped = content.strip()
        if stripped.startswith(reader.fence) and set(stripped) == {reader.fence[0]}:
            reader.fence = None
        return
    if reader.html_end is not None:
        _continue_html(reader, start, line, end)
        return
    if not content.strip():
        reader.close()
        reader.prev_blank = True
        return
    indent = _indent(content)
    if reader.prev_blank:
        while reader.containers and indent < reader.containers[-1]:
            reader.containers.pop()
    stripped = content.lstrip()
    lead = body + len(content) - len(stripped)
    blank_before, reader.prev_blank = reader.prev_blank, False
    if (m := _FENCE.match(stripped)) and indent < reader.base_indent() + 4:
        reader.close()
        reader.fence = m.group(1)
        reader.mask(start, end, BREAK)
        return
    if indent >= reader.base_indent() + 4 and (blank_before or reader.open_block is None):
        reader.close()
        reader.mask(start, end, BREAK)  # indented code
        return
    if indent >= 4 and not reader.containers and reader.open_block is not None:
        reader.extend(lead, end)  # lazy continuation of a paragraph
        return
    if _html_block(reader, start, line, content, body, end):
        return
    if _LINK_DEF.match(stripped) or _ABBREVIATION.match(stripped):
        reader.close()
        reader.mask(start, end, BREAK)
        return
    if m := _ATX.match(stripped):
        reader.mask(lead, lead + m.end(), " ")
        if close := _ATX_CLOSE.search(stripped):
            reader.mask(lead + close.start(), end, " ")
        reader.single(lead, end)
        return
    if _SETEXT.match(stripped) and reader.open_block is not None and indent < 4:
        reader.mask(start, end, " ")  # the paragraph above is a heading
        reader.close()
        return
    if _THEMATIC.match(stripped):
        reader.close()
        reader.mask(start, end, " ")
        return
    if "|" in stripped and _TABLE_DELIMITER.match(stripped):
        reader.close()
        reader.mask(start, end, BREAK)
        return
    if stripped.startswith("|"):
        for i in range(lead, end):
            if reader.text[i] == "|" and reader.text[i - 1] != "\\":
                reader.chars[i] = BREAK
        reader.single(lead, end)
        return
    if m := _ADMONITION.match(stripped):
        reader.close()
        reader.mask(lead, lead + m.end(), " ")
        reader.containers.append(indent + 4)
        rest = stripped[m.end() :]
        if rest.startswith('"') and rest.rstrip().endswith('"'):
            title_start = lead + m.end()
            title_end = title_start + len(rest.rstrip())
            reader.mask(title_start, title_start + 1, " ")
            reader.mask(title_end - 1, title_end, " ")
            reader.single(title_start + 1, title_end - 1)
        return
    for pattern, container in ((_LIST_ITEM, None), (_FOOTNOTE_DEF, 4), (_DEFINITION, 4)):
        if (m := pattern.match(stripped)) and (pattern is not _DEFINITION or reader.open_block is not None or blank_before):
            reader.close()
            reader.mask(lead, lead + m.end(), " " if pattern is _LIST_ITEM else BREAK)
            reader.containers.append(indent + m.end() if container is None else indent + container)
            reader.extend(lead + m.end(), end)
            return
    if reader.open_block is None or blank_before:
        reader.close()
    reader.extend(lead, end)


def read_markdown(path: str, text: str) -> Document:
    """Split ``text`` into prose blocks with a masked copy of the same length."""
    chars = list(text)
    reader = _Reader(text=text, chars=chars)
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line))
        offset += len(line)
    first = _front_matter_end(lines)
    for start, line in lines[:first]:
        reader.mask(start, start + len(line), BREAK)
    for start, line in lines[first:]:
        _line(reader, start, line)
    reader.close()
    for block in reader.blocks:
        mask_inline(chars, text, block, reader.comments)
    reader.comments.sort(key=lambda c: c.span.start)
    return Document(path=path, text=text, masked="".join(chars), blocks=reader.blocks, comments=reader.comments)
