"""Parsed copy to the HTML that is published: the only renderer of copy.

It renders the tokens of the one parse (``rettfram.copy_markdown``), so the page shows exactly
what the linter read. What comes out can hold no markup from the author:

- text is HTML-escaped, and Markdown's punctuation is written as character references, so
  MkDocs' Markdown (which reads the page around the copy) finds nothing to interpret;
- a link whose target is not https, http, mailto, tel or a page of the site gets ``href="#"``
  (inert; the text stays); an image that is not a file of the site shows its alt text;
- HTML comments are not published.

Headings at the top level of the copy become Markdown headings of the page (plain text, so they
join the page's table of contents); everything else becomes ``<div class="rf-copy">`` blocks
that MkDocs passes through as they are. A first ``# heading`` is the page's own heading.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MethodType
from urllib.parse import urlsplit

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from rettfram.copy_markdown import ParsedCopy, _parser
from rettfram.escape import page_text
from rettfram.sanitize import url_is_safe


@dataclass(frozen=True)
class RenderedCopy:
    heading: str | None  # the copy's first "# heading" as plain text: the page's heading
    body: str  # Markdown headings and raw HTML blocks, ready for the page template


def render_copy(
    parsed: ParsedCopy,
    pages: Mapping[str, str] | None = None,
    *,
    show_comments: bool = False,
    markdown_headings: bool = True,
    heading_shift: int = 0,
) -> RenderedCopy:
    """``pages`` maps a copy file name (``work.md``) to the page it becomes (``work.html``), so
    links between copy pages work. For our own documents (the rules reference):
    ``show_comments`` shows HTML comments as text, ``markdown_headings=False`` renders every
    heading as HTML, ``heading_shift`` moves headings down."""
    tokens = parsed.tokens
    heading = None
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        heading = plain_text(tokens[1].children or [])
        tokens = tokens[3:]
    if heading_shift:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(6, int(token.tag[1]) + heading_shift)}"
    renderer = _Renderer(pages or {}, show_comments)
    parts: list[str] = []
    run: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if markdown_headings and token.type == "heading_open" and token.level == 0:
            parts.append(_block(renderer, run))
            run = []
            parts.append("#" * int(token.tag[1]) + " " + page_text(plain_text(tokens[index + 1].children or [])))
            index += 3
            continue
        run.append(token)
        index += 1
    parts.append(_block(renderer, run))
    return RenderedCopy(heading, "\n\n".join(part for part in parts if part))


def plain_text(children: Sequence[Token]) -> str:
    """What a reader sees of inline tokens, as plain text (alt text for images)."""
    out = []
    for token in children:
        if token.type in ("text", "text_special", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(plain_text(token.children or []))
    return "".join(out).strip()


def _block(renderer: _Renderer, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    rendered = renderer.render(tokens, _parser().options, {}).strip()
    return f'<div class="rf-copy">\n{rendered}\n</div>' if rendered else ""


def _text(value: str) -> str:
    """Text in HTML that Markdown will see around it: nothing to interpret (``escape.page_text``
    keeps line breaks here: they are inside an HTML block)."""
    return "\n".join(page_text(line) for line in value.split("\n"))


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


class _Renderer(RendererHTML):
    def __init__(self, pages: Mapping[str, str], show_comments: bool):
        super().__init__()
        self.pages = pages
        self.show_comments = show_comments
        self.rules["text_special"] = MethodType(RendererHTML.text, self)

    def text(self, tokens, idx, options, env):  # noqa: ANN001, ANN201 (markdown-it-py's signature)
        return _text(tokens[idx].content)

    def code_inline(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        return f"<code>{_text(tokens[idx].content)}</code>"

    def code_block(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        return f"<pre><code>{_text(tokens[idx].content)}</code></pre>\n"

    def fence(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        return self.code_block(tokens, idx, options, env)

    def rf_comment(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        token = tokens[idx]
        if not self.show_comments:
            return ""
        shown = _text(token.content)
        return f"<p>{shown}</p>\n" if token.block else shown

    def link_open(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        token = tokens[idx]
        href = self._href(token.attrGet("href") or "")
        title = token.attrGet("title")
        title_attr = f' title="{_attr(str(title))}"' if title else ""
        return f'<a href="{_attr(href)}"{title_attr}>'

    def link_close(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        return "</a>"

    def image(self, tokens, idx, options, env):  # noqa: ANN001, ANN201
        token = tokens[idx]
        alt = plain_text(token.children or [])
        src = token.attrGet("src") or ""
        if not url_is_safe(src, embedded=True):
            return _text(alt)
        return f'<img src="{_attr(src)}" alt="{_attr(alt)}" loading="lazy">'

    def _href(self, href: str) -> str:
        if not url_is_safe(href):
            return "#"
        parts = urlsplit(href)
        if not parts.scheme and not parts.netloc and parts.path in self.pages:
            return self.pages[parts.path] + (f"#{parts.fragment}" if parts.fragment else "")
        return href
