"""Is a built site inert? Nothing from input may run in a browser or leave the folder.

``page_html(copy)`` is the page pipeline without MkDocs' theme, for fast tests.

``problems(out)`` reads every file of a built output folder and returns what is wrong:
an element that runs or embeds something (``script`` other than the theme's own, ``iframe``,
``object``, ``embed``, ``base``, ``form``, a ``meta`` refresh), an ``on…`` attribute, a URL
attribute with a ``javascript:``/``data:``/``vbscript:`` target (as a browser reads it), an
image from another host, or a file of a kind the build never makes (``.md``, ``.svg``, ``.htm``…).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown

from rettfram import mkdocs_site
from rettfram.copy_html import render_copy
from rettfram.copy_markdown import parse as parse_copy
from rettfram.render import markdown_safe
from tests.sites.htmlscan import parse

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background")
ACTIVE = ("iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "portal")
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript|file):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
THEME_SCRIPT = re.compile(r"^/?(?:\.\./)*assets/javascripts/[\w.]+\.js$")
# the theme's two inline scripts (mkdocs-material 9.x base.html): known text, nothing from input
THEME_INLINE = ("__md_scope=new URL(", "var target=document.getElementById(location.hash.slice(1))")
OUTPUT_KINDS = {".html", ".css", ".js", ".json", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ""}


def _plain(url: str) -> str:
    return _INVISIBLE.sub("", html.unescape(url))


def page_problems(path: Path) -> list[str]:
    found = []
    for element in parse(path):
        where = f"{path}: <{element.tag}>"
        theme_search = element.tag == "form" and element.attrs.get("class") == "md-search__form" and "action" not in element.attrs
        if element.tag in ACTIVE and not theme_search:
            found.append(f"{where} runs or embeds something")
        if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh":
            found.append(f"{where} refresh")
        if element.tag == "script":
            src = element.attrs.get("src")
            if src is not None:
                if not THEME_SCRIPT.match(src):
                    found.append(f"{where} src={src!r}")
            elif element.attrs.get("type") == "application/json" and element.attrs.get("id") == "__config":
                pass
            elif not element.text.strip().startswith(THEME_INLINE):
                found.append(f"{where} inline script {element.text[:60]!r}")
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{where} {name}={value!r}")
            if name.lower() in URL_ATTRIBUTES and BAD_SCHEME.match(_plain(value)):
                found.append(f"{where} {name}={value!r}")
            if name.lower() == "style" and re.search(r"expression\(|javascript:|url\(", value, re.IGNORECASE):
                found.append(f"{where} style={value!r}")
        if element.tag == "img" and re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|\\\\)", _plain(element.attrs.get("src", "")), re.IGNORECASE):
            found.append(f"{where} loads {element.attrs.get('src')!r} from another host")
    return found


def problems(out: Path) -> list[str]:
    found = []
    for path in sorted(out.rglob("*")):
        if path.is_symlink():
            found.append(f"{path}: a symlink in the output")
        elif path.is_file():
            if path.suffix.lower() not in OUTPUT_KINDS and path.name != ".rettfram-build":
                found.append(f"{path}: a file of a kind the build never makes")
            if path.suffix == ".html":
                found += page_problems(path)
    return found


def all_text(out: Path) -> str:
    """Every byte of the output as text (to look for a secret or a file's content)."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(out.rglob("*")) if p.is_file() and not p.is_symlink())


def page_html(copy: str) -> str:
    """The copy as it reaches a page: rendered from the one parse, placed in a page's Markdown
    and read by Python-Markdown with the sites' own extensions (as MkDocs does)."""
    rendered = render_copy(parse_copy(copy))
    heading = markdown_safe(rendered.heading or "Side")
    page = f"# {heading}\n\n{rendered.body}\n\n## Data\n\n<p>{markdown_safe('x')}</p>\n"
    extensions = [*mkdocs_site.load_base()["markdown_extensions"], mkdocs_site.SafeTreeExtension()]
    names = [e if isinstance(e, (str, markdown.Extension)) else next(iter(e)) for e in extensions]
    return markdown.markdown(page, extensions=names)
