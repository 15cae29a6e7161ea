"""Threat: copy nobody thought of. Random Markdown and HTML fragments go through the whole
pipeline, and the HTML is read as a browser would: no script, no event handler, no
``javascript:`` URL, no element the copy renderer does not make.

Hypothesis drives the page pipeline (parse → render → MkDocs' Markdown) for many cases; a real
build of a municipality whose every copy page is fuzz checks the theme and MkDocs around it.
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.inert import page_html, page_problems, problems
from tests.sites.htmlscan import parse as parse_html

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:x\">",
    "<iframe src=//x>", "</div>", "<div markdown=\"1\">", "<p>", "onerror=alert(1)", "javascript:alert(1)",
    "data:text/html,x", "JaVaScRiPt:x", "&#106;avascript:x", "&lt;script&gt;", "&#x3C;", "[", "]", "(", ")", "![", "](",
    "[x]: javascript:y", "`", "``", "\\", "<!--", "-->", "<", ">", "\"", "'", "*", "**", "_", "~~", "|", " | ", "---",
    "#", "## ", "> ", "- ", "1. ", "    ", "\t", "```", "~~~", "<https://x.no>", "<mailto:a@b.no>", "www.x.no",
    "{: onclick=\"x\"}", "\x00", "\x02", "\x03", "\r", "\n", "\r\n", "\n\n", " ", "a", "Bygda", "fred og ro", "æøå",
]
ALLOWED = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
           "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "s", "div"}

copy_text = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(copy_text)
def test_random_copy_renders_to_inert_html(tmp_path_factory, copy):
    html = page_html(copy)
    path = tmp_path_factory.mktemp("fuzz") / "page.html"
    path.write_text(html, encoding="utf-8")
    assert page_problems(path) == [], (copy, html)
    tags = {element.tag for element in parse_html(html)}
    assert tags <= ALLOWED, (copy, tags - ALLOWED)


def test_a_municipality_of_fuzz_copy_builds_to_inert_pages(build_folders):
    chooser = random.Random(20261206)

    def fuzz(folder: Path) -> None:
        for lang in ("nb", "en"):
            for page in ("home", "work", "housing", "services", "community", "new-here"):
                text = "".join(chooser.choice(FRAGMENTS) for _ in range(400))
                (folder / "copy" / lang / f"{page}.md").write_text(text, encoding="utf-8", newline="")

    out = build_folders("fuzz", fuzz)
    assert len(list(out.rglob("*.html"))) > 10
    assert problems(out) == []
