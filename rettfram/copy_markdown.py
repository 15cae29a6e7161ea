"""The one Markdown parse of copy: what lint reads, what the sanitiser checks, what is rendered.

Copy is read exactly once, here, and everything downstream works on the result:
``rettfram.lint.markdown`` lints the text the parse found, ``rettfram.sanitize`` reports what
the parse found unsafe, and ``rettfram.copy_html`` renders the same tokens to the HTML that is
published. There is no second reader that could disagree with the first.

1. **Normalise** before anything reads the text: ``\\r\\n`` and lone ``\\r`` become ``\\n``,
   other control characters become U+FFFD (one character for one, so offsets stay), a leading
   byte-order mark goes, and YAML front matter becomes blank lines.
2. **Parse** with markdown-it-py (CommonMark, plus tables and strikethrough). HTML is off:
   every ``<`` in copy is text and is published as text. HTML comments are the one exception,
   as our own token (``rf_comment``): they are notes to the linter and are never published.
   Every link is parsed as a link, whatever its target: the renderer makes an unsafe target
   inert (``#``) instead of leaving the brackets to another reader.
3. **Positions**: markdown-it-py knows the lines of a block but not where inline text stands.
   The inline tokenizer here records, for every token it makes, its span in the block's inline
   source; :func:`source_map` maps that back to offsets in the file. So the linter reports an
   exact line and column for text in paragraphs, headings, list items, table cells, link text
   and image alt text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

SRC = "rf_src"  # Token.meta key: (start, end) in the inline source the token came from
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n?")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
_COMMENT_END = re.compile(re.escape(COMMENT_CLOSE))


def normalise(text: str) -> str:
    """Line endings to ``\\n``, a leading BOM removed, control characters to U+FFFD."""
    text = _NEWLINES.sub("\n", text.removeprefix("\ufeff"))
    return _CONTROL.sub("\ufffd", text)


def front_matter_end(text: str) -> int:
    """The offset just after YAML front matter at the very top, or 0 when there is none."""
    if not _FRONT_MATTER_OPEN.match(text):
        return 0
    close = _FRONT_MATTER_CLOSE.search(text, 4)
    if close is None:
        return 0
    end = close.end()
    return end + 1 if text.startswith("\n", end) else end


@dataclass(frozen=True)
class ParsedCopy:
    """Copy after the one parse: the normalised text and markdown-it-py's tokens."""

    text: str  # normalised, front matter kept (the linter masks it)
    tokens: list[Token]
    front_matter: int  # the end offset of front matter (0: none)


def parse(text: str) -> ParsedCopy:
    """Normalise and parse ``text`` (copy Markdown)."""
    text = normalise(text)
    front = front_matter_end(text)
    blanked = re.sub(r"[^\n]", " ", text[:front]) + text[front:]
    return ParsedCopy(text=text, tokens=_parser().parse(blanked), front_matter=front)


