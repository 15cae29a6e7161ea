"""Every reader's language (issue 12): profile text per language on its own language's pages, a
fallback marked with ``lang``, Polish and Ukrainian sites with no Norwegian or English UI words,
``hreflang`` alternates, and copy no rule pack checks named in the build's findings.

Read from real built HTML: one build of a copy of Frøya whose nurse vacancy has its title in
nb, en and pl, with copy in ``copy/pl/`` and ``copy/uk/``."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rettfram import i18n
from tests.sites.htmlscan import find, parse

NURSE = {"nb": "Sykepleier, 100 % fast", "en": "Nurse, permanent, full time", "pl": "Pielęgniarka, etat stały"}
PL_HOME = "# Frøya po polsku\n\nGmina Frøya ma 5 453 mieszkańców. Wnioski o miejsce w przedszkolu przyjmujemy do 1 marca.\n"
UK_HOME = "# Фрея українською\n\nУ комуні Фрея 5 453 мешканці. Заяви до дитячого садка приймаються до 1 березня.\n"


def _prepare(folder: Path) -> None:
    path = folder / "profile.yaml"
    text = path.read_text("utf-8")
    old = next(line for line in text.splitlines() if "title:" in line and "Sykepleier, 100 % fast" in line)
    indent = old[: old.index("title:")]
    flow = ", ".join(f'{lang}: "{value}"' for lang, value in NURSE.items())
    text = text.replace(old, f"{indent}title: {{{flow}}}", 1)
    hatchery = next(line for line in text.splitlines() if "title:" in line and "Operatør settefisk" in line)
    text = text.replace(hatchery, f"{indent}title: Operatør settefisk", 1)  # given only in Norwegian
    path.write_text(text, "utf-8")
    for lang, home in (("pl", PL_HOME), ("uk", UK_HOME)):
        if not (folder / "copy" / lang).is_dir():  # the example has Polish copy of its own
            (folder / "copy" / lang).mkdir()
            (folder / "copy" / lang / "home.md").write_text(home, "utf-8")


@pytest.fixture(scope="module")
def built(build_folders) -> Path:
    return build_folders("languages", _prepare) / "froya"


def _html(root: Path, page: str) -> str:
    return (root / page).read_text("utf-8")


@pytest.mark.parametrize(("where", "lang"), [("", "nb"), ("en", "en"), ("pl", "pl")])
def test_a_title_given_per_language_shows_each_on_its_own_pages(built, where, lang):
    html = _html(built / where if where else built, "work.html")
    assert NURSE[lang] in html
    assert not [other for other, title in NURSE.items() if other != lang and title in html]
    assert f'<span lang="nb">{NURSE["nb"]}</span>' not in html


@pytest.mark.parametrize("where", ["en", "pl", "uk"])
def test_a_title_given_only_in_norwegian_stays_marked_nb(built, where):
    html = _html(built / where, "work.html")
    assert '<span lang="nb">Operatør settefisk</span>' in html


def test_the_ukrainian_pages_fall_back_to_norwegian_for_the_nurse_too(built):
    assert f'<span lang="nb">{NURSE["nb"]}</span>' in _html(built / "uk", "work.html")


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_polish_and_ukrainian_sites_have_no_norwegian_or_english_ui_words(built, lang):
    """No text on the language's pages is a catalogue string of nb or en that its own catalogue
    does not share (a label falling back to English would be one): the page speaks the reader's
    language, apart from text marked with another lang (profile text in the municipality's language)."""
    root = built / lang
    assert re.search(r'<html[^>]* lang="' + lang + '"', _html(root, "index.html"))
    own = set(_strings(i18n._raw(lang)))
    foreign = {s for other in ("nb", "en") for s in _strings(i18n._raw(other)) if s not in own and "{" not in s and len(s) > 2}
    assert len(foreign) > 100
    for page in sorted(root.glob("*.html")):
        if page.name == "404.html":
            continue
        nodes = _own_language_text_nodes(page, lang)
        assert len(" ".join(nodes)) > 200, page.name
        text = " ".join(nodes)
        found = sorted({s for s in foreign if s in nodes or (len(s) > 12 and s in text)})
        assert found == [], f"{page.name}: {found[:5]}"


def test_every_page_names_its_other_languages_in_the_head(built):
    html = _html(built / "pl", "work.html")
    links = re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)"', html)
    assert sorted(lang for lang, _ in links) == ["en", "nb", "pl", "uk"]
    for lang, href in links:
        assert (built / "pl" / href).resolve() == ((built if lang == "nb" else built / lang) / "work.html").resolve()


def test_the_switcher_lists_every_language(built):
    html = _html(built, "index.html")
    names = [i18n.catalogue(lang).t("meta.endonym") for lang in ("nb", "en", "pl", "uk")]
    assert all(f">\n              {name}\n" in html or f"> {name} <" in html or name in html for name in names)


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [" ".join(node.split())]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


class _Nodes(HTMLParser):
    """Text nodes of ``<body>``, with whether an enclosing element is marked with another language."""

    SKIP = {"script", "style", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, foreign or skipped)
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag in self.VOID:
            return
        marked = dict(attrs).get("lang")
        outside = bool(self.stack and self.stack[-1][1]) or tag in self.SKIP or (marked is not None and marked != self.lang and tag != "html")
        self.stack.append((tag, outside))

    def handle_endtag(self, tag):  # noqa: ANN001
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):  # noqa: ANN001
        text = " ".join(data.split())
        if text and not (self.stack and self.stack[-1][1]) and any(t == "body" for t, _ in self.stack):
            self.nodes.append(text)


def _own_language_text_nodes(page: Path, lang: str) -> list[str]:
    parser = _Nodes(lang)
    parser.feed(page.read_text("utf-8"))
    return parser.nodes
