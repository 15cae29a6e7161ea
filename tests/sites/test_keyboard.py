"""The sites from the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): every link and control
reachable with Tab in document order, focus always visible, the skip link works, and the
language switch and the search work without a mouse."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

MAX_STOPS = 250

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e), box = e.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const all = [...document.querySelectorAll('*')];
  return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'), name: e.getAttribute('name'),
          index: all.indexOf(e), visible: box.width > 0 && box.height > 0, indicator: outline || shadow};
}"""


def _tab_to(page, wanted, what: str, limit: int = MAX_STOPS) -> dict:
    """Press Tab until the focused element is ``wanted`` (a test on FOCUSED's dict); fail if never."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop and wanted(stop):
            return stop
    pytest.fail(f"{what} is not reachable with Tab")


def _tab_stops(page) -> list[dict]:
    stops: list[dict] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop["index"] == stops[0]["index"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("path", ["froya/index.html", "froya/work.html", "kvam/services.html", "gamvik/en/housing.html", "index.html"])
def test_every_tab_stop_is_visible_in_order_with_a_focus_indicator(open_page, path):
    page, _, _ = open_page(path)
    stops = _tab_stops(page)
    assert len(stops) > 10, path
    hidden = [stop for stop in stops if not stop["visible"]]
    unmarked = [stop for stop in stops if not stop["indicator"]]
    assert not hidden, f"{path}: focus on elements that cannot be seen: {hidden[:3]}"
    assert not unmarked, f"{path}: focus without a visible indicator: {unmarked[:3]}"
    order = [stop["index"] for stop in stops]
    assert order == sorted(order), f"{path}: Tab does not follow the document order"


def test_the_skip_link_comes_first_and_moves_to_the_content(open_page):
    page, _, _ = open_page("froya/work.html")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == "Gå til innhold" and first["visible"] and first["href"].startswith("#")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == first["href"]
    assert page.evaluate("el => !!document.getElementById(el.slice(1))", first["href"])


def test_the_language_switch_works_from_the_keyboard(open_page):
    page, _, _ = open_page("froya/index.html")
    _tab_to(page, lambda stop: stop["hreflang"] == "en", "the link to the English site")
    page.keyboard.press("Enter")
    # the href is en/index.html; the theme's script may take the reader to the folder, en/
    page.wait_for_url(re.compile(r".*/froya/en/(index\.html)?$"))


def test_the_search_works_from_the_keyboard(open_page):
    page, _, _ = open_page("froya/index.html")
    _tab_to(page, lambda stop: stop["name"] == "query", "the search box")
    page.keyboard.type("sykepleier", delay=30)
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    _tab_to(page, lambda stop: "work.html" in (stop["href"] or ""), "the search result", limit=20)
    page.keyboard.press("Enter")
    page.wait_for_url("**/froya/work.html*")