# -- the parser ---------------------------------------------------------------------------


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it-py's name
        return True  # every link is a link; copy_html makes unsafe ones inert


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = _Markdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes as their own tokens: each knows its source span
    md.inline = _TrackingInline(md.inline)
    md.inline.ruler2.at("fragments_join", _fragments_join)
    md.block.ruler.before("html_block", "rf_comment", _comment_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.before("html_inline", "rf_comment", _comment_inline)
    return md


class _TrackingInline(ParserInline):
    """markdown-it-py's inline tokenizer, recording each token's span in ``token.meta[SRC]``."""

    def __init__(self, original: ParserInline):
        super().__init__()
        self.ruler = original.ruler
        self.ruler2 = original.ruler2

    def tokenize(self, state: StateInline) -> None:
        rules = self.ruler.getRules("")
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        pending_start = state.pos  # where the text not yet flushed to a token began
        while state.pos < end:
            pos = state.pos
            had_pending = bool(state.pending)
            if not had_pending:
                pending_start = pos
            before = len(state.tokens)
            ok = False
            if state.level < max_nesting:
                for rule in rules:
                    if rule(state, False):
                        ok = True
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                _record(state, before, had_pending, pending_start, pos)
                if state.pos >= end:
                    break
                continue
            state.append_pending(state.src[state.pos])
            state.pos += 1
        if state.pending:
            token = state.pushPending()
            token.meta[SRC] = (pending_start, pending_start + len(token.content))


def _record(state: StateInline, before: int, had_pending: bool, pending_start: int, pos: int) -> None:
    """Spans for the tokens one successful rule made: a flushed pending text first (it ran from
    ``pending_start`` to ``pos``), then the rule's own tokens within ``pos``..``state.pos``."""
    new = state.tokens[before:]
    if not new:
        return
    if had_pending and new[0].type == "text" and SRC not in new[0].meta:
        new[0].meta[SRC] = (pending_start, pending_start + len(new[0].content))
        new = new[1:]
    own = [t for t in new if SRC not in t.meta]
    if own and all(t.type == "text" for t in own) and "".join(t.content for t in own) == state.src[pos : state.pos]:
        offset = pos
        for token in own:  # emphasis delimiters: one text token per marker character
            token.meta[SRC] = (offset, offset + len(token.content))
            offset += len(token.content)
        return
    for token in own:
        token.meta[SRC] = (pos, state.pos)


def _fragments_join(state: StateInline) -> None:
    """markdown-it-py's ``fragments_join``, keeping the joined span: adjacent text tokens
    (emphasis markers left unused) become one token from the first one's start to the last
    one's end; empty ones (the outer markers of a ``**strong**`` pair) are dropped."""
    level = 0
    out: list[Token] = []
    for token in state.tokens:
        if token.nesting < 0:
            level -= 1
        token.level = level
        if token.nesting > 0:
            level += 1
        if token.type == "text" and not token.content:
            continue  # an emphasis marker that became part of a strong pair: nothing to show
        if token.type == "text" and out and out[-1].type == "text":
            last = out[-1]
            start = last.meta.get(SRC, (0, 0))[0]
            stop = token.meta.get(SRC, last.meta.get(SRC, (0, 0)))[1]
            last.content += token.content
            last.meta[SRC] = (start, stop)
            continue
        out.append(token)
    state.tokens[:] = out


def _closes(state: StateBlock | StateInline) -> list[int]:
    """Where every ``-->`` in the state's source starts (found once per state): each comment
    looks its end up here instead of scanning the text again, so many ``<!--`` stay linear."""
    kept = vars(state)
    found: list[int] | None = kept.get("_rf_closes")
    if found is None:
        found = kept["_rf_closes"] = [m.start() for m in _COMMENT_END.finditer(state.src)]
    return found


def _close_after(state: StateBlock | StateInline, pos: int, limit: int) -> int:
    """The end of the first ``-->`` at or after ``pos`` that ends by ``limit``, or -1."""
    closes = _closes(state)
    index = bisect_left(closes, pos)
    if index == len(closes) or closes[index] + len(COMMENT_CLOSE) > limit:
        return -1
    return closes[index] + len(COMMENT_CLOSE)


def _comment_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An HTML comment standing on its own line(s): one ``rf_comment`` block token. A comment
    with text after it on its closing line is left to the paragraph (and ``_comment_inline``)."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith(COMMENT_OPEN, start):
        return False
    close = _close_after(state, start + len(COMMENT_OPEN), len(state.src))
    if close == -1:
        return False
    line = bisect_left(state.eMarks, close, lo=start_line)  # the line the comment ends on
    if line >= end_line or state.src[close : state.eMarks[line]].strip():
        return False
    if silent:
        return True
    token = state.push("rf_comment", "", 0)
    token.content = state.src[start:close]
    token.map = [start_line, line + 1]
    token.meta[SRC] = (start, close)
    state.line = line + 1
    return True


def _comment_inline(state: StateInline, silent: bool) -> bool:
    """An HTML comment inside a paragraph: an ``rf_comment`` inline token (never published)."""
    pos = state.pos
    if not state.src.startswith(COMMENT_OPEN, pos):
        return False
    end = _close_after(state, pos + len(COMMENT_OPEN), state.posMax)
    if end == -1:
        return False
    if not silent:
        token = state.push("rf_comment", "", 0)
        token.content = state.src[pos:end]
    state.pos = end
    return True


# -- from inline offsets to file offsets --------------------------------------------------


def inline_source_map(text: str, line_starts: list[int], inline: Token, cell: int | None) -> list[int]:
    """For each character of ``inline.content``, its offset in ``text`` (-1 where it has none).

    ``cell``: the index of the table cell this inline token is (None outside tables)."""
    first, last = inline.map if inline.map else (0, 0)
    if cell is not None:
        return _cell_map(text, line_starts, first, inline.content, cell)
    mapping: list[int] = []
    lines = inline.content.split("\n")
    for index, content in enumerate(lines):
        number = first + index
        if number >= len(line_starts):
            mapping += [-1] * (len(content) + 1)
            continue
        line_start = line_starts[number]
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        source = text[line_start:line_end]
        mapping += _align(source, line_start, content)
        mapping.append(line_end)  # the newline after this content line
    return mapping[: len(inline.content)]


def _align(source: str, line_start: int, content: str) -> list[int]:
    """Where each character of one content line stands in its source line: the content is the
    line without its container markers and indentation (a suffix, up to trailing spaces), or,
    for an ATX heading, the part between the markers."""
    body = content.lstrip(" \t")
    lead = len(content) - len(body)
    trimmed = body.rstrip(" \t")
    stripped_source = source.rstrip(" \t")
    if trimmed and stripped_source.endswith(trimmed):
        at = len(stripped_source) - len(trimmed)
    else:
        at = source.find(trimmed) if trimmed else -1
    if at < 0:
        return [-1] * len(content)
    return [line_start + at] * lead + [line_start + at + i for i in range(len(body))]


def _cell_map(text: str, line_starts: list[int], line: int, content: str, cell: int) -> list[int]:
    """Offsets of one table cell's content: the row is split on unescaped ``|`` as markdown-it-py
    does (``\\|`` is a ``|`` in the cell), keeping where each character came from."""
    start = line_starts[line] if line < len(line_starts) else len(text)
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    cells: list[list[int]] = [[]]
    pos = start
    while pos < end and text[pos] in " \t":
        pos += 1
    if pos < end and text[pos] == "|":
        pos += 1
    while pos < end:
        char = text[pos]
        if char == "\\" and pos + 1 < end and text[pos + 1] == "|":
            cells[-1].append(pos + 1)
            pos += 2
            continue
        if char == "|":
            cells.append([])
        else:
            cells[-1].append(pos)
        pos += 1
    stripped = [_strip_offsets(text, offsets) for offsets in cells]
    for offsets in stripped[cell:]:
        if "".join(text[i] if text[i] != "\\" else "|" for i in offsets) == content or len(offsets) == len(content):
            return offsets
    return [-1] * len(content)


def _strip_offsets(text: str, offsets: list[int]) -> list[int]:
    begin, end = 0, len(offsets)
    while begin < end and text[offsets[begin]] in " \t":
        begin += 1
    while end > begin and text[offsets[end - 1]] in " \t":
        end -= 1
    return offsets[begin:end]


@dataclass(frozen=True)
class InlineRun:
    """One inline token of the parse (a paragraph, a heading, a table cell) and, for each
    character of its content, the offset in the file (-1 where it has none)."""

    token: Token
    offsets: list[int]

    def at(self, token: Token, base: int = 0) -> list[int]:
        """File offsets of a child token's source (``base``: where its parent's label starts)."""
        start, end = token.meta.get(SRC, (0, 0))
        stop = min(base + end, len(self.offsets))
        return [self.offsets[i] for i in range(base + start, stop) if self.offsets[i] >= 0]


def inline_runs(parsed: ParsedCopy) -> Iterator[InlineRun]:
    """Every inline token of ``parsed``, in order, with its source offsets."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", parsed.text)]
    cell: int | None = None
    for token in parsed.tokens:
        if token.type == "tr_open":
            cell = 0
        elif token.type == "tr_close":
            cell = None
        elif token.type == "inline":
            yield InlineRun(token, inline_source_map(parsed.text, line_starts, token, cell))
            if cell is not None:
                cell += 1


def walk(children: list[Token], base: int = 0) -> Iterator[tuple[Token, int]]:
    """Inline tokens depth-first with the base their spans count from (an image's alt text
    counts from the start of its label, two characters after ``![``)."""
    for token in children:
        yield token, base
        if token.type == "image" and token.children:
            yield from walk(token.children, base + token.meta.get(SRC, (0, 0))[0] + 2)
