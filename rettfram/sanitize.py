"""Copy safety: Markdown copy never brings HTML, scripts or unsafe links onto a page.

The choice is **sanitise and report**: the build does not refuse hostile copy, it defuses it,
and ``copy_findings`` tells the author what was changed (warnings, category ``schema``):

- every ``<`` in copy outside a one-line code span is written as ``&lt;``, so raw HTML
  (``<script>``, ``<img onerror=…>``, ``<iframe>``) shows as text and never becomes markup
  (rule ``copy.raw-html``); autolinks ``<https://…>`` and ``<name@host>`` stay links;
- HTML comments (``<!-- rettfram: allow … -->``) are removed: they are notes to the linter;
- a link whose target is not https, http, mailto, tel or a page on the site (``javascript:``,
  ``data:``, ``vbscript:`` …) loses its target and keeps its text; an image must be a file
  of the site (no other host, which would also leak readers' visits) (rule ``copy.unsafe-link``);
- YAML front matter at the top of a copy file is removed.

``rettfram.mkdocs_site`` checks every link and attribute of the rendered tree once more with
``url_is_safe``; this module is the first line, that one the second.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rettfram.copy_pages import CopyPage
from rettfram.findings import Category, Finding, Severity
from rettfram.text import Text

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
ACTIVE_TAGS = frozenset({"script", "iframe", "object", "embed", "style", "form", "link", "meta", "base", "svg", "math", "frame", "frameset", "applet"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<(?:https?://[^\s<>\"'`]+|(?:mailto:)?[^\s<>\"'`@!]+@[^\s<>\"'`@]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9\-]*)[^<>]*>?")
_EVENT_ATTR = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)[^)\n]*\)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+).*$", re.MULTILINE)


def url_is_safe(url: str, *, embedded: bool = False) -> bool:
    """True for https/http/mailto/tel and site-relative links; for ``embedded`` (an image
    source) only a file of the site itself. Entities and invisible characters are undone first,
    as a browser would."""
    plain = _INVISIBLE.sub("", html.unescape(html.unescape(url)))
    scheme = _SCHEME.match(plain)
    if embedded:
        return scheme is None and not plain.startswith(("//", "\\\\", "/\\", "\\/"))
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


@dataclass(frozen=True)
class Change:
    """One thing the sanitiser changes: a span of the original text and what replaces it."""

    start: int
    end: int
    replacement: str
    rule: str | None  # None: changed silently (comments, front matter, stray "<")
    detail: str = ""
    active: bool = False


def changes(text: str, show_comments: bool = False) -> list[Change]:
    """Everything ``sanitize_markdown`` changes in ``text``: in order, never overlapping.

    Spans are found first (front matter, one-line code spans, comments, safe autolinks, unsafe
    links) and taken left to right; every ``<`` left between them is escaped. With
    ``show_comments`` a comment is shown as text instead of removed (for our own docs).
    """
    spans: list[Change] = []
    front = _FRONT_MATTER.match(text)
    begin = front.end() if front else 0
    if front:
        spans.append(Change(0, front.end(), "", None))
    spans += [Change(m.start(), m.end(), m.group(0), None) for m in _CODE_SPAN.finditer(text, begin) if not _escaped(text, m.start())]
    if not show_comments:
        spans += [Change(m.start(), m.end(), "", None) for m in _COMMENT.finditer(text, begin)]
    spans += [Change(m.start(), m.end(), m.group(0), None) for m in _AUTOLINK.finditer(text, begin) if url_is_safe(m.group(0)[1:-1])]
    spans += _link_changes(text, begin)
    taken: list[Change] = []
    for span in sorted(spans, key=lambda c: (c.start, -c.end)):
        if not taken or span.start >= taken[-1].end:
            taken.append(span)
    found: list[Change] = []
    gap = begin
    for span in taken + [Change(len(text), len(text), "", None)]:
        found += _escapes(text, gap, span.start)
        if span.end > span.start and (span.rule or span.replacement != text[span.start:span.end]):
            found.append(span)
        gap = max(gap, span.end)
    return found


def _escapes(text: str, start: int, end: int) -> list[Change]:
    """Every unescaped ``<`` between start and end becomes ``&lt;``; tags are reported."""
    found = []
    pos = text.find("<", start, end)
    while pos != -1:
        if not _escaped(text, pos):
            tag = _TAG.match(text, pos, end)
            if tag and not tag.group(0).startswith("</"):  # a closing tag: escaped, not reported
                raw = tag.group(0)
                active = tag.group(1).lower() in ACTIVE_TAGS or bool(_EVENT_ATTR.search(raw)) or "javascript:" in raw.lower()
                found.append(Change(pos, pos + 1, "&lt;", "copy.raw-html", _short(raw), active))
            else:
                found.append(Change(pos, pos + 1, "&lt;", None))
        pos = text.find("<", pos + 1, end)
    return found


def sanitize_markdown(text: str, show_comments: bool = False) -> str:
    """The copy with raw HTML escaped, comments and front matter removed, unsafe links cut."""
    out, pos = [], 0
    for change in changes(text, show_comments):
        out.append(text[pos:change.start])
        out.append(change.replacement)
        pos = change.end
    out.append(text[pos:])
    return "".join(out)


def copy_findings(page: CopyPage) -> list[Finding]:
    """What the sanitiser changes in one copy page, as findings with exact line and column."""
    findings = []
    for change in changes(page.text):
        if change.rule is None:
            continue
        line = page.text.count("\n", 0, change.start) + 1
        column = change.start - (page.text.rfind("\n", 0, change.start) + 1) + 1
        message, fix = MESSAGES[change.rule]
        findings.append(
            Finding(page.display, line, column, change.rule, Category.SCHEMA, Severity.WARNING,
                    message.format(detail=change.detail), fix)
        )
    return findings


def _link_changes(text: str, start: int) -> list[Change]:
    found = []
    for m in _INLINE_LINK.finditer(text, start):
        bang, label, target = m.group(1), m.group(2), m.group(3).strip("<>")
        if not url_is_safe(target, embedded=bool(bang)):
            found.append(Change(m.start(), m.end(), sanitize_markdown(label), "copy.unsafe-link", _short(target)))
    for m in _REF_DEF.finditer(text, start):
        target = m.group(2).strip("<>")
        if not url_is_safe(target):
            found.append(Change(m.start(), m.end(), "", "copy.unsafe-link", _short(target)))
    return found


def _escaped(text: str, pos: int) -> bool:
    """True when an odd number of backslashes stands right before ``pos``."""
    count = 0
    while pos - count - 1 >= 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _short(snippet: str, limit: int = 60) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


MESSAGES = {
    "copy.raw-html": (
        Text(
            "Rå HTML («{detail}») blir ikke en del av siden; den vises som tekst.",
            "Raw HTML ('{detail}') does not become part of the page; it is shown as text.",
            "Rå HTML («{detail}») blir ikkje ein del av sida; han blir vist som tekst.",
        ),
        Text(
            "Skriv Markdown i stedet: **fet**, *kursiv*, [lenketekst](https://…), lister med «- ».",
            "Write Markdown instead: **bold**, *italic*, [link text](https://…), lists with '- '.",
            "Skriv Markdown i staden: **feit**, *kursiv*, [lenkjetekst](https://…), lister med «- ».",
        ),
    ),
    "copy.unsafe-link": (
        Text(
            "Lenken eller bildet går til «{detail}», som ikke er tillatt; målet er fjernet og teksten beholdt.",
            "The link or image goes to '{detail}', which is not allowed; the target was removed and the text kept.",
            "Lenkja eller biletet går til «{detail}», som ikkje er tillate; målet er fjerna og teksten halden på.",
        ),
        Text(
            "Lenker kan gå til https://, http://, mailto: og tel:. Bilder må ligge i kommunemappen (images/).",
            "Links may go to https://, http://, mailto: and tel:. Images must be in the municipality folder (images/).",
            "Lenkjer kan gå til https://, http://, mailto: og tel:. Bilete må liggje i kommunemappa (images/).",
        ),
    ),
}
