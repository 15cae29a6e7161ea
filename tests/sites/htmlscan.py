"""Reading built HTML and CSS in tests: elements with their attributes, and what they load."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes that make a browser fetch something (an <a href> is a link, not a load).
LOADING = {
    "img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "source": ("src", "srcset"), "track": ("src",),
    "audio": ("src",), "video": ("src", "poster"), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "input": ("src",), "form": ("action",),
}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list["Element"] = field(default_factory=list)


class _Parser(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.all: list[Element] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        element = Element(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):  # noqa: ANN001
        element = Element(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(element)
        self.all.append(element)

    def handle_endtag(self, tag):  # noqa: ANN001
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):  # noqa: ANN001
        for element in self.stack[1:]:
            element.text += data


def parse(path_or_text: Path | str) -> list[Element]:
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.all


def find(elements: list[Element], tag: str, **attrs: str) -> list[Element]:
    return [e for e in elements if e.tag == tag and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in (None, "127.0.0.1", "localhost")


def external_loads_html(path: Path) -> list[str]:
    """Every URL on another host this page would load: elements, <link>s, inline styles."""
    found = []
    for element in parse(path):
        for attribute in LOADING.get(element.tag, ()):
            for url in _urls(element.attrs.get(attribute, ""), srcset=attribute == "srcset"):
                if is_external(url):
                    found.append(f"<{element.tag} {attribute}={url}>")
        if element.tag == "link":
            rels = set(element.attrs.get("rel", "").lower().split())
            if rels & LINK_LOADS and is_external(element.attrs.get("href", "")):
                found.append(f"<link rel={element.attrs.get('rel')} href={element.attrs.get('href')}>")
        if element.tag == "style":
            found += external_loads_css(element.text)
        if "style" in element.attrs:
            found += external_loads_css(element.attrs["style"])
    return found


def external_loads_css(css: str) -> list[str]:
    return [url for match in CSS_URL.finditer(css) for url in match.groups() if url and is_external(url)]


def _urls(value: str, srcset: bool) -> list[str]:
    if not value:
        return []
    if srcset:
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]
