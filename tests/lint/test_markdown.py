"""Markdown extraction: what is linted, what is skipped, and exact 1-based line:column positions."""

from __future__ import annotations

import pytest

from rettfram.lint.markdown import read_markdown


def positions(findings, rule: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings if f.rule == rule]


FRONT_MATTER = """---
title: Fred og ro
description: naturen rett utenfor døra
---
Her finner du fred og ro.
"""

LISTS = """Dette får du:

- Jobb i havbruk
- Fred og ro
  * nøstet punkt med fred og ro
1. nummerert: fred og ro
- [ ] oppgave med fred og ro
"""

LINKS = """Les om [fred og ro](https://example.no/fred-og-ro "fred og ro") og
![fred og ro på fjellet](bilde.jpg) eller [fred og ro][ref].

[ref]: https://example.no/fred-og-ro
"""

NON_ASCII = "Blåbær, ærfugl og ørret – så fred og ro.\nÅpent, øde og stille – fred og ro\n"

HEADINGS = """# Fred og ro

Tittel med fred og ro
=====================

## Heading med lukking: fred og ro ##
"""

QUOTES_AND_TABLES = """> Sitat: her er fred og ro
> > dypt: fred og ro

| Sted | Hva |
|------|-----|
| Moen | fred og ro |
"""

# What is published as text is linted where it stands: HTML is shown as text, so is a sentence
# inside it; text after a comment on the same line; a table cell; a lone-CR file.
RAW_HTML = """<p>Her er fred og ro.</p>

Tekst <!-- notat --> og fred og ro etter.

| Sted | Hva |
|------|-----|
| Moen | Her er \\| fred og ro |
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRONT_MATTER, [(5, 15)]),
        (LISTS, [(4, 3), (5, 22), (6, 15), (7, 19)]),
        (LINKS, [(1, 9), (2, 3), (2, 44)]),
        (NON_ASCII, [(1, 30), (2, 24)]),
        (HEADINGS, [(1, 3), (3, 12), (6, 25)]),
        (QUOTES_AND_TABLES, [(1, 17), (2, 11), (6, 10)]),
        (RAW_HTML, [(1, 11), (3, 25), (7, 20)]),
        ("Ingen \r\nfred og ro i denne fila.\r\n", [(2, 1)]),
        ("Ingen\rher er fred og ro.\r", [(2, 8)]),
        ("\ufeffFørst en bom, så fred og ro", [(1, 18)]),
    ],
    ids=["front-matter", "lists", "link-text-and-alt", "non-ascii", "headings", "quotes-tables", "raw-html-comment-cell", "crlf",
         "lone-cr", "bom"],
)
def test_exact_positions(lint, text, expected):
    assert positions(lint(text), "cliche.fred-og-ro") == expected


@pytest.mark.parametrize(
    "text",
    [
        "```\nfred og ro\n```\n",
        "~~~markdown\nfred og ro\n~~~\n",
        "Tekst.\n\n    fred og ro i indentert kode\n",
        "Bruk `fred og ro` som eksempel.\n",
        "Se https://example.no/fred-og-ro og www.fred-og-ro.no.\n",
        "Se <https://example.no/fred og ro>.\n",
        "<!-- fred og ro -->\n",
        "<!--\nfred og ro\n-->\n",
        "Tekst <span title=\"x\">før</span> <!-- fred og ro --> etter.\n",
        "[lenke](https://example.no/fred og ro)\n",
        "- punkt\n\n  ```\n  fred og ro\n  ```\n",
        "Skriv til fred.og.ro@example.no.\n",
        "---\ntitle: fred og ro\n---\nTekst.\n",
    ],
    ids=["fence", "tilde-fence", "indented-code", "inline-code", "bare-urls", "autolink", "comment", "multiline-comment",
         "inline-comment", "link-destination", "fence-in-list", "email", "front-matter-only"],
)
def test_skipped_content_is_never_linted(lint, text):
    assert positions(lint(text), "cliche.fred-og-ro") == []


def test_list_item_continuation_stays_prose_not_code(lint):
    text = "- Første punkt\n\n    fortsatt punktet: fred og ro\n"
    assert positions(lint(text), "cliche.fred-og-ro") == [(3, 23)]


def test_phrase_across_a_line_break_is_found_at_its_start(lint):
    assert positions(lint("Her er det fred\nog ro.\n"), "cliche.fred-og-ro") == [(1, 12)]


def test_emphasis_inside_a_phrase_does_not_hide_it(lint):
    assert positions(lint("Her er **fred** og _ro_.\n"), "cliche.fred-og-ro") == [(1, 10)]


def test_masked_copy_keeps_every_offset():
    text = "# Tittel\n\nTekst med [lenke](https://x.no) og `kode`.\n"
    doc = read_markdown("x.md", text)
    assert len(doc.masked) == len(text)
    assert doc.masked.replace("\x00", "#") == "##Tittel\n\nTekst med  lenke############### og ######.\n"


def test_blocks_are_paragraphs_headings_and_items():
    text = "# A\n\nB b\nb.\n\n- C\n- D\n"
    doc = read_markdown("x.md", text)
    assert [" ".join(doc.masked[b.start : b.end].split()) for b in doc.blocks] == ["A", "B b b.", "C", "D"]
