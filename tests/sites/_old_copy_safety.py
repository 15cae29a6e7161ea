"""Hostile copy never reaches a page: raw HTML is escaped, unsafe links lose their target.

Sanitised before MkDocs (``rettfram.sanitize``), checked again in MkDocs' tree
(``mkdocs_site.SafeTree``), reported to the author (``copy_findings``) with line and column.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from rettfram.copy_pages import CopyPage
from rettfram.mkdocs_site import SafeTreeExtension
from rettfram.sanitize import copy_findings, sanitize_markdown, url_is_safe
from tests.sites.htmlscan import find, parse

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

# (input, what must not be in the HTML MkDocs' Markdown makes of the sanitised text)
CASES = [
    ("<script>alert(1)</script>", "<script"),
    ("Hei <img src=x onerror=alert(1)>", "<img"),
    ("<svg onload=alert(1)>", "<svg"),
    ("[x](javascript:alert(1))", "href"),
    ("[x]( javascript:alert(1) )", "href"),
    ("[x](<javascript:alert(1)>)", "href"),
    ("[x](java&#115;cript:alert(1))", "href"),
    ("[x](vbscript:msgbox(1))", "href"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "href"),
    ("[<img src=x onerror=alert(1)>](javascript:alert(1))", "<img"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "href"),
    ("![x](https://evil.example/p.png)", "<img"),
    ("![x](//evil.example/p.png)", "<img"),
    ("<<!-- -->script>alert(1)</script>", "<script"),
    ("[<!--](javascript:x) <script>alert(1)</script> -->", "<script"),
    ("\\`<b onclick=alert(1)>x</b>`", "<b "),
    ("\\\\<b onclick=alert(1)>x</b>", "<b "),
    ("`<script>`\n<script>alert(2)</script>", "<script"),
    ("<https://x onmouseover=alert(1)>", "onmouseover=\""),
    ("---\ntitle: <script>alert(1)</script>\n---\n# Hei", "<script"),
    ("| a | <b onclick=alert(1)>b</b> |\n|---|---|\n| c | d |", "<b "),
]


def _html(text: str) -> str:
    return markdown.markdown(sanitize_markdown(text), extensions=["toc", "tables", "sane_lists", "md_in_html", SafeTreeExtension()])


@pytest.mark.parametrize(("text", "forbidden"), CASES)
def test_sanitised_copy_renders_no_markup_from_the_author(text, forbidden):
    html = _html(text)
    assert forbidden not in html, html
    assert "javascript:" not in html.lower().replace("&lt;", "<") or "href" not in html


def test_safe_markdown_survives():
    html = _html("**fet** [lenke](https://example.no) <https://example.no> [tlf](tel:+4712345678) ![bilde](images/a.png) `<kode>` 1 < 2")
    assert '<a href="https://example.no">lenke</a>' in html
    assert '<a href="https://example.no">https://example.no</a>' in html
    assert 'href="tel:+4712345678"' in html and 'src="images/a.png"' in html
    assert "<code>&lt;kode&gt;</code>" in html and "1 &lt; 2" in html


def test_comments_for_the_linter_are_removed():
    assert sanitize_markdown('<!-- rettfram: allow cliche.natur "sitat" -->\nTekst') == "\nTekst"


@pytest.mark.parametrize(("url", "safe", "embedded"), [
    ("https://example.no", True, False), ("mailto:a@b.no", True, False), ("tel:+47", True, False),
    ("work.md", True, False), ("#top", True, False), ("javascript:alert(1)", False, False),
    ("JAVASCRIPT:x", False, False), (" \tjava\nscript:x", False, False), ("&#106;avascript:x", False, False),
    ("data:text/html,x", False, False), ("vbscript:x", False, False), ("file:///etc/passwd", False, False),
    ("images/a.png", True, True), ("https://evil.example/a.png", False, True), ("//evil.example/a.png", False, True),
])
def test_url_is_safe(url, safe, embedded):
    assert url_is_safe(url, embedded=embedded) is safe


def test_copy_findings_have_exact_positions():
    page = CopyPage("nb", "home", Path("municipalities/5014-froya/copy/nb/home.md"), HOSTILE)
    found = [(f.rule, f.line, f.column) for f in copy_findings(page)]
    assert ("copy.raw-html", 1, 3) in found
    assert ("copy.raw-html", 3, 1) in found
    assert ("copy.unsafe-link", 5, 1) in found
    assert ("copy.unsafe-link", 5, 67) in found  # the entity-encoded scheme
    assert ("copy.raw-html", 8, 33) in found  # the iframe
    assert ("copy.unsafe-link", 10, 1) in found  # the tracking pixel
    assert ("copy.unsafe-link", 14, 1) in found  # the reference definition
    assert all(f.category.value == "schema" and f.severity.value == "warning" for f in copy_findings(page))
    assert not [f for f in copy_findings(page) if f.line == 16], "code is not reported"
    message = copy_findings(page)[0].message.render("en")
    assert "<script>" in message and "shown as text" in message


def test_hostile_copy_never_appears_unescaped_in_the_built_site(build_folders):
    def hostile(folder: Path) -> None:
        for lang in ("nb", "en"):
            for page in ("home", "work"):
                (folder / "copy" / lang / f"{page}.md").write_text(HOSTILE, encoding="utf-8")
        profile = folder / "profile.yaml"  # profile text is data: autoescaped everywhere
        text = profile.read_text("utf-8").replace("  name: Frøya\n", '  name: "Frøya\\" <script>alert(1)</script>"\n')
        text = text.replace("    - title: Operatør settefisk\n", '    - title: "<img src=x onerror=alert(1)>"\n')
        profile.write_text(text, encoding="utf-8")

    out = build_folders("hostile", hostile)
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        elements = parse(path)
        for script in find(elements, "script"):
            assert "alert" not in script.text, path
        for element in elements:
            assert not [a for a in element.attrs if a.lower().startswith("on")], (path, element.tag, element.attrs)
            for attribute in ("href", "src", "action", "data"):
                value = element.attrs.get(attribute, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, element.tag, value)
            assert element.tag not in ("iframe", "object", "embed"), path
            if element.tag == "img":
                assert "evil.example" not in element.attrs.get("src", ""), path
    for index in out.rglob("search_index.json"):
        assert "<script" not in index.read_text("utf-8") and "<img src=x" not in index.read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in (out / "froya" / "work.html").read_text("utf-8")
    home = (out / "froya" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Velkommen" in home  # shown, as text
    assert "klikk her" in home  # the link text stays
    assert "<title>Frøya&quot; &lt;script&gt;alert(1)&lt;/script&gt;</title>" in home
