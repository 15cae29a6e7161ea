"""WCAG 2.1 A and AA on every page, measured by axe-core in Debian's chromium.

axe-core 4 comes pinned inside a PyPI package (axe-playwright-python, ``requirements.lock``); only
its ``axe.min.js`` is used, injected into each page and run with the WCAG 2.0/2.1 A and AA tags.
Every page of every example site and language, in the light and the dark colour-scheme
preference, at desktop and phone width, and at 320 CSS pixels (a 1280 px window at 400 % zoom:
WCAG's reflow case). A violation fails with a readable report: rule, impact, help, the element
and what axe says to fix.
"""

from __future__ import annotations

import pytest

from tests.sites.conftest import DESKTOP, PHONE, SITES, all_pages, site_dir

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REFLOW = {"width": 320, "height": 640}
VIEWS = {"desktop": DESKTOP, "phone": PHONE, "reflow-320": REFLOW}


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options).then(results => results.violations)", options)


def report(path: str, violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node['failureSummary'].splitlines()[-1].strip() if node['failureSummary'] else ''}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_wcag_violations_on_any_page(open_page, served, site, scheme, view):
    paths = all_pages(site)
    page, _, _ = open_page(paths[0], VIEWS[view], scheme=scheme)
    problems = []
    for path in paths:
        response = page.goto(f"{served}/{path}", wait_until="load")
        assert response is not None and response.status == 200, path
        violations = axe_violations(page)
        if violations:
            problems.append(report(path, violations))
    assert not problems, f"{scheme}, {view}:\n" + "\n".join(problems)


@pytest.fixture
def broken_copy(site):
    """``broken_copy(source, name, change)``: a copy of a built page with one thing broken, beside
    it (the original is untouched; the copy is removed after the test)."""
    made = []

    def make(source: str, name: str, change) -> str:
        original = site / source
        broken = original.with_name(name)
        broken.write_text(change(original.read_text("utf-8")), encoding="utf-8")
        made.append(broken)
        return str(broken.relative_to(site))

    yield make
    for path in made:
        path.unlink()


def test_a_chart_without_a_text_alternative_fails(open_page, broken_copy):
    def strip_alternative(html: str) -> str:
        import re

        html = re.sub(r' aria-labelledby="rf-[a-z]+-title rf-[a-z]+-desc"', "", html)
        return re.sub(r"<title id=\"rf-[a-z]+-title\">.*?</title><desc id=\"rf-[a-z]+-desc\">.*?</desc>", "", html)

    path = broken_copy("froya/work.html", "broken-chart.html", strip_alternative)
    page, _, _ = open_page(path)
    assert "svg-img-alt" in {violation["id"] for violation in axe_violations(page)}


def test_a_low_contrast_palette_fails(open_page, broken_copy):
    def pale(html: str) -> str:  # a municipality colour that white text cannot stand on
        return html.replace("</head>", "<style>[data-md-color-primary=custom]{--md-primary-fg-color:#f3e27a;--md-typeset-a-color:#d8c66a}</style></head>", 1)

    path = broken_copy("froya/index.html", "broken-colour.html", pale)
    page, _, _ = open_page(path)
    violations = axe_violations(page)
    assert "color-contrast" in {violation["id"] for violation in violations}
    assert "color-contrast (serious)" in report(path, violations)


def test_the_statement_says_what_the_tests_measure(site):
    """rettfram/accessibility.json (what every statement page shows) against this file's
    measurement; update it (and its date) when the tests measure something else."""
    import re

    from axe_playwright_python.base import AXE_SCRIPT

    from rettfram.accessibility import measured

    recorded = measured()
    version = re.match(r"/\*! axe v([\d.]+)", AXE_SCRIPT)
    assert version and recorded.tool == f"axe-core {version.group(1)}"
    assert recorded.standard == "WCAG 2.1 A, AA" and set(TAGS) == {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
    assert recorded.pages == len(all_pages(site))
    assert recorded.views == tuple(f"{view['width']} px" for view in VIEWS.values())
    assert recorded.schemes == ("light", "dark")
    assert (recorded.violations, recorded.keyboard, recorded.broken_links) == (0, True, 0)  # what the tests assert


def test_every_site_publishes_its_statement_with_the_date_and_a_contact(site):
    from rettfram.accessibility import measured

    day = measured().measured
    for slug, lang in SITES:
        page = (site_dir(site, slug, lang) / "accessibility.html").read_text("utf-8")
        assert str(day.year) in page and ("mailto:" in page or "tel:" in page), (slug, lang)
        assert 'href="https://www.uutilsynet.no/"' in page
        about = (site_dir(site, slug, lang) / "about.html").read_text("utf-8")
        assert 'href="accessibility.html"' in about
