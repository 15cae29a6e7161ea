"""Escaping what came from input, once for each place it is written.

- :func:`page_text`: a value on a page. Pages pass through MkDocs' Markdown, so a value must be
  neither HTML nor Markdown there: ``& < > " '`` become HTML references, Markdown's active
  punctuation (``\\ ` * _ [ ] # | !``) numeric character references (a browser shows the
  character; Markdown sees none), and line breaks and control characters spaces, so a value can
  never start a block of its own (a heading, a list, an HTML block).
- :func:`terminal`: a value in one line of plain-text output. Control characters (``\\n``,
  ``\\r``, escape sequences …) and Unicode line separators are written as visible escapes, so
  no input can start a line of its own: GitHub Actions runs ``::command::`` lines from a job's
  output. :func:`terminal_line` also keeps a whole line from starting with ``::``.
- :func:`uri_reference`: a relative path as a percent-encoded URI reference (SARIF).
"""

from __future__ import annotations

import re
from urllib.parse import quote

_PAGE = {ord(c): f"&#{ord(c)};" for c in "\\`*_[]#|!"}
_PAGE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;"})
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def page_text(value: str) -> str:
    """``value`` as text in a page that MkDocs' Markdown reads: never markup, never Markdown."""
    return _BREAKS.sub(" ", value).translate(_PAGE)


def _visible(char: str) -> str:
    code = ord(char)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


_TERMINAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def terminal(value: str) -> str:
    """``value`` with every control character and line separator as a visible escape."""
    return _TERMINAL.sub(lambda m: _visible(m.group()), value)


def terminal_line(line: str) -> str:
    """One output line: escaped, and never starting with ``::`` (a workflow command)."""
    line = terminal(line)
    return " " + line if line.startswith("::") else line


def uri_reference(path: str) -> str:
    """A relative path as a URI reference: forward slashes, everything else percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/")
