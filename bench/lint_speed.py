#!/usr/bin/env python3
"""How fast is the copy linter? Prints figures; never passes or fails on time.

Lints every ``copy/<lang>/*.md`` under ``municipalities/`` (the example municipalities), and a
synthetic corpus (``--synthetic N`` files, default 357 × 6 pages, one per municipality and
page, built from the corpus sentences in corpus/) to show national scale. Start-up
(imports, loading and compiling the rule packs, loading the similar model) is timed separately from linting.

    python bench/lint_speed.py [--synthetic 2142] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

T0 = time.perf_counter()
from rettfram.lint.config import LintConfig  # noqa: E402
from rettfram.lint.pack import load_catalog  # noqa: E402
from rettfram import clock  # noqa: E402
from rettfram.lint.municipality import checked_profile  # noqa: E402
from rettfram.lint.runner import run  # noqa: E402

from rettfram.lint.similar import load_model  # noqa: E402

CATALOG = load_catalog()
load_model()  # the similar rules' model (rettfram/rules/similar.json)
STARTUP = time.perf_counter() - T0


def synthesise(folder: Path, files: int) -> None:
    """Write ``files`` Markdown pages mixing corpus sentences with headings, lists and links."""
    from rettfram.lint.corpus import load_corpus

    sentences: dict[str, list[str]] = {}
    for entry in load_corpus():
        sentences.setdefault(entry.lang, []).append(entry.text)
    rng = random.Random(357)
    langs = sorted(sentences)
    for index in range(files):
        lang = langs[index % len(langs)]
        pool = sentences[lang]
        lines = [f"# Side {index}", ""]
        for _ in range(6):
            lines += [" ".join(rng.choice(pool) for _ in range(4)), ""]
        lines += [f"- {rng.choice(pool)}" for _ in range(5)]
        lines += ["", f"Les mer på [nettsida](https://example.no/{index}) eller ring `+47 00 00 00 00`.", ""]
        target = folder / f"{index // 6:04d}-sted" / "copy" / lang / f"page{index % 6}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines), encoding="utf-8")


def measure(label: str, root: Path, repeat: int) -> None:
    """A whole ``lint`` run over ``root``: copy rules, the profiles (loaded and validated), their
    data checks, claims and strings, as ``python build.py lint`` does after start-up."""
    config = LintConfig()
    today = clock.today()
    runs, result = [], None
    for _ in range(repeat):
        checked_profile.cache_clear()  # load and validate the profiles again in every run
        start = time.perf_counter()
        result = run([root], None, CATALOG, config, today)
        runs.append(time.perf_counter() - start)
    assert result is not None
    if not result.files:
        print(f"{label}: no copy found under {root}")
        return
    best = min(runs)
    print(f"{label}: {result.files} files, {len(result.findings)} findings")
    print(f"  total {best * 1000:.1f} ms (best of {repeat}; median {statistics.median(runs) * 1000:.1f} ms), "
          f"{best / result.files * 1000:.2f} ms per file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=357 * 6, help="synthetic pages to lint (0: none)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rules = sum(len(p.rules) for p in CATALOG.packs.values())
    print(f"start-up (imports + loading and compiling {rules} rules): {STARTUP * 1000:.0f} ms")
    measure("municipalities/", REPO / "municipalities", args.repeat)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            synthesise(Path(tmp), args.synthetic)
            measure("synthetic", Path(tmp), args.repeat)


if __name__ == "__main__":
    main()
