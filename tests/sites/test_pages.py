"""What the example build contains: pages, charts with tables, notices, languages, the portal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.sites.conftest import EXAMPLES, PAGES, SITES, site_dir
from tests.sites.htmlscan import external_loads_css, external_loads_html, find, parse


def test_output_layout(site):
    assert sorted(p.name for p in site.iterdir()) == sorted([*EXAMPLES, "assets", "index.html", "rules.html", ".rettfram-build", ".rettfram-portal.json"])
    assert not [p for p in site.parent.iterdir() if ".staging-" in p.name or ".old-" in p.name]


@pytest.mark.parametrize(("slug", "lang"), SITES)
def test_each_site_has_exactly_the_pages(site, slug, lang):
    root = site_dir(site, slug, lang)
    assert sorted(p.name for p in root.glob("*.html")) == sorted(PAGES)  # no 404.html (mkdocs_site.build)
    assert (root / "search" / "search_index.json").is_file()
    assert not list(root.glob("sitemap.xml*")), "a sitemap without site_url has wrong addresses"


@pytest.mark.parametrize(("slug", "lang"), SITES)
def test_lang_attribute_and_language_switch(site, slug, lang):
    main = EXAMPLES[slug][1]
    root = site_dir(site, slug, lang)
    for page in PAGES:
        elements = parse(root / page)
        assert find(elements, "html")[0].attrs["lang"] == lang
        switch = [a for a in find(elements, "a") if "md-select__link" in a.attrs.get("class", "")]
        targets = {a.attrs["hreflang"]: a.attrs["href"] for a in switch}
        langs = {other for other_slug, other in SITES if other_slug == slug}  # every language of the site
        assert {a.attrs["lang"] for a in switch} == langs
        for other in langs:
            if lang == main:
                assert targets[other] == (page if other == main else f"{other}/{page}")
            else:
                assert targets[other] == (f"../{page}" if other == main else page if other == lang else f"../{other}/{page}")


@pytest.mark.parametrize(("slug", "lang"), SITES)
def test_at_least_two_inline_svg_charts_with_data_tables(site, slug, lang):
    charts = 0
    for page in PAGES:
        elements = parse(site_dir(site, slug, lang) / page)
        for block in [e for e in elements if e.tag == "div" and e.attrs.get("class") == "rf-chart"]:
            inner = _descendants(block)
            svg = find(inner, "svg")[0]
            assert svg.attrs["role"] == "img"
            title_id, desc_id = svg.attrs["aria-labelledby"].split()
            assert find(inner, "title", id=title_id)[0].text.strip()
            assert find(inner, "desc", id=desc_id)[0].text.strip()
            table = find(inner, "table")[0]
            table_parts = _descendants(table)
            assert find(table_parts, "caption")[0].text.strip()
            assert find(table_parts, "th", scope="col") and find(table_parts, "th", scope="row")
            charts += 1
    assert charts >= 2


def test_chart_ids_are_unique_on_every_page(site):
    for path in site.rglob("*.html"):
        ids = [e.attrs["id"] for e in parse(path) if "id" in e.attrs]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{path}: {duplicates}"


@pytest.mark.parametrize(("slug", "lang"), SITES)
def test_sample_data_notice_on_every_page(site, slug, lang):
    for page in PAGES:
        notes = [e for e in parse(site_dir(site, slug, lang) / page) if e.attrs.get("role") == "note" and "rf-notice" in e.attrs.get("class", "")]
        assert notes and len(notes[0].text.strip()) > 40, page


def test_portal_links_to_every_site(site):
    elements = parse(site / "index.html")
    hrefs = {a.attrs.get("href") for a in find(elements, "a")}
    for slug in EXAMPLES:
        assert f"{slug}/index.html" in hrefs
        assert f"{slug}/en/index.html" in hrefs
        assert (site / slug / "index.html").is_file()
    assert find(elements, "html")[0].attrs["lang"] == "nb"
    assert [e for e in elements if e.attrs.get("lang") == "en"], "the English text is marked lang=en"
    text = (site / "index.html").read_text("utf-8")
    assert "5\u00a0453" in text and "12\u00a0319" in text  # population of Frøya and Sogndal


def test_no_page_or_stylesheet_loads_from_another_host(site):
    problems = []
    for path in site.rglob("*.html"):
        problems += [f"{path.relative_to(site)}: {p}" for p in external_loads_html(path)]
    for path in site.rglob("*.css"):
        problems += [f"{path.relative_to(site)}: {p}" for p in external_loads_css(path.read_text("utf-8"))]
    assert not problems, "\n".join(problems[:20])


def test_no_google_fonts_or_analytics(site):
    for path in list(site.rglob("*.html")) + list(site.rglob("*.css")):
        text = path.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert "googletagmanager" not in text and "google-analytics" not in text, path


def test_footer_copyright_contrast_is_fixed(site):
    css = (site / "assets" / "stylesheets" / "rettfram.css").read_text("utf-8")
    assert re.search(r"\.md-copyright\s*\{\s*color:\s*var\(--md-footer-fg-color--light\)", css)


def test_honest_states(site):
    gamvik_housing = (site / "gamvik" / "housing.html").read_text("utf-8")
    assert "Ingen ledige boliger er lagt ut akkurat nå." in gamvik_housing
    assert 'href="tel:+4778490000"' in gamvik_housing
    assert "No homes are listed right now." in (site / "gamvik" / "en" / "housing.html").read_text("utf-8")
    assert "Ingen ledige barnehageplassar per 12. november 2026." in (site / "kvam" / "services.html").read_text("utf-8")
    assert "Folketallet har gått ned fra 1\u00a0158 i 2015 til 1\u00a0070 i 2025" in (site / "gamvik" / "index.html").read_text("utf-8")
    assert "The population fell from 8,563 in 2015 to 8,496 in 2025" in (site / "kvam" / "en" / "facts.html").read_text("utf-8")
    assert "Kommunen har ikkje eit eige opplegg for å hjelpe partnarar med jobb." in (site / "kvam" / "work.html").read_text("utf-8")


def test_new_here_has_the_contact(site):
    elements = parse(site / "froya" / "new-here.html")
    hrefs = {a.attrs.get("href") for a in find(elements, "a")}
    assert {"tel:+4772460000", "mailto:tilflytting@example.no"} <= hrefs
    assert "norsk, engelsk og polsk" in (site / "froya" / "new-here.html").read_text("utf-8")
    assert "Norwegian, English and Dutch" in (site / "kvam" / "en" / "new-here.html").read_text("utf-8")


def test_facts_show_strengths_with_evidence_and_weaknesses_on_the_page_of_their_topic(site):
    text = (site / "froya" / "facts.html").read_text("utf-8")
    assert "Distriktsmeldingen, Meld. St. 18 (2016–2017), 2016" in text
    assert "Leiemarkedet er lite og prisene ligger nær Trondheims." not in text  # topic: housing
    assert "Leiemarkedet er lite og prisene ligger nær Trondheims." in (site / "froya" / "housing.html").read_text("utf-8")
    assert "Kilde: SSB tabell 07459, per 1. januar 2025." in text


def test_about_links_to_the_rules_reference_published_once(site):
    """The rules reference is one page beside the sites (``rules.html``), not a copy on every
    site's About page: each About page explains the checks and links to it."""
    text = (site / "froya" / "about.html").read_text("utf-8")
    assert "Slik sjekker vi teksten" in text and "WCAG 2.1" in text
    assert '<a href="../rules.html" hreflang="nb">' in text
    assert '<a href="../../rules.html" hreflang="nb">' in (site / "froya" / "en" / "about.html").read_text("utf-8")
    assert len(text) < 60_000
    reference = (site / "rules.html").read_text("utf-8")
    rule_id = re.search(r"`((?:sos|cliche|target|claim|evidence)\.[a-z0-9-]+)`", (REPO / "docs" / "rules.md").read_text("utf-8")).group(1)
    assert rule_id in reference and rule_id not in text
    assert '<a href="rules.html">' in (site / "index.html").read_text("utf-8")


