"""Threat: copy, a profile value or a file in ``images/`` puts script on a published page.

Copy is parsed once and rendered from the same tokens (``rettfram.copy_html``): every ``<`` is
text, an unsafe link target is ``#``. Profile values are text wherever a template prints them
(``render.markdown_safe``). ``images/`` publishes only real image files. Each case goes through
the page pipeline MkDocs runs (Python-Markdown with the site's extensions) or a real build, and
the HTML is read as a browser would (``tests/security/inert.py``).
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from rettfram.copy_markdown import parse
from rettfram.sanitize import copy_findings, url_is_safe
from tests.security.inert import page_html, page_problems, problems
from tests.sites.htmlscan import find, parse as parse_html
from tests.sites.conftest import _Quiet

HOSTILE = """# <script>alert(1)</script> Velkommen

<img src=x onerror=alert(1)>

[klikk her](javascript:alert(1)) og [her](JaVaScRiPt:alert(1)) og [der](&#106;avascript:alert(1))
og [data](data:text/html,<script>alert(1)</script>) og [trygg](https://example.no).

<div onclick="alert(1)">x</div> <iframe src="https://evil.example/"></iframe>

![sporing](https://evil.example/pixel.png) <a href="javascript:alert(1)">a</a>

[ref][bad]

[bad]: javascript:alert(1)

`<script>alert(1)</script>` i kode er bare tekst.
"""

# Copy that got markup through an earlier sanitiser (regexes before Python-Markdown), and more.
CASES = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "Hei <img src=x onerror=alert(1)>",
    "svg-onload": "<svg onload=alert(1)>",
    "javascript-link": "[x](javascript:alert(1))",
    "spaced-target": "[x]( javascript:alert(1) )",
    "angle-target": "[x](<javascript:alert(1)>)",
    "entity-scheme": "[x](java&#115;cript:alert(1))",
    "vbscript": "[x](vbscript:msgbox(1))",
    "data-url": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "markup-in-link-text": "[<img src=x onerror=alert(1)>](javascript:alert(1))",
    "reference": "[x][r]\n\n[r]: javascript:alert(1)",
    "reference-target-next-line": "[x][r]\n\n[r]:\njavascript:alert(1)",
    "target-split-over-lines": "[x](javascript:\nalert(1))",
    "nested-brackets": "[a [b [c]]](javascript:x)",
    "image-other-host": "![x](https://evil.example/p.png)",
    "image-protocol-relative": "![x](//evil.example/p.png)",
    "comment-inside-tag": "<<!-- -->script>alert(1)</script>",
    "comment-in-link": "[<!--](javascript:x) <script>alert(1)</script> -->",
    "escaped-backtick": "\\`<b onclick=alert(1)>x</b>`",
    "backslash-before-lt": "\\<img src=x onerror=alert(1)>",
    "double-backslash": "\\\\<b onclick=alert(1)>x</b>",
    "code-then-script": "`<script>`\n<script>alert(2)</script>",
    "autolink-attribute": "<https://x onmouseover=alert(1)>",
    "front-matter": "---\ntitle: <script>alert(1)</script>\n---\n# Hei",
    "table-cell": "| a | <b onclick=alert(1)>b</b> |\n|---|---|\n| c | d |",
    "lone-cr": "Tekst `kode\r\r<img src=x onerror=alert(1)>` slutt",
    "crlf-html-block": "<div>\r\n<img src=x onerror=alert(1)>\r\n</div>",
    "nul-in-tag": "<scr\x00ipt>alert(1)</script>",
    "heading-markup": "## <img src=x onerror=alert(1)> [x](javascript:y)",
    "markdown-in-heading-entity": "# &lt;script&gt;alert(1)&lt;/script&gt;",
    "stash-placeholder": "\x02wzxhzdk:0\x03 <script>alert(1)</script>",
    "md-in-html-attribute": '<div markdown="1">\n**x** <script>alert(1)</script>\n</div>',
    # a chart's place (render.Late) written by hand: never a chart, never a stopped build
    "late-marker": "<!--rettfram-late:0000000000000000:0--> `<!--rettfram-late:0000000000000000:1-->` <svg>",
    "flag": "<img src=x onerror=window.__pwned=1> [p](javascript:window.__pwned=1)",
}


@pytest.mark.parametrize("copy", CASES.values(), ids=CASES.keys())
def test_copy_never_becomes_markup(copy, tmp_path):
    html = page_html(copy)
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    assert page_problems(page) == [], html
    tags = {e.tag for e in parse_html(html)}
    assert not tags & {"script", "svg", "iframe", "b"}, html
    for element in parse_html(html):
        assert "onerror" not in element.attrs and "onclick" not in element.attrs and "onmouseover" not in element.attrs


def test_safe_markdown_survives():
    html = page_html("**fet** [lenke](https://example.no) <https://example.no> [tlf](tel:+4712345678) ![bilde](images/a.png) "
                     "`<kode>` 1 < 2 [jobb](work.md)")
    assert '<a href="https://example.no">lenke</a>' in html
    assert '<a href="https://example.no">https://example.no</a>' in html
    assert 'href="tel:+4712345678"' in html and 'src="images/a.png"' in html
    assert "<code>&lt;kode&gt;</code>" in html and "1 &lt; 2" in html
    assert "<strong>fet</strong>" in html


def test_an_unsafe_link_keeps_its_text_and_goes_nowhere():
    html = page_html("Les [dette](javascript:alert(1)) og [dette]( JAVASCRIPT:x ).")
    links = find(parse_html(html), "a")
    assert [(a.attrs["href"], a.text) for a in links] == [("#", "dette"), ("#", "dette")]


def test_comments_for_the_linter_are_not_published():
    html = page_html('<!-- rettfram: allow cliche.natur "sitat" -->\nTekst <!-- notat --> her.')
    assert "rettfram" not in html and "notat" not in html and "Tekst  her." in html


@pytest.mark.parametrize(("url", "safe", "embedded"), [
    ("https://example.no", True, False), ("mailto:a@b.no", True, False), ("tel:+47", True, False),
    ("work.md", True, False), ("#top", True, False), ("javascript:alert(1)", False, False),
    ("JAVASCRIPT:x", False, False), (" \tjava\nscript:x", False, False), ("&#106;avascript:x", False, False),
    ("data:text/html,x", False, False), ("vbscript:x", False, False), ("file:///etc/passwd", False, False),
    ("images/a.png", True, True), ("https://evil.example/a.png", False, True), ("//evil.example/a.png", False, True),
])
def test_url_is_safe(url, safe, embedded):
    assert url_is_safe(url, embedded=embedded) is safe


def test_the_author_is_told_where_with_exact_positions():
    findings = copy_findings("home.md", parse(HOSTILE))
    found = [(f.rule, f.line, f.column) for f in findings]
    assert ("copy.raw-html", 1, 3) in found
    assert ("copy.raw-html", 3, 1) in found
    assert ("copy.unsafe-link", 5, 1) in found
    assert ("copy.unsafe-link", 5, 67) in found  # the entity-encoded scheme
    assert ("copy.raw-html", 8, 33) in found  # the iframe
    assert ("copy.unsafe-link", 10, 1) in found  # the tracking pixel
    assert ("copy.unsafe-link", 12, 1) in found  # the reference to a javascript: definition
    assert all(f.category.value == "schema" and f.severity.value == "warning" for f in findings)
    assert not [f for f in findings if f.line == 16], "code is not reported"
    message = findings[0].message.render("en")
    assert "<script>" in message and "shown as text" in message


def _hostile_folder(folder: Path) -> None:
    for lang in ("nb", "en"):
        for page in ("home", "work", "housing"):
            (folder / "copy" / lang / f"{page}.md").write_text(
                HOSTILE + "\n" + "\n\n".join(CASES.values()) + "\n\n[se](images/evil.html) [md](images/evil.md)\n", encoding="utf-8")
    profile = folder / "profile.yaml"  # profile values are text: never HTML, never Markdown
    text = profile.read_text("utf-8").replace("  name: Frøya\n", '  name: "Frøya [klikk](javascript:alert(1)) **x** <script>alert(1)</script> #"\n')
    text = text.replace("    - title: Operatør settefisk\n", '    - title: "<img src=x onerror=alert(1)> [x](javascript:y) `k`"\n')
    profile.write_text(text, encoding="utf-8")
    images = folder / "images"
    images.mkdir(exist_ok=True)
    (images / "evil.md").write_text("<script>alert('md page')</script>\n", encoding="utf-8")
    (images / "evil.html").write_text("<script>alert('html page')</script>\n", encoding="utf-8")
    (images / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    (images / "fake.png").write_text("<script>alert('not a png')</script>", encoding="utf-8")
    (images / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


def test_a_hostile_municipality_builds_to_inert_pages(build_folders):
    out = build_folders("hostile", _hostile_folder)
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10
    assert problems(out) == []
    images = sorted(str(p.relative_to(out)) for p in out.rglob("images/*") if "assets" not in p.parts)
    assert images == ["froya/en/images/ok.png", "froya/images/ok.png", "froya/pl/images/ok.png"], "only the real image is published"
    assert not list(out.rglob("evil*")) and not list(out.rglob("*.svg"))
    home = (out / "froya" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Velkommen" in home  # shown, as text
    assert "klikk her" in home  # the link text stays
    assert "<title>Frøya [klikk](javascript:alert(1)) **x** &lt;script&gt;alert(1)&lt;/script&gt; #</title>" in home
    heading = find(parse_html(out / "froya" / "work.html"), "h1")[0]
    assert heading.text.strip() == "<script>alert(1)</script> Velkommen", "the copy's heading, as text"
    for index in out.rglob("search_index.json"):
        assert "<script" not in index.read_text("utf-8") and "<img src=x" not in index.read_text("utf-8")


@pytest.mark.browser
def test_hostile_pages_run_nothing_in_chromium(build_folders, chromium):
    """The same hostile municipality in a real browser: no dialog opens, no script of the
    author's runs, no request leaves the site."""
    out = build_folders("hostile-browser", _hostile_folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    dialogs, hosts = [], set()
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
        for path in sorted(out.rglob("*.html")):
            page.goto(f"{base}/{path.relative_to(out).as_posix()}", wait_until="load")
            for image in page.query_selector_all("img"):
                image.dispatch_event("error")  # an onerror handler, if one had survived, would run now
            for element in page.query_selector_all("article *")[:400]:
                element.dispatch_event("mouseover")
            assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    assert dialogs == []
    assert hosts == {"127.0.0.1"}


def test_a_profile_name_with_markdown_stays_text_in_the_page_heading(build_folders):
    def markdown_name(folder: Path) -> None:
        profile = folder / "profile.yaml"
        profile.write_text(profile.read_text("utf-8").replace("  name: Frøya\n", '  name: "Frøya [link](https://evil.example) *x* `y`"\n'),
                           encoding="utf-8")
        (folder / "copy" / "nb" / "work.md").unlink()

    out = build_folders("markdown-name", markdown_name)
    for page in ("index.html", "work.html"):
        elements = parse_html(out / "froya" / page)
        assert not find(elements, "a", href="https://evil.example"), page
        assert not [e for e in elements if e.tag in ("em", "code") and e.text in ("x", "y")], page
