"""The built sites in a real browser (Debian's chromium through Playwright).

Every page loads with no request to another host and no script error; charts are visible and
fit a phone; pages work without JavaScript; screenshots of each page type at desktop and phone
width go to ``test-artifacts/screenshots/``. Without chromium these tests fail under CI=true
and are skipped elsewhere.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.sites.conftest import DESKTOP, PAGES, PHONE, all_pages

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
MAX_SHOT_HEIGHT = 6000  # the About page carries the whole rules reference


def test_every_page_loads_from_this_host_only(open_page, served, site):
    paths = all_pages(site)
    page, hosts, errors = open_page(paths[0])
    for path in paths[1:]:
        response = page.goto(f"{served}/{path}", wait_until="load")
        assert response.status == 200, path
    page.wait_for_timeout(300)  # let the search worker start
    assert set(hosts) == {"127.0.0.1"}, sorted(set(hosts))
    assert not errors


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_charts_are_visible_and_fit(open_page, viewport):
    for path in ("froya/index.html", "froya/work.html", "froya/housing.html", "kvam/en/facts.html"):
        page, _, _ = open_page(path, viewport)
        charts = page.locator("figure.rf-chart__figure svg[role=img]")
        assert charts.count() >= 1, path
        box = charts.first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 80, (path, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (path, box)


@pytest.mark.parametrize("path", [f"froya/{page}" for page in PAGES] + ["index.html", "gamvik/housing.html", "kvam/services.html"])
def test_nothing_is_wider_than_a_phone(open_page, path):
    page, _, _ = open_page(path, PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide on a {PHONE['width']}px phone"


def test_pages_work_without_javascript(open_page):
    page, _, _ = open_page("froya/work.html", DESKTOP, javascript=False)
    assert page.locator("figure.rf-chart__figure svg").first.is_visible()
    assert page.locator("table caption").first.is_visible()
    assert page.locator(".rf-notice").is_visible()
    page.get_by_role("link", name="Bolig").first.click()
    assert page.url.endswith("/froya/housing.html")


SHOTS = [(f"froya/{page}", f"froya-nb-{page[:-5]}") for page in PAGES] + [
    ("froya/en/index.html", "froya-en-index"),
    ("kvam/services.html", "kvam-nn-services"),
    ("gamvik/housing.html", "gamvik-nb-housing-empty"),
    ("index.html", "portal"),
]


@pytest.mark.parametrize(("path", "name"), SHOTS, ids=[name for _, name in SHOTS])
def test_screenshots(open_page, path, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page, _, _ = open_page(path, viewport)
        height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_SHOT_HEIGHT)
        target = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
        assert target.stat().st_size > 10_000


@pytest.mark.parametrize(("path", "query", "expect"), [("froya/index.html", "sykepleier", "work"), ("froya/en/index.html", "nurse", "work"),
                                                       ("kvam/index.html", "barnehage", "services")])
def test_search_finds_pages_with_only_the_site_languages_search_files(open_page, served, path, query, expect):
    """Only the stemmers of a site's own search languages are published (mkdocs_site.py): the
    search still loads them, and finds the page."""
    page, hosts, errors = open_page(path)
    page.keyboard.press("s")  # the theme's shortcut: opens and focuses the search box
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    assert any(expect in (results.nth(i).get_attribute("href") or "") for i in range(results.count()))
    assert not errors and set(hosts) == {"127.0.0.1"}
