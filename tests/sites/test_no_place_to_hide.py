"""No place to hide: every text a reader sees on a page is linted copy, profile data or the
product's own words, and copy with an error never reaches a page.

The copy linter reads the one Markdown parse (``rettfram.copy_markdown``), and the page is
rendered from the same tokens, so any text the copy put on a page was linted. This test reads
every text node of every built page's main content and finds where it came from: the copy
(the parse's text), the profile (its strings, names and numbers), the sites' catalogue (the
product's words, placeholders filled), the rules reference, or nothing but figures and
punctuation. A text node from anywhere else would be text nobody checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rettfram import i18n
from rettfram.copy_markdown import parse
from rettfram.load import load_yaml
from rettfram.site_build import BuildOptions, BuildStopped, build
from tests.conftest import REPO
from tests.sites.conftest import EXAMPLES, SITE_DAY, SITES, site_dir

FIGURES = re.compile(r"[\d\s.,:;–—\-+%/()«»“”\"'!?…·|×°²³&@]*")


class _Content(HTMLParser):
    """The text nodes inside the page's article (not the theme's header, navigation or footer)."""

    SKIP = {"script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag == "article":
            self.depth += 1
        elif tag in self.SKIP and self.depth:
            self.skip += 1

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "article":
            self.depth -= 1
        elif tag in self.SKIP and self.depth:
            self.skip -= 1

    def handle_data(self, data):  # noqa: ANN001
        if self.depth and not self.skip and data.strip():
            self.nodes.append(" ".join(data.split()))


def text_nodes(page: Path) -> list[str]:
    parser = _Content()
    parser.feed(page.read_text("utf-8"))
    return parser.nodes


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in (*_strings(key), *_strings(value))]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return [str(node)]


def _catalogue_patterns(lang: str) -> list[re.Pattern[str]]:
    """Every catalogue string as a pattern, its placeholders matching anything."""
    raw = i18n._raw(lang)
    patterns = []
    for text in _strings(raw):
        pieces = re.split(r"\{\w+\}", " ".join(text.split()))
        if any(piece.strip() for piece in pieces):  # "{a} {b}" alone would explain anything
            patterns.append(re.compile(".+?".join(re.escape(piece) for piece in pieces), re.DOTALL))
    return patterns


@dataclass(frozen=True)
class Sources:
    """Where text on a site language may come from."""

    copy: str  # the copy's text as the parse reads it, lower case
    profile: list[str]  # the profile's strings, lower case, longest first
    catalogue: list[re.Pattern[str]]  # the catalogue's strings, placeholders as wildcards
    words: set[str]  # every word of the catalogue


def _sources(slug: str, lang: str) -> Sources:
    folder = REPO / "municipalities" / EXAMPLES[slug][0]
    copy = " ".join(" ".join(parse(path.read_text("utf-8")).text.split()) for path in sorted((folder / "copy" / lang).glob("*.md")))
    profile = sorted({" ".join(s.split()).lower() for s in _strings(load_yaml(folder / "profile.yaml").document.data) if s.strip()}, key=len, reverse=True)
    words = {w for text in _strings(i18n._raw(lang)) for w in WORDS.findall(text.lower())}
    words |= {w for month in i18n.catalogue(lang).locale.months["format"]["wide"].values() for w in WORDS.findall(month.lower())}  # dates: CLDR
    return Sources(copy.lower(), profile, _catalogue_patterns(lang), words)


WORDS = re.compile(r"[^\W\d_]+")
RULES_DOC = " ".join((REPO / "docs" / "rules.md").read_text("utf-8").split()).lower()


def _explained(node: str, sources: Sources) -> bool:
    """Copy, a profile value, the rules reference, a filled catalogue string, figures; or else
    every word left after taking out the profile's values is a word of the catalogue (a
    catalogue sentence split by a link or a bold name)."""
    low = node.lower()
    if FIGURES.fullmatch(node) or low in sources.copy or low in RULES_DOC or any(low in value for value in sources.profile):
        return True
    if any(pattern.fullmatch(node) for pattern in sources.catalogue):
        return True
    rest = low
    for value in sources.profile:
        if len(value) > 2 and value in rest:
            rest = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", rest)
    return all(word in sources.words for word in WORDS.findall(rest))


@pytest.mark.parametrize(("slug", "lang"), SITES)
def test_every_text_on_every_page_is_copy_profile_data_or_our_own_words(site, slug, lang):
    sources = _sources(slug, lang)
    unexplained = []
    for page in sorted(site_dir(site, slug, lang).glob("*.html")):
        if page.name == "404.html":
            continue  # the theme's own page
        unexplained += [f"{page.name}: {node!r}" for node in text_nodes(page) if not _explained(node, sources)]
    assert unexplained == []


def test_text_from_nowhere_is_found(site):
    """The check can fail: a sentence nobody wrote in copy, profile or catalogue is unexplained."""
    sources = _sources("froya", "nb")
    assert not _explained("Uten tilflyttere dør bygda.", sources)
    assert _explained(sources.copy[:40], sources) and _explained("(omtrent 8):", sources)


HIDING = {
    "inside raw HTML": "<p>Uten tilflyttere dør bygda.</p>\n",
    "after a comment on the same line": "Tekst <!-- notat --> og uten tilflyttere dør bygda.\n",
    "in a table cell": "| Hva | Hvorfor |\n|---|---|\n| Skolen | Uten tilflyttere dør bygda. |\n",
    "in link text": "[Uten tilflyttere dør bygda](https://example.no).\n",
    "in image alt text": "![Uten tilflyttere dør bygda](images/bygda.png)\n",
    "in a heading with a closing sequence": "## Uten tilflyttere dør bygda ##\n",
}


@pytest.mark.parametrize("copy", HIDING.values(), ids=HIDING.keys())
def test_error_level_copy_never_reaches_a_page(tmp_path, municipality_copy, copy):
    folder = municipality_copy("5626-gamvik")
    (folder / "copy" / "nb" / "community.md").write_text(copy, encoding="utf-8")
    with pytest.raises(BuildStopped) as stopped:
        build(BuildOptions(paths=[str(folder)], today=SITE_DAY, out=tmp_path / "site", cache=tmp_path / "cache"))
    assert any(f.rule == "sos.bygda-dor" and f.path.endswith("community.md") for f in stopped.value.findings)
    assert not (tmp_path / "site").exists()