def test_vacancies_are_listed_soonest_first(site):
    text = (site / "sogndal" / "work.html").read_text("utf-8")
    positions = [text.index(title) for title in ("Sjukepleiar, 100 % fast", "Helsefagarbeidar, 80 % fast, natt", "Førsteamanuensis i idrett")]
    assert positions == sorted(positions)


def test_a_past_deadline_drops_out(build_folders):
    def add_past_vacancy(folder: Path) -> None:
        profile = folder / "profile.yaml"
        text = profile.read_text("utf-8").replace(
            "  vacancies:\n",
            "  vacancies:\n    - title: Fristen gikk ut i går\n      employer: Frøya kommune\n      sector: skole\n      deadline: 2026-11-20\n"
            "    - title: Fristen er i dag\n      employer: Frøya kommune\n      sector: skole\n      deadline: 2026-11-21\n",
        )
        profile.write_text(text, encoding="utf-8")

    out = build_folders("deadline", add_past_vacancy)
    work = (out / "froya" / "work.html").read_text("utf-8")
    assert "Fristen er i dag" in work
    assert "Fristen gikk ut i går" not in work
    assert "Fristen gikk ut i går" not in (out / "froya" / "en" / "work.html").read_text("utf-8")
    home = parse(out / "froya" / "index.html")
    first_figure = [e for e in home if e.attrs.get("class") == "rf-figure__value"][0]
    assert first_figure.text == "3"  # two open in the profile, one today, one past


def _descendants(element):
    out = []
    for child in element.children:
        out.append(child)
        out += _descendants(child)
    return out


def test_profile_text_on_the_english_site_is_the_english_text_the_profile_gives(site):
    """The example profiles give every text in English too (``local_text.py``): the English
    pages show it, and only names (employers, places) stay Norwegian, marked with their language."""
    kvam = (site / "kvam" / "en" / "index.html").read_text("utf-8")
    assert "Nurses" in kvam and "Sjukepleiarar" not in kvam
    housing = (site / "froya" / "en" / "housing.html").read_text("utf-8")
    assert "The rental market is small, and rents are close to those in Trondheim." in housing
    assert "Leiemarkedet er lite" not in housing
    assert '<span lang="nb">' not in (site / "froya" / "facts.html").read_text("utf-8")


def test_published_output_has_no_source_maps(site):
    """The theme's source maps are for its developers: none is published, and nothing points to one."""
    assert not list(site.rglob("*.map"))
    assert not [p for p in [*site.rglob("*.js"), *site.rglob("*.css")] if b"sourceMappingURL" in p.read_bytes()]
