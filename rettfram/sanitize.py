"""Copy safety: which link targets are safe, and what the author is told about unsafe copy.

Copy is never rewritten as text and read again: it is parsed once (``rettfram.copy_markdown``)
and rendered from the tokens (``rettfram.copy_html``), where every ``<`` is text and an unsafe
link target becomes ``#``. This module decides what "unsafe" means (:func:`url_is_safe`) and
reports, from the same tokens, what the author should know (warnings, category ``schema``):

- ``copy.raw-html``: text that looks like HTML (``<script>``, ``<img onerror=…>``) is shown as
  text on the page, never as markup;
- ``copy.unsafe-link``: a link to anything but https, http, mailto, tel or a page of the site
  (``javascript:``, ``data:``, ``vbscript:`` …) is made inert; an image that is not a file of
  the site (another host would also learn of every reader's visit) shows its alt text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from rettfram.copy_markdown import InlineRun, ParsedCopy, inline_runs, walk
from rettfram.findings import Category, Finding, Severity
from rettfram.text import Text

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]{0,31}):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})")


def url_is_safe(url: str, *, embedded: bool = False) -> bool:
    """True for https/http/mailto/tel and site-relative links; for ``embedded`` (an image
    source) only a file of the site itself. Entities and invisible characters are undone
    first, as a browser would."""
    plain = _INVISIBLE.sub("", html.unescape(html.unescape(url[:2048])))
    scheme = _SCHEME.match(plain)
    if embedded:
        return scheme is None and not plain.startswith(("//", "\\\\", "/\\", "\\/"))
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


def copy_findings(display: str, parsed: ParsedCopy) -> list[Finding]:
    """What the author should know about one parsed copy page, with exact line and column."""
    found: list[tuple[int, str, str]] = []
    for run in inline_runs(parsed):
        found += _run_findings(run)
    line_starts = [0] + [m.end() for m in re.finditer("\n", parsed.text)]
    findings = []
    for offset, rule, detail in sorted(found):
        line = bisect_right(line_starts, offset)
        message, fix = MESSAGES[rule]
        findings.append(
            Finding(
                display,
                line,
                offset - line_starts[line - 1] + 1,
                rule,
                Category.SCHEMA,
                Severity.WARNING,
                message.format(detail=detail),
                fix,
            )
        )
    return findings


def _run_findings(run: InlineRun) -> list[tuple[int, str, str]]:
    found = []
    for token, base in walk(run.token.children or []):
        where = run.at(token, base)
        if not where:
            continue
        if token.type == "link_open" and not url_is_safe(str(token.attrGet("href") or "")):
            found.append((where[0], "copy.unsafe-link", _short(str(token.attrGet("href")))))
        elif token.type == "image" and not url_is_safe(str(token.attrGet("src") or ""), embedded=True):
            found.append((where[0], "copy.unsafe-link", _short(str(token.attrGet("src")))))
        elif token.type == "text" and len(where) == len(token.content):
            for m in _TAG.finditer(token.content):
                if not m.group(1):  # an opening tag: reported once (its closing tag too would be noise)
                    found.append((where[m.start()], "copy.raw-html", _short(token.content[m.start() : m.start() + 60])))
    return found


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
            "Lenken eller bildet går til «{detail}», som ikke er tillatt; lenken peker ingen steder, og et bilde "
            "vises som sin alternative tekst.",
            "The link or image goes to '{detail}', which is not allowed; the link goes nowhere, and an image shows as "
            "its alt text.",
            "Lenkja eller biletet går til «{detail}», som ikkje er tillate; lenkja peikar ingen stad, og eit bilete "
            "blir vist som den alternative teksten.",
        ),
        Text(
            "Lenker kan gå til https://, http://, mailto: og tel:. Bilder må ligge i kommunemappen (images/).",
            "Links may go to https://, http://, mailto: and tel:. Images must be in the municipality folder (images/).",
            "Lenkjer kan gå til https://, http://, mailto: og tel:. Bilete må liggje i kommunemappa (images/).",
        ),
    ),
}
