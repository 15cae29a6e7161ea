"""Run every regular expression Rettfram applies to input over 1 MB of text, and every reader of
copy over a page at the size cap, printing each name before it starts (so a hang names itself).

Run by ``test_bounded_work.py`` in a subprocess with a deadline: a pattern that backtracks
quadratically on a long run of one character takes hours on 1 MB, not seconds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import rettfram
from rettfram.copy_html import render_copy
from rettfram.copy_markdown import parse
from rettfram.copy_pages import MAX_PAGE_BYTES
from rettfram.lint.markdown import document, email_spans
from rettfram.lint.pack import load_catalog

RUNS = ["a", " ", "-", ".", "<", "\\", "[", "@", "0", "\n", "æ", "a ", "a-", "a@", "<a "]
PAGES = ["[", "![](", "[a](", "<!--", "-->", "<", "\\", "&", "**a", "*a ", "a|\n", "| a |\n|---|\n", "x\n", "a@", "`", "> ", "- "]


def patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in pkgutil.walk_packages(rettfram.__path__, "rettfram."):
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern):
                found[f"{module.name}.{name}"] = value
    for lang, pack in load_catalog().packs.items():
        for rule in pack.rules:
            for kind in ("pattern", "unless", "with_"):
                if getattr(rule, kind) is not None:
                    found[f"{lang}:{rule.id}.{kind}"] = getattr(rule, kind).compiled
            for index, swap in enumerate(rule.swaps):
                found[f"{lang}:{rule.id}.swap{index}"] = swap.pattern.compiled
    return found


def main() -> None:
    size = 1024 * 1024
    text = "".join(run * (size // len(RUNS) // len(run)) for run in RUNS)  # 1 MB: a long run of each
    unique = {}
    for name, pattern in patterns().items():
        unique.setdefault((pattern.pattern, pattern.flags), name)
    for name in unique.values():
        print(f"pattern {name}", flush=True)
    compiled = {(p.pattern, p.flags): p for p in patterns().values()}
    data = text.encode("utf-8")  # for the patterns over bytes (source-map links in theme files)
    for key, name in unique.items():
        print(f"run {name}", flush=True)
        for _ in compiled[key].finditer(data if isinstance(key[0], bytes) else text):
            pass
    print("run email_spans", flush=True)
    email_spans(text)
    for run in PAGES:
        page = run * (MAX_PAGE_BYTES // len(run))
        print(f"page {run!r}", flush=True)
        parsed = parse(page)
        document("x.md", parsed)
        render_copy(parsed)
    print("done", flush=True)


if __name__ == "__main__":
    sys.exit(main())
