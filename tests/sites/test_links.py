"""Every link on every built page goes somewhere: internal links to a file of the build, and
anchors to an id on that page; links to other hosts are listed (never fetched)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.sites.htmlscan import is_external, parse

LINKED = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def _targets(page: Path) -> list[tuple[str, str]]:
    return [(element.tag, element.attrs[attribute]) for element in parse(page)
            for tag, attribute in LINKED.items() if element.tag == tag and attribute in element.attrs]


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = {element.attrs["id"] for element in parse(page) if "id" in element.attrs}
    return cache[page]


def _broken_links(site: Path) -> tuple[list[str], set[str]]:
    broken, external, ids = [], set(), {}
    for page in sorted(site.rglob("*.html")):
        shown = page.relative_to(site)
        for tag, url in _targets(page):
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "tel") or is_external(url):
                if parts.scheme in ("http", "https"):
                    external.add(url)
                continue
            if parts.path.startswith("/"):
                target = site / unquote(parts.path).lstrip("/")  # the build served at the root of its host
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                broken.append(f"{shown}: <{tag}> {url}: no such file in the build")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target, ids):
                broken.append(f"{shown}: <{tag}> {url}: no id {parts.fragment!r} on {target.relative_to(site.resolve())}")
    return broken, external


def test_no_broken_internal_link_or_anchor(site):
    broken, external = _broken_links(site)
    assert not broken, "\n".join(broken)
    assert external  # the profiles' vacancy and listing links, and the sources: listed, not fetched
    print(f"{len(external)} links to other hosts (not fetched):\n" + "\n".join(sorted(external)))


def test_a_broken_link_is_found(site, tmp_path):
    page = site / "froya" / "broken-link.html"
    page.write_text('<a href="work.html#no-such-id">x</a><a href="no-such-page.html">y</a><a href="work.html">z</a>', "utf-8")
    try:
        broken, _ = _broken_links(site)
    finally:
        page.unlink()
    assert [line for line in broken if line.startswith("froya/broken-link.html")] == [
        "froya/broken-link.html: <a> work.html#no-such-id: no id 'no-such-id' on froya/work.html",
        "froya/broken-link.html: <a> no-such-page.html: no such file in the build",
    ]
