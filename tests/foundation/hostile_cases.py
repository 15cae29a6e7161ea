"""Hostile profiles: each a complete profile.yaml text with one thing wrong, where it is wrong,
and the rule that must catch it. Shared by the tests and bench/hostile.py."""

from __future__ import annotations

from dataclasses import dataclass

BASE = (
    "municipality:\n"          # 1
    '  number: "5014"\n'       # 2
    "  name: Frøya\n"          # 3
    "  language: nb\n"         # 4
    "updated: 2026-11-01\n"    # 5
)


@dataclass(frozen=True)
class Hostile:
    id: str
    content: bytes
    rule: str
    line: int
    column: int | None = None
    mentions: str | None = None  # a word the message or suggestion must contain (nb)


def _b(text: str) -> bytes:
    return text.encode("utf-8")


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES = [
    Hostile("syntax-error", _b(BASE + "jobs: [unclosed\n"), "schema.syntax", 7),
    Hostile("tab-indent", _b(BASE + "jobs:\n\tvacancies: []\n"), "schema.tab", 7, 1, "Tabulator"),
    Hostile("wrong-type", _b(BASE + "housing:\n  listings: 5\n"), "schema.list-type", 7, 13, "liste"),
    Hostile("unknown-key", _b(BASE + "jobs:\n  vacancys: []\n"), "schema.extra-forbidden", 7, 3, "vacancies"),
    Hostile("impossible-date", _b(BASE.replace("2026-11-01", "2026-02-30")), "schema.date-type", 5, 10, "ÅÅÅÅ-MM-DD"),
    Hostile("javascript-url", _b(BASE.replace("  language: nb\n", "  language: nb\n  website: javascript:alert(1)\n")), "schema.url-scheme", 5, 12, "https://"),
    Hostile("alias-bomb", _b(BASE + _alias_bomb()), "schema.aliases", None),
    Hostile("recursive-alias", _b(BASE + "jobs: &a {vacancies: [*a]}\n"), "schema.aliases", 6, 7, "seg selv"),
    Hostile("recursive-alias-in-list", _b(BASE + "deep: &l [1, [2, *l]]\n"), "schema.aliases", 6, 7, "seg selv"),
    Hostile("deep-nesting", _b(BASE + "deep: " + "[" * 5000 + "]" * 5000 + "\n"), "schema.too-deep", 6),
    Hostile("deep-block-nesting", _b(BASE + "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v: 1\n"), "schema.too-deep", 46, 81),
    Hostile("duplicate-key", _b(BASE + "updated: 2026-11-02\n"), "schema.duplicate-key", 6, 1, "linje 5"),
    Hostile("negative-count", _b(BASE + "services:\n  kindergarten:\n    available_places: -1\n    as_of: 2026-11-01\n"), "schema.greater-than-equal", 8, 23, "0"),
    Hostile("unknown-number", _b(BASE.replace('"5014"', '"9999"')), "schema.unknown-number", 2, 11, "5014"),
    Hostile("invalid-utf8", BASE.replace("Frøya", "Fr\udcffya").encode("utf-8", "surrogateescape"), "schema.encoding", 3, 11, "UTF-8"),
    Hostile("empty-file", b"", "schema.empty", 1, 1, "tom"),
    Hostile("comments-only", b"# nothing here\n", "schema.empty", 1, 1, "tom"),
    Hostile("list-at-root", _b("- municipality: x\n- updated: 2026-11-01\n"), "schema.root", 1, 1, "liste"),
    Hostile("unquoted-0301", _b(BASE.replace('"5014"', "0301")), "schema.string-type", 2, 11, '"0301"'),
    Hostile("unknown-listing-kind", _b(BASE + "housing:\n  listings:\n    - kind: lease\n      title: Hus\n"), "schema.literal-error", 8, 13, "sale"),
    Hostile("missing-language", _b(BASE.replace("  language: nb\n", "")), "schema.missing", 1, 1, "language"),
    Hostile("future-date", _b(BASE.replace("2026-11-01", "2031-01-01")), "schema.future-date", 5, 10, "2031-01-01"),
    Hostile("bad-email", _b(BASE + "contact:\n  name: Kari\n  email: kari(at)example.no\n"), "schema.email", 8, 10, "navn@domene.no"),
    Hostile("merge-key", _b(BASE + "jobs:\n  <<: {partner_help: true}\n"), "schema.merge-key", 7, 3),
    Hostile("nan-share", _b(BASE + "services:\n  broadband:\n    fiber_share: .nan\n    as_of: 2025-12-31\n"), "schema.finite-number", 8, 18),
    Hostile("share-above-one", _b(BASE + "services:\n  broadband:\n    fiber_share: 92\n    as_of: 2025-12-31\n"), "schema.less-than-equal", 8, 18),
    Hostile("bad-target-group", _b(BASE + "target_groups:\n  - id: everyone\n"), "schema.literal-error", 7, 9),
    Hostile("two-documents", _b(BASE + "---\nupdated: 2026-11-01\n"), "schema.syntax", 6),
    Hostile("undefined-alias", _b(BASE + "jobs: *nothing\n"), "schema.syntax", 6),
    Hostile("series-after-as-of", _b(BASE + "facts:\n  population:\n    source: SSB\n    as_of: 2025-01-01\n    series: {2024: 10, 2026: 12}\n"), "schema.series-after-as-of", 10, 24, "2026"),
    Hostile("null-bytes", _b(BASE + "note: a\x00b\n"), "schema.encoding", 6),
]
